// Database: opening a ledger file, migrating it once, and refusing files it must not touch.
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <Poco/Data/Session.h>
#include <Poco/Exception.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <string>
#include <vector>

#include "store/Database.h"
#include "store/Schema.h"
#include "support/TempDir.h"

using namespace Poco::Data::Keywords;

namespace kindly::store {
namespace {

using kindly::testing::TempDir;

std::string journalMode(Database& ledger) {
  std::string mode;
  ledger.session() << "PRAGMA journal_mode", into(mode), now;
  return mode;
}

// Expects `open` to throw StoreError whose message names `path` and says `reasonHas`.
template <class Open>
void expectStoreError(Open open, const std::string& path, const std::string& reasonHas) {
  try {
    open();
    ADD_FAILURE() << path << " was opened";
  } catch (const StoreError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_NE(message.find(reasonHas), std::string::npos) << message;
  }
}

TEST(Database, bringsANewLedgerToTheLatestSchema) {
  TempDir dir;
  Database ledger(dir.file("ledger.db"));
  EXPECT_EQ(ledger.schemaVersion(), static_cast<int>(migrations().size()));
  EXPECT_EQ(ledger.path(), dir.file("ledger.db"));
  int tables = 0;
  ledger.session() << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                      "('clients', 'imports', 'invoices', 'payments', 'invoice_changes', "
                      "'rejects')",
      into(tables), now;
  EXPECT_EQ(tables, 6);
}

TEST(Database, keepsTheLedgerWhenReopened) {
  TempDir dir;
  const auto path = dir.file("ledger.db");
  {
    Database ledger(path);
    ledger.session() << "INSERT INTO clients (code, name) VALUES ('C1', 'Acme')", now;
  }
  // Running the migrations again would fail on CREATE TABLE, or lose the client.
  Database reopened(path);
  EXPECT_EQ(reopened.schemaVersion(), static_cast<int>(migrations().size()));
  std::string name;
  reopened.session() << "SELECT name FROM clients WHERE code = 'C1'", into(name), now;
  EXPECT_EQ(name, "Acme");
}

TEST(Database, refusesAPaymentForAnInvoiceThatIsNotThere) {
  TempDir dir;
  Database ledger(dir.file("ledger.db"));
  ledger.session() << "INSERT INTO imports (id, file, layout, as_of_day) "
                      "VALUES (1, 'p.csv', 'payments', 0)",
      now;
  const auto payForMissingInvoice = [&] {
    ledger.session() << "INSERT INTO payments (invoice_id, payment_day, amount, import_id, "
                        "currency) VALUES (999, 0, 100, 1, 'USD')",
        now;
  };
  EXPECT_THROW(payForMissingInvoice(), Poco::Exception);
  int payments = -1;
  ledger.session() << "SELECT COUNT(*) FROM payments", into(payments), now;
  EXPECT_EQ(payments, 0);
}

TEST(Database, writesAheadInALogOnAFile) {
  TempDir dir;
  Database ledger(dir.file("ledger.db"));
  EXPECT_EQ(journalMode(ledger), "wal");
}

TEST(Database, opensAnInMemoryLedgerForTests) {
  Database ledger(":memory:");
  EXPECT_EQ(ledger.schemaVersion(), static_cast<int>(migrations().size()));
}

TEST(Database, refusesAFileThatIsNotALedgerNamingIt) {
  TempDir dir;
  const auto path = dir.write("notes.db", "Dear accountant,\nthese are my notes, not a ledger.\n");
  expectStoreError([&] { Database ledger(path); }, path, "cannot open the ledger");
}

TEST(Database, refusesALedgerWrittenByANewerKindly) {
  TempDir dir;
  const auto path = dir.file("ledger.db");
  {
    Database ledger(path);
    ledger.session() << "PRAGMA user_version = " + std::to_string(migrations().size() + 1), now;
  }
  expectStoreError([&] { Database ledger(path); }, path, "newer Kindly");
}

// A folder's rows under two spellings ("/b/" and "/b") become one when sendings are keyed by
// canonical folder: the one sent must be the one kept, or the message went out again.
TEST(Database, sendingsOfOneFolderUnderTwoSpellingsKeepTheSentOne) {
  TempDir dir;
  const auto path = dir.file("ledger.db");
  Poco::Data::SQLite::Connector::registerConnector();
  {
    Poco::Data::Session old("SQLite", path);
    sqlite3* db = Poco::Data::SQLite::Utility::dbHandle(old);
    const std::size_t before = 8;  // the sendings table keyed by folder and file
    for (std::size_t i = 0; i < before; ++i) {
      ASSERT_EQ(sqlite3_exec(db, std::string(migrations()[i]).c_str(), nullptr, nullptr, nullptr),
                SQLITE_OK);
    }
    old << "PRAGMA user_version = " + std::to_string(before), now;
    old << "INSERT INTO clients (id, code, name) VALUES (1, 'C1', 'Acme')", now;
    old << "INSERT INTO sendings (batch, file, client_id, state, message_id) VALUES "
           "('/b/', '001-acme.eml', 1, 'failed', 'm1'), ('/b', '001-acme.eml', 1, 'sent', 'm1'), "
           "('/c', '002-x.eml', 1, 'sent', 'm2'), ('/c/', '002-x.eml', 1, 'queued', 'm2')",
        now;
  }
  Database ledger(path);
  std::vector<std::string> rows;
  ledger.session() << "SELECT batch || ' ' || file || ' ' || state FROM sendings ORDER BY 1",
      into(rows), now;
  EXPECT_EQ(rows, (std::vector<std::string>{"/b 001-acme.eml sent", "/c 002-x.eml sent"}));
}

// Another program's SQLite file (user_version 0 with tables of its own, or a negative one)
// was given Kindly's tables beside its own.
TEST(Database, refusesAnotherProgramsDatabaseAndLeavesItAsItWas) {
  for (const int version : {0, -3}) {
    TempDir dir;
    const auto path = dir.file("photos.db");
    Poco::Data::SQLite::Connector::registerConnector();
    {
      Poco::Data::Session other("SQLite", path);
      other << "CREATE TABLE albums (id INTEGER PRIMARY KEY, title TEXT)", now;
      other << "PRAGMA user_version = " + std::to_string(version), now;
    }
    expectStoreError([&] { Database ledger(path); }, path, "another program");
    Poco::Data::Session other("SQLite", path);
    int tables = 0;
    other << "SELECT COUNT(*) FROM sqlite_master", into(tables), now;
    EXPECT_EQ(tables, 1) << "user_version " << version;
  }
}

// Regression: Poco retried a file SQLite cannot open for its 60-second login timeout.
TEST(Database, refusesALedgerInAFolderThatDoesNotExistAtOnce) {
  TempDir dir;
  const auto path = dir.file("no-such-folder/ledger.db");
  const auto start = std::chrono::steady_clock::now();
  expectStoreError([&] { Database ledger(path); }, path, "cannot open the ledger");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

}  // namespace
}  // namespace kindly::store
