// ImportJob on a real SQLite ledger in a temporary folder: first imports, weekly re-imports,
// rejects, inferred payments, dry runs and files that cannot be read at all.
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/Error.h"
#include "importers/ImportJob.h"
#include "store/Database.h"
#include "store/Queries.h"
#include "support/TempDir.h"

using namespace Poco::Data::Keywords;

namespace kindly::testing {
namespace {

using importers::FileSummary;
using importers::ImportOptions;
using importers::Reject;

dates::Date day(int year, int month, int dayOfMonth) {
  return *dates::Date::fromYmd(year, month, dayOfMonth);
}

const dates::Date kAsOf = day(2026, 11, 20);

constexpr std::string_view kInvoiceHeader =
    "invoice_number,client_id,client_name,client_email,issue_date,due_date,amount,currency\n";

constexpr std::string_view kInvoices =
    "invoice_number,client_id,client_name,client_email,issue_date,due_date,amount,currency\n"
    "INV-1,C1,Acme Ltd,ap@acme.example,2026-09-01,2026-10-01,1000.00,USD\n"
    "INV-2,C2,Bolt & Nut,bills@bolt.example,2026-09-05,2026-10-05,500.00,USD\n"
    "INV-3,C1,Acme Ltd,ap@acme.example,2026-09-10,2026-10-10,\"1,250.50\",EUR\n";

constexpr std::string_view kPayments =
    "invoice_number,payment_date,amount,reference\n"
    "INV-1,2026-10-02,400.00,ACH 1\n"
    "INV-3,2026-10-09,\"1,250.50\",Wire 7\n";

// Rows read are always rows added + updated + unchanged + skipped + rejected.
void expectEveryRowAccountedFor(const std::vector<FileSummary>& summaries) {
  for (const auto& s : summaries) {
    EXPECT_EQ(s.read, s.added + s.updated + s.unchanged + s.skipped() + s.rejected) << s.file;
    EXPECT_EQ(s.rejected, s.rejects.size()) << s.file;
  }
}

struct Counts {
  std::size_t read, added, updated, unchanged, rejected;
  friend bool operator==(const Counts&, const Counts&) = default;
};

std::ostream& operator<<(std::ostream& out, const Counts& c) {
  return out << "{read " << c.read << ", added " << c.added << ", updated " << c.updated
             << ", unchanged " << c.unchanged << ", rejected " << c.rejected << "}";
}

Counts countsOf(const FileSummary& s) {
  return {s.read, s.added, s.updated, s.unchanged, s.rejected};
}

class ImportJob : public ::testing::Test {
 protected:
  std::vector<FileSummary> import(const std::vector<std::string>& paths, dates::Date asOf = kAsOf,
                                  bool dryRun = false) {
    ImportOptions options;
    options.asOf = asOf;
    options.dryRun = dryRun;
    auto summaries = importers::ImportJob(ledger_, options).run(paths);
    expectEveryRowAccountedFor(summaries);
    return summaries;
  }

  // Every row of `table`, one line each, in id order.
  std::string dump(const std::string& table) {
    Poco::Data::Statement select(ledger_.session());
    select << "SELECT * FROM " + table + " ORDER BY id";
    select.execute();
    Poco::Data::RecordSet rows(select);
    std::string out;
    for (bool more = rows.moveFirst(); more; more = rows.moveNext()) {
      for (std::size_t c = 0; c < rows.columnCount(); ++c) {
        out += (rows[c].isEmpty() ? std::string("NULL") : rows[c].convert<std::string>()) + "|";
      }
      out += "\n";
    }
    return out;
  }
  // The ledger a bookkeeper sees: invoices, payments, clients and the audit trail.
  std::string ledgerDump() {
    return dump("invoices") + "--\n" + dump("payments") + "--\n" + dump("clients") + "--\n" +
           dump("invoice_changes");
  }
  // A copy of the file at `path` with one more (empty) line: the same rows in other bytes, as
  // an export saved again, which is read row by row rather than recognised.
  std::string savedAgain(const std::string& path) {
    const auto copy = std::filesystem::path(path).stem().string() + "-saved-again.csv";
    return dir_.write(copy, readFile(path) + "\n");
  }
  std::string fingerprintOf(int importId) {
    std::string fingerprint;
    ledger_.session() << "SELECT fingerprint FROM imports WHERE id = ?", use(importId),
        into(fingerprint), now;
    return fingerprint;
  }
  // Everything, the import log and the rejects included.
  std::string wholeDump() {
    return ledgerDump() + "--\n" + dump("imports") + "--\n" + dump("rejects");
  }

  std::int64_t scalar(const std::string& sql) {
    Poco::Int64 value = 0;
    ledger_.session() << sql, into(value), now;
    return value;
  }

  TempDir dir_;
  store::Database ledger_{dir_.file("ledger.db")};
};

TEST_F(ImportJob, countsEveryRowAsNewOnTheFirstImport) {
  const auto invoices = dir_.write("invoices.csv", kInvoices);
  const auto payments = dir_.write("payments.csv", kPayments);
  const auto summaries = import({invoices, payments});

  ASSERT_EQ(summaries.size(), 2u);
  EXPECT_EQ(summaries[0].file, invoices);
  EXPECT_EQ(summaries[0].description, "invoice list");
  EXPECT_EQ(countsOf(summaries[0]), (Counts{3, 3, 0, 0, 0}));
  EXPECT_EQ(summaries[1].file, payments);
  EXPECT_EQ(summaries[1].description, "payment list");
  EXPECT_EQ(countsOf(summaries[1]), (Counts{2, 2, 0, 0, 0}));

  EXPECT_EQ(scalar("SELECT COUNT(*) FROM invoices"), 3);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM clients"), 2);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM payments"), 2);
  EXPECT_EQ(scalar("SELECT amount FROM invoices WHERE number = 'INV-3'"), 125050);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM invoices WHERE number = 'INV-3' AND currency = 'EUR'"), 1);
  EXPECT_EQ(scalar("SELECT due_day FROM invoices WHERE number = 'INV-1'"),
            day(2026, 10, 1).dayNumber());
  EXPECT_EQ(scalar("SELECT SUM(amount) FROM payments"), 40000 + 125050);
  // The import log records what each file did, and a fingerprint that knows the file again;
  // not undone, what an undo needs kept, the second file made with the first, no contact nor
  // write-off before them.
  EXPECT_EQ(dump("imports"), "1|" + invoices + "|generic|" + std::to_string(kAsOf.dayNumber()) +
                                 "|3|3|0|0|0|0|" + fingerprintOf(1) +
                                 "|NULL|NULL|NULL|1|NULL|0|0|\n" + "2|" + payments + "|generic|" +
                                 std::to_string(kAsOf.dayNumber()) + "|2|2|0|0|0|0|" +
                                 fingerprintOf(2) + "|NULL|NULL|NULL|1|1|0|0|\n");
  EXPECT_EQ(fingerprintOf(1).find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(fingerprintOf(1).size(), 64u);
  EXPECT_NE(fingerprintOf(1), fingerprintOf(2));
}

TEST_F(ImportJob, importsInvoicesBeforePaymentsWhateverTheOrderGiven) {
  const auto invoices = dir_.write("invoices.csv", kInvoices);
  const auto payments = dir_.write("payments.csv", kPayments);
  const auto summaries = import({payments, invoices});
  ASSERT_EQ(summaries.size(), 2u);
  EXPECT_EQ(summaries[0].description, "invoice list");
  EXPECT_EQ(countsOf(summaries[1]), (Counts{2, 2, 0, 0, 0}));
}

TEST_F(ImportJob, changesNothingWhenTheSameRowsAreImportedAgain) {
  const auto invoices = dir_.write("invoices.csv", kInvoices);
  const auto payments = dir_.write("payments.csv", kPayments);
  import({invoices, payments});
  const std::string before = ledgerDump();

  const auto again = import({savedAgain(invoices), savedAgain(payments)});
  ASSERT_EQ(again.size(), 2u);
  EXPECT_FALSE(again[0].sameAsLatest);
  EXPECT_EQ(countsOf(again[0]), (Counts{3, 0, 0, 3, 0}));
  EXPECT_EQ(countsOf(again[1]), (Counts{2, 0, 0, 2, 0}));
  EXPECT_EQ(ledgerDump(), before);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM invoice_changes"), 0);
}

TEST_F(ImportJob, knowsTheFilesOfTheLatestImportWithoutReadingThemAgain) {
  const auto invoices = dir_.write("invoices.csv", kInvoices);
  const auto payments = dir_.write("payments.csv", kPayments);
  import({invoices, payments});
  const std::string before = ledgerDump();

  // The same bytes under another name, as a weekly export saved again unchanged.
  const auto copy = dir_.write("invoices-copy.csv", kInvoices);
  const auto again = import({payments, copy});
  ASSERT_EQ(again.size(), 2u);
  EXPECT_TRUE(again[0].sameAsLatest);
  EXPECT_TRUE(again[1].sameAsLatest);
  EXPECT_EQ(again[0].file, copy);
  EXPECT_EQ(countsOf(again[0]), (Counts{3, 0, 0, 3, 0}));
  EXPECT_EQ(countsOf(again[1]), (Counts{2, 0, 0, 2, 0}));
  EXPECT_EQ(ledgerDump(), before);
  // The import is logged, and is known again in turn; the last file alone is known too.
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM imports"), 4);
  EXPECT_EQ(fingerprintOf(3), fingerprintOf(1));
  EXPECT_TRUE(import({payments})[0].sameAsLatest);
  // The first file alone was not the latest import: it is read again.
  EXPECT_FALSE(import({invoices})[0].sameAsLatest);
  EXPECT_EQ(ledgerDump(), before);
}

TEST_F(ImportJob, readsAFileAgainWhenAnotherImportCameAfterIt) {
  const auto older = dir_.write("invoices.csv", kInvoices);
  import({older});
  std::string changed(kInvoices);
  changed.replace(changed.find("1000.00"), 7, "1100.00");
  import({dir_.write("invoices-newer.csv", changed)});

  // The older export again puts back the older amount, as any import of it would.
  const auto again = import({older});
  EXPECT_FALSE(again[0].sameAsLatest);
  EXPECT_EQ(countsOf(again[0]), (Counts{3, 0, 1, 2, 0}));
  EXPECT_EQ(scalar("SELECT amount FROM invoices WHERE number = 'INV-1'"), 100000);
}

TEST_F(ImportJob, readsAFileAgainWhenItIsReadAnotherWay) {
  const auto invoices = dir_.write("invoices.csv",
                                   "invoice_number,client_name,due_date,amount\n"
                                   "INV-1,Acme Ltd,2026-10-01,1000.00\n");
  import({invoices});
  ImportOptions inEuros;
  inEuros.asOf = kAsOf;
  inEuros.source.parse.defaultCurrency = *money::Currency::fromCode("EUR");
  const auto again = importers::ImportJob(ledger_, inEuros).run({invoices});
  EXPECT_FALSE(again[0].sameAsLatest);
  EXPECT_EQ(countsOf(again[0]), (Counts{1, 0, 1, 0, 0}));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM invoices WHERE currency = 'EUR'"), 1);
}

TEST_F(ImportJob, aDryRunOfTheLatestFilesWritesNothing) {
  const auto invoices = dir_.write("invoices.csv", kInvoices);
  import({invoices});
  const std::string before = wholeDump();
  const auto again = import({invoices}, kAsOf, true);
  EXPECT_TRUE(again[0].sameAsLatest);
  EXPECT_EQ(wholeDump(), before);
}

TEST_F(ImportJob, updatesAChangedInvoiceAndKeepsItsOldValuesInTheAudit) {
  import({dir_.write("invoices.csv", kInvoices)});
  const auto newer =
      dir_.write("invoices-newer.csv",
                 std::string(kInvoiceHeader) +
                     "INV-1,C1,Acme Ltd,ap@acme.example,2026-09-01,2026-10-01,1000.00,USD\n"
                     "INV-2,C2,Bolt & Nut,bills@bolt.example,2026-09-05,2026-10-20,650.00,USD\n"
                     "INV-3,C1,Acme Ltd,ap@acme.example,2026-09-10,2026-10-10,\"1,250.50\",EUR\n");
  const auto summaries = import({newer});

  ASSERT_EQ(summaries.size(), 1u);
  EXPECT_EQ(countsOf(summaries[0]), (Counts{3, 0, 1, 2, 0}));
  EXPECT_EQ(scalar("SELECT amount FROM invoices WHERE number = 'INV-2'"), 65000);
  EXPECT_EQ(scalar("SELECT due_day FROM invoices WHERE number = 'INV-2'"),
            day(2026, 10, 20).dayNumber());

  const auto secondImport = scalar("SELECT MAX(id) FROM imports");
  const auto inv2 = scalar("SELECT id FROM invoices WHERE number = 'INV-2'");
  std::vector<std::string> changes;
  ledger_.session() << "SELECT invoice_id || ' ' || import_id || ' ' || field || ' ' || "
                       "old_value || ' -> ' || new_value FROM invoice_changes ORDER BY field",
      into(changes), now;
  const std::string prefix = std::to_string(inv2) + " " + std::to_string(secondImport) + " ";
  EXPECT_EQ(changes, (std::vector<std::string>{prefix + "amount 50000 -> 65000",
                                               prefix + "due_date 2026-10-05 -> 2026-10-20"}));
  // Only the changed invoice was touched.
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM invoices WHERE last_import_id = " +
                   std::to_string(secondImport)),
            1);
}

TEST_F(ImportJob, addsANewInvoiceFromANewerExport) {
  import({dir_.write("invoices.csv", kInvoices)});
  const auto newer =
      dir_.write("invoices-newer.csv",
                 std::string(kInvoices) +
                     "INV-4,C3,Cobalt Co,ar@cobalt.example,2026-11-01,2026-12-01,75.00,USD\n");
  const auto summaries = import({newer});
  ASSERT_EQ(summaries.size(), 1u);
  EXPECT_EQ(countsOf(summaries[0]), (Counts{4, 1, 0, 3, 0}));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM invoices"), 4);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM clients"), 3);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM invoice_changes"), 0);
}

struct ExpectedReject {
  std::size_t line;
  std::size_t column;
  std::string columnName;
  std::string reasonHas;
};

void expectRejects(const std::vector<Reject>& rejects, const std::string& file,
                   const std::vector<ExpectedReject>& expected) {
  ASSERT_EQ(rejects.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const auto& r = rejects[i];
    const auto& e = expected[i];
    EXPECT_EQ(r.file, file) << "reject " << i;
    EXPECT_EQ(r.line, e.line) << "reject " << i << ": " << r.reason;
    EXPECT_EQ(r.column, e.column) << "line " << r.line << ": " << r.reason;
    EXPECT_EQ(r.columnName, e.columnName) << "line " << r.line << ": " << r.reason;
    EXPECT_NE(r.reason.find(e.reasonHas), std::string::npos)
        << "line " << r.line << ": '" << r.reason << "' does not say '" << e.reasonHas << "'";
  }
}

TEST_F(ImportJob, keepsTheGoodRowsOfAFileWithBadOnesAndSaysWhereEachBadOneIs) {
  const auto file = dir_.write(
      "invoices.csv",
      std::string(kInvoiceHeader) +                                                      // 1
          "INV-1,C1,Acme Ltd,ap@acme.example,2026-09-01,2026-10-01,1000.00,USD\n"        // 2
          "INV-2,,,x@bolt.example,2026-09-05,2026-10-05,500.00,USD\n"                    // 3
          "INV-3,C1,Acme Ltd,ap@acme.example,2026-09-10,2026-10-10,abc,USD\n"            // 4
          "INV-4,C3,\"Multi\nLine Ltd\",m@multi.example,2026-09-10,2026-10-10,10,USD\n"  // 5-6
          "INV-5,C3,Multi,m@multi.example,2026-09-10,2026-10-10,10\n"                    // 7
          "INV-6,C3,Multi,m@multi.example,2026-09-10,2026-10-10,10,USD,oops\n"           // 8
          "\n"                                                                           // 9
          "INV-7,C3,Multi,m@multi.example,2026-09-10,2026-09-01,10,USD\n"                // 10
          "INV-8,C3,Multi,m@multi.example,2026-09-10,2026-10-10,10,QQQ\n"                // 11
          "INV-9,C4,Nine,n@nine.example,2026-09-10,2026-10-10,10,USD\n"                  // 12
          "INV-10,C4,\"Nine,2026-09-10,2026-10-10,10,USD\n");                            // 13
  const auto summaries = import({file});

  ASSERT_EQ(summaries.size(), 1u);
  EXPECT_EQ(countsOf(summaries[0]), (Counts{10, 4, 0, 0, 6}));
  expectRejects(summaries[0].rejects, file,
                {{3, 2, "client_id", "no client"},
                 {4, 7, "amount", ""},
                 {7, 0, "", "the row has 7 fields but the header has 8"},
                 {8, 9, "", "more fields than the header"},
                 {11, 8, "currency", "'QQQ'"},
                 {13, 0, "", "a quoted field is never closed"}});
  // A due date before the issue date is a slip at the source, not a reason to lose the money.
  expectRejects(summaries[0].warnings, file,
                {{10, 6, "due_date", "before the issue date 2026-09-10; kept, aged from its due"}});
  EXPECT_EQ(summaries[0].rejects[0].text,
            "INV-2,,,x@bolt.example,2026-09-05,2026-10-05,500.00,USD");

  std::vector<std::string> stored;
  ledger_.session() << "SELECT number FROM invoices ORDER BY id", into(stored), now;
  EXPECT_EQ(stored, (std::vector<std::string>{"INV-1", "INV-4", "INV-7", "INV-9"}));

  // The ledger keeps the same rejects for `kindly rejects`.
  const auto kept = store::rejects(ledger_, false);
  ASSERT_EQ(kept.size(), summaries[0].rejects.size());
  for (std::size_t i = 0; i < kept.size(); ++i) {
    const auto& r = summaries[0].rejects[i];
    EXPECT_EQ(kept[i].file, r.file);
    EXPECT_EQ(kept[i].line, r.line);
    EXPECT_EQ(kept[i].column, r.column);
    EXPECT_EQ(kept[i].columnName, r.columnName);
    EXPECT_EQ(kept[i].reason, r.reason);
    EXPECT_EQ(kept[i].text, r.text);
  }
  EXPECT_EQ(scalar("SELECT rows_rejected FROM imports"), 6);
}

// A rejected row was kept whole in the ledger and the summary, however long it was.
TEST_F(ImportJob, rejectKeepsOnlyTheStartOfAnOverlongRow) {
  const std::string name(10000, 'n');
  const auto file =
      dir_.write("invoices.csv", std::string(kInvoiceHeader) + "INV-1,C1," + name +
                                     ",ap@acme.example,2026-09-01,2026-10-01,abc,USD\n");
  const auto summaries = import({file});
  ASSERT_EQ(summaries[0].rejects.size(), 1u);
  const std::string kept = "INV-1,C1," + name.substr(0, 4096 - 9) + "... (5959 more bytes)";
  EXPECT_EQ(summaries[0].rejects[0].text, kept);
  ASSERT_EQ(store::rejects(ledger_, false).size(), 1u);
  EXPECT_EQ(store::rejects(ledger_, false)[0].text, kept);
}

TEST_F(ImportJob, listsOnlyTheLatestImportsRejectsOnceTheFileIsFixed) {
  const auto path = dir_.file("invoices.csv");
  dir_.write("invoices.csv", std::string(kInvoices) +
                                 "INV-4,C1,Acme Ltd,ap@acme.example,2026-09-10,2026-10-10,x,USD\n");
  import({path});
  ASSERT_EQ(store::rejects(ledger_, false).size(), 1u);

  dir_.write("invoices.csv", kInvoices);
  import({path});
  EXPECT_TRUE(store::rejects(ledger_, false).empty());
  EXPECT_EQ(store::rejects(ledger_, true).size(), 1u);
}

TEST_F(ImportJob, rejectsAPaymentForAnInvoiceTheLedgerDoesNotHave) {
  const auto payments = dir_.write("payments.csv",
                                   "invoice_number,payment_date,amount,reference\n"
                                   "INV-1,2026-10-02,400.00,ACH 1\n"
                                   "INV-99,2026-10-03,50.00,ACH 2\n"
                                   "INV-2,2026-10-04,\xE2\x82\xAC"
                                   "50.00,ACH 3\n"
                                   "INV-2,2026-10-05,0.00,ACH 4\n");
  const auto summaries = import({dir_.write("invoices.csv", kInvoices), payments});
  ASSERT_EQ(summaries.size(), 2u);
  EXPECT_EQ(countsOf(summaries[1]), (Counts{4, 1, 0, 0, 3}));
  expectRejects(summaries[1].rejects, payments,
                {{3, 1, "invoice_number", "no invoice INV-99"},
                 {4, 3, "amount", "in EUR, but invoice INV-2 is in USD"},
                 {5, 3, "amount", "a payment of zero"}});
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM payments"), 1);
}

TEST_F(ImportJob, keepsTwoIdenticalPaymentsInOneFileAsTwoPayments) {
  const auto invoices = dir_.write("invoices.csv", kInvoices);
  const auto payments = dir_.write("payments.csv",
                                   "invoice_number,payment_date,amount,reference\n"
                                   "INV-1,2026-10-02,100.00,Cash\n"
                                   "INV-1,2026-10-02,100.00,Cash\n");
  const auto first = import({invoices, payments});
  EXPECT_EQ(countsOf(first[1]), (Counts{2, 2, 0, 0, 0}));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM payments"), 2);

  const auto again = import({invoices, savedAgain(payments)});
  EXPECT_EQ(countsOf(again[1]), (Counts{2, 0, 0, 2, 0}));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM payments"), 2);
  EXPECT_EQ(scalar("SELECT SUM(amount) FROM payments"), 20000);
}

// Regression: "100.00" and "100" counted as different payments for the occurrence, so the
// second row collided with the first in the ledger and was counted unchanged.
TEST_F(ImportJob, keepsTwoEqualPaymentsWrittenDifferentlyAsTwoPayments) {
  const auto invoices = dir_.write("invoices.csv", kInvoices);
  const auto payments = dir_.write("payments.csv",
                                   "invoice_number,payment_date,amount,reference\n"
                                   "INV-1,2026-10-02,100.00,Cash\n"
                                   "INV-1,2026-10-02,100,Cash\n");
  const auto first = import({invoices, payments});
  EXPECT_EQ(countsOf(first[1]), (Counts{2, 2, 0, 0, 0}));
  const auto again = import({invoices, savedAgain(payments)});
  EXPECT_EQ(countsOf(again[1]), (Counts{2, 0, 0, 2, 0}));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM payments"), 2);
}

TEST_F(ImportJob, turnsAFallInTheBalanceIntoOneInferredPaymentOnTheExportDate) {
  const std::string header =
      "invoice_number,client_id,client_name,issue_date,due_date,amount,currency,balance\n";
  const auto path = dir_.file("invoices.csv");
  dir_.write("invoices.csv", header +
                                 "INV-1,C1,Acme,2026-09-01,2026-10-01,1000.00,USD,1000.00\n"
                                 "INV-2,C1,Acme,2026-09-01,2026-10-01,300.00,USD,300.00\n");
  const auto first = import({path}, day(2026, 10, 1));
  EXPECT_EQ(countsOf(first[0]), (Counts{2, 2, 0, 0, 0}));
  EXPECT_EQ(first[0].inferredPayments, 0u);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM payments"), 0);

  dir_.write("invoices.csv", header +
                                 "INV-1,C1,Acme,2026-09-01,2026-10-01,1000.00,USD,400.00\n"
                                 "INV-2,C1,Acme,2026-09-01,2026-10-01,300.00,USD,300.00\n");
  const auto second = import({path}, day(2026, 10, 15));
  // The invoices themselves did not change: the news is the payment, counted apart.
  EXPECT_EQ(countsOf(second[0]), (Counts{2, 0, 0, 2, 0}));
  EXPECT_EQ(second[0].inferredPayments, 1u);
  EXPECT_EQ(dump("payments"),
            "1|" + std::to_string(scalar("SELECT id FROM invoices WHERE number = 'INV-1'")) + "|" +
                std::to_string(day(2026, 10, 15).dayNumber()) +
                "|USD|60000|inferred from balance|1|1|" +
                std::to_string(scalar("SELECT MAX(id) FROM imports")) + "|1|" +
                std::to_string(day(2026, 10, 1).dayNumber()) + "|\n")
      << "paid after the export before (Oct 1), by this one (Oct 15)";

  // The same export again knows of no further payment.
  const std::string before = ledgerDump();
  const auto third = import({path}, day(2026, 10, 15));
  EXPECT_EQ(countsOf(third[0]), (Counts{2, 0, 0, 2, 0}));
  EXPECT_EQ(third[0].inferredPayments, 0u);
  EXPECT_EQ(ledgerDump(), before);
}

TEST_F(ImportJob, knowsNoDateOfAPaymentMadeBeforeTheInvoiceWasFirstSeen) {
  const auto path = dir_.write(
      "invoices.csv",
      "invoice_number,client_id,client_name,issue_date,due_date,amount,currency,balance\n"
      "INV-1,C1,Acme,2026-03-01,2026-04-01,1000.00,USD,0.00\n");
  import({path}, day(2026, 10, 1));
  EXPECT_EQ(dump("payments"), "1|" + std::to_string(scalar("SELECT id FROM invoices")) + "|" +
                                  std::to_string(day(2026, 10, 1).dayNumber()) +
                                  "|USD|100000|inferred from balance|1|1|1|2|NULL|\n")
      << "paid some day before the first export that shows it: when is not known";
}

TEST_F(ImportJob, datesAPaymentByTheDayTheExportSaysItWasPaid) {
  const auto path = dir_.write(
      "invoices.csv",
      "invoice_number,client_id,client_name,issue_date,due_date,amount,balance,date paid\n"
      "INV-1,C1,Acme,2026-03-01,2026-04-01,1000.00,0.00,2026-04-03\n");
  import({path}, day(2026, 10, 1));
  EXPECT_EQ(dump("payments"), "1|" + std::to_string(scalar("SELECT id FROM invoices")) + "|" +
                                  std::to_string(day(2026, 4, 3).dayNumber()) +
                                  "|USD|100000|inferred from balance|1|1|1|0|NULL|\n")
      << "the amount from the balance, the day from the paid-date column";
}

// Regression: invoices go in before payments, so a fall in balance was inferred as a payment
// and then the same payment was read from the payments file too: 800 paid of 1000, not 400.
TEST_F(ImportJob, infersNothingForAnInvoiceWhosePaymentsAreListed) {
  const auto invoices = dir_.write(
      "invoices.csv",
      "invoice_number,client_id,client_name,issue_date,due_date,amount,currency,balance\n"
      "INV-1,C1,Acme,2026-09-01,2026-10-01,1000.00,USD,600.00\n"
      "INV-2,C1,Acme,2026-09-01,2026-10-01,300.00,USD,100.00\n");
  const auto payments = dir_.write("payments.csv",
                                   "invoice_number,payment_date,amount\n"
                                   "INV-1,2026-10-05,400.00\n");
  const auto summaries = import({invoices, payments}, day(2026, 10, 15));
  EXPECT_EQ(summaries[0].inferredPayments, 1u) << "INV-2 has no payment rows";
  EXPECT_EQ(scalar("SELECT SUM(p.amount) FROM payments p JOIN invoices i ON i.id = p.invoice_id "
                   "WHERE i.number = 'INV-1'"),
            40000);
  EXPECT_EQ(scalar("SELECT SUM(p.amount) FROM payments p JOIN invoices i ON i.id = p.invoice_id "
                   "WHERE i.number = 'INV-2' AND p.inferred = 1"),
            20000);
}

// Regression: a payment inferred from last week's balance stayed beside the real payment
// listed this week, so the client looked overpaid (balance -200 of 1000 with 600 paid).
TEST_F(ImportJob, aListedPaymentReplacesThePaymentInferredBeforeIt) {
  const auto invoices = dir_.write(
      "invoices.csv",
      "invoice_number,client_id,client_name,issue_date,due_date,amount,currency,balance\n"
      "INV-1,C1,Acme,2026-10-01,2026-10-31,1000.00,USD,400.00\n");
  EXPECT_EQ(import({invoices}, day(2026, 11, 1))[0].inferredPayments, 1u);
  const auto payments = dir_.write("payments.csv",
                                   "invoice_number,payment_date,amount,reference\n"
                                   "INV-1,2026-10-15,600.00,BACS 123\n");
  const auto summaries = import({payments}, day(2026, 11, 8));
  EXPECT_EQ(summaries[0].replacedInferred, 1u);
  EXPECT_EQ(scalar("SELECT SUM(amount) FROM payments"), 60000);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM payments WHERE inferred = 1"), 0);
}

TEST_F(ImportJob, reportsABalanceTheLedgersPaymentsDoNotExplain) {
  const std::string header =
      "invoice_number,client_id,client_name,issue_date,due_date,amount,currency,balance\n";
  const auto path = dir_.file("invoices.csv");
  dir_.write("invoices.csv", header + "INV-1,C1,Acme,2026-10-01,2026-10-31,1000.00,USD,400.00\n");
  import({path}, day(2026, 11, 1));
  // A cheque bounced at the source: the export owes the full amount again.
  dir_.write("invoices.csv", header + "INV-1,C1,Acme,2026-10-01,2026-10-31,1000.00,USD,1000.00\n");
  const auto summaries = import({path}, day(2026, 11, 8));
  EXPECT_EQ(summaries[0].balanceDisagreements, (std::vector<std::string>{"INV-1"}));
}

// Regression: branches of one group sharing an accounts address were filed as one client.
TEST_F(ImportJob, aSharedEmailIsNotedNotMerged) {
  const auto summaries =
      import({dir_.write("invoices.csv",
                         "invoice_number,client_name,client_email,due_date,amount\n"
                         "A-1,North Branch,ap@group.example,2026-10-01,100.00\n"
                         "B-1,South Branch,ap@group.example,2026-10-01,200.00\n")});
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM clients"), 2);
  ASSERT_EQ(summaries[0].suspectedDuplicates.size(), 1u);
  EXPECT_NE(summaries[0].suspectedDuplicates[0].find("same email"), std::string::npos);
}

// Regression: an export without an email column erased the email a remind needs.
TEST_F(ImportJob, anExportWithoutEmailsKeepsTheKnownEmail) {
  import({dir_.write("with.csv",
                     "invoice_number,client_id,client_name,client_email,due_date,amount\n"
                     "A-1,C1,North,ap@north.example,2026-10-01,100.00\n")});
  import({dir_.write("without.csv",
                     "invoice_number,client_id,client_name,due_date,amount\n"
                     "A-2,C1,North,2026-10-01,100.00\n")});
  EXPECT_EQ(dump("clients"), "1|C1|North|ap@north.example||1|\n");
}

// Spreadsheets save a header with empty trailing columns and rows that stop before them.
TEST_F(ImportJob, acceptsEmptyTrailingColumns) {
  const auto summaries = import({dir_.write("invoices.csv",
                                            "invoice_number,client_id,due_date,amount,,\n"
                                            "A-1,C1,2026-10-01,100.00\n"
                                            "A-2,C1,2026-10-01,100.00,,\n")});
  EXPECT_EQ(countsOf(summaries[0]), (Counts{2, 2, 0, 0, 0}));
}

TEST_F(ImportJob, writesNothingOnADryRunButCountsTheSame) {
  import({dir_.write("invoices.csv", kInvoices)});
  const auto newer =
      dir_.write("invoices-newer.csv",
                 std::string(kInvoiceHeader) +
                     "INV-1,C1,Acme Ltd,ap@acme.example,2026-09-01,2026-10-01,1000.00,USD\n"
                     "INV-2,C2,Bolt & Nut,bills@bolt.example,2026-09-05,2026-10-20,650.00,USD\n"
                     "INV-4,C3,Cobalt Co,ar@cobalt.example,2026-11-01,2026-12-01,75.00,USD\n"
                     "INV-5,C3,Cobalt Co,ar@cobalt.example,2026-11-01,2026-12-01,7x,USD\n");
  const auto payments = dir_.write("payments.csv", std::string(kPayments) +
                                                       "INV-4,2026-11-02,75.00,Card\n"
                                                       "INV-77,2026-11-02,75.00,Card\n");
  const std::string before = wholeDump();

  const auto dry = import({newer, payments}, kAsOf, true);
  EXPECT_EQ(wholeDump(), before);

  const auto real = import({newer, payments});
  ASSERT_EQ(dry.size(), 2u);
  ASSERT_EQ(real.size(), 2u);
  EXPECT_EQ(countsOf(dry[0]), (Counts{4, 1, 1, 1, 1}));
  EXPECT_EQ(countsOf(dry[1]), (Counts{4, 3, 0, 0, 1}));
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(countsOf(dry[i]), countsOf(real[i])) << real[i].file;
    ASSERT_EQ(dry[i].rejects.size(), real[i].rejects.size());
    for (std::size_t k = 0; k < dry[i].rejects.size(); ++k) {
      EXPECT_EQ(dry[i].rejects[k].line, real[i].rejects[k].line);
      EXPECT_EQ(dry[i].rejects[k].reason, real[i].rejects[k].reason);
    }
  }
  EXPECT_NE(wholeDump(), before);
}

TEST_F(ImportJob, writesNothingAtAllWhenOneFileCannotBeRead) {
  struct Unreadable {
    const char* what;
    std::string_view bytes;  // nullptr data: the file does not exist
    const char* reasonHas;
  };
  using namespace std::string_view_literals;
  const Unreadable cases[] = {
      {"an Excel workbook", "PK\x03\x04\x14\x00\x06\x00"sv, "xlsx"},
      {"an empty file", ""sv, "empty"},
      {"a missing file", {}, "cannot open"},
      {"an unknown layout", "sku,description,qty\nA1,Widget,3\n"sv, "unknown layout"},
      {"two columns for one field",
       "invoice_number,customer,contact,due_date,amount\nINV-1,A,B,2026-10-01,5\n"sv,
       "both look like client_name"},
  };
  import({dir_.write("invoices.csv", kInvoices)});
  const auto invoices =
      dir_.write("invoices-newer.csv",
                 std::string(kInvoices) + "INV-4,C3,Cobalt Co,,2026-11-01,2026-12-01,75.00,USD\n");
  const auto payments = dir_.write("payments.csv", kPayments);
  const std::string before = wholeDump();
  for (const Unreadable& c : cases) {
    const std::string bad =
        c.bytes.data() == nullptr ? dir_.file("missing.csv") : dir_.write("bad.csv", c.bytes);
    try {
      import({invoices, payments, bad});
      ADD_FAILURE() << c.what << ": imported";
    } catch (const InputError& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find(bad), std::string::npos) << c.what << ": " << message;
      EXPECT_NE(message.find(c.reasonHas), std::string::npos) << c.what << ": " << message;
    }
    EXPECT_EQ(wholeDump(), before) << c.what;
    std::filesystem::remove(bad);
  }
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM imports"), 1);
}

// Amounts near 64 bits were accepted, and then `clients` printed a wrapped negative balance
// and the aging hid an overpayment: an import that would take a currency's sums beyond what
// adds up exactly is refused whole, before any report has to refuse the ledger.
TEST_F(ImportJob, refusesAnImportWhoseAmountsWouldNotAddUpExactly) {
  import({dir_.write("invoices.csv", kInvoices)});
  const std::string before = wholeDump();
  std::string huge = "invoice_number,client_id,client_name,issue_date,due_date,amount,currency\n";
  for (int i = 0; i < 4700; ++i) {
    huge += "BIG-" + std::to_string(i) + ",C9,Crafted Co,2026-10-01,2026-11-01," +
            "10000000000000.00,USD\n";
  }
  try {
    import({dir_.write("huge.csv", huge)});
    ADD_FAILURE() << "imported";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("USD would add up to more than Kindly can count"),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(wholeDump(), before);
  // Just below the limit, the same rows go in, and every one is counted.
  huge.resize(huge.size() / 2);
  huge.resize(huge.rfind('\n') + 1);
  const auto half = import({dir_.write("half.csv", huge)});
  EXPECT_EQ(half[0].rejected, 0u);
}

TEST_F(ImportJob, writesNoImportRowIntoAFreshLedgerWhenAFileCannotBeRead) {
  const auto invoices = dir_.write("invoices.csv", kInvoices);
  const auto bad = dir_.write("export.xlsx", "PK\x03\x04 not really a workbook");
  EXPECT_THROW(import({invoices, bad}), InputError);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM imports"), 0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM invoices"), 0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM clients"), 0);
}

TEST_F(ImportJob, refusesAFileWhoseDatesCouldBeEitherDayOrMonthFirst) {
  const auto file = dir_.write("ambiguous.csv",
                               "invoice_number,client_name,issue_date,due_date,amount\n"
                               "INV-1,Acme,03/04/2026,03/05/2026,10.00\n");
  try {
    import({file});
    ADD_FAILURE() << "03/04/2026 was read";
  } catch (const InputError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find(file), std::string::npos) << message;
    EXPECT_NE(message.find("issue_date"), std::string::npos) << message;
  }
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM imports"), 0);
}

TEST_F(ImportJob, readsAFileAsDayFirstWhenOneDayIsAbove12) {
  const auto file = dir_.write("dmy.csv",
                               "invoice_number,client_name,issue_date,due_date,amount\n"
                               "INV-1,Acme,03/04/2026,03/05/2026,10.00\n"
                               "INV-2,Acme,13/04/2026,13/05/2026,10.00\n");
  const auto summaries = import({file});
  EXPECT_EQ(countsOf(summaries[0]), (Counts{2, 2, 0, 0, 0}));
  EXPECT_EQ(scalar("SELECT issue_day FROM invoices WHERE number = 'INV-1'"),
            day(2026, 4, 3).dayNumber());
  EXPECT_EQ(scalar("SELECT due_day FROM invoices WHERE number = 'INV-1'"),
            day(2026, 5, 3).dayNumber());
  EXPECT_EQ(scalar("SELECT due_day FROM invoices WHERE number = 'INV-2'"),
            day(2026, 5, 13).dayNumber());
}

// Regression: every date column of one file is written the same way, yet a due date column
// of only ambiguous dates failed the file although the issue dates settled day-first.
TEST_F(ImportJob, readsEveryDateColumnInTheOrderAnyOneOfThemSettles) {
  const auto file = dir_.write("dmy.csv",
                               "invoice_number,client_name,issue_date,due_date,amount\n"
                               "INV-1,Acme,13/04/2026,03/05/2026,10.00\n");
  const auto summaries = import({file});
  EXPECT_EQ(countsOf(summaries[0]), (Counts{1, 1, 0, 0, 0}));
  EXPECT_EQ(scalar("SELECT due_day FROM invoices WHERE number = 'INV-1'"),
            day(2026, 5, 3).dayNumber());
}

TEST_F(ImportJob, refusesAFileWhoseDateColumnsDisagreeOnTheOrder) {
  const auto file = dir_.write("mixed.csv",
                               "invoice_number,client_name,issue_date,due_date,amount\n"
                               "INV-1,Acme,13/04/2026,05/13/2026,10.00\n");
  EXPECT_THROW(import({file}), InputError);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM imports"), 0);
}

// Regression: a repeat was found by asking the ledger which import last wrote the number,
// so on a re-import (the first row unchanged) the repeat overwrote it as an update.
TEST_F(ImportJob, rejectsAnInvoiceNumberRepeatedInOneFileOnEveryImport) {
  const auto file = dir_.write(
      "invoices.csv", std::string(kInvoices) +
                          "INV-1,C1,Acme Ltd,ap@acme.example,2026-09-01,2026-10-01,1200.00,USD\n");
  const auto first = import({file});
  EXPECT_EQ(countsOf(first[0]), (Counts{4, 3, 0, 0, 1}));
  expectRejects(first[0].rejects, file, {{5, 1, "invoice_number", "INV-1 appears earlier"}});
  EXPECT_EQ(scalar("SELECT amount FROM invoices WHERE number = 'INV-1'"), 100000);

  // Imported again, the repeat is still refused and the first row still stands.
  const std::string before = ledgerDump();
  const auto again = import({file});
  EXPECT_FALSE(again[0].sameAsLatest) << "its rejects are found and listed again";
  EXPECT_EQ(countsOf(again[0]), (Counts{4, 0, 0, 3, 1}));
  expectRejects(again[0].rejects, file, {{5, 1, "invoice_number", "INV-1 appears earlier"}});
  EXPECT_EQ(ledgerDump(), before);
}

std::string samplePath(const char* name) {
  return (std::filesystem::path(__FILE__).parent_path() / "../../samples" / name)
      .lexically_normal()
      .string();
}

TEST_F(ImportJob, importsTheSampleStudioWithoutASingleReject) {
  const auto invoices = samplePath("invoices.csv");
  const auto payments = samplePath("payments.csv");
  const auto summaries = import({invoices, payments});
  ASSERT_EQ(summaries.size(), 2u);
  EXPECT_EQ(countsOf(summaries[0]), (Counts{312, 312, 0, 0, 0}));
  EXPECT_EQ(countsOf(summaries[1]), (Counts{304, 304, 0, 0, 0}));
  for (const auto& s : summaries) {
    for (const auto& r : s.rejects) ADD_FAILURE() << r.file << ":" << r.line << ": " << r.reason;
  }
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM invoices"), 312);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM payments"), 304);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM clients"), 25);

  const std::string before = ledgerDump();
  const auto again = import({savedAgain(invoices), savedAgain(payments)});
  EXPECT_EQ(countsOf(again[0]), (Counts{312, 0, 0, 312, 0}));
  EXPECT_EQ(countsOf(again[1]), (Counts{304, 0, 0, 304, 0}));
  EXPECT_EQ(ledgerDump(), before);
}
}  // namespace
}  // namespace kindly::testing
