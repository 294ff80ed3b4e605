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
  // Countback: the 1000.00 owed is November's 1000.00 of sales, which cover the 20 days of
  // November up to the as-of date; none of it is past due.
  ASSERT_TRUE(acme.dso.has_value());
  EXPECT_EQ(*acme.dso, 20);
  EXPECT_EQ(acme.add, 0);
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
  std::vector<std::string> repeatLate, stopped, stoppedPaying;
  for (const auto& client : all) {
    if (hasFlag(client, "repeat-late")) repeatLate.push_back(client.clientName);
    if (hasFlag(client, "stopped-buying")) stopped.push_back(client.clientName);
    if (hasFlag(client, "stopped-paying")) stoppedPaying.push_back(client.clientName);
  }
  std::sort(repeatLate.begin(), repeatLate.end());
  EXPECT_EQ(repeatLate, (std::vector<std::string>{"Copperline Brewing Co.", "Marlowe Books",
                                                  "O'Malley's Pub & Kitchen", "Tidewater Realty"}));
  EXPECT_EQ(stopped, std::vector<std::string>{"Pine & Quill Stationery"});
  EXPECT_EQ(stoppedPaying, std::vector<std::string>{"Greenleaf Organic Market"});
}

// A first import of a balance-only export: every invoice already paid was paid at some time
// before it, so nothing says whether it was on time. It counts in neither.
TEST(ClientBehavior, aPaymentOfUnknownDateNeverMakesAClientLate) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "ACME", day(2026, 1, 1), day(2026, 1, 31), usd(10000))
      .paymentBy("INV-1", kAsOf, 10000)
      .invoice("INV-2", "ACME", day(2026, 2, 1), day(2026, 3, 3), usd(10000))
      .paymentBy("INV-2", kAsOf, 10000)
      .invoice("INV-3", "ACME", day(2026, 3, 1), day(2026, 3, 31), usd(10000))
      .paymentBy("INV-3", kAsOf, 10000);
  const auto acme = ledger.of("ACME", kAsOf);
  EXPECT_EQ(acme.invoicesPaid, 3);
  EXPECT_EQ(acme.timingUnknown, 3);
  EXPECT_EQ(acme.latePaid, 0);
  EXPECT_FALSE(acme.avgDaysLate.has_value());
  EXPECT_FALSE(acme.onTimeRate.has_value());
  EXPECT_EQ(acme.trend, "");
  EXPECT_TRUE(acme.flags.empty());
}

// A payment found between two exports was made after the earlier one: late only when even
// that earliest day is past due + grace, on time only when even the later export's is not.
// Its days late are counted from the earliest day; its days to pay are not known.
TEST(ClientBehavior, aBoundedPaymentIsJudgedOnlyWhereItsDatesSettleIt) {
  Ledger ledger;
  ledger
      .add
      // Due 2026-09-01, paid between 09-10 and 09-17: surely late, at least 9 days.
      .invoice("INV-1", "ACME", day(2026, 8, 1), day(2026, 9, 1), usd(10000))
      .paymentBetween("INV-1", day(2026, 9, 9), day(2026, 9, 17), 10000)
      // Due 2026-10-01, paid between 09-24 and 10-01: surely on time.
      .invoice("INV-2", "ACME", day(2026, 9, 1), day(2026, 10, 1), usd(10000))
      .paymentBetween("INV-2", day(2026, 9, 23), day(2026, 10, 1), 10000)
      // Due 2026-11-01, paid between 10-29 and 11-05: maybe within grace, maybe not.
      .invoice("INV-3", "ACME", day(2026, 10, 1), day(2026, 11, 1), usd(10000))
      .paymentBetween("INV-3", day(2026, 10, 28), day(2026, 11, 5), 10000);
  const auto acme = ledger.of("ACME", kAsOf);
  EXPECT_EQ(acme.invoicesPaid, 3);
  EXPECT_EQ(acme.latePaid, 1);
  EXPECT_EQ(acme.timingUnknown, 1);
  EXPECT_DOUBLE_EQ(*acme.avgDaysLate, (9.0 + 0) / 2);
  EXPECT_DOUBLE_EQ(*acme.onTimeRate, 0.5);
  EXPECT_FALSE(acme.avgDaysToPay.has_value()) << "no payment day is known exactly";
}

// An invoice paid partly by a listed payment and the rest found already paid: completed no
// earlier than the listed payment, so late when that payment already was.
TEST(ClientBehavior, anInvoicePaidBothWaysIsJudgedFromAllItsPayments) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "ACME", day(2026, 8, 1), day(2026, 9, 1), usd(10000))
      .payment("INV-1", day(2026, 9, 20), 4000)  // listed, 19 days after due
      .paymentBy("INV-1", kAsOf, 6000)
      .invoice("INV-2", "ACME", day(2026, 8, 1), day(2026, 9, 1), usd(10000))
      .payment("INV-2", day(2026, 8, 20), 4000)  // listed, before due
      .paymentBy("INV-2", kAsOf, 6000);
  const auto acme = ledger.of("ACME", kAsOf);
  EXPECT_EQ(acme.invoicesPaid, 2);
  EXPECT_EQ(acme.latePaid, 1);
  EXPECT_EQ(acme.timingUnknown, 1);
  EXPECT_DOUBLE_EQ(*acme.avgDaysLate, 19.0);
}

// An invoice 154 days overdue is at least 154 days late, paid or not.
TEST(ClientBehavior, anOpenInvoiceCountsAsLateAsItsDaysPastDue) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "ACME", day(2026, 4, 1), day(2026, 5, 1), usd(10000))
      .payment("INV-1", day(2026, 5, 1), 10000)
      .invoice("INV-2", "ACME", day(2026, 5, 1), day(2026, 6, 1), usd(10000))
      .payment("INV-2", day(2026, 5, 30), 10000)
      .invoice("INV-3", "ACME", day(2026, 5, 20), kAsOf.plusDays(-154), usd(10000))
      // Two days past due, inside the grace: not yet late.
      .invoice("INV-4", "ACME", day(2026, 10, 18), kAsOf.plusDays(-2), usd(10000));
  const auto acme = ledger.of("ACME", kAsOf);
  EXPECT_EQ(acme.invoicesPaid, 2);
  EXPECT_EQ(acme.latePaid, 0);
  EXPECT_EQ(acme.openLate, 1);
  EXPECT_DOUBLE_EQ(*acme.avgDaysLate, 154.0 / 3);
  EXPECT_DOUBLE_EQ(*acme.onTimeRate, 2.0 / 3);
  EXPECT_DOUBLE_EQ(*acme.avgDaysToPay, (30.0 + 29) / 2) << "open invoices have no time to pay";
  EXPECT_FALSE(hasFlag(acme, "repeat-late")) << "repeat-late counts invoices paid late";
}

// A monthly payer who has paid nothing for 61 days since an invoice fell due that is still
// unpaid has stopped paying; at 60 days, or with nothing overdue, it has not.
TEST(ClientBehavior, aClientWhoStoppedPayingIsFlagged) {
  Ledger ledger;
  for (int month = 3; month <= 8; ++month) {
    const std::string number = "INV-" + std::to_string(month);
    ledger.add.invoice(number, "ACME", day(2026, month, 1), day(2026, month, 15), usd(10000))
        .payment(number, day(2026, month, 15), 10000);
  }
  ledger.add.invoice("INV-9", "ACME", day(2026, 9, 1), day(2026, 9, 15), usd(10000));
  const auto unpaidDue = day(2026, 9, 15);
  EXPECT_TRUE(hasFlag(ledger.of("ACME", unpaidDue.plusDays(61)), "stopped-paying"));
  EXPECT_FALSE(hasFlag(ledger.of("ACME", unpaidDue.plusDays(60)), "stopped-paying"));
  EXPECT_EQ(ledger.of("ACME", kAsOf).lastPayment, day(2026, 8, 15));
  // Paid in full: nothing overdue, nothing to stop.
  ledger.add.payment("INV-9", day(2026, 9, 15), 10000);
  EXPECT_FALSE(hasFlag(ledger.of("ACME", kAsOf), "stopped-paying"));
}

// A client who pays every quarter is not stopped at 61 days, only past its own rhythm.
TEST(ClientBehavior, stoppedPayingWaitsForTheClientsOwnRhythm) {
  const std::vector<dates::Date> quarterly = {day(2026, 1, 10), day(2026, 4, 10), day(2026, 7, 10)};
  // Gaps of 90 and 91 days: a rhythm of 90. Something overdue since 2026-06-30.
  const auto last = day(2026, 7, 10);
  const auto since = day(2026, 6, 30);
  EXPECT_FALSE(stoppedPaying(quarterly, last.plusDays(61), since));
  EXPECT_FALSE(stoppedPaying(quarterly, last.plusDays(90), since));
  EXPECT_TRUE(stoppedPaying(quarterly, last.plusDays(91), since));
  EXPECT_FALSE(stoppedPaying(quarterly, last.plusDays(200), std::nullopt)) << "nothing overdue";
  // Overdue only since 2026-10-01: silence counts from then.
  EXPECT_FALSE(stoppedPaying(quarterly, day(2026, 10, 1).plusDays(90), day(2026, 10, 1)));
  EXPECT_TRUE(stoppedPaying(quarterly, day(2026, 10, 1).plusDays(91), day(2026, 10, 1)));
  EXPECT_FALSE(stoppedPaying({}, last.plusDays(200), since)) << "never paid: not stopped";
}

// A credit that covers what is past due leaves nothing overdue: no flag, and the open invoice
// does not count as late.
TEST(ClientBehavior, aCreditCoveringWhatIsPastDueLeavesNothingOverdue) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "ACME", day(2026, 9, 1), day(2026, 10, 1), usd(30000))
      .invoice("CN-1", "ACME", day(2026, 9, 20), day(2026, 9, 20), usd(-30000))
      .invoice("INV-2", "BOLT", day(2026, 9, 1), day(2026, 10, 1), usd(30000))
      .invoice("CN-2", "BOLT", day(2026, 9, 20), day(2026, 9, 20), usd(-20000));
  const auto acme = ledger.of("ACME", kAsOf);
  EXPECT_TRUE(acme.balances.empty());
  EXPECT_EQ(acme.openLate, 0);
  EXPECT_FALSE(hasFlag(acme, "overdue"));
  const auto bolt = ledger.of("BOLT", kAsOf);
  EXPECT_EQ(bolt.balances, std::vector<money::Money>{usd(10000)});
  EXPECT_TRUE(hasFlag(bolt, "overdue")) << "100.00 is still owed past due";
}

// A credit is used against the oldest invoice first: the one it covers is neither late nor
// where the silence of a client who stopped paying is counted from.
TEST(ClientBehavior, aCreditCoversTheOldestInvoiceFirst) {
  Ledger ledger;
  ledger.add.invoice("OLD", "ACME", day(2026, 5, 1), kAsOf.plusDays(-150), usd(10000))
      .invoice("CN-1", "ACME", day(2026, 7, 1), day(2026, 7, 1), usd(-10000))
      .invoice("NEXT", "ACME", day(2026, 9, 1), kAsOf.plusDays(-40), usd(10000))
      .invoice("PAID", "ACME", day(2026, 7, 1), day(2026, 8, 1), usd(5000))
      .payment("PAID", kAsOf.plusDays(-100), 5000);
  const auto acme = ledger.of("ACME", kAsOf);
  EXPECT_EQ(acme.openLate, 1);
  EXPECT_DOUBLE_EQ(*acme.avgDaysLate, (11.0 + 40) / 2) << "PAID was paid on 2026-08-12";
  EXPECT_TRUE(hasFlag(acme, "overdue"));
  EXPECT_FALSE(hasFlag(acme, "stopped-paying")) << "NEXT fell due 40 days ago, not 150";
}

// A payment received in another currency than its invoice's (the invoice's currency was
// corrected since) pays nothing of it: it is the client's credit in its own currency, as the
// aging shows it.
TEST(ClientBehavior, aPaymentInAnotherCurrencyIsACredit) {
  Ledger ledger;
  ledger.add.invoice("E-1", "ACME", day(2026, 10, 1), day(2026, 10, 31), usd(10000))
      .payment("E-1", day(2026, 10, 20), 10000);
  ledger.database.session() << "UPDATE invoices SET currency = 'EUR' WHERE number = 'E-1'",
      Poco::Data::Keywords::now;
  const auto acme = ledger.of("ACME", kAsOf);
  EXPECT_EQ(acme.balances, (std::vector<money::Money>{testing::eur(10000), usd(-10000)}));
}

// DSO by the countback method: what is owed is matched against each month's sales from the
// as-of date back. ADD is DSO less the countback of what is not yet past due.
TEST(ClientBehavior, countbackDsoAndAverageDaysDelinquent) {
  SalesByMonth sales{};
  sales[0] = 100000;  // November 2026, its 20 days up to the as-of date
  sales[1] = 200000;  // October, 31 days
  sales[2] = 400000;  // September, 30 days
  // 2000.00 owed: November's 1000.00 (20 days), October's 2000.00... only 1000.00 of it left:
  // half of October, 15.5 days. DSO 35.5.
  EXPECT_DOUBLE_EQ(*countbackDays(200000, sales, kAsOf), 35.5);
  // 4000.00 owed: November, October and a quarter of September: 20 + 31 + 7.5.
  EXPECT_DOUBLE_EQ(*countbackDays(400000, sales, kAsOf), 58.5);
  // Of 4000.00 owed, 2000.00 past due: best possible DSO 35.5, ADD 58.5 - 35.5 = 23.
  const auto figures = countback(400000, 200000, sales, kAsOf);
  EXPECT_EQ(figures.dso, 59);
  EXPECT_EQ(figures.add, 23);
  EXPECT_DOUBLE_EQ(*countbackDays(0, sales, kAsOf), 0);
  EXPECT_FALSE(countbackDays(100, SalesByMonth{}, kAsOf).has_value()) << "nothing sold";
}

TEST(ClientBehavior, timingIsJudgedOnlyWhereTheDatesSettleIt) {
  const int due = 100, grace = 3;
  EXPECT_EQ(timingOf(103, 103, due, grace), Timing::OnTime);
  EXPECT_EQ(timingOf(104, 104, due, grace), Timing::Late);
  EXPECT_EQ(timingOf(90, 103, due, grace), Timing::OnTime);
  EXPECT_EQ(timingOf(104, 130, due, grace), Timing::Late);
  EXPECT_EQ(timingOf(95, 110, due, grace), Timing::Unknown);
  EXPECT_EQ(timingOf(kNoDayBefore, 500, due, grace), Timing::Unknown);
  EXPECT_EQ(timingOf(kNoDayBefore, 102, due, grace), Timing::OnTime);
}

}  // namespace
}  // namespace kindly::aging
