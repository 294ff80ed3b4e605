// The aging engine on a real SQLite ledger in a temporary folder: what is still owed as of a
// date, in which bucket, and who keeps paying late.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "aging/AgingEngine.h"
#include "importers/ImportJob.h"
#include "tests/support/AgingFixtures.h"
#include "tests/support/TempDir.h"

namespace kindly::aging {
namespace {

using money::Money;
using testing::day;
using testing::eur;
using testing::usd;

// A ledger file of its own, with a builder to fill it.
struct Ledger {
  AgingEngine engine() { return AgingEngine(database); }

  testing::TempDir folder;
  store::Database database{folder.file("kindly.db")};
  testing::LedgerBuilder add{database};
};

AgingOptions asOf(dates::Date date, Basis basis = Basis::Due) {
  AgingOptions options;
  options.asOf = date;
  options.basis = basis;
  return options;
}

const ClientAging* rowFor(const AgingReport& report, const std::string& client) {
  const auto found = std::find_if(report.clients.begin(), report.clients.end(),
                                  [&](const ClientAging& row) { return row.clientCode == client; });
  return found == report.clients.end() ? nullptr : &*found;
}

bool hasFlag(const ClientAging& row, const std::string& flag) {
  return std::find(row.flags.begin(), row.flags.end(), flag) != row.flags.end();
}

TEST(AgingEngine, paymentsDatedAfterTheAsOfDateAreNotApplied) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "ACME", day(2026, 8, 2), day(2026, 9, 1), usd(100000))
      .payment("INV-1", day(2026, 9, 10), 40000)
      .payment("INV-1", day(2026, 10, 15), 60000);

  const struct {
    dates::Date asOf;
    std::int64_t balance;  // cents; 0: nothing open
  } cases[] = {
      {day(2026, 9, 5), 100000},
      {day(2026, 9, 10), 60000},  // a payment made on the as-of date
                                  // counts
      {day(2026, 10, 1), 60000},
      {day(2026, 10, 14), 60000},
      {day(2026, 10, 15), 0},
      {day(2026, 11, 20), 0},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE("as of " + c.asOf.iso());
    const auto report = ledger.engine().age(asOf(c.asOf));
    if (c.balance == 0) {
      EXPECT_TRUE(report.clients.empty());
      continue;
    }
    ASSERT_EQ(report.clients.size(), 1u);
    EXPECT_EQ(report.clients[0].balance, usd(c.balance));
    const auto open = ledger.engine().openInvoices(asOf(c.asOf));
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0].amount, usd(100000));
    EXPECT_EQ(open[0].paid, usd(100000 - c.balance));
    EXPECT_EQ(open[0].balance, usd(c.balance));
  }
}

TEST(AgingEngine, partialPaymentAgesTheRemainderByTheOriginalDueDate) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "ACME", day(2026, 7, 2), day(2026, 8, 1), usd(100000))
      .payment("INV-1", day(2026, 11, 1), 70000);

  const auto open = ledger.engine().openInvoices(asOf(day(2026, 11, 20)));
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].dueDate, day(2026, 8, 1));
  EXPECT_EQ(open[0].balance, usd(30000));
  EXPECT_EQ(open[0].daysOverdue, 111);

  const auto report = ledger.engine().age(asOf(day(2026, 11, 20)));
  ASSERT_EQ(report.clients.size(), 1u);
  EXPECT_EQ(report.clients[0].buckets, (std::vector{usd(0), usd(0), usd(0), usd(0), usd(30000)}));
  EXPECT_EQ(report.clients[0].oldestDaysOverdue, 111);
}

TEST(AgingEngine, fullyPaidInvoiceDisappears) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "ACME", day(2026, 9, 1), day(2026, 10, 1), usd(50000))
      .invoice("INV-2", "ACME", day(2026, 9, 15), day(2026, 10, 15), usd(25000))
      .invoice("INV-3", "BOLT", day(2026, 9, 1), day(2026, 10, 1), usd(10000))
      .payment("INV-1", day(2026, 10, 1), 20000)
      .payment("INV-1", day(2026, 10, 20), 30000)
      .payment("INV-3", day(2026, 9, 30), 10000);

  const auto open = ledger.engine().openInvoices(asOf(day(2026, 11, 20)));
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].number, "INV-2");

  const auto report = ledger.engine().age(asOf(day(2026, 11, 20)));
  ASSERT_EQ(report.clients.size(), 1u) << "BOLT owes nothing";
  EXPECT_EQ(report.clients[0].clientCode, "ACME");
  EXPECT_EQ(report.clients[0].openInvoices, 1);
  EXPECT_EQ(report.clients[0].balance, usd(25000));
}

TEST(AgingEngine, overpaymentBecomesACredit) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "ACME", day(2026, 9, 1), day(2026, 10, 1), usd(50000))
      .invoice("INV-2", "ACME", day(2026, 10, 1), day(2026, 10, 31), usd(20000))
      .payment("INV-1", day(2026, 10, 1), 55000);

  const auto report = ledger.engine().age(asOf(day(2026, 11, 20)));
  ASSERT_EQ(report.clients.size(), 1u);
  EXPECT_EQ(report.clients[0].credits, usd(-5000));
  EXPECT_EQ(report.clients[0].buckets[1], usd(20000));
  EXPECT_EQ(report.clients[0].balance, usd(15000));
}

TEST(AgingEngine, creditNoteIsACreditNotABucket) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "ACME", day(2026, 9, 1), day(2026, 10, 1), usd(50000))
      .invoice("CN-1", "ACME", day(2026, 10, 5), day(2026, 10, 5), usd(-45000));

  const auto report = ledger.engine().age(asOf(day(2026, 11, 20)));
  ASSERT_EQ(report.clients.size(), 1u);
  EXPECT_EQ(report.clients[0].credits, usd(-45000));
  EXPECT_EQ(report.clients[0].buckets[2], usd(50000));
  EXPECT_EQ(report.clients[0].balance, usd(5000));
  EXPECT_EQ(report.clients[0].openInvoices, 1);
}

TEST(AgingEngine, basisIssueCountsDaysFromTheIssueDate) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "ACME", day(2026, 9, 1), day(2026, 10, 31), usd(10000));

  const struct {
    Basis basis;
    int daysOverdue;
    std::string label;
  } cases[] = {{Basis::Due, 20, "1-30"}, {Basis::Issue, 80, "61-90"}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.label);
    const auto options = asOf(day(2026, 11, 20), c.basis);
    const auto open = ledger.engine().openInvoices(options);
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0].daysOverdue, c.daysOverdue);
    EXPECT_EQ(options.edges.labels()[open[0].bucket], c.label);

    const auto report = ledger.engine().age(options);
    EXPECT_EQ(report.basis, c.basis);
    ASSERT_EQ(report.clients.size(), 1u);
    EXPECT_EQ(report.clients[0].buckets[open[0].bucket], usd(10000));
    EXPECT_EQ(report.clients[0].oldestDaysOverdue, c.daysOverdue);
  }
}

TEST(AgingEngine, invoiceNotYetDueIsNotOverdueOnTheIssueBasis) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "ACME", day(2026, 10, 1), day(2026, 12, 30), usd(10000));

  const auto report = ledger.engine().age(asOf(day(2026, 11, 20), Basis::Issue));
  ASSERT_EQ(report.clients.size(), 1u);
  EXPECT_EQ(report.clients[0].buckets[2], usd(10000)) << "50 days since issue";
  EXPECT_FALSE(hasFlag(report.clients[0], "overdue")) << "due on 2026-12-30";
}

TEST(AgingEngine, voidAndDraftInvoicesAreNotOwed) {
  const struct {
    std::string status;
    bool owed;
  } cases[] = {{"", true},        {"sent", true},     {"overdue", true}, {"void", false},
               {"voided", false}, {"deleted", false}, {"draft", false}};
  for (const auto& c : cases) {
    SCOPED_TRACE("status '" + c.status + "'");
    Ledger ledger;
    ledger.add.invoice("INV-1", "ACME", day(2026, 9, 1), day(2026, 10, 1), usd(10000), c.status)
        .invoice("INV-2", "BOLT", day(2026, 9, 1), day(2026, 10, 1), usd(777));

    const auto report = ledger.engine().age(asOf(day(2026, 11, 20)));
    EXPECT_EQ(rowFor(report, "ACME") != nullptr, c.owed);
    ASSERT_EQ(report.totals.size(), 1u);
    EXPECT_EQ(report.totals[0].balance, usd(c.owed ? 10777 : 777));
  }
}

TEST(AgingEngine, voidStatusFromAnImportedFileIsExcluded) {
  testing::TempDir folder;
  const auto invoices = folder.write(
      "invoices.csv",
      "invoice_number,client_id,client_name,issue_date,due_date,amount,currency,status\n"
      "INV-1,ACME,Acme Ltd,2026-09-01,2026-10-01,100.00,USD,Void\n"
      "INV-2,ACME,Acme Ltd,2026-09-01,2026-10-01,250.00,USD,Sent\n");
  store::Database database(folder.file("kindly.db"));
  importers::ImportJob(
      database,
      importers::ImportOptions{
          .source = {}, .progress = {}, .asOf = day(2026, 11, 20), .dryRun = false})
      .run({invoices});

  const auto report = AgingEngine(database).age(asOf(day(2026, 11, 20)));
  ASSERT_EQ(report.clients.size(), 1u);
  EXPECT_EQ(report.clients[0].balance, usd(25000));
  EXPECT_EQ(report.clients[0].openInvoices, 1);
}

// ACME pays two invoices late; each case changes when, or how late.
struct LatenessCase {
  std::string what;
  int firstDaysLate;
  dates::Date firstDue;
  int secondDaysLate;
  dates::Date secondDue;
  bool repeatLate;
};

TEST(AgingEngine, repeatLateMeansPaidLateTwiceInTheLastYear) {
  const auto asOfDay = day(2026, 11, 20);
  const std::vector<LatenessCase> cases = {
      {"two late within the year", 19, day(2026, 3, 1), 9, day(2026, 6, 1), true},
      {"one late, one on time", 19, day(2026, 3, 1), 0, day(2026, 6, 1), false},
      {"one late, one early", 19, day(2026, 3, 1), -5, day(2026, 6, 1), false},
      {"both late more than a year ago", 30, day(2025, 3, 1), 20, day(2025, 6, 1), false},
      {"one late a year and more ago", 30, day(2025, 6, 1), 20, day(2026, 6, 1), false},
      {"late 364 days ago still counts", 30, asOfDay.plusDays(-394), 20, day(2026, 6, 1), true},
      {"both exactly grace days late", 3, day(2026, 3, 1), 3, day(2026, 6, 1), false},
      {"both one day beyond grace", 4, day(2026, 3, 1), 4, day(2026, 6, 1), true},
      {"late payment after the as-of date", 19, day(2026, 3, 1), 7, day(2026, 11, 18), false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    Ledger ledger;
    ledger.add.invoice("INV-1", "ACME", c.firstDue.plusDays(-30), c.firstDue, usd(10000))
        .payment("INV-1", c.firstDue.plusDays(c.firstDaysLate), 10000)
        .invoice("INV-2", "ACME", c.secondDue.plusDays(-30), c.secondDue, usd(20000))
        .payment("INV-2", c.secondDue.plusDays(c.secondDaysLate), 20000)
        // Still open and not yet due, so ACME has a row to carry the flag.
        .invoice("INV-3", "ACME", day(2026, 11, 10), day(2026, 12, 10), usd(5000));

    const auto report = ledger.engine().age(asOf(asOfDay));
    const auto* row = rowFor(report, "ACME");
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(hasFlag(*row, "repeat-late"), c.repeatLate);
    EXPECT_FALSE(hasFlag(*row, "overdue"));
  }
}

TEST(AgingEngine, invoicePaidInPartsIsLateWhenTheLastPartIsLate) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "ACME", day(2026, 2, 1), day(2026, 3, 1), usd(10000))
      .payment("INV-1", day(2026, 2, 20), 5000)  // half early
      .payment("INV-1", day(2026, 4, 1), 5000)   // the rest a month late
      .invoice("INV-2", "ACME", day(2026, 5, 1), day(2026, 6, 1), usd(10000))
      .payment("INV-2", day(2026, 6, 20), 10000)
      .invoice("INV-3", "ACME", day(2026, 11, 10), day(2026, 12, 10), usd(5000));

  const auto report = ledger.engine().age(asOf(day(2026, 11, 20)));
  const auto* row = rowFor(report, "ACME");
  ASSERT_NE(row, nullptr);
  EXPECT_TRUE(hasFlag(*row, "repeat-late"));
}

TEST(AgingEngine, graceDaysComeFromTheOptions) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "ACME", day(2026, 2, 1), day(2026, 3, 1), usd(10000))
      .payment("INV-1", day(2026, 3, 8), 10000)
      .invoice("INV-2", "ACME", day(2026, 5, 1), day(2026, 6, 1), usd(10000))
      .payment("INV-2", day(2026, 6, 8), 10000)
      .invoice("INV-3", "ACME", day(2026, 10, 1), day(2026, 11, 14), usd(5000));

  auto options = asOf(day(2026, 11, 20));
  options.graceDays = 7;
  auto report = ledger.engine().age(options);
  ASSERT_EQ(report.clients.size(), 1u);
  EXPECT_TRUE(report.clients[0].flags.empty()) << "7 days late, 6 days overdue: within grace";

  options.graceDays = 5;
  report = ledger.engine().age(options);
  ASSERT_EQ(report.clients.size(), 1u);
  EXPECT_EQ(report.clients[0].flags, (std::vector<std::string>{"overdue", "repeat-late"}));
}

TEST(AgingEngine, openInvoicesAreOrderedByClientCurrencyDueDateAndNumber) {
  Ledger ledger;
  ledger.add.invoice("INV-9", "BOLT", day(2026, 9, 1), day(2026, 10, 1), usd(100))
      .invoice("INV-5", "ACME", day(2026, 9, 1), day(2026, 10, 20), usd(100))
      .invoice("INV-4", "ACME", day(2026, 9, 1), day(2026, 10, 20), usd(100))
      .invoice("INV-3", "ACME", day(2026, 9, 1), day(2026, 10, 1), usd(100))
      .invoice("INV-2", "ACME", day(2026, 9, 1), day(2026, 11, 1), eur(100));

  std::vector<std::string> numbers;
  for (const auto& invoice : ledger.engine().openInvoices(asOf(day(2026, 11, 20)))) {
    numbers.push_back(invoice.number);
  }
  EXPECT_EQ(numbers, (std::vector<std::string>{"INV-2", "INV-3", "INV-4", "INV-5", "INV-9"}));
}

TEST(AgingEngine, invoiceIssuedAfterTheAsOfDateIsCountedApartYetStaysInTheBalance) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "ACME", day(2026, 9, 1), day(2026, 10, 1), usd(50000))
      .invoice("INV-2", "ACME", day(2026, 11, 21), day(2026, 12, 21), usd(30000))
      .invoice("CN-2", "ACME", day(2026, 11, 25), day(2026, 11, 25), usd(-1000));

  const auto report = ledger.engine().age(asOf(day(2026, 11, 20)));
  ASSERT_EQ(report.clients.size(), 1u);
  const ClientAging& acme = report.clients[0];
  EXPECT_EQ(acme.notYetIssued, usd(29000)) << "a later credit note is not yet issued either";
  EXPECT_EQ(acme.buckets, (std::vector<Money>{usd(0), usd(0), usd(50000), usd(0), usd(0)}));
  EXPECT_EQ(acme.credits, usd(0));
  EXPECT_EQ(acme.balance, usd(79000));
  EXPECT_EQ(acme.openInvoices, 1);
  EXPECT_EQ(report.totals.at(0).notYetIssued, usd(29000));
  EXPECT_EQ(report.totals.at(0).balance, usd(79000));

  // The day it is issued it is receivable: current, and no longer apart.
  const auto issued = ledger.engine().age(asOf(day(2026, 11, 21)));
  EXPECT_EQ(issued.clients.at(0).notYetIssued, usd(-1000));
  EXPECT_EQ(issued.clients.at(0).buckets[0], usd(30000));
}

// Whatever the ledger and the day, each open balance is counted once: in one bucket, in the
// credits, or apart as not yet issued; and the balances add up to what the ledger says is owed.
TEST(AgingEngine, everyOpenBalanceLandsInExactlyOnePlace) {
  Ledger ledger;
  std::mt19937 random(20261124);
  const auto pick = [&](int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(random);
  };
  struct Owed {
    std::string client;
    dates::Date issued;
    std::int64_t amount;
    std::vector<std::pair<dates::Date, std::int64_t>> payments;
  };
  std::vector<Owed> ledgerRows;
  const dates::Date start = day(2025, 11, 1);
  for (int n = 0; n < 300; ++n) {
    const std::string number = "INV-" + std::to_string(n);
    const std::string client = "C" + std::to_string(pick(1, 12));
    const auto issued = start.plusDays(pick(0, 420));
    const std::int64_t amount = pick(0, 9) == 0 ? -pick(100, 5000) : pick(100, 90000);
    const Money total = pick(0, 4) == 0 ? eur(amount) : usd(amount);
    ledger.add.invoice(number, client, issued, issued.plusDays(pick(0, 60)), total);
    Owed row{client, issued, amount, {}};
    for (int p = pick(0, 2); p > 0 && amount > 0; --p) {
      const auto paid = issued.plusDays(pick(0, 120));
      const std::int64_t part = pick(1, static_cast<int>(amount));
      ledger.add.payment(number, paid, part);
      row.payments.emplace_back(paid, part);
    }
    ledgerRows.push_back(row);
  }

  for (const auto as : {day(2026, 1, 15), day(2026, 6, 30), day(2026, 11, 20), day(2027, 3, 1)}) {
    SCOPED_TRACE(as.iso());
    std::map<std::string, std::int64_t> owedByClient;  // both currencies: minor units add up
    for (const auto& row : ledgerRows) {
      std::int64_t balance = row.amount;
      for (const auto& [paid, part] : row.payments) balance -= paid <= as ? part : 0;
      owedByClient[row.client] += balance;
    }
    std::map<std::string, std::int64_t> agedByClient;
    const auto report = ledger.engine().age(asOf(as));
    for (const auto& row : report.clients) {
      Money placed = row.credits + row.notYetIssued;
      for (const auto& bucket : row.buckets) {
        EXPECT_FALSE(bucket.isNegative()) << row.clientCode;
        placed += bucket;
      }
      EXPECT_EQ(placed, row.balance) << row.clientCode;
      EXPECT_LE(row.credits.minorUnits(), 0) << row.clientCode;
      agedByClient[row.clientCode] += row.balance.minorUnits();
    }
    std::erase_if(owedByClient, [](const auto& entry) { return entry.second == 0; });
    std::erase_if(agedByClient, [](const auto& entry) { return entry.second == 0; });
    EXPECT_EQ(agedByClient, owedByClient);
  }
}

TEST(AgingEngine, filtersKeepOneClientOrOneCurrency) {
  Ledger ledger;
  ledger.add.invoice("INV-1", "ACME", day(2026, 9, 1), day(2026, 10, 1), usd(50000))
      .invoice("INV-2", "ACME", day(2026, 9, 1), day(2026, 10, 1), eur(20000))
      .invoice("INV-3", "BOLT", day(2026, 9, 1), day(2026, 10, 1), usd(10000))
      .invoice("INV-4", "BOLT", day(2026, 5, 1), day(2026, 6, 1), usd(10000))
      .payment("INV-4", day(2026, 7, 1), 10000)
      .invoice("INV-5", "BOLT", day(2026, 6, 1), day(2026, 7, 1), usd(10000))
      .payment("INV-5", day(2026, 8, 1), 10000);

  auto options = asOf(day(2026, 11, 20));
  options.client = "BOLT";
  auto report = ledger.engine().age(options);
  ASSERT_EQ(report.clients.size(), 1u);
  EXPECT_EQ(report.clients[0].clientCode, "BOLT");
  EXPECT_EQ(report.clients[0].flags, (std::vector<std::string>{"overdue", "repeat-late"}));
  ASSERT_EQ(report.totals.size(), 1u);
  EXPECT_EQ(report.totals[0].balance, usd(10000));

  options.client = "";
  options.currency = testing::currency("EUR");
  report = ledger.engine().age(options);
  ASSERT_EQ(report.clients.size(), 1u);
  EXPECT_EQ(report.clients[0].clientCode, "ACME");
  EXPECT_EQ(report.clients[0].balance, eur(20000));

  options.client = "BOLT";
  EXPECT_TRUE(ledger.engine().age(options).clients.empty());
  EXPECT_TRUE(ledger.engine().openInvoices(options).empty());
}

// The sample business, imported as a bookkeeper would; the figures come from an independent
// computation (tests/independent/aging_reference.py).
TEST(AgingEngine, samplesAgeToTheIndependentlyComputedTotals) {
  testing::TempDir folder;
  store::Database database(folder.file("kindly.db"));
  const auto summaries = testing::importSamples(database, day(2026, 11, 20));
  for (const auto& summary : summaries) EXPECT_EQ(summary.rejected, 0u) << summary.file;

  const auto report = AgingEngine(database).age(asOf(day(2026, 11, 20)));

  ASSERT_EQ(report.totals.size(), 2u);
  EXPECT_EQ(report.totals[0].balance.currency().code(), "EUR");
  EXPECT_EQ(report.totals[0].balance.toDecimal(), "1706.25");
  EXPECT_EQ(report.totals[0].credits.toDecimal(), "0.00");
  EXPECT_EQ(report.totals[1].balance.currency().code(), "USD");
  EXPECT_EQ(report.totals[1].balance.toDecimal(), "61097.00");
  EXPECT_EQ(report.totals[1].credits.toDecimal(), "-450.00") << "credit note CN-0001";
  for (const auto& total : report.totals) {
    Money buckets = Money::zero(total.balance.currency());
    for (const auto& bucket : total.buckets) buckets += bucket;
    EXPECT_EQ(buckets, total.balance - total.credits);
  }

  // The README's repeatedly late clients, and only they.
  std::set<std::string> repeatLate;
  for (const auto& row : report.clients) {
    if (hasFlag(row, "repeat-late")) repeatLate.insert(row.clientName);
  }
  EXPECT_EQ(repeatLate, (std::set<std::string>{"Tidewater Realty", "O'Malley's Pub & Kitchen",
                                               "Marlowe Books", "Copperline Brewing Co."}));

  // Summit Peak Fitness has one invoice 2 days past due: aged, but within grace.
  const auto* summit = rowFor(report, "C011");
  ASSERT_NE(summit, nullptr);
  EXPECT_EQ(summit->balance.toDecimal(), "1140.00");
  EXPECT_TRUE(summit->flags.empty());
}

}  // namespace
}  // namespace kindly::aging
