// WriteOffLog: a write-off and its undo are both kept, and the aging sees neither before its
// day.
#include <gtest/gtest.h>

#include "aging/AgingEngine.h"
#include "store/ClientLedger.h"
#include "store/WriteOffs.h"

using namespace Poco::Data::Keywords;

namespace kindly::store {
namespace {

dates::Date day(int y, int m, int d) { return *dates::Date::fromYmd(y, m, d); }

// One client with one invoice of 100.00 USD, 40.00 of it paid on 2026-10-10.
class WriteOffLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& s = ledger_.session();
    s << "INSERT INTO clients (id, code, name) VALUES (1, 'C1', 'Acme Ltd')", now;
    s << "INSERT INTO imports (id, file, layout, as_of_day) VALUES (1, 'f.csv', 'generic', 0)", now;
    const Poco::Int64 issue = day(2026, 9, 1).dayNumber();
    const Poco::Int64 due = day(2026, 10, 1).dayNumber();
    const Poco::Int64 paid = day(2026, 10, 10).dayNumber();
    s << "INSERT INTO invoices (id, number, client_id, issue_day, due_day, currency, amount, "
         "first_import_id, last_import_id) VALUES (7, 'INV-1', 1, ?, ?, 'USD', 10000, 1, 1)",
        bind(issue), bind(due), now;
    s << "INSERT INTO payments (invoice_id, payment_day, amount, import_id, currency) "
         "VALUES (7, ?, 4000, 1, 'USD')",
        bind(paid), now;
  }
  std::size_t openOn(dates::Date asOf) {
    aging::AgingOptions options;
    options.asOf = asOf;
    return aging::AgingEngine(ledger_).openInvoices(options).size();
  }
  Database ledger_{":memory:"};
};

TEST_F(WriteOffLogTest, activeIsTheWriteOffNotUndone) {
  WriteOffLog log(ledger_);
  EXPECT_FALSE(log.active(7).has_value());
  log.writeOff(7, day(2026, 11, 20), "closed down");
  auto active = log.active(7);
  ASSERT_TRUE(active.has_value());
  EXPECT_EQ(active->invoiceNumber, "INV-1");
  EXPECT_EQ(active->day, day(2026, 11, 20));
  EXPECT_EQ(active->reason, "closed down");
  log.undo(active->id, day(2026, 11, 25), "paid after all");
  EXPECT_FALSE(log.active(7).has_value());
}

TEST_F(WriteOffLogTest, undoKeepsTheRow) {
  WriteOffLog log(ledger_);
  log.writeOff(7, day(2026, 11, 20), "closed down");
  log.undo(log.active(7)->id, day(2026, 11, 25), "paid after all");
  log.writeOff(7, day(2026, 12, 1), "closed again");
  int rows = 0;
  ledger_.session() << "SELECT COUNT(*) FROM writeoffs", into(rows), now;
  EXPECT_EQ(rows, 2);
  const auto history = log.forClient(1, day(2026, 12, 31));
  ASSERT_EQ(history.size(), 2u);
  ASSERT_TRUE(history[0].undoneDay.has_value());
  EXPECT_EQ(*history[0].undoneDay, day(2026, 11, 25));
  EXPECT_EQ(history[0].undoReason, "paid after all");
  EXPECT_FALSE(history[1].undoneDay.has_value());
}

TEST_F(WriteOffLogTest, forClientReadsThePastAsItWas) {
  WriteOffLog log(ledger_);
  log.writeOff(7, day(2026, 11, 20), "closed down");
  log.undo(log.active(7)->id, day(2026, 11, 25), "paid after all");
  EXPECT_TRUE(log.forClient(1, day(2026, 11, 19)).empty());
  const auto before = log.forClient(1, day(2026, 11, 24));
  ASSERT_EQ(before.size(), 1u);
  EXPECT_FALSE(before[0].undoneDay.has_value());  // the undo had not happened yet
  EXPECT_EQ(before[0].undoReason, "");
}

TEST_F(WriteOffLogTest, writtenOffInvoiceLeavesTheAgingFromItsDayUntilItsUndo) {
  WriteOffLog log(ledger_);
  log.writeOff(7, day(2026, 11, 20), "closed down");
  EXPECT_EQ(openOn(day(2026, 11, 19)), 1u);
  EXPECT_EQ(openOn(day(2026, 11, 20)), 0u);
  log.undo(log.active(7)->id, day(2026, 11, 25), "paid after all");
  EXPECT_EQ(openOn(day(2026, 11, 24)), 0u);
  EXPECT_EQ(openOn(day(2026, 11, 25)), 1u);
}

TEST_F(WriteOffLogTest, balanceCountsThePaymentsMadeByTheDay) {
  ClientLedger clients(ledger_);
  EXPECT_EQ(clients.balance(7, day(2026, 10, 9)).minorUnits(), 10000);
  EXPECT_EQ(clients.balance(7, day(2026, 10, 10)).minorUnits(), 6000);
}

}  // namespace
}  // namespace kindly::store
