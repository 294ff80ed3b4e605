// ImportUndo on a real SQLite ledger: an undo gives back the ledger exactly as it was before
// the import, row for row (ids too), whatever the import overwrote or replaced; refuses what
// later acts depend on, and an import of an earlier Kindly it cannot undo exactly.
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "importers/ImportJob.h"
#include "store/Contacts.h"
#include "store/ImportUndo.h"
#include "store/Schema.h"
#include "store/WriteOffs.h"
#include "support/TempDir.h"

using namespace Poco::Data::Keywords;

namespace kindly::store {
namespace {

using kindly::testing::TempDir;
using Outcome = UndoResult::Outcome;

dates::Date day(int year, int month, int dayOfMonth) {
  return *dates::Date::fromYmd(year, month, dayOfMonth);
}

constexpr std::string_view kHeader =
    "invoice_number,client_id,client_name,client_email,issue_date,due_date,amount,currency\n";

class ImportUndoTest : public ::testing::Test {
 protected:
  void import(const std::vector<std::string>& files, dates::Date asOf) {
    importers::ImportOptions options;
    options.asOf = asOf;
    importers::ImportJob(ledger_, options).run(files);
  }
  std::string write(const std::string& name, const std::string& text) {
    return dir_.write(name, text);
  }

  // Every row of `table`, one line each, in rowid order.
  std::string dump(const std::string& table) {
    Poco::Data::Statement select(ledger_.session());
    select << "SELECT * FROM " + table + " ORDER BY rowid";
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
  // What the ledger holds of the business, and what its imports kept for their undo. The
  // audit trail (invoice_changes) keeps an undone import's changes, and the imports its row.
  std::string businessDump() {
    std::string out;
    for (const char* table : {"clients", "invoices", "payments", "contacts", "writeoffs",
                              "sendings", "clients_before_import", "invoices_before_import",
                              "payments_replaced", "contact_moves"}) {
      out += std::string(table) + ":\n" + dump(table);
    }
    return out;
  }
  std::string wholeDump() {
    return businessDump() + "invoice_changes:\n" + dump("invoice_changes") + "imports:\n" +
           dump("imports") + "rejects:\n" + dump("rejects");
  }
  std::int64_t scalar(const std::string& sql) {
    Poco::Int64 value = 0;
    ledger_.session() << sql, into(value), now;
    return value;
  }
  UndoResult undo(const std::string& reason = "", bool dryRun = false) {
    return ImportUndo(ledger_).undoLatest(day(2026, 11, 30), reason, dryRun);
  }

  TempDir dir_;
  Database ledger_{dir_.file("ledger.db")};
};

TEST_F(ImportUndoTest, aLedgerWithNoImportHasNothingToUndo) {
  const auto result = undo();
  EXPECT_EQ(result.outcome, Outcome::NothingToUndo);
  EXPECT_FALSE(result.anyImport);
}

TEST_F(ImportUndoTest, theFirstImportUndoneLeavesNothingImportedAndKeepsItsRow) {
  import({write("i.csv", std::string(kHeader) +
                             "INV-1,C1,Acme,a@acme.example,2026-09-01,2026-10-01,100.00,USD\n"),
          write("p.csv", "invoice_number,payment_date,amount\nINV-1,2026-10-05,40.00\n")},
         day(2026, 11, 20));
  const auto result = undo("wrong business");
  ASSERT_EQ(result.outcome, Outcome::Undone);
  EXPECT_EQ(result.run->files.size(), 2u) << "both files of the command";
  EXPECT_EQ(result.counts.invoicesRemoved, 1u);
  EXPECT_EQ(result.counts.paymentsRemoved, 1u);
  EXPECT_EQ(result.counts.clientsRemoved, 1u);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM clients") + scalar("SELECT COUNT(*) FROM invoices") +
                scalar("SELECT COUNT(*) FROM payments"),
            0);
  EXPECT_EQ(
      scalar("SELECT COUNT(*) FROM imports WHERE undone_day = " +
             std::to_string(day(2026, 11, 30).dayNumber()) + " AND undo_reason = 'wrong business'"),
      2);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM imports_in_effect"), 0);
  const auto again = undo();
  EXPECT_EQ(again.outcome, Outcome::NothingToUndo);
  EXPECT_TRUE(again.anyImport);
}

// The weekly case: the second export changed invoices, a client's name and email, moved an
// invoice (and its dispute) to another client, added a client, invoices and payments, replaced
// an inferred payment by the listed one and a credit note's application by a corrected one.
TEST_F(ImportUndoTest, anUndoneImportGivesBackTheLedgerBeforeItRowForRow) {
  const std::string header =
      "invoice_number,client_id,client_name,client_email,issue_date,due_date,amount,currency,"
      "balance,applies_to\n";
  import(
      {write("week1.csv", header + "INV-1,C1,Acme,a@acme.example,2026-09-01,2026-10-01,100.00,USD,"
                                   "60.00,\n"
                                   "INV-2,C1,Acme,a@acme.example,2026-09-05,2026-10-05,50.00,USD,"
                                   "50.00,\n"
                                   "INV-3,C2,Bloom,,2026-09-10,2026-10-10,70.00,USD,70.00,\n"
                                   "CN-1,C1,Acme,a@acme.example,2026-10-20,2026-10-20,-10.00,USD,"
                                   ",INV-2\n")},
      day(2026, 11, 13));
  ASSERT_EQ(scalar("SELECT COUNT(*) FROM payments WHERE inferred = 1"), 1);
  ContactRecord dispute;
  dispute.kind = ContactKind::Dispute;
  dispute.day = day(2026, 11, 14);
  dispute.invoiceId = scalar("SELECT id FROM invoices WHERE number = 'INV-3'");
  dispute.text = "never ordered";
  ContactLog(ledger_).add(scalar("SELECT id FROM clients WHERE code = 'C2'"), dispute);
  const std::string before = businessDump();
  const std::string auditBefore = dump("invoice_changes");

  import(
      {write("week2.csv",
             header + "INV-1,C1,Acme Ltd,ap@acme.example,2026-09-01,2026-10-01,110.00,USD,70.00,\n"
                      "INV-2,C1,Acme Ltd,ap@acme.example,2026-09-05,2026-10-20,50.00,USD,35.00,\n"
                      "INV-3,C3,Cobalt,,2026-09-10,2026-10-10,70.00,USD,70.00,\n"
                      "INV-4,C3,Cobalt,,2026-11-01,2026-12-01,30.00,USD,30.00,\n"
                      "CN-1,C1,Acme Ltd,ap@acme.example,2026-10-20,2026-10-20,-15.00,USD,,INV-2\n"),
       write("week2-payments.csv", "invoice_number,payment_date,amount\nINV-1,2026-11-02,40.00\n")},
      day(2026, 11, 20));
  ASSERT_NE(businessDump(), before);
  ASSERT_EQ(scalar("SELECT COUNT(*) FROM payments WHERE inferred = 1"), 0)
      << "the listed payment replaced the inferred one";
  ASSERT_EQ(scalar("SELECT client_id FROM contacts"), scalar("SELECT id FROM clients "
                                                             "WHERE code = 'C3'"))
      << "the dispute went with INV-3";

  const auto result = undo();
  ASSERT_EQ(result.outcome, Outcome::Undone);
  EXPECT_EQ(result.counts.invoicesRemoved, 1u);    // INV-4
  EXPECT_EQ(result.counts.invoicesRestored, 4u);   // INV-1, INV-2, INV-3, CN-1
  EXPECT_EQ(result.counts.clientsRemoved, 1u);     // C3
  EXPECT_EQ(result.counts.clientsRestored, 1u);    // C1's name and email
  EXPECT_EQ(result.counts.paymentsPutBack, 3u);    // the inferred one, CN-1's two halves
  EXPECT_EQ(result.counts.contactsMovedBack, 1u);  // the dispute
  EXPECT_EQ(businessDump(), before);
  // The audit trail keeps what the undone import changed: history, not the ledger's state.
  EXPECT_NE(dump("invoice_changes"), auditBefore);
  EXPECT_EQ(dump("invoice_changes").substr(0, auditBefore.size()), auditBefore);

  // The same export again is read as it was the first time.
  import({dir_.file("week2.csv"), dir_.file("week2-payments.csv")}, day(2026, 11, 20));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM payments WHERE inferred = 1"), 0);
  EXPECT_EQ(scalar("SELECT amount FROM invoices WHERE number = 'INV-1'"), 11000);
}

TEST_F(ImportUndoTest, aDryRunSaysWhatWouldBeUndoneAndWritesNothing) {
  import({write("i.csv", std::string(kHeader) +
                             "INV-1,C1,Acme,a@acme.example,2026-09-01,2026-10-01,100.00,USD\n")},
         day(2026, 11, 20));
  const std::string before = wholeDump();
  const auto result = undo("", true);
  EXPECT_EQ(result.outcome, Outcome::Undone);
  EXPECT_EQ(result.counts.invoicesRemoved, 1u);
  EXPECT_EQ(wholeDump(), before);
}

TEST_F(ImportUndoTest, undoneTwiceGoesBackOneImportCommandAtATime) {
  const auto path = dir_.file("i.csv");
  write("i.csv", std::string(kHeader) + "INV-1,C1,Acme,,2026-09-01,2026-10-01,100.00,USD\n");
  import({path}, day(2026, 11, 13));
  const std::string afterFirst = businessDump();
  write("i.csv", std::string(kHeader) + "INV-1,C1,Acme,,2026-09-01,2026-10-01,120.00,USD\n");
  import({path}, day(2026, 11, 20));
  const std::string afterSecond = businessDump();
  write("i.csv", std::string(kHeader) + "INV-1,C1,Acme,,2026-09-01,2026-10-01,150.00,USD\n");
  import({path}, day(2026, 11, 27));

  EXPECT_EQ(undo().run->firstId(), 3);
  EXPECT_EQ(businessDump(), afterSecond);
  EXPECT_EQ(undo().run->firstId(), 2);
  EXPECT_EQ(businessDump(), afterFirst);
  // An import after an undo changes the invoice as it stands, and is undone in its turn.
  write("i.csv", std::string(kHeader) + "INV-1,C1,Acme,,2026-09-01,2026-10-01,130.00,USD\n");
  import({path}, day(2026, 11, 28));
  EXPECT_EQ(undo().run->firstId(), 4);
  EXPECT_EQ(businessDump(), afterFirst);
}

TEST_F(ImportUndoTest, refusesWhileAnActAboutWhatItAddedStandsAndTakesTheTakenBackAlong) {
  import(
      {write("i.csv", std::string(kHeader) + "INV-1,C1,Acme,,2026-09-01,2026-10-01,100.00,USD\n")},
      day(2026, 11, 13));
  const std::string before = businessDump();
  import(
      {write("j.csv", std::string(kHeader) + "INV-1,C1,Acme,,2026-09-01,2026-10-01,100.00,USD\n"
                                             "INV-2,C2,Bloom,,2026-09-01,2026-10-01,80.00,USD\n")},
      day(2026, 11, 20));
  ContactLog contacts(ledger_);
  ContactRecord call;
  call.kind = ContactKind::Contact;
  call.day = day(2026, 11, 21);
  call.channel = "call";
  contacts.add(scalar("SELECT id FROM clients WHERE code = 'C2'"), call);
  WriteOffLog writeOffs(ledger_);
  const auto invoice2 = scalar("SELECT id FROM invoices WHERE number = 'INV-2'");
  writeOffs.writeOff(invoice2, day(2026, 11, 21), "gone");

  const std::string held = wholeDump();
  const auto refused = undo();
  ASSERT_EQ(refused.outcome, Outcome::Depended);
  ASSERT_EQ(refused.dependents.size(), 2u);
  EXPECT_EQ(refused.dependents[0].kind, DependentAct::Kind::ContactAboutAddedClient);
  EXPECT_EQ(refused.dependents[0].clientCode, "C2");
  EXPECT_EQ(refused.dependents[1].kind, DependentAct::Kind::WriteOffOfAddedInvoice);
  EXPECT_EQ(refused.dependents[1].invoiceNumber, "INV-2");
  EXPECT_EQ(wholeDump(), held) << "nothing changed";

  contacts.retract(scalar("SELECT MAX(id) FROM contacts"), day(2026, 11, 22), "");
  writeOffs.undo(writeOffs.active(invoice2)->id, day(2026, 11, 22), "wrong export");
  const auto result = undo();
  ASSERT_EQ(result.outcome, Outcome::Undone);
  EXPECT_EQ(result.counts.withdrawnContactsRemoved, 1u);
  EXPECT_EQ(result.counts.undoneWriteOffsRemoved, 1u);
  EXPECT_EQ(businessDump(), before);
}

TEST_F(ImportUndoTest, aWriteOffMadeBeforeTheImportChangedTheInvoiceHoldsNothingBack) {
  const auto path = dir_.file("i.csv");
  write("i.csv", std::string(kHeader) + "INV-1,C1,Acme,,2026-09-01,2026-10-01,100.00,USD\n");
  import({path}, day(2026, 11, 13));
  WriteOffLog(ledger_).writeOff(scalar("SELECT id FROM invoices"), day(2026, 11, 14), "gone");
  write("i.csv", std::string(kHeader) + "INV-1,C1,Acme,,2026-09-01,2026-10-01,120.00,USD\n");
  import({path}, day(2026, 11, 20));
  EXPECT_EQ(undo().outcome, Outcome::Undone);
  EXPECT_EQ(scalar("SELECT amount FROM invoices"), 10000);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM writeoffs WHERE undone_day IS NULL"), 1);

  // Made after the import changed the amount, it depends on it.
  write("i.csv", std::string(kHeader) + "INV-1,C1,Acme,,2026-09-01,2026-10-01,120.00,USD\n");
  import({path}, day(2026, 11, 21));
  WriteOffLog writeOffs(ledger_);
  writeOffs.undo(writeOffs.active(scalar("SELECT id FROM invoices"))->id, day(2026, 11, 22), "x");
  writeOffs.writeOff(scalar("SELECT id FROM invoices"), day(2026, 11, 22), "gone at 120");
  const auto refused = undo();
  ASSERT_EQ(refused.outcome, Outcome::Depended);
  ASSERT_EQ(refused.dependents.size(), 1u);
  EXPECT_EQ(refused.dependents[0].kind, DependentAct::Kind::WriteOffAfterChange);
}

TEST_F(ImportUndoTest, aPromiseLoggedWithTheClientAnInvoiceMovedToHoldsTheUndoBack) {
  const auto path = dir_.file("i.csv");
  write("i.csv", std::string(kHeader) +
                     "INV-1,C1,Acme,,2026-09-01,2026-10-01,100.00,USD\n"
                     "INV-2,C2,Bloom,,2026-09-01,2026-10-01,10.00,USD\n");
  import({path}, day(2026, 11, 13));
  write("i.csv", std::string(kHeader) +
                     "INV-1,C2,Bloom,,2026-09-01,2026-10-01,100.00,USD\n"
                     "INV-2,C2,Bloom,,2026-09-01,2026-10-01,10.00,USD\n");
  import({path}, day(2026, 11, 20));
  ContactRecord promise;
  promise.kind = ContactKind::Promise;
  promise.day = day(2026, 11, 21);
  promise.invoiceId = scalar("SELECT id FROM invoices WHERE number = 'INV-1'");
  promise.promisedDay = day(2026, 12, 1);
  ContactLog(ledger_).add(scalar("SELECT id FROM clients WHERE code = 'C2'"), promise);
  const auto refused = undo();
  ASSERT_EQ(refused.outcome, Outcome::Depended);
  ASSERT_EQ(refused.dependents.size(), 1u);
  EXPECT_EQ(refused.dependents[0].kind, DependentAct::Kind::ContactAfterMove);
  EXPECT_EQ(refused.dependents[0].fromClientCode, "C1");
}

// A ledger of an earlier Kindly (schema 12), with its imports as that Kindly wrote them.
class EarlierLedgerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::Session old("SQLite", path_);
    sqlite3* db = Poco::Data::SQLite::Utility::dbHandle(old);
    const std::size_t before = 12;
    for (std::size_t i = 0; i < before; ++i) {
      ASSERT_EQ(sqlite3_exec(db, std::string(migrations()[i]).c_str(), nullptr, nullptr, nullptr),
                SQLITE_OK);
    }
    old << "PRAGMA user_version = " + std::to_string(before), now;
    old << "INSERT INTO imports (id, file, layout, as_of_day) VALUES "
           "(1, 'week1.csv', 'generic', 20770)",
        now;
    old << "INSERT INTO clients (id, code, name, email) VALUES (1, 'C1', 'Acme', '')", now;
    old << "INSERT INTO invoices (id, number, client_id, issue_day, due_day, currency, amount, "
           "first_import_id, last_import_id) VALUES (1, 'INV-1', 1, 20700, 20730, 'USD', 100, 1, "
           "1)",
        now;
  }
  void addSecondImport() {
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::Session old("SQLite", path_);
    old << "INSERT INTO imports (id, file, layout, as_of_day) VALUES "
           "(2, 'week2.csv', 'generic', 20777)",
        now;
    old << "UPDATE clients SET name = 'Acme Ltd'", now;
  }
  TempDir dir_;
  std::string path_ = dir_.file("ledger.db");
};

TEST_F(EarlierLedgerTest, anImportOnALedgerThatHeldOthersIsNotUndoneForWantOfItsRecord) {
  addSecondImport();
  Database ledger(path_);
  const auto result = ImportUndo(ledger).undoLatest(day(2026, 11, 30), "", false);
  ASSERT_EQ(result.outcome, Outcome::NotRecorded);
  EXPECT_EQ(result.run->firstId(), 2);
  std::string name;
  ledger.session() << "SELECT name FROM clients", into(name), now;
  EXPECT_EQ(name, "Acme Ltd") << "refused, not guessed";
  int undone = -1;
  ledger.session() << "SELECT COUNT(*) FROM imports WHERE undone_day IS NOT NULL", into(undone),
      now;
  EXPECT_EQ(undone, 0);
}

TEST_F(EarlierLedgerTest, itsFirstImportOverwroteNothingAndIsUndoneExactly) {
  Database ledger(path_);
  const auto result = ImportUndo(ledger).undoLatest(day(2026, 11, 30), "", false);
  ASSERT_EQ(result.outcome, Outcome::Undone);
  EXPECT_EQ(result.counts.clientsRemoved, 1u);
  EXPECT_EQ(result.counts.invoicesRemoved, 1u);
  int left = -1;
  ledger.session() << "SELECT (SELECT COUNT(*) FROM clients) + (SELECT COUNT(*) FROM invoices)",
      into(left), now;
  EXPECT_EQ(left, 0);
}

}  // namespace
}  // namespace kindly::store
