// Loads export files into the ledger in one transaction: invoice files first, then mixed,
// then payment files; every row stored, recognised as already there, skipped as a title or
// total, or rejected with its reason.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dates/Date.h"
#include "importers/Records.h"
#include "importers/SourceFile.h"
#include "store/Database.h"

namespace kindly::importers {

struct ImportOptions {
  SourceOptions source;
  // Called now and then while a file is read, with the file and how much of it is done.
  std::function<void(const std::string& file, double done)> progress;
  dates::Date asOf;     // inferred payments are dated here, unless the export gives its date
  bool dryRun = false;  // check and count everything, then write nothing
};

// What one file did to the ledger.
// Always: read == added + updated + unchanged + skipped() + rejected.
struct FileSummary {
  std::int64_t importId = 0;  // its row in the ledger's imports
  std::string file;
  std::string format;       // the profile's name ("generic", "xero")
  std::string description;  // "Xero invoice export"
  std::string table;        // "CSV, ','-delimited, UTF-8"
  std::size_t read = 0;
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::map<std::string, std::size_t> skips;  // rows with nothing to import, by kind
  std::size_t rejected = 0;
  std::optional<dates::Date> exportDate;  // what the file says it was made as of
  // Payments made from a fall in the export's balance, for invoices with no payment rows.
  std::size_t inferredPayments = 0;
  std::size_t inferredOnPaidDate = 0;  // of those, dated by the export's paid-date column
  // Of those, payments of invoices already paid when the ledger first saw them: made by the
  // export's date, on a day not known.
  std::size_t paidBeforeFirstSeen = 0;
  // Inferred payments of earlier imports that payment rows of this file replaced.
  std::size_t replacedInferred = 0;
  // Invoices whose balance in this export the ledger's payments do not explain (a payment
  // reversed at the source, or listed payments that differ): the ledger's payments stand.
  std::vector<std::string> balanceDisagreements;
  // Credit notes newly applied to the invoices they name, and those left as unapplied
  // credits with the reason ("CN-7: INV-9 is not in the ledger").
  std::size_t appliedCredits = 0;
  // Invoices the file calls drafts, void or deleted: kept as the file says, owed nothing.
  std::size_t notOwed = 0;
  // Invoices whose row gives no due date: due as their terms say, or on their issue date.
  std::size_t dueFromTerms = 0;
  std::size_t dueOnIssue = 0;
  // Payments naming no invoice, kept as their clients' credits on account; and bookings paying
  // an invoice of an earlier period that the ledger lacks, kept so too.
  std::size_t paidOnAccount = 0;
  std::size_t paidEarlierInvoice = 0;
  std::vector<std::string> unappliedCredits;
  // Invoices this file moved to another currency that have payments in the old one: those
  // stay in their own currency, as the client's credit (see LedgerWriter).
  std::vector<std::string> paymentsInAnotherCurrency;
  // Invoices this file moved to another client whose disputes and promises went along.
  std::vector<std::string> movedWithInvoice;
  // Slips a person should check, one sentence each (see LedgerWriter::slipsOf).
  std::vector<std::string> slips;
  // Open invoices of earlier full exports of this format that this one no longer lists.
  std::vector<std::string> missingFromExport;
  // The other sheets of the file's workbook, which hold neither invoices nor payments.
  std::vector<std::string> sheetsNotRead;
  // New clients that look like known ones (same name or email, another id): never merged.
  std::vector<std::string> suspectedDuplicates;
  std::vector<Reject> rejects;
  // Rows kept as they say, with what a person should check (a due date before the issue
  // date): written like rejects, but the row is in the ledger.
  std::vector<Reject> warnings;
  // The ledger's latest import was this same file read the same way: nothing can change,
  // so its rows were not read again and all count as unchanged.
  bool sameAsLatest = false;

  std::size_t skipped() const;
  // Importing the file again right after would report nothing but its counts: no rejects,
  // skips or notes that are found anew each time (new clients are new only once).
  bool againOnlyCounts() const;
};

// Opens and recognises every file of an import; throws InputError for one that cannot be
// read at all. A workbook gives a source for each sheet that holds invoices or payments
// (only the sheet options.table names, when it names one); its other sheets are listed in
// the first one's sheetsNotRead. Touches no ledger: a command can refuse bad files before it
// opens one.
std::vector<SourceFile> openSources(const std::vector<std::string>& paths,
                                    const SourceOptions& options);

class ImportJob {
 public:
  ImportJob(store::Database& database, ImportOptions options)
      : database_(database), options_(std::move(options)) {}

  // Imports `paths`. Every file is opened and its format recognised before anything is
  // written: a file that cannot be read at all throws InputError and the ledger is
  // untouched. Rows are then written in one transaction (rolled back for a dry run).
  std::vector<FileSummary> run(const std::vector<std::string>& paths);
  // Imports files opened by openSources().
  std::vector<FileSummary> run(std::vector<SourceFile> sources);

 private:
  store::Database& database_;
  ImportOptions options_;
};

}  // namespace kindly::importers
