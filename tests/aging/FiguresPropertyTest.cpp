// The figures an owner acts on, as properties of many random ledgers on real SQLite files:
// invoices in two currencies, credit notes, part payments, payments whose dates are exact,
// bounded or unknown, write-offs and promises, read as of several dates.
//  - For every currency, the forecast's columns add up to its total, and the total is the sum
//    of the positive client balances of the aging (net of credits, issued by the as-of date).
//  - A payment whose date is unknown never makes an invoice late: the late counts and the
//    repeat-late flags are those of the same ledger with each such payment made, known, on
//    the earliest day it can have been (its invoice's issue date).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "aging/ClientBehavior.h"
#include "aging/Forecast.h"
#include "tests/support/AgingFixtures.h"
#include "tests/support/TempDir.h"

namespace kindly::aging {
namespace {

using testing::day;

constexpr int kLedgers = 60;
const dates::Date kStart = day(2025, 6, 1);

enum class Known { Exact, Bounded, Unknown };

struct Payment {
  dates::Date day;
  dates::Date after;  // for a bounded one
  std::int64_t cents = 0;
  Known known = Known::Exact;
};

struct Invoice {
  std::string number, client, currency;
  dates::Date issued, due;
  std::int64_t cents = 0;  // negative: a credit note
  std::vector<Payment> payments;
  bool writtenOff = false;
};

struct Promise {
  std::string client;
  dates::Date on, promised;
};

struct RandomLedger {
  std::vector<Invoice> invoices;
  std::vector<Promise> promises;
};

RandomLedger randomLedger(unsigned seed) {
  std::mt19937 random(seed);
  const auto pick = [&](int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(random);
  };
  const auto chance = [&](double p) { return std::bernoulli_distribution(p)(random); };
  RandomLedger ledger;
  int number = 0;
  for (int c = pick(1, 4); c > 0; --c) {
    const std::string client = "C" + std::to_string(c);
    for (int n = pick(1, 12); n > 0; --n) {
      Invoice invoice;
      invoice.number = "INV-" + std::to_string(++number);
      invoice.client = client;
      invoice.currency = chance(0.75) ? "USD" : "EUR";
      invoice.issued = kStart.plusDays(pick(0, 520));
      invoice.due = invoice.issued.plusDays(pick(0, 3) * 15);
      invoice.cents = chance(0.12) ? -pick(1, 400) * 100 : pick(1, 2000) * 100;
      if (invoice.cents > 0) {
        std::int64_t left = invoice.cents;
        for (int p = pick(0, 2); p > 0 && left > 0; --p) {
          Payment payment;
          payment.cents = chance(0.6) ? left : std::min<std::int64_t>(left, pick(1, 100) * 100);
          payment.day = invoice.issued.plusDays(pick(0, 150));
          payment.known = static_cast<Known>(pick(0, 2));
          payment.after = payment.day.plusDays(-pick(1, 14));
          left -= payment.cents;
          invoice.payments.push_back(payment);
        }
      }
      invoice.writtenOff = chance(0.05);
      ledger.invoices.push_back(invoice);
    }
    if (chance(0.3)) {
      const auto on = kStart.plusDays(pick(100, 500));
      ledger.promises.push_back({client, on, on.plusDays(pick(0, 30))});
    }
  }
  return ledger;
}

// The ledger written to a real SQLite file, as imports and a person's acts would leave it.
// `unknownOnIssueDay`: each payment of unknown date is written as made on its invoice's
// issue date, a date known.
struct Written {
  explicit Written(const RandomLedger& ledger, bool unknownOnIssueDay = false) {
    using namespace Poco::Data::Keywords;
    for (const auto& invoice : ledger.invoices) {
      add.invoice(invoice.number, invoice.client, invoice.issued, invoice.due,
                  money::Money(invoice.cents, testing::currency(invoice.currency)));
      for (const auto& payment : invoice.payments) {
        if (payment.known == Known::Unknown && unknownOnIssueDay) {
          add.payment(invoice.number, invoice.issued, payment.cents);
        } else if (payment.known == Known::Exact) {
          add.payment(invoice.number, payment.day, payment.cents);
        } else if (payment.known == Known::Bounded) {
          add.paymentBetween(invoice.number, payment.after, payment.day, payment.cents);
        } else {
          add.paymentBy(invoice.number, payment.day, payment.cents);
        }
      }
      if (invoice.writtenOff) {
        const Poco::Int64 when = invoice.due.plusDays(40).dayNumber();
        database.session() << "INSERT INTO writeoffs (invoice_id, day, reason) "
                              "SELECT id, ?, 'gone' FROM invoices WHERE number = ?",
            bind(when), bind(invoice.number), now;
      }
    }
    for (const auto& promise : ledger.promises) {
      const Poco::Int64 on = promise.on.dayNumber(), promised = promise.promised.dayNumber();
      database.session() << "INSERT INTO contacts (client_id, day, kind, promised_day) "
                            "SELECT id, ?, 'promise', ? FROM clients WHERE code = ?",
          bind(on), bind(promised), bind(promise.client), now;
    }
  }

  testing::TempDir folder;
  store::Database database{folder.file("kindly.db")};
  testing::LedgerBuilder add{database};
};

AgingOptions optionsAsOf(dates::Date asOf) {
  AgingOptions options;
  options.asOf = asOf;
  return options;
}

TEST(FiguresProperty, theForecastAddsUpToThePositiveClientBalancesOfTheAging) {
  int currenciesChecked = 0, creditsUsed = 0;
  for (unsigned seed = 1; seed <= kLedgers; ++seed) {
    Written ledger(randomLedger(seed));
    for (const int offset : {120, 300, 480, 640}) {
      const auto options = optionsAsOf(kStart.plusDays(offset));
      money::Totals owed;
      for (const auto& row : AgingEngine(ledger.database).age(options).clients) {
        const auto receivable = row.balance - row.notYetIssued;
        if (receivable.minorUnits() > 0) money::addTo(owed, receivable);
      }
      const Forecast expected = forecast(ledger.database, options);
      money::Totals placed;
      for (const auto& payment : expected.payments) {
        EXPECT_GT(payment.balance.minorUnits(), 0) << payment.number;
        EXPECT_GE(payment.credited.minorUnits(), 0) << payment.number;
        creditsUsed += payment.credited.minorUnits() > 0;
        money::addTo(placed, payment.balance);
      }
      money::Totals totals;
      for (const auto& currency : expected.currencies) {
        auto columns = currency.overdue + currency.later + currency.atRisk;
        for (const auto& week : currency.weeks) columns += week;
        EXPECT_EQ(columns, currency.total) << "seed " << seed << " as of " << options.asOf.iso()
                                           << " " << currency.currency.code();
        money::addTo(totals, currency.total);
        ++currenciesChecked;
      }
      EXPECT_EQ(totals, owed) << "seed " << seed << " as of " << options.asOf.iso();
      EXPECT_EQ(placed, owed) << "seed " << seed << " as of " << options.asOf.iso();
    }
  }
  EXPECT_GT(currenciesChecked, kLedgers);
  EXPECT_GT(creditsUsed, 0) << "some credits were used against invoices";
}

TEST(FiguresProperty, aPaymentOfUnknownDateNeverMakesAnInvoiceLate) {
  int unknownPaid = 0, latePaid = 0;
  for (unsigned seed = 1; seed <= kLedgers; ++seed) {
    const RandomLedger random = randomLedger(seed);
    Written recorded(random);
    Written kindest(random, true);
    // As of dates after every payment, with a window holding every completion: moving a
    // payment changes nothing else.
    for (const int offset : {700, 900}) {
      auto options = optionsAsOf(kStart.plusDays(offset));
      options.lateWindowDays = 10000;
      const auto expected = clientBehaviors(kindest.database, options);
      const auto actual = clientBehaviors(recorded.database, options);
      ASSERT_EQ(actual.size(), expected.size());
      for (std::size_t i = 0; i < actual.size(); ++i) {
        const auto where = "seed " + std::to_string(seed) + " as of " + options.asOf.iso() + " " +
                           actual[i].clientCode;
        EXPECT_EQ(actual[i].latePaid, expected[i].latePaid) << where;
        const auto repeatLate = [](const ClientBehavior& client) {
          return std::count(client.flags.begin(), client.flags.end(), "repeat-late") > 0;
        };
        EXPECT_EQ(repeatLate(actual[i]), repeatLate(expected[i])) << where;
        EXPECT_LE(actual[i].latePaid + actual[i].timingUnknown, actual[i].invoicesPaid) << where;
        unknownPaid += actual[i].timingUnknown;
        latePaid += actual[i].latePaid;
      }
    }
  }
  EXPECT_GT(unknownPaid, 0) << "the ledgers hold invoices of unknown timing";
  EXPECT_GT(latePaid, 0) << "and invoices surely paid late";
}

}  // namespace
}  // namespace kindly::aging
