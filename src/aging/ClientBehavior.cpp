// The ledger's invoices are tallied per client as they stream by (LedgerAsOf), and one query
// reads the contacts. Grouping the per-invoice sums again by client in SQL would sort a
// million rows.
#include "aging/ClientBehavior.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "aging/LedgerAsOf.h"
#include "store/PreparedStatement.h"

namespace kindly::aging {

namespace {

// A dispute stands until a 'resolved' contact of the same client, later (same day: entered
// later), about the same invoice or about none in particular. A promise holds until grace
// days after the day promised.
void readContacts(store::Database& database, const AgingOptions& options,
                  std::map<std::int64_t, std::vector<std::string>>& contactFlags) {
  store::PreparedStatement select(
      database,
      "SELECT d.client_id, 'disputed' FROM contacts_in_effect d"
      " WHERE d.kind = 'dispute' AND d.day <= ?1 AND NOT EXISTS ("
      "   SELECT 1 FROM contacts_in_effect r"
      "     WHERE r.client_id = d.client_id AND r.kind = 'resolved'"
      "     AND r.day <= ?1 AND (r.day > d.day OR (r.day = d.day AND r.id > d.id))"
      "     AND (r.invoice_id IS NULL OR d.invoice_id IS NULL OR r.invoice_id = d.invoice_id))"
      " GROUP BY d.client_id "
      "UNION ALL "
      "SELECT client_id, 'promised' FROM contacts_in_effect"
      " WHERE kind = 'promise' AND day <= ?1 AND promised_day IS NOT NULL"
      "   AND promised_day + ?2 >= ?1"
      " GROUP BY client_id ORDER BY 1, 2");
  select.bind(1, options.asOf.dayNumber()).bind(2, options.graceDays);
  while (select.step()) contactFlags[select.columnInt(0)].emplace_back(select.columnText(1));
}

// What is owed net of credits (>= 0), and its part past due once the credits are used
// against the oldest first.
std::int64_t owedNet(const CurrencyTally& tally) {
  return std::max<std::int64_t>(tally.balance(), 0);
}
std::int64_t pastDueNet(const CurrencyTally& tally) {
  return std::max<std::int64_t>(tally.pastDue + tally.credits, 0);
}

// Balances per currency and the main currency, in which DSO and ADD are reckoned.
void setBalancesAndDso(ClientBehavior& behavior, const ClientTally& client,
                       const AgingOptions& options) {
  const CurrencyTally* main = nullptr;
  for (const auto& tally : client.currencies) {
    if (tally.balance() != 0) behavior.balances.emplace_back(tally.balance(), tally.currency);
    // Currencies come by code, so a tie keeps the first code.
    if (tally.invoices > (main ? main->invoices : 0)) {
      main = &tally;
      behavior.mainCurrency = tally.currency;
    }
  }
  if (main) {
    const auto figures =
        countback(owedNet(*main), pastDueNet(*main), main->salesByMonth, options.asOf);
    behavior.dso = figures.dso;
    behavior.add = figures.add;
  }
}

void setLateness(ClientBehavior& behavior, const ClientTally& client, const AgingOptions& options) {
  behavior.invoicesPaid = static_cast<int>(client.paid);
  behavior.latePaid = static_cast<int>(client.latePaid);
  behavior.timingUnknown = static_cast<int>(client.timingUnknown);
  std::int64_t openDaysLate = 0;
  for (const auto& tally : client.currencies) {
    const auto late = tally.lateOpen(options.asOf.dayNumber());
    behavior.openLate += late.count;
    openDaysLate += late.daysLate;
  }
  if (client.lastPaymentDay != 0) {
    behavior.lastPayment = dates::Date::fromDayNumber(client.lastPaymentDay);
  }
  const std::int64_t known = client.paid - client.timingUnknown;
  if (known > client.latePaid) {
    behavior.lastPaidOnTime = dates::Date::fromDayNumber(client.lastPaidOnTime);
  }
  if (client.datedPaid > 0) {
    behavior.avgDaysToPay =
        static_cast<double>(client.daysToPay) / static_cast<double>(client.datedPaid);
  }
  const std::int64_t judged = known + behavior.openLate;
  if (judged > 0) {
    behavior.avgDaysLate =
        static_cast<double>(client.daysLate + openDaysLate) / static_cast<double>(judged);
    behavior.onTimeRate =
        static_cast<double>(known - client.latePaid) / static_cast<double>(judged);
  }
  const auto earlierPaid = known - client.recentPaid;
  behavior.trend = trendOf(
      static_cast<int>(client.recentPaid),
      client.recentPaid ? static_cast<double>(client.recentDaysLate) / client.recentPaid : 0.0,
      static_cast<int>(earlierPaid),
      earlierPaid ? static_cast<double>(client.daysLate - client.recentDaysLate) / earlierPaid
                  : 0.0);
}

std::vector<dates::Date> datesOf(const std::vector<int>& days) {
  std::vector<dates::Date> out;
  out.reserve(days.size());
  for (const int day : days) out.push_back(dates::Date::fromDayNumber(day));
  return out;
}

ClientBehavior behaviorOf(const ClientTally& client, const AgingOptions& options,
                          std::vector<std::string> contactFlags) {
  ClientBehavior behavior;
  setBalancesAndDso(behavior, client, options);
  setLateness(behavior, client, options);
  if (client.overdue()) behavior.flags.push_back("overdue");
  if (behavior.latePaid >= options.repeatLateAfter) behavior.flags.push_back("repeat-late");
  if (stoppedBuying(datesOf(client.issueDays), options.asOf)) {
    behavior.flags.push_back("stopped-buying");
  }
  if (stoppedPaying(datesOf(client.paymentDays), options.asOf, client.overdueSince(options))) {
    behavior.flags.push_back("stopped-paying");
  }
  // The query lists disputes before promises, the order of kClientFlags.
  for (auto& flag : contactFlags) behavior.flags.push_back(std::move(flag));
  return behavior;
}

}  // namespace

std::string trendOf(int recentPaid, double recentAvgDaysLate, int earlierPaid,
                    double earlierAvgDaysLate) {
  if (recentPaid < 2 || earlierPaid < 2) return "";
  if (recentAvgDaysLate <= earlierAvgDaysLate - kTrendMarginDays) return "improving";
  if (recentAvgDaysLate >= earlierAvgDaysLate + kTrendMarginDays) return "worse";
  return "steady";
}

namespace {

// Twice the median gap between consecutive days (ascending, at least two), kept whole: the
// two middle gaps of an even count add up to it.
int twiceMedianGap(const std::vector<dates::Date>& days) {
  std::vector<int> gaps;
  for (std::size_t i = 1; i < days.size(); ++i) gaps.push_back(days[i] - days[i - 1]);
  std::sort(gaps.begin(), gaps.end());
  const std::size_t middle = gaps.size() / 2;
  return gaps.size() % 2 ? 2 * gaps[middle] : gaps[middle - 1] + gaps[middle];
}

}  // namespace

bool stoppedBuying(const std::vector<dates::Date>& issueDays, dates::Date asOf) {
  if (issueDays.size() < 4) return false;
  return asOf - issueDays.back() > twiceMedianGap(issueDays);
}

bool stoppedPaying(const std::vector<dates::Date>& paymentDays, dates::Date asOf,
                   std::optional<dates::Date> overdueSince) {
  if (!overdueSince || paymentDays.empty()) return false;
  int usualDays = kStoppedPayingDays;
  if (paymentDays.size() >= 2) usualDays = std::max(usualDays, twiceMedianGap(paymentDays) / 2);
  // Silence counts from when a payment was called for: not before the due date.
  return asOf - std::max(paymentDays.back(), *overdueSince) > usualDays;
}

std::optional<double> countbackDays(std::int64_t owed, const SalesByMonth& sales,
                                    dates::Date asOf) {
  if (std::all_of(sales.begin(), sales.end(), [](std::int64_t sold) { return sold <= 0; })) {
    return std::nullopt;
  }
  // The as-of month counts its days up to the as-of date; each month before it, all of them.
  dates::Date monthEnd = asOf;
  double days = 0;
  std::int64_t left = std::max<std::int64_t>(owed, 0);
  for (const std::int64_t sold : sales) {
    if (left == 0) break;
    const auto monthStart = *dates::Date::fromYmd(monthEnd.year(), monthEnd.month(), 1);
    const int monthDays = monthEnd - monthStart + 1;
    if (sold > 0 && left < sold) {
      days += monthDays * static_cast<double>(left) / static_cast<double>(sold);
      break;
    }
    days += monthDays;
    left -= std::max<std::int64_t>(sold, 0);
    monthEnd = monthStart.plusDays(-1);
  }
  return days;
}

Countback countback(std::int64_t owed, std::int64_t owedPastDue, const SalesByMonth& sales,
                    dates::Date asOf) {
  const auto dso = countbackDays(owed, sales, asOf);
  if (!dso) return {};
  // Best possible DSO: what would be outstanding were everything past due paid.
  const double best = *countbackDays(owed - owedPastDue, sales, asOf);
  return {static_cast<int>(std::lround(*dso)), static_cast<int>(std::lround(*dso - best))};
}

std::vector<OverallBehavior> overallBehavior(const LedgerAsOf& ledger,
                                             const AgingOptions& options) {
  struct Sums {
    std::int64_t owed = 0, pastDue = 0;
    SalesByMonth sales{};
  };
  std::map<money::Currency, Sums> byCurrency;
  for (const auto& client : ledger.clients()) {
    for (const auto& tally : client.tally.currencies) {
      Sums& sums = byCurrency[tally.currency];
      sums.owed += owedNet(tally);
      sums.pastDue += pastDueNet(tally);
      for (std::size_t m = 0; m < kCountbackMonths; ++m) sums.sales[m] += tally.salesByMonth[m];
    }
  }
  std::vector<OverallBehavior> overall;
  for (const auto& [currency, sums] : byCurrency) {
    const auto figures = countback(sums.owed, sums.pastDue, sums.sales, options.asOf);
    overall.push_back(OverallBehavior{.currency = currency,
                                      .owed = money::Money(sums.owed, currency),
                                      .dso = figures.dso,
                                      .add = figures.add});
  }
  return overall;
}

std::vector<ClientBehavior> clientBehaviors(store::Database& database,
                                            const AgingOptions& options) {
  return clientBehaviors(database, LedgerAsOf(database, options), options);
}

std::vector<ClientBehavior> clientBehaviors(store::Database& database, const LedgerAsOf& ledger,
                                            const AgingOptions& options) {
  std::map<std::int64_t, std::vector<std::string>> contactFlags;
  readContacts(database, options, contactFlags);

  // Clients are listed when something of theirs was issued by the as-of date.
  std::vector<ClientBehavior> result;
  for (const auto& client : ledger.clients()) {
    if (client.tally.currencies.empty()) continue;
    result.push_back(behaviorOf(client.tally, options, std::move(contactFlags[client.id])));
    result.back().clientCode = client.code;
    result.back().clientName = client.name;
  }
  std::sort(result.begin(), result.end(), [](const ClientBehavior& a, const ClientBehavior& b) {
    return a.clientCode < b.clientCode;
  });
  return result;
}

}  // namespace kindly::aging
