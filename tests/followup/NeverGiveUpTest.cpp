// "An unpaid invoice is never given up on", as a property: many random ledgers, each walked
// forward one day at a time for three years, every planned follow-up made on its day. While a
// client owes a positive net balance on an invoice that is not written off, a next follow-up
// always exists, on a business day, and an overdue balance is never left longer than the
// cadence's longest interval (a standing promise aside); no step is made twice on one day.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <random>
#include <set>

#include "followup/Planner.h"
#include "tests/support/AmountsAndDays.h"

namespace kindly::followup {
namespace {

using testing::day;

constexpr int kLedgers = 150;
constexpr int kDays = 3 * 365;
constexpr int kGraceDays = 3;

struct Invoice {
  std::string number;
  dates::Date issued;
  dates::Date due;
  money::Money amount;  // negative for a credit note
  std::vector<std::pair<dates::Date, std::int64_t>> payments;
  std::optional<dates::Date> writtenOff;
};

struct Client {
  ClientSituation fixed;  // code, name, email, flags that do not change
  std::vector<Invoice> invoices;
  std::vector<MadeContact> contacts;
  std::optional<dates::Date> promisedUntil;
  bool disputed = false;
};

class RandomLedger {
 public:
  explicit RandomLedger(unsigned seed) : random_(seed) {}

  int pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(random_); }

  std::vector<Client> clients(dates::Date start) {
    std::vector<Client> clients(static_cast<std::size_t>(pick(1, 3)));
    int number = 0;
    for (std::size_t c = 0; c < clients.size(); ++c) {
      Client& client = clients[c];
      client.fixed.code = "C" + std::to_string(c);
      client.fixed.name = "Client " + std::to_string(c);
      client.fixed.email = chance(0.8) ? "ap@client.example" : "";
      client.fixed.repeatLate = chance(0.3);
      client.fixed.stoppedBuying = chance(0.1);
      const auto currency = testing::currency(chance(0.8) ? "USD" : "EUR");
      for (int n = pick(1, 8); n > 0; --n) {
        const bool credit = chance(0.1);
        const std::int64_t cents = pick(100, 100000);
        const auto issued = start.plusDays(pick(0, 2 * 365));
        Invoice invoice{.number = "INV-" + std::to_string(++number),
                        .issued = issued,
                        .due = issued.plusDays(pick(0, 60)),
                        .amount = money::Money(credit ? -cents : cents, currency),
                        .payments = {},
                        .writtenOff = std::nullopt};
        const int fate = pick(0, 9);
        if (!credit && fate < 5) {  // paid in full, on time or late
          invoice.payments.push_back({invoice.issued.plusDays(pick(0, 150)), cents});
        } else if (!credit && fate < 7) {  // paid in part, the rest never
          invoice.payments.push_back({invoice.issued.plusDays(pick(0, 150)), pick(1, cents - 1)});
        }
        if (!credit && fate >= 5 && chance(0.2)) {
          invoice.writtenOff = invoice.due.plusDays(pick(30, 400));
        }
        client.invoices.push_back(invoice);
      }
    }
    return clients;
  }

  std::set<dates::Date> holidays(dates::Date start) {
    std::set<dates::Date> days;
    for (int n = pick(0, 12); n > 0; --n) days.insert(start.plusDays(pick(0, kDays)));
    return days;
  }

 private:
  std::mt19937 random_;
};

// What the ledger shows of the client as of `asOf`, as PlanReader would read it.
ClientSituation situation(const Client& client, dates::Date asOf) {
  ClientSituation now = client.fixed;
  for (const auto& invoice : client.invoices) {
    if (invoice.issued > asOf) continue;
    money::Money balance = invoice.amount;
    dates::Date completed = invoice.issued;
    for (const auto& [paid, cents] : invoice.payments) {
      if (paid > asOf) continue;
      balance -= money::Money(cents, balance.currency());
      completed = std::max(completed, paid);
    }
    if (invoice.writtenOff && *invoice.writtenOff <= asOf) {
      now.writtenOff.push_back(invoice.number);
      continue;
    }
    money::addTo(now.balance, balance);
    if (balance.minorUnits() > 0) {
      now.invoices.push_back({invoice.number, invoice.issued, invoice.due, balance});
    } else if (balance.isZero() && !invoice.payments.empty() &&
               completed - invoice.due <= kGraceDays) {
      now.lastPaidOnTime = std::max(now.lastPaidOnTime.value_or(completed), completed);
    }
  }
  now.contacts = client.contacts;
  if (client.promisedUntil && *client.promisedUntil >= asOf)
    now.promisedUntil = client.promisedUntil;
  now.disputed = client.disputed;
  return now;
}

// Something is overdue when, in some currency, what is past due exceeds the credits (what the
// invoices add up to beyond the net balance): a credit is used against the oldest first.
bool owesOverdue(const ClientSituation& now, dates::Date asOf) {
  std::map<std::string, std::int64_t> pastDue, beyondNet;
  for (const auto& invoice : now.invoices) {
    const std::string code = invoice.balance.currency().code();
    if (invoice.due < asOf) pastDue[code] += invoice.balance.minorUnits();
    beyondNet[code] += invoice.balance.minorUnits();
  }
  for (const auto& [currency, net] : now.balance) beyondNet[currency.code()] -= net.minorUnits();
  for (const auto& [code, amount] : pastDue) {
    if (amount > beyondNet[code]) return true;
  }
  return false;
}

bool owesAnything(const ClientSituation& now) {
  for (const auto& invoice : now.invoices) {
    if (now.balance.at(invoice.balance.currency()).minorUnits() > 0) return true;
  }
  return false;
}

TEST(NeverGiveUp, everyUnpaidBalanceAlwaysHasANextFriendlyFollowUp) {
  const dates::Date start = day(2025, 1, 1);
  std::size_t followUpsMade = 0, promises = 0, disputes = 0;
  for (int ledger = 0; ledger < kLedgers; ++ledger) {
    RandomLedger random(20261124u + static_cast<unsigned>(ledger));
    auto clients = random.clients(start);
    Cadence cadence;
    cadence.calendar = BusinessCalendar(random.holidays(start));
    const int longest = cadence.longestInterval();

    for (int offset = 0; offset <= kDays; ++offset) {
      const dates::Date today = start.plusDays(offset);
      for (auto& client : clients) {
        SCOPED_TRACE("ledger " + std::to_string(ledger) + ", " + client.fixed.code + ", " +
                     today.iso());
        const auto now = situation(client, today);
        const auto next = nextFollowUp(now, today, cadence);
        if (owesAnything(now)) {
          ASSERT_TRUE(next.has_value()) << "gave up on a balance owed";
        }
        if (!next) continue;
        ASSERT_GE(next->date, today);
        ASSERT_TRUE(cadence.calendar.isBusinessDay(next->date)) << next->date.iso();
        const bool chasing = next->purpose == Purpose::Chase || next->purpose == Purpose::Resolve;
        if (chasing) {
          ASSERT_TRUE(owesAnything(now)) << "chased a client who owes nothing";
        }
        if (owesOverdue(now, today)) {
          ASSERT_TRUE(chasing);
          const bool paused =
              now.promisedUntil &&
              next->date == cadence.calendar.onOrAfter(now.promisedUntil->plusDays(1));
          ASSERT_TRUE(next->date - today <= longest || paused)
              << next->step << " planned for " << next->date.iso();
        }
        if (next->date != today) continue;

        // The follow-up is made today; what people say in reply shapes the days after.
        client.contacts.push_back({today, next->step});
        ++followUpsMade;
        if (chasing && random.chance(0.05)) {
          client.promisedUntil = today.plusDays(random.pick(3, 30) + kGraceDays);
          ++promises;
        }
        if (chasing && random.chance(0.02)) {
          client.disputed = !client.disputed;
          ++disputes;
        }
        const auto again = nextFollowUp(situation(client, today), today, cadence);
        if (again) {
          ASSERT_GT(again->date, today) << next->step << " then " << again->step << " same day";
          ASSERT_GE(again->date - today, cadence.minGapDays);
        }
      }
    }
  }
  // The walk did exercise the rules it claims to check.
  EXPECT_GT(followUpsMade, 1000u);
  EXPECT_GT(promises, 20u);
  EXPECT_GT(disputes, 5u);
}

}  // namespace
}  // namespace kindly::followup
