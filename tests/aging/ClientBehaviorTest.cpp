// Client behaviour on a real SQLite ledger in a temporary folder: who pays late, how late,
// who has stopped buying, and what people told Kindly (disputes, promises).
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "aging/ClientBehavior.h"
#include "tests/support/AgingFixtures.h"
#include "tests/support/TempDir.h"

namespace kindly::aging {
namespace {

using testing::day;
using testing::usd;

struct Ledger {
  std::vector<ClientBehavior> behaviors(dates::Date asOf, int graceDays = 3) {
    AgingOptions options;
    options.asOf = asOf;
    options.graceDays = graceDays;
    return clientBehaviors(database, options);
  }
  // The behaviour of one client; fails the test when the client is not listed.
  ClientBehavior of(const std::string& code, dates::Date asOf) {
    const auto all = behaviors(asOf);
    const auto found = std::find_if(all.begin(), all.end(),
                                    [&](const ClientBehavior& b) { return b.clientCode == code; });
    if (found == all.end()) throw std::logic_error("no client " + code);
    return *found;
  }
  // A contact row as `kindly log` writes it.
  void contact(const std::string& client, const std::string& kind, dates::Date on,
               std::optional<dates::Date> promised = std::nullopt,
               const std::string& invoice = "") {
    using namespace Poco::Data::Keywords;
    const Poco::Int64 when = on.dayNumber();
    const Poco::Int64 promisedDay = promised ? promised->dayNumber() : 0;
    const Poco::Int32 hasPromise = promised ? 1 : 0;
    database.session() << "INSERT INTO contacts (client_id, invoice_id, day, kind, promised_day) "
                          "SELECT c.id, (SELECT id FROM invoices WHERE number = ?), ?, ?, "
                          "CASE WHEN ? THEN ? END FROM clients c WHERE c.code = ?",
        bind(invoice), bind(when), bind(kind), bind(hasPromise), bind(promisedDay), bind(client),
        now;
  }
  void writeOff(const std::string& invoice, dates::Date on) {
    using namespace Poco::Data::Keywords;
    const Poco::Int64 when = on.dayNumber();
    database.session() << "INSERT INTO writeoffs (invoice_id, day, reason) "
                          "SELECT id, ?, 'gone' FROM invoices WHERE number = ?",
        bind(when), bind(invoice), now;
  }

  testing::TempDir folder;
  store::Database database{folder.file("kindly.db")};
  testing::LedgerBuilder add{database};
};

bool hasFlag(const ClientBehavior& client, const std::string& flag) {
  return std::find(client.flags.begin(), client.flags.end(), flag) != client.flags.end();
}

const dates::Date kAsOf = day(2026, 11, 20);

TEST(ClientBehavior, paymentExactlyAtTheGraceIsOnTime) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "ACME", day(2026, 8, 1), day(2026, 9, 1), usd(10000))
      .payment("INV-1", day(2026, 9, 4), 10000)  // 3 days after due: within grace
      .invoice("INV-2", "ACME", day(2026, 9, 1), day(2026, 10, 1), usd(10000))
      .payment("INV-2", day(2026, 10, 5), 10000);  // 4 days: late
  const auto acme = ledger.of("ACME", kAsOf);
  EXPECT_EQ(acme.invoicesPaid, 2);
  EXPECT_EQ(acme.latePaid, 1);
  EXPECT_DOUBLE_EQ(*acme.onTimeRate, 0.5);
  EXPECT_FALSE(hasFlag(acme, "repeat-late")) << "late once is not repeat-late";
}

// What a thank-you note is planned from: the latest invoice paid within the grace days.
TEST(ClientBehavior, theLatestOnTimePaymentIsKnown) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "ACME", day(2026, 7, 1), day(2026, 8, 1), usd(10000))
      .payment("INV-1", day(2026, 8, 3), 10000)  // on time
      .invoice("INV-2", "ACME", day(2026, 8, 1), day(2026, 9, 1), usd(10000))
      .payment("INV-2", day(2026, 9, 4), 10000)  // on time, at the grace
      .invoice("INV-3", "ACME", day(2026, 9, 1), day(2026, 10, 1), usd(10000))
      .payment("INV-3", day(2026, 10, 20), 10000)  // late
      .invoice("INV-4", "BOLT", day(2026, 9, 1), day(2026, 10, 1), usd(10000))
      .payment("INV-4", day(2026, 10, 9), 10000);  // late
  EXPECT_EQ(ledger.of("ACME", kAsOf).lastPaidOnTime, day(2026, 9, 4));
  EXPECT_EQ(ledger.of("ACME", day(2026, 9, 3)).lastPaidOnTime, day(2026, 8, 3));
  EXPECT_FALSE(ledger.of("BOLT", kAsOf).lastPaidOnTime.has_value()) << "never on time";
}

TEST(ClientBehavior, lateTwiceIsRepeatLate) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "ACME", day(2026, 8, 1), day(2026, 9, 1), usd(10000))
      .payment("INV-1", day(2026, 9, 20), 10000)
      .invoice("INV-2", "ACME", day(2026, 9, 1), day(2026, 10, 1), usd(10000))
      .payment("INV-2", day(2026, 10, 5), 10000);
  EXPECT_TRUE(hasFlag(ledger.of("ACME", kAsOf), "repeat-late"));
  // As of the day before the second late payment, it was late once.
  EXPECT_FALSE(hasFlag(ledger.of("ACME", day(2026, 10, 4)), "repeat-late"));
}

TEST(ClientBehavior, onlyCompletionsInsideTheWindowCount) {
  Ledger ledger;
  // The window of 365 days as of 2026-11-20 starts on 2025-11-21.
  ledger.add.invoice("INV-OUT", "ACME", day(2025, 9, 1), day(2025, 10, 1), usd(10000))
      .payment("INV-OUT", day(2025, 11, 20), 10000)  // 365 days before: outside
      .invoice("INV-IN", "ACME", day(2025, 9, 2), day(2025, 10, 2), usd(10000))
      .payment("INV-IN", day(2025, 11, 21), 10000)  // 364 days before: inside
      // Completed by a part paid inside the window: the completion counts.
      .invoice("INV-PART", "ACME", day(2025, 9, 3), day(2025, 10, 3), usd(10000))
      .payment("INV-PART", day(2025, 10, 3), 5000)
      .payment("INV-PART", day(2025, 12, 1), 5000)
      // Completed after the as-of date: not paid yet.
      .invoice("INV-LATER", "ACME", day(2026, 10, 1), day(2026, 10, 31), usd(10000))
      .payment("INV-LATER", day(2026, 11, 21), 10000);
  const auto acme = ledger.of("ACME", kAsOf);
  EXPECT_EQ(acme.invoicesPaid, 2);
  EXPECT_EQ(acme.latePaid, 2);
  EXPECT_TRUE(hasFlag(acme, "overdue")) << "INV-LATER is 20 days past due on the as-of date";
}

TEST(ClientBehavior, averagesComputedByHand) {
  Ledger ledger;
  ledger
      .add
      // Due 2026-03-02, paid 2026-03-12: 10 days late, 40 days to pay.
      .invoice("INV-1", "ACME", day(2026, 1, 31), day(2026, 3, 2), usd(30000))
      .payment("INV-1", day(2026, 3, 12), 30000)
      // Paid 2 days early: 0 days late, 28 days to pay.
      .invoice("INV-2", "ACME", day(2026, 4, 1), day(2026, 5, 1), usd(20000))
      .payment("INV-2", day(2026, 4, 29), 20000)
      // Paid in two parts, the second 20 days after due: 20 days late, 50 days to pay.
      .invoice("INV-3", "ACME", day(2026, 6, 1), day(2026, 7, 1), usd(50000))
      .payment("INV-3", day(2026, 7, 1), 25000)
      .payment("INV-3", day(2026, 7, 21), 25000)
      // Open: 1000.00 owed, not yet due.
      .invoice("INV-4", "ACME", day(2026, 11, 1), day(2026, 12, 1), usd(100000));
  const auto acme = ledger.of("ACME", kAsOf);
  EXPECT_EQ(acme.invoicesPaid, 3);
  EXPECT_EQ(acme.latePaid, 2);
  EXPECT_DOUBLE_EQ(*acme.avgDaysLate, (10.0 + 0 + 20) / 3);
  EXPECT_DOUBLE_EQ(*acme.avgDaysToPay, (40.0 + 28 + 50) / 3);
  EXPECT_DOUBLE_EQ(*acme.onTimeRate, 1.0 / 3);
  // Invoiced 300 + 200 + 500 + 1000 = 2000.00 in the window; 1000.00 open:
  // 1000 / 2000 x 365 = 182.5, rounded to 183.
  ASSERT_TRUE(acme.dso.has_value());
  EXPECT_EQ(*acme.dso, 183);
  ASSERT_EQ(acme.balances.size(), 1u);
  EXPECT_EQ(acme.balances[0], usd(100000));
  EXPECT_EQ(acme.mainCurrency->code(), "USD");
  EXPECT_EQ(acme.trend, "") << "nothing paid in the last 90 days: too little to say";
  EXPECT_EQ(acme.flags, std::vector<std::string>{"repeat-late"});
}

TEST(ClientBehavior, aClientWhoPaidNothingHasNoAverages) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "ACME", day(2026, 11, 1), day(2026, 12, 1), usd(10000));
  const auto acme = ledger.of("ACME", kAsOf);
  EXPECT_EQ(acme.invoicesPaid, 0);
  EXPECT_FALSE(acme.avgDaysLate.has_value());
  EXPECT_FALSE(acme.avgDaysToPay.has_value());
  EXPECT_FALSE(acme.onTimeRate.has_value());
  EXPECT_TRUE(acme.flags.empty());
}

TEST(ClientBehavior, trendComparesTheLast90DaysWithTheRestOfTheWindow) {
  Ledger ledger;
  // Earlier: 20 and 30 days late. Recent (after 2026-08-22): on time.
  ledger.add.invoice("INV-1", "ACME", day(2026, 1, 1), day(2026, 2, 1), usd(10000))
      .payment("INV-1", day(2026, 2, 21), 10000)
      .invoice("INV-2", "ACME", day(2026, 2, 1), day(2026, 3, 1), usd(10000))
      .payment("INV-2", day(2026, 3, 31), 10000)
      .invoice("INV-3", "ACME", day(2026, 8, 1), day(2026, 9, 1), usd(10000))
      .payment("INV-3", day(2026, 9, 1), 10000)
      .invoice("INV-4", "ACME", day(2026, 9, 1), day(2026, 10, 1), usd(10000))
      .payment("INV-4", day(2026, 10, 2), 10000);
  EXPECT_EQ(ledger.of("ACME", kAsOf).trend, "improving");

  EXPECT_EQ(trendOf(2, 25.0, 2, 0.0), "worse");
  EXPECT_EQ(trendOf(2, 4.0, 2, 0.0), "steady");
  EXPECT_EQ(trendOf(2, 0.0, 2, 5.0), "improving");
  EXPECT_EQ(trendOf(1, 0.0, 5, 30.0), "");
}

TEST(ClientBehavior, aMonthlyClientWhoStoppedIsFlagged) {
  Ledger ledger;
  for (int month = 1; month <= 6; ++month) {
    ledger.add.invoice("M-" + std::to_string(month), "MONTHLY", day(2026, month, 5),
                       day(2026, month, 5).plusDays(30), usd(10000));
  }
  // Three invoices, then nothing: too few to have a rhythm.
  for (int month = 1; month <= 3; ++month) {
    ledger.add.invoice("F-" + std::to_string(month), "FEW", day(2026, month, 5),
                       day(2026, month, 5).plusDays(30), usd(10000));
  }
  // Monthly up to now.
  for (int month = 1; month <= 11; ++month) {
    ledger.add.invoice("S-" + std::to_string(month), "STEADY", day(2026, month, 5),
                       day(2026, month, 5).plusDays(30), usd(10000));
  }
  EXPECT_TRUE(hasFlag(ledger.of("MONTHLY", kAsOf), "stopped-buying"));
  EXPECT_FALSE(hasFlag(ledger.of("FEW", kAsOf), "stopped-buying"));
  EXPECT_FALSE(hasFlag(ledger.of("STEADY", kAsOf), "stopped-buying"));
  // Last issue 2026-06-05, median gap 31 days: 62 days later is exactly twice, not yet.
  EXPECT_FALSE(hasFlag(ledger.of("MONTHLY", day(2026, 8, 6)), "stopped-buying"));
  EXPECT_TRUE(hasFlag(ledger.of("MONTHLY", day(2026, 8, 7)), "stopped-buying"));
}

TEST(ClientBehavior, stoppedBuyingNeedsMoreThanTwiceTheMedianGap) {
  const std::vector<dates::Date> days = {day(2026, 1, 1), day(2026, 1, 11), day(2026, 1, 21),
                                         day(2026, 3, 1)};  // gaps 10, 10, 39: median 10
  EXPECT_FALSE(stoppedBuying(days, day(2026, 3, 21)));      // 20 days: exactly twice
  EXPECT_TRUE(stoppedBuying(days, day(2026, 3, 22)));
  // Even count of gaps (10, 20, 30, 40): median 25, twice 50.
  const std::vector<dates::Date> even = {day(2026, 1, 1), day(2026, 1, 11), day(2026, 1, 31),
                                         day(2026, 3, 2), day(2026, 4, 11)};
  EXPECT_FALSE(stoppedBuying(even, day(2026, 4, 11).plusDays(50)));
  EXPECT_TRUE(stoppedBuying(even, day(2026, 4, 11).plusDays(51)));
  EXPECT_FALSE(
      stoppedBuying({day(2026, 1, 1), day(2026, 2, 1), day(2026, 3, 1)}, day(2026, 11, 1)));
}

TEST(ClientBehavior, aDisputeStandsUntilResolved) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "ACME", day(2026, 9, 1), day(2026, 10, 1), usd(10000));
  ledger.contact("ACME", "dispute", day(2026, 10, 10));
  ledger.contact("ACME", "resolved", day(2026, 11, 2));
  EXPECT_FALSE(hasFlag(ledger.of("ACME", day(2026, 10, 9)), "disputed"));
  EXPECT_TRUE(hasFlag(ledger.of("ACME", day(2026, 10, 10)), "disputed"));
  EXPECT_TRUE(hasFlag(ledger.of("ACME", day(2026, 11, 1)), "disputed"));
  EXPECT_FALSE(hasFlag(ledger.of("ACME", day(2026, 11, 2)), "disputed"));
  // A new dispute after the resolution stands again.
  ledger.contact("ACME", "dispute", day(2026, 11, 10));
  EXPECT_TRUE(hasFlag(ledger.of("ACME", kAsOf), "disputed"));
}

TEST(ClientBehavior, aResolutionOfAnotherInvoiceLeavesTheDispute) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "ACME", day(2026, 9, 1), day(2026, 10, 1), usd(10000))
      .invoice("INV-2", "ACME", day(2026, 9, 2), day(2026, 10, 2), usd(10000));
  ledger.contact("ACME", "dispute", day(2026, 10, 10), std::nullopt, "INV-1");
  ledger.contact("ACME", "resolved", day(2026, 10, 12), std::nullopt, "INV-2");
  EXPECT_TRUE(hasFlag(ledger.of("ACME", kAsOf), "disputed"));
}

TEST(ClientBehavior, aPromiseHoldsUntilGraceDaysAfterThePromisedDay) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "ACME", day(2026, 9, 1), day(2026, 10, 1), usd(10000));
  ledger.contact("ACME", "promise", day(2026, 11, 2), day(2026, 11, 10));
  EXPECT_FALSE(hasFlag(ledger.of("ACME", day(2026, 11, 1)), "promised")) << "not yet made";
  EXPECT_TRUE(hasFlag(ledger.of("ACME", day(2026, 11, 2)), "promised"));
  EXPECT_TRUE(hasFlag(ledger.of("ACME", day(2026, 11, 13)), "promised"));  // promised + 3
  EXPECT_FALSE(hasFlag(ledger.of("ACME", day(2026, 11, 14)), "promised"));
}

TEST(ClientBehavior, overdueAfterTheGraceAndNotWhenWrittenOff) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "ACME", day(2026, 10, 1), day(2026, 11, 1), usd(10000));
  EXPECT_FALSE(hasFlag(ledger.of("ACME", day(2026, 11, 4)), "overdue"));
  EXPECT_TRUE(hasFlag(ledger.of("ACME", day(2026, 11, 5)), "overdue"));
  ledger.writeOff("INV-1", day(2026, 11, 10));
  EXPECT_TRUE(hasFlag(ledger.of("ACME", day(2026, 11, 9)), "overdue"));
  const auto after = ledger.of("ACME", day(2026, 11, 10));
  EXPECT_FALSE(hasFlag(after, "overdue"));
  EXPECT_TRUE(after.balances.empty());
}

TEST(ClientBehavior, clientsInvoicedOnlyAfterTheAsOfDateAreNotListed) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "ACME", day(2026, 11, 1), day(2026, 12, 1), usd(10000))
      .invoice("INV-2", "NEWCO", day(2026, 11, 25), day(2026, 12, 25), usd(10000));
  const auto all = ledger.behaviors(kAsOf);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].clientCode, "ACME");
}

// Clients are usually numbered 1, 2, 3... in the ledger; one numbered otherwise (a ledger
// edited by hand) is counted all the same.
TEST(ClientBehavior, aClientNumberedOutOfTurnIsCounted) {
  Ledger ledger;
  using namespace Poco::Data::Keywords;
  ledger.database.session() << "INSERT INTO clients (id, code, name) VALUES (1000, 'FAR', 'Far')",
      now;
  ledger.add.invoice("INV-1", "ACME", day(2026, 8, 1), day(2026, 9, 1), usd(10000))
      .invoice("INV-2", "FAR", day(2026, 8, 1), day(2026, 9, 1), usd(20000))
      .payment("INV-2", day(2026, 9, 11), 20000);
  const auto all = ledger.behaviors(kAsOf);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].balances, std::vector{usd(10000)});
  EXPECT_EQ(all[1].clientCode, "FAR");
  EXPECT_EQ(all[1].invoicesPaid, 1);
  EXPECT_DOUBLE_EQ(*all[1].avgDaysLate, 10.0);
}

// `kindly client` asks for one client: it gets the figures and flags that client has among
// all of them, whatever currency the options name.
TEST(ClientBehavior, aClientAskedForAloneHasTheFiguresItHasAmongAll) {
  Ledger ledger;
  testing::importSamples(ledger.database, kAsOf);
  const auto all = ledger.behaviors(kAsOf);
  ASSERT_GT(all.size(), 1u);
  ledger.contact(all[0].clientCode, "dispute", day(2026, 11, 1));

  for (const auto& client : ledger.behaviors(kAsOf)) {
    AgingOptions options;
    options.asOf = kAsOf;
    options.client = client.clientCode;
    options.currency = money::Currency::fromCode("EUR");
    const auto alone = clientBehaviors(ledger.database, options);
    ASSERT_EQ(alone.size(), 1u) << client.clientCode;
    EXPECT_EQ(alone[0].clientName, client.clientName);
    EXPECT_EQ(alone[0].balances, client.balances) << client.clientCode;
    EXPECT_EQ(alone[0].mainCurrency, client.mainCurrency) << client.clientCode;
    EXPECT_EQ(alone[0].invoicesPaid, client.invoicesPaid) << client.clientCode;
    EXPECT_EQ(alone[0].latePaid, client.latePaid) << client.clientCode;
    EXPECT_EQ(alone[0].avgDaysLate, client.avgDaysLate) << client.clientCode;
    EXPECT_EQ(alone[0].avgDaysToPay, client.avgDaysToPay) << client.clientCode;
    EXPECT_EQ(alone[0].trend, client.trend) << client.clientCode;
    EXPECT_EQ(alone[0].dso, client.dso) << client.clientCode;
    EXPECT_EQ(alone[0].flags, client.flags) << client.clientCode;
  }
}

// The sample business (samples/README.md): the four repeatedly late clients, and Pine &
// Quill, a monthly client until July 2026.
TEST(ClientBehavior, samplesFlagTheClientsTheirReadmeDescribes) {
  Ledger ledger;
  testing::importSamples(ledger.database, kAsOf);

  const auto all = ledger.behaviors(kAsOf);
  std::vector<std::string> repeatLate, stopped;
  for (const auto& client : all) {
    if (hasFlag(client, "repeat-late")) repeatLate.push_back(client.clientName);
    if (hasFlag(client, "stopped-buying")) stopped.push_back(client.clientName);
  }
  std::sort(repeatLate.begin(), repeatLate.end());
  EXPECT_EQ(repeatLate, (std::vector<std::string>{"Copperline Brewing Co.", "Marlowe Books",
                                                  "O'Malley's Pub & Kitchen", "Tidewater Realty"}));
  EXPECT_EQ(stopped, std::vector<std::string>{"Pine & Quill Stationery"});
}

}  // namespace
}  // namespace kindly::aging
