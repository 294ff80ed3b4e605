// Reading happens in two phases so that an unreadable file stops the whole import before
// a single row is written: open and recognise every file, then write them all.
#include "importers/ImportJob.h"

#include <Poco/Data/Transaction.h>

#include <algorithm>

#include "base/Error.h"
#include "importers/FileImport.h"
#include "importers/Fingerprint.h"
#include "importers/LedgerWriter.h"

namespace kindly::importers {

namespace {

// When an export says more is paid than the ledger knows, and the ledger has no payment
// rows of its own for the invoice, the difference is a payment received by the export's
// date. Runs after the payment files, so a payment listed there is never counted twice.
void inferPayments(LedgerWriter& ledger, const std::vector<PaidClaim>& claims, dates::Date asOf,
                   std::vector<FileSummary>& summaries) {
  for (const auto& claim : claims) {
    auto& summary = summaries[claim.summaryIndex];
    const auto invoice = ledger.findInvoice(claim.invoiceNumber);
    const auto known = ledger.paymentsSoFar(*invoice);
    const auto missing = claim.paid.minorUnits() - known.total;
    if (missing == 0) continue;
    // A credit (a negative invoice) is settled by negative amounts: allocated or refunded.
    const bool settledFurther = claim.paid.isNegative() ? missing < 0 : missing > 0;
    if (known.listed > 0 || !settledFurther) {
      summary.balanceDisagreements.push_back(claim.invoiceNumber);
      continue;
    }
    const money::Money amount(missing, claim.paid.currency());
    // Dated by the export's own date of the latest payment where it gives one.
    const auto day = claim.lastPaidOn.value_or(summary.exportDate.value_or(asOf));
    if (const auto known =
            ledger.writePayment(claim.importId, invoice->id, day, amount, "inferred from balance",
                                1, true, claim.lastPaidOn.has_value())) {
      ++summary.inferredPayments;
      summary.inferredOnPaidDate += claim.lastPaidOn.has_value();
      summary.paidBeforeFirstSeen += *known == store::DateKnown::Unknown;
    }
  }
}

// A credit note settles the invoice it names as a payment of its amount would, on its own
// date; the same amount against the credit note uses it up. Runs before inferPayments, so
// that an export's lower balance explained by the credit is not taken for a payment.
void applyCredits(LedgerWriter& ledger, const std::vector<CreditForInvoice>& credits,
                  std::vector<FileSummary>& summaries) {
  for (const auto& credit : credits) {
    auto& summary = summaries[credit.summaryIndex];
    const auto creditNote = ledger.findInvoice(credit.creditNote);
    const auto invoice = ledger.findInvoice(credit.invoiceNumber);
    if (!invoice) {
      summary.unappliedCredits.push_back(credit.creditNote + ": " + credit.invoiceNumber +
                                         " is not in the ledger");
    } else if (invoice->amount.currency() != creditNote->amount.currency()) {
      summary.unappliedCredits.push_back(credit.creditNote + ": " + credit.invoiceNumber +
                                         " is in " + invoice->amount.currency().code());
    } else {
      if (ledger.applyCredit(credit.importId, *creditNote, credit.creditNote, *invoice,
                             credit.invoiceNumber, credit.issued)) {
        ++summary.appliedCredits;
      }
    }
  }
}

// Every sum Kindly makes of one currency's amounts must stay exact: an import that would
// take a currency's invoices or payments beyond LedgerWriter::kExactSums is refused whole,
// rather than accepted and then refused by every report. The whole ledger is looked at only
// when this import wrote more than kCheckAfter in all: a business's year of invoices is far
// below it, and beneath it some four million imports would be needed to get from the limit
// to an overflow.
void refuseSumsBeyondExact(LedgerWriter& ledger) {
  constexpr std::uint64_t kCheckAfter = std::uint64_t{1} << 40;
  if (ledger.amountsWritten() <= kCheckAfter) return;
  const auto currencies = ledger.currenciesBeyondExactSums();
  if (currencies.empty()) return;
  std::string names;
  for (const auto& code : currencies) names += (names.empty() ? "" : ", ") + code;
  throw InputError("the amounts in " + names +
                   " would add up to more than Kindly can count exactly (about 4.6 x 10^18 "
                   "minor units); nothing was imported");
}

// True when the ledger's latest imports were these same files, read the same way, in this
// order, each with nothing to report: nothing has changed the invoices or payments since, so
// importing them again would change nothing either.
bool importedJustBefore(const std::vector<LedgerWriter::LatestImport>& latest,
                        const std::vector<std::string>& fingerprints) {
  if (latest.size() != fingerprints.size()) return false;
  for (std::size_t i = 0; i < latest.size(); ++i) {
    if (latest[i].fingerprint.empty() || latest[i].fingerprint != fingerprints[i]) return false;
  }
  return true;
}

// Records the import of files the ledger has just imported, without reading their rows.
std::vector<FileSummary> importAgain(LedgerWriter& ledger, const std::vector<SourceFile>& sources,
                                     const std::vector<LedgerWriter::LatestImport>& latest,
                                     const std::vector<std::string>& fingerprints,
                                     dates::Date asOf) {
  std::vector<FileSummary> summaries;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    FileSummary summary = summaryBeforeReading(sources[i]);
    summary.read = summary.unchanged = latest[i].rows;
    summary.sameAsLatest = true;
    summary.importId = ledger.beginImport(summary.file, summary.format, asOf);
    ledger.finishImport(summary.importId, summary);
    ledger.keepFingerprint(summary.importId, fingerprints[i]);
    summaries.push_back(std::move(summary));
  }
  return summaries;
}

}  // namespace

std::vector<SourceFile> openSources(const std::vector<std::string>& paths,
                                    const SourceOptions& options) {
  std::vector<SourceFile> sources;
  for (const auto& path : paths) {
    const auto sheets =
        options.table.sheet.empty() ? workbookSheets(path) : std::vector<std::string>{};
    if (sheets.size() < 2) {
      sources.push_back(openSource(path, options));
      continue;
    }
    // A workbook of several sheets (an invoices sheet, a payments sheet, its line items):
    // each sheet a format knows is read; the others are named, and only when none is known is
    // the workbook refused, as its first sheet would be.
    const std::size_t first = sources.size();
    std::vector<std::string> notRead;
    std::optional<UnknownLayout> firstProblem;
    for (const auto& sheet : sheets) {
      auto sheetOptions = options;
      sheetOptions.table.sheet = sheet;
      try {
        sources.push_back(openSource(path, sheetOptions));
      } catch (const UnknownLayout& unknown) {
        if (!firstProblem) firstProblem = unknown;
        notRead.push_back(sheet);
      }
    }
    if (sources.size() == first) throw *firstProblem;
    sources[first].sheetsNotRead = std::move(notRead);
  }
  return sources;
}

std::vector<FileSummary> ImportJob::run(const std::vector<std::string>& paths) {
  return run(openSources(paths, options_.source));
}

std::vector<FileSummary> ImportJob::run(std::vector<SourceFile> sources) {
  // Payments name their invoices, so invoices go in first.
  std::stable_sort(sources.begin(), sources.end(), [](const auto& a, const auto& b) {
    return a.profile->kind() < b.profile->kind();
  });
  std::vector<std::string> fingerprints;
  for (const auto& source : sources) {
    fingerprints.push_back(fingerprint(source.table->path(), source, options_.source));
  }

  // A large import changes more of the ledger than SQLite's default 2 MB cache holds: pages
  // spilled to the write-ahead log and read back cost a quarter of the time. 32 MB at most.
  database_.session() << "PRAGMA cache_size = -32768", Poco::Data::Keywords::now;
  Poco::Data::Transaction transaction(database_.session());
  // The write lock first: SQLite fails a transaction that has read and then wants to write
  // at once when another program is writing, but lets one that starts by writing wait its
  // busy timeout for the other to finish.
  database_.session() << "UPDATE imports SET id = id WHERE 0", Poco::Data::Keywords::now;
  LedgerWriter ledger(database_);
  std::vector<FileSummary> summaries;
  if (const auto latest = ledger.latestImports(sources.size());
      importedJustBefore(latest, fingerprints)) {
    summaries = importAgain(ledger, sources, latest, fingerprints, options_.asOf);
  } else {
    Settlements settlements;
    std::vector<std::string> readAs;  // a file found to hold Windows-1252 rows says so
    for (auto& source : sources) {
      readAs.push_back(summaryBeforeReading(source).table);
      summaries.push_back(
          FileImport(source, ledger, options_, settlements, summaries.size()).run());
    }
    applyCredits(ledger, settlements.credits, summaries);
    inferPayments(ledger, settlements.paidClaims, options_.asOf, summaries);
    for (auto& summary : summaries) {
      summary.paymentsInAnotherCurrency = ledger.paymentsInAnotherCurrency(summary.importId);
      summary.movedWithInvoice = ledger.moveInvoiceFacts(summary.importId);
      summary.slips = ledger.slipsOf(summary.importId);
    }
    refuseSumsBeyondExact(ledger);
    for (std::size_t i = 0; i < summaries.size(); ++i) {
      if (summaries[i].againOnlyCounts() && summaries[i].table == readAs[i]) {
        ledger.keepFingerprint(summaries[i].importId, fingerprints[i]);
      }
    }
  }
  if (options_.dryRun) {
    transaction.rollback();
  } else {
    transaction.commit();
  }
  return summaries;
}

}  // namespace kindly::importers
