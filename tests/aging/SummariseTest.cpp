// summarise(): open invoices summed per client and currency into buckets, credits, flags and
// totals per currency, without a ledger.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "aging/AgingEngine.h"
#include "tests/support/AgingFixtures.h"

namespace kindly::aging {
namespace {

using money::Money;
using testing::bhd;
using testing::day;
using testing::eur;
using testing::jpy;
using testing::usd;

const dates::Date kAsOf = day(2026, 11, 20);

AgingOptions agingOptions(int graceDays = 3, BucketEdges edges = BucketEdges()) {
  AgingOptions options;
  options.asOf = kAsOf;
  options.edges = std::move(edges);
  options.graceDays = graceDays;
  return options;
}

// An invoice (or a credit, when `balance` is negative) `daysOverdue` days past its due date,
// as AgingEngine::openInvoices would return it on the due-date basis.
OpenInvoice open(const std::string& client, const std::string& number, Money balance,
                 int daysOverdue, const BucketEdges& edges = BucketEdges()) {
  const auto due = kAsOf.plusDays(-daysOverdue);
  return OpenInvoice{.clientCode = client,
                     .clientName = client + " Ltd",
                     .number = number,
                     .issueDate = due.plusDays(-30),
                     .dueDate = due,
                     .amount = balance,
                     .paid = Money::zero(balance.currency()),
                     .balance = balance,
                     .daysOverdue = daysOverdue,
                     .bucket = edges.bucketFor(daysOverdue)};
}

Money sum(const std::vector<Money>& amounts) {
  Money total = Money::zero(amounts.at(0).currency());
  for (const auto& amount : amounts) total += amount;
  return total;
}

TEST(Summarise, creditGoesToCreditsNotBuckets) {
  const auto report =
      summarise({open("ACME", "INV-1", usd(10000), 10), open("ACME", "CN-1", usd(-3000), 45)},
                agingOptions(), {});

  ASSERT_EQ(report.clients.size(), 1u);
  const auto& row = report.clients[0];
  EXPECT_EQ(row.credits, usd(-3000));
  EXPECT_EQ(row.buckets, (std::vector{usd(0), usd(10000), usd(0), usd(0), usd(0)}));
  EXPECT_EQ(row.balance, usd(7000));
  EXPECT_EQ(row.openInvoices, 1);
  EXPECT_EQ(row.oldestDaysOverdue, 10);
}

TEST(Summarise, balanceIsBucketsPlusCredits) {
  const auto report =
      summarise({open("ACME", "INV-1", usd(50000), -5), open("ACME", "INV-2", usd(12345), 40),
                 open("ACME", "INV-3", usd(99), 200), open("ACME", "CN-1", usd(-2500), 3),
                 open("ACME", "CN-2", usd(-100), -1)},
                agingOptions(), {});

  ASSERT_EQ(report.clients.size(), 1u);
  const auto& row = report.clients[0];
  EXPECT_EQ(row.buckets, (std::vector{usd(50000), usd(0), usd(12345), usd(0), usd(99)}));
  EXPECT_EQ(row.credits, usd(-2600));
  EXPECT_EQ(row.balance, usd(59844));
  EXPECT_EQ(row.balance, sum(row.buckets) + row.credits);
  EXPECT_EQ(row.openInvoices, 3);
  EXPECT_EQ(row.oldestDaysOverdue, 200);
}

TEST(Summarise, clientWithOnlyACreditHasARowWithNothingInTheBuckets) {
  const auto report = summarise({open("ACME", "CN-1", usd(-45000), 60)}, agingOptions(), {});

  ASSERT_EQ(report.clients.size(), 1u);
  const auto& row = report.clients[0];
  EXPECT_EQ(row.balance, usd(-45000));
  EXPECT_EQ(row.credits, usd(-45000));
  EXPECT_EQ(sum(row.buckets), usd(0));
  EXPECT_EQ(row.openInvoices, 0);
  EXPECT_EQ(row.oldestDaysOverdue, 0);
  EXPECT_TRUE(row.flags.empty()) << "a credit, however old, is not overdue";
}

TEST(Summarise, twoCurrenciesForOneClientMakeTwoRows) {
  const auto report =
      summarise({open("ACME", "INV-2", eur(20000), 35), open("ACME", "INV-1", usd(10000), 5)},
                agingOptions(), {});

  ASSERT_EQ(report.clients.size(), 2u);
  EXPECT_EQ(report.clients[0].clientCode, "ACME");
  EXPECT_EQ(report.clients[0].balance, eur(20000));
  EXPECT_EQ(report.clients[0].buckets[2], eur(20000));
  EXPECT_EQ(report.clients[1].clientCode, "ACME");
  EXPECT_EQ(report.clients[1].balance, usd(10000));
  EXPECT_EQ(report.clients[1].buckets[1], usd(10000));
  ASSERT_EQ(report.totals.size(), 2u);
  EXPECT_EQ(report.totals[0].balance, eur(20000));
  EXPECT_EQ(report.totals[1].balance, usd(10000));
}

TEST(Summarise, overdueOnlyBeyondTheGraceDays) {
  const struct {
    int daysOverdue;
    int graceDays;
    bool overdue;
  } cases[] = {
      {-10, 3, false}, {0, 3, false}, {1, 3, false}, {3, 3, false},   {4, 3, true},
      {120, 3, true},  {1, 0, true},  {0, 0, false}, {10, 10, false}, {11, 10, true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::to_string(c.daysOverdue) + " days overdue, grace " +
                 std::to_string(c.graceDays));
    const auto report = summarise({open("ACME", "INV-1", usd(10000), c.daysOverdue)},
                                  agingOptions(c.graceDays), {});
    ASSERT_EQ(report.clients.size(), 1u);
    EXPECT_EQ(report.clients[0].flags,
              c.overdue ? std::vector<std::string>{"overdue"} : std::vector<std::string>{});
  }
}

TEST(Summarise, overdueIsFlaggedOnceHoweverManyInvoicesAreLate) {
  const auto report =
      summarise({open("ACME", "INV-1", usd(100), 200), open("ACME", "INV-2", usd(100), 50),
                 open("ACME", "INV-3", usd(100), 10)},
                agingOptions(), {});
  ASSERT_EQ(report.clients.size(), 1u);
  EXPECT_EQ(report.clients[0].flags, std::vector<std::string>{"overdue"});
}

TEST(Summarise, repeatLateFlagComesFromTheList) {
  const auto report =
      summarise({open("ACME", "INV-1", usd(10000), 50), open("BOLT", "INV-2", eur(10000), -3),
                 open("BOLT", "INV-3", usd(10000), 20), open("CORK", "INV-4", usd(10000), 1)},
                agingOptions(), {"BOLT", "ZETA"});

  ASSERT_EQ(report.clients.size(), 4u);
  EXPECT_EQ(report.clients[0].flags, std::vector<std::string>{"overdue"});
  EXPECT_EQ(report.clients[1].flags, std::vector<std::string>{"repeat-late"});
  EXPECT_EQ(report.clients[2].flags, (std::vector<std::string>{"overdue", "repeat-late"}));
  EXPECT_TRUE(report.clients[3].flags.empty());
}

TEST(Summarise, totalsArePerCurrencyOrderedByCode) {
  const auto report =
      summarise({open("ACME", "INV-1", usd(10050), 10), open("BOLT", "INV-2", jpy(150000), 95),
                 open("CORK", "INV-3", bhd(1250), 0), open("CORK", "INV-4", bhd(-250), 70),
                 open("DUNE", "INV-5", eur(7000), 61), open("ELMS", "INV-6", usd(2000), 31)},
                agingOptions(), {});

  ASSERT_EQ(report.totals.size(), 4u);
  std::vector<std::string> codes;
  for (const auto& total : report.totals) codes.push_back(total.balance.currency().code());
  EXPECT_EQ(codes, (std::vector<std::string>{"BHD", "EUR", "JPY", "USD"}));

  EXPECT_EQ(report.totals[0].balance, bhd(1000));
  EXPECT_EQ(report.totals[0].buckets, (std::vector{bhd(1250), bhd(0), bhd(0), bhd(0), bhd(0)}));
  EXPECT_EQ(report.totals[0].credits, bhd(-250));
  EXPECT_EQ(report.totals[1].buckets, (std::vector{eur(0), eur(0), eur(0), eur(7000), eur(0)}));
  EXPECT_EQ(report.totals[2].buckets, (std::vector{jpy(0), jpy(0), jpy(0), jpy(0), jpy(150000)}));
  EXPECT_EQ(report.totals[3].balance, usd(12050));
  EXPECT_EQ(report.totals[3].buckets, (std::vector{usd(0), usd(10050), usd(2000), usd(0), usd(0)}));
  EXPECT_EQ(report.totals[3].credits, usd(0));
}

TEST(Summarise, reportCarriesTheOptionsItWasMadeWith) {
  const auto edges = BucketEdges::parse("30,60,90,120");
  ASSERT_TRUE(edges);
  auto withIssueBasis = agingOptions(3, *edges);
  withIssueBasis.basis = Basis::Issue;
  const auto report = summarise({open("ACME", "INV-1", usd(100), 100, *edges)}, withIssueBasis, {});
  EXPECT_EQ(report.asOf, kAsOf);
  EXPECT_EQ(report.basis, Basis::Issue);
  EXPECT_EQ(report.edges.edges(), edges->edges());
  ASSERT_EQ(report.clients.size(), 1u);
  EXPECT_EQ(report.clients[0].buckets.size(), 6u);
  EXPECT_EQ(report.clients[0].buckets[4], usd(100)) << "100 days is in 91-120";
  ASSERT_EQ(report.totals.size(), 1u);
  EXPECT_EQ(report.totals[0].buckets.size(), 6u);
}

TEST(Summarise, nothingOpenMeansNoRowsAndNoTotals) {
  const auto report = summarise({}, agingOptions(), {});
  EXPECT_TRUE(report.clients.empty());
  EXPECT_TRUE(report.totals.empty());
}

// Overdue is about the due date, whatever the basis: on the issue basis an invoice issued
// long ago but not yet due is aged by its issue date, yet it is not overdue.
TEST(Summarise, notYetDueInvoiceIsNotOverdueOnTheIssueBasis) {
  auto byIssue = agingOptions();
  byIssue.basis = Basis::Issue;
  const auto issued = kAsOf.plusDays(-40);
  const auto due = kAsOf.plusDays(20);
  const OpenInvoice invoice{.clientCode = "ACME",
                            .clientName = "Acme Ltd",
                            .number = "INV-1",
                            .issueDate = issued,
                            .dueDate = due,
                            .amount = usd(10000),
                            .paid = usd(0),
                            .balance = usd(10000),
                            .daysOverdue = 40,
                            .bucket = byIssue.edges.bucketFor(40)};
  const auto report = summarise({invoice}, byIssue, {});
  ASSERT_EQ(report.clients.size(), 1u);
  EXPECT_EQ(report.clients[0].buckets[2], usd(10000)) << "aged 40 days from its issue date";
  EXPECT_TRUE(report.clients[0].flags.empty()) << "due in 20 days: not overdue";
}

// Many random ledgers: whatever the mix, the buckets, credits, rows and totals agree.
TEST(Summarise, bucketsCreditsRowsAndTotalsAlwaysAddUp) {
  std::mt19937 random(20261120);
  const std::vector<std::string> currencies = {"BHD", "EUR", "JPY", "USD"};
  const std::vector<std::string> edgeTexts = {"30,60,90", "30,60,90,120", "15,45", "7"};
  const auto pick = [&](int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(random);
  };

  for (int round = 0; round < 300; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    const auto edges = *BucketEdges::parse(edgeTexts[pick(0, 3)]);
    const auto opts = agingOptions(pick(0, 5), edges);

    struct Expected {
      std::int64_t all = 0;
      std::int64_t positive = 0;
      std::int64_t negative = 0;
    };
    std::map<std::string, Expected> expected;  // by currency code
    std::vector<OpenInvoice> invoices;
    std::size_t groups = 0;
    const int clients = pick(1, 8);
    for (int c = 0; c < clients; ++c) {
      const std::string client = "C" + std::to_string(100 + c);
      for (const auto& code : currencies) {
        if (pick(0, 2) == 0) continue;
        ++groups;
        const int count = pick(1, 6);
        for (int i = 0; i < count; ++i) {
          std::int64_t minor = 0;
          while (minor == 0)
            minor = std::uniform_int_distribution<std::int64_t>(-5'000'000, 20'000'000)(random);
          invoices.push_back(open(client, client + "-" + code + "-" + std::to_string(i),
                                  testing::amount(minor, code), pick(-90, 400), edges));
          auto& e = expected[code];
          e.all += minor;
          (minor > 0 ? e.positive : e.negative) += minor;
        }
      }
    }

    const auto report = summarise(invoices, opts, {});

    ASSERT_EQ(report.clients.size(), groups);
    std::map<std::string, std::tuple<Money, std::vector<Money>, Money>> fromRows;
    for (const auto& row : report.clients) {
      ASSERT_EQ(row.buckets.size(), edges.bucketCount());
      EXPECT_EQ(row.balance, sum(row.buckets) + row.credits) << row.clientCode;
      EXPECT_LE(row.credits.minorUnits(), 0);
      for (const auto& bucket : row.buckets) EXPECT_GE(bucket.minorUnits(), 0);
      const auto code = row.balance.currency().code();
      auto [entry, fresh] = fromRows.try_emplace(code, row.balance, row.buckets, row.credits);
      if (!fresh) {
        auto& [balance, buckets, credits] = entry->second;
        balance += row.balance;
        credits += row.credits;
        for (std::size_t b = 0; b < buckets.size(); ++b) buckets[b] += row.buckets[b];
      }
    }

    ASSERT_EQ(report.totals.size(), expected.size());
    auto want = expected.begin();
    for (const auto& total : report.totals) {
      const auto code = total.balance.currency().code();
      SCOPED_TRACE(code);
      EXPECT_EQ(code, want->first) << "totals ordered by currency code";
      const Money bucketSum = sum(total.buckets);
      EXPECT_EQ((bucketSum + total.credits).minorUnits(), want->second.all);
      EXPECT_EQ(bucketSum.minorUnits(), want->second.positive);
      EXPECT_EQ(total.credits.minorUnits(), want->second.negative);
      EXPECT_EQ(total.balance.minorUnits(), want->second.all);
      const auto& [balance, buckets, credits] = fromRows.at(code);
      EXPECT_EQ(balance, total.balance);
      EXPECT_EQ(buckets, total.buckets);
      EXPECT_EQ(credits, total.credits);
      ++want;
    }
  }
}

}  // namespace
}  // namespace kindly::aging
