// Small builders for the aging tests: amounts and dates in one call, a ledger filled row by row
// with plain SQL (so a test states exactly what the ledger holds), the repository root and
// its sample business.
#pragma once

#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "importers/ImportJob.h"
#include "store/Database.h"
#include "store/DateKnown.h"
#include "support/AmountsAndDays.h"

namespace kindly::testing {

// The repository's root folder (where samples/ lives), found from this file's own path.
inline std::filesystem::path sourceRoot() {
  return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path();
}

// The sample business (samples/invoices.csv and payments.csv) imported as of `asOf`, as
// `kindly import` loads it; the summaries, one per file.
inline std::vector<importers::FileSummary> importSamples(store::Database& database,
                                                         dates::Date asOf) {
  const auto samples = sourceRoot() / "samples";
  return importers::ImportJob(
             database,
             importers::ImportOptions{.source = {}, .progress = {}, .asOf = asOf, .dryRun = false})
      .run({(samples / "invoices.csv").string(), (samples / "payments.csv").string()});
}

// Writes clients, invoices and payments straight into a ledger, as one import would leave
// them. Clients are created on their first invoice unless added before with their email.
class LedgerBuilder {
 public:
  explicit LedgerBuilder(store::Database& database) : session_(database.session()) {
    session_ << "INSERT INTO imports (file, layout, as_of_day) VALUES ('tests', 'generic', 0)",
        Poco::Data::Keywords::now;
  }

  LedgerBuilder& client(const std::string& code, const std::string& name,
                        const std::string& email = "") {
    using namespace Poco::Data::Keywords;
    session_ << "INSERT INTO clients (code, name, email) VALUES (?, ?, ?)", bind(code), bind(name),
        bind(email), now;
    return *this;
  }

  LedgerBuilder& invoice(const std::string& number, const std::string& clientCode,
                         dates::Date issued, dates::Date due, const money::Money& total,
                         const std::string& status = "") {
    using namespace Poco::Data::Keywords;
    session_ << "INSERT OR IGNORE INTO clients (code, name) VALUES (?, ?)", bind(clientCode),
        bind(clientCode + " Ltd"), now;
    Poco::Data::Statement insert(session_);
    insert << "INSERT INTO invoices (number, client_id, issue_day, due_day, currency, amount, "
              "status, first_import_id, last_import_id) "
              "SELECT ?, id, ?, ?, ?, ?, ?, 1, 1 FROM clients WHERE code = ?",
        bind(number), bind(static_cast<Poco::Int64>(issued.dayNumber())),
        bind(static_cast<Poco::Int64>(due.dayNumber())), bind(total.currency().code()),
        bind(static_cast<Poco::Int64>(total.minorUnits())), bind(status), bind(clientCode);
    if (insert.execute() != 1) throw std::logic_error("invoice " + number + " not added");
    return *this;
  }

  // A payment against `invoiceNumber`, in the invoice's currency, on a day known exactly.
  LedgerBuilder& payment(const std::string& invoiceNumber, dates::Date paid,
                         std::int64_t minorUnits) {
    return payment(invoiceNumber, paid, minorUnits, store::DateKnown::Exact, 0);
  }
  // A payment inferred between two exports: after `after`, by `by` (DateKnown::Bounded).
  LedgerBuilder& paymentBetween(const std::string& invoiceNumber, dates::Date after, dates::Date by,
                                std::int64_t minorUnits) {
    return payment(invoiceNumber, by, minorUnits, store::DateKnown::Bounded, after.dayNumber());
  }
  // A payment whose day is not known, made by `by` (an invoice first seen already paid).
  LedgerBuilder& paymentBy(const std::string& invoiceNumber, dates::Date by,
                           std::int64_t minorUnits) {
    return payment(invoiceNumber, by, minorUnits, store::DateKnown::Unknown, 0);
  }

 private:
  LedgerBuilder& payment(const std::string& invoiceNumber, dates::Date day, std::int64_t minorUnits,
                         store::DateKnown known, std::int64_t after) {
    using namespace Poco::Data::Keywords;
    const std::string reference = "payment " + std::to_string(++payments_);
    const auto knownAs = static_cast<Poco::Int64>(known);
    const Poco::Int32 inferred = known == store::DateKnown::Exact ? 0 : 1;
    const auto afterDay = static_cast<Poco::Int64>(after);
    Poco::Data::Statement insert(session_);
    insert << "INSERT INTO payments (invoice_id, payment_day, amount, reference, import_id, "
              "currency, inferred, date_known, paid_after_day) "
              "SELECT id, ?, ?, ?, 1, currency, ?, ?, CASE WHEN ? = 1 THEN ? END "
              "FROM invoices WHERE number = ?",
        bind(static_cast<Poco::Int64>(day.dayNumber())), bind(static_cast<Poco::Int64>(minorUnits)),
        bind(reference), bind(inferred), bind(knownAs), bind(knownAs), bind(afterDay),
        bind(invoiceNumber);
    if (insert.execute() != 1) throw std::logic_error("no invoice " + invoiceNumber + " to pay");
    return *this;
  }

  Poco::Data::Session& session_;
  int payments_ = 0;
};

}  // namespace kindly::testing
