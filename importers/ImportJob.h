// Loads export files into the ledger in one transaction: invoices first, then payments,
// every row either stored, recognised as already there, or rejected with its reason.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "dates/Date.h"
#include "importers/Records.h"
#include "importers/RowParser.h"
#include "store/Database.h"

namespace kindly::importers {

struct ImportOptions {
  ParseSettings parse;
  dates::Date asOf;     // the export's date: inferred payments are dated here
  bool dryRun = false;  // check and count everything, then write nothing
};

// What one file did to the ledger. Always: read == added + updated + unchanged + rejected.
struct FileSummary {
  std::string file;
  std::string kind;  // "invoices" or "payments"
  std::size_t read = 0;
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t rejected = 0;
  // Payments made from a fall in the export's balance, for invoices with no payment rows.
  std::size_t inferredPayments = 0;
  std::vector<Reject> rejects;
};

class ImportJob {
 public:
  ImportJob(store::Database& database, ImportOptions options)
      : database_(database), options_(std::move(options)) {}

  // Imports `paths`. Every file is opened and its layout recognised before anything is
  // written: a file that cannot be read at all throws InputError and the ledger is
  // untouched. Rows are then written in one transaction (rolled back for a dry run).
  std::vector<FileSummary> run(const std::vector<std::string>& paths);

 private:
  store::Database& database_;
  ImportOptions options_;
};

}  // namespace kindly::importers
