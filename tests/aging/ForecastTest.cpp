// The cash forecast on a real SQLite ledger in a temporary folder: when each open invoice is
// expected, from its client's history or a promise, and which column its balance lands in.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <stdexcept>
#include <string>

#include "aging/Forecast.h"
#include "tests/support/AgingFixtures.h"
#include "tests/support/TempDir.h"

namespace kindly::aging {
namespace {

using testing::day;
using testing::usd;

const dates::Date kAsOf = day(2026, 11, 20);

struct Ledger {
  Forecast run(dates::Date asOf = kAsOf) {
    AgingOptions options;
    options.asOf = asOf;
    return forecast(database, options);
  }
  // The expected payment of one invoice; fails the test when the invoice is not listed.
  ExpectedPayment of(const std::string& number, dates::Date asOf = kAsOf) {
    for (const auto& payment : run(asOf).payments) {
      if (payment.number == number) return payment;
    }
    throw std::logic_error("no expected payment for " + number);
  }
  // A promise as `kindly log --promise` writes it.
  void promise(const std::string& client, dates::Date on, dates::Date promised,
               const std::string& invoice = "") {
    using namespace Poco::Data::Keywords;
    const Poco::Int64 when = on.dayNumber();
    const Poco::Int64 promisedDay = promised.dayNumber();
    database.session() << "INSERT INTO contacts (client_id, invoice_id, day, kind, promised_day) "
                          "SELECT c.id, (SELECT id FROM invoices WHERE number = ?), ?, "
                          "'promise', ? FROM clients c WHERE c.code = ?",
        bind(invoice), bind(when), bind(promisedDay), bind(client), now;
  }
  // A client who paid one invoice on its due date and one 20 days late: 10 days late on
  // average, on time half the time; its open invoice INV-O is due three days after kAsOf.
  void tenDaysLate(const std::string& client) {
    add.invoice(client + "-1", client, day(2026, 6, 1), day(2026, 7, 1), usd(10000))
        .payment(client + "-1", day(2026, 7, 1), 10000)
        .invoice(client + "-2", client, day(2026, 7, 1), day(2026, 8, 1), usd(10000))
        .payment(client + "-2", day(2026, 8, 21), 10000)
        .invoice(client + "-O", client, day(2026, 10, 24), kAsOf.plusDays(3), usd(25000));
  }

  testing::TempDir folder;
  store::Database database{folder.file("kindly.db")};
  testing::LedgerBuilder add{database};
};

TEST(Forecast, promptClientIsExpectedInItsDueWeek) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "ACME", day(2026, 8, 1), day(2026, 9, 1), usd(10000))
      .payment("INV-1", day(2026, 9, 1), 10000)
      .invoice("INV-2", "ACME", day(2026, 11, 1), kAsOf.plusDays(10), usd(5000));
  const auto payment = ledger.of("INV-2");
  EXPECT_EQ(payment.expectedDate, kAsOf.plusDays(10));
  EXPECT_EQ(payment.column, ForecastColumn::Week);
  EXPECT_EQ(payment.week, 2);  // days 7..13 after the as-of date
  EXPECT_FALSE(payment.promised);
}

TEST(Forecast, clientWithNoHistoryIsExpectedOnTheDueDate) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "NEW", day(2026, 11, 1), kAsOf.plusDays(6), usd(5000));
  const auto payment = ledger.of("INV-1");
  EXPECT_EQ(payment.expectedDate, kAsOf.plusDays(6));
  EXPECT_EQ(payment.week, 1);  // the as-of date and the six days after it
}

TEST(Forecast, clientTenDaysLateOnAverageIsExpectedTenDaysAfterDue) {
  Ledger ledger;
  ledger.tenDaysLate("SLOW");
  const auto payment = ledger.of("SLOW-O");
  EXPECT_EQ(payment.expectedDate, kAsOf.plusDays(13));
  EXPECT_EQ(payment.week, 2);
}

TEST(Forecast, standingPromiseOverridesHistory) {
  Ledger ledger;
  ledger.tenDaysLate("SLOW");
  ledger.promise("SLOW", kAsOf.plusDays(-1), kAsOf.plusDays(30), "SLOW-O");
  const auto payment = ledger.of("SLOW-O");
  EXPECT_TRUE(payment.promised);
  EXPECT_EQ(payment.expectedDate, kAsOf.plusDays(30));
  EXPECT_EQ(payment.week, 5);  // days 28..34
}

TEST(Forecast, latestPromiseAboutTheClientWins) {
  Ledger ledger;
  ledger.tenDaysLate("SLOW");
  ledger.promise("SLOW", kAsOf.plusDays(-9), kAsOf.plusDays(2));
  ledger.promise("SLOW", kAsOf.plusDays(-2), kAsOf.plusDays(100));
  const auto payment = ledger.of("SLOW-O");
  EXPECT_EQ(payment.expectedDate, kAsOf.plusDays(100));
  EXPECT_EQ(payment.column, ForecastColumn::Later);  // beyond week 13 (day 91 on)
}

TEST(Forecast, promisePassedWithinGraceIsExpectedNow) {
  Ledger ledger;
  ledger.tenDaysLate("SLOW");
  ledger.promise("SLOW", kAsOf.plusDays(-10), kAsOf.plusDays(-3));  // grace is 3 days
  const auto payment = ledger.of("SLOW-O");
  EXPECT_TRUE(payment.promised);
  EXPECT_EQ(payment.expectedDate, kAsOf);
  EXPECT_EQ(payment.week, 1);
}

TEST(Forecast, expiredPromiseFallsBackOnHistory) {
  Ledger ledger;
  ledger.tenDaysLate("SLOW");
  ledger.promise("SLOW", kAsOf.plusDays(-10), kAsOf.plusDays(-4), "SLOW-O");  // broken
  const auto payment = ledger.of("SLOW-O");
  EXPECT_FALSE(payment.promised);
  EXPECT_EQ(payment.expectedDate, kAsOf.plusDays(13));
}

TEST(Forecast, expectedBeforeTheAsOfDateIsOverdueNotWeekOne) {
  Ledger ledger;
  ledger.tenDaysLate("SLOW");
  ledger.add.invoice("SLOW-P", "SLOW", day(2026, 10, 1), kAsOf.plusDays(-11), usd(700));
  const auto payment = ledger.of("SLOW-P");
  EXPECT_EQ(payment.expectedDate, kAsOf.plusDays(-1));
  EXPECT_EQ(payment.column, ForecastColumn::Overdue);
  EXPECT_EQ(payment.week, 0);
  const auto result = ledger.run();
  ASSERT_EQ(result.currencies.size(), 1u);
  EXPECT_EQ(result.currencies[0].overdue, usd(700));
  EXPECT_EQ(result.currencies[0].weeks[1], usd(25000));
  EXPECT_EQ(result.currencies[0].weeks[0], usd(0));
}

TEST(Forecast, clientThatNeverPaidOnTimeIsAtRisk) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "LATE", day(2026, 6, 1), day(2026, 7, 1), usd(10000))
      .payment("INV-1", day(2026, 7, 21), 10000)
      .invoice("INV-2", "LATE", day(2026, 11, 1), kAsOf.plusDays(10), usd(4000));
  ledger.promise("LATE", kAsOf, kAsOf.plusDays(5));
  const auto payment = ledger.of("INV-2");
  EXPECT_EQ(payment.column, ForecastColumn::AtRisk);
  EXPECT_EQ(ledger.run().currencies[0].atRisk, usd(4000));
}

// An invoice still unpaid 90 days after its due date is at least 90 days late: its payment
// is expected now, not at its due date; one day more with nothing paid, and it is at risk.
TEST(Forecast, clientWhoNeverPaidIsAtRiskOnlyPastNinetyDays) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "NONE", day(2026, 7, 1), kAsOf.plusDays(-90), usd(100))
      .invoice("INV-2", "GONE", day(2026, 7, 1), kAsOf.plusDays(-91), usd(200));
  const auto none = ledger.of("INV-1");
  EXPECT_EQ(none.expectedDate, kAsOf);
  EXPECT_EQ(none.column, ForecastColumn::Week);
  EXPECT_EQ(none.week, 1);
  EXPECT_EQ(ledger.of("INV-2").column, ForecastColumn::AtRisk);
}

// A client who paid lately is not at risk for an old invoice; one who has paid nothing for
// 90 days is, as a whole, even for what is not yet due.
TEST(Forecast, clientWhoStoppedPayingIsAtRiskWhole) {
  Ledger ledger;
  ledger.add.invoice("OLD-1", "PAYS", day(2026, 6, 1), kAsOf.plusDays(-120), usd(100))
      .invoice("NEW-1", "PAYS", day(2026, 9, 1), day(2026, 10, 1), usd(100))
      .payment("NEW-1", kAsOf.plusDays(-89), 100)
      .invoice("OLD-2", "STOP", day(2026, 6, 1), kAsOf.plusDays(-120), usd(100))
      .invoice("NEW-2", "STOP", day(2026, 6, 1), day(2026, 7, 1), usd(100))
      .payment("NEW-2", kAsOf.plusDays(-91), 100)
      .invoice("NEXT-2", "STOP", day(2026, 11, 10), kAsOf.plusDays(20), usd(300));
  EXPECT_NE(ledger.of("OLD-1").column, ForecastColumn::AtRisk);
  EXPECT_EQ(ledger.of("OLD-2").column, ForecastColumn::AtRisk);
  EXPECT_EQ(ledger.of("NEXT-2").column, ForecastColumn::AtRisk);
}

// A credit is used against the client's oldest invoice first; what it covers is not
// expected, and an invoice issued after the as-of date is not yet receivable.
TEST(Forecast, creditsAreNettedAndInvoicesNotYetIssuedLeftOut) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "ACME", day(2026, 11, 1), kAsOf.plusDays(5), usd(1000))
      .invoice("INV-0", "ACME", day(2026, 10, 1), kAsOf.plusDays(2), usd(200))
      .invoice("CN-1", "ACME", day(2026, 11, 1), day(2026, 11, 1), usd(-300))
      .invoice("INV-2", "ACME", kAsOf.plusDays(1), kAsOf.plusDays(31), usd(5000));
  const auto result = ledger.run();
  ASSERT_EQ(result.payments.size(), 1u);
  EXPECT_EQ(result.payments[0].number, "INV-1");
  EXPECT_EQ(result.payments[0].balance, usd(900));
  EXPECT_EQ(result.payments[0].credited, usd(100));
  EXPECT_EQ(result.currencies[0].total, usd(900));
}

// A client whose credit covers what it owes is expected to pay nothing.
TEST(Forecast, clientWhoseCreditCoversItsInvoicesIsExpectedToPayNothing) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "ACME", day(2026, 9, 1), day(2026, 10, 1), usd(300))
      .invoice("CN-1", "ACME", day(2026, 9, 15), day(2026, 9, 15), usd(-300));
  const auto result = ledger.run();
  EXPECT_TRUE(result.payments.empty());
  EXPECT_TRUE(result.currencies.empty());
}

// Every open positive balance lands in exactly one column: on the sample business, the
// columns of each currency add up to the positive client balances that aging finds (what was
// issued by the as-of date, net of the client's credits).
TEST(Forecast, samplesEveryOpenBalanceLandsInExactlyOneColumn) {
  Ledger ledger;
  testing::importSamples(ledger.database, kAsOf);

  AgingOptions options;
  options.asOf = kAsOf;
  money::Totals open;
  for (const auto& client : AgingEngine(ledger.database).age(options).clients) {
    const auto receivable = client.balance - client.notYetIssued;
    if (receivable.minorUnits() > 0) money::addTo(open, receivable);
  }
  const auto result = ledger.run();
  ASSERT_EQ(result.currencies.size(), open.size());
  int columnsUsed = 0;
  for (const auto& currency : result.currencies) {
    auto sum = currency.overdue + currency.later + currency.atRisk;
    for (const auto& week : currency.weeks) sum += week;
    EXPECT_EQ(sum, currency.total) << currency.currency.code();
    EXPECT_EQ(currency.total, open.at(currency.currency)) << currency.currency.code();
    columnsUsed += !currency.overdue.isZero() + !currency.atRisk.isZero();
  }
  EXPECT_GT(columnsUsed, 0) << "the samples have overdue and at-risk balances";
  // Each payment counted once: the per-payment columns add up to the same sums.
  money::Totals placed;
  for (const auto& payment : result.payments) money::addTo(placed, payment.balance);
  EXPECT_EQ(placed, open);
}

}  // namespace
}  // namespace kindly::aging
