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
      "SELECT d.client_id, 'disputed' FROM contacts d"
      " WHERE d.kind = 'dispute' AND d.day <= ?1 AND NOT EXISTS ("
      "   SELECT 1 FROM contacts r WHERE r.client_id = d.client_id AND r.kind = 'resolved'"
      "     AND r.day <= ?1 AND (r.day > d.day OR (r.day = d.day AND r.id > d.id))"
      "     AND (r.invoice_id IS NULL OR d.invoice_id IS NULL OR r.invoice_id = d.invoice_id))"
      " GROUP BY d.client_id "
      "UNION ALL "
      "SELECT client_id, 'promised' FROM contacts"
      " WHERE kind = 'promise' AND day <= ?1 AND promised_day IS NOT NULL"
      "   AND promised_day + ?2 >= ?1"
      " GROUP BY client_id ORDER BY 1, 2");
  select.bind(1, options.asOf.dayNumber()).bind(2, options.graceDays);
  while (select.step()) contactFlags[select.columnInt(0)].emplace_back(select.columnText(1));
}

// Balances per currency and the main currency, in which DSO is reckoned.
void setBalancesAndDso(ClientBehavior& behavior, const ClientTally& client,
                       const AgingOptions& options) {
  const CurrencyTally* main = nullptr;
  for (const auto& tally : client.currencies) {
    if (tally.balance != 0) behavior.balances.emplace_back(tally.balance, tally.currency);
    // Currencies come by code, so a tie keeps the first code.
    if (tally.invoices > (main ? main->invoices : 0)) {
      main = &tally;
      behavior.mainCurrency = tally.currency;
    }
  }
  if (main && main->sales > 0) {
    const double dso = static_cast<double>(std::max<std::int64_t>(main->balance, 0)) /
                       static_cast<double>(main->sales) * options.lateWindowDays;
    behavior.dso = static_cast<int>(std::lround(dso));
  }
}

void setLateness(ClientBehavior& behavior, const ClientTally& client) {
  if (client.paid == 0) return;
  const auto paid = static_cast<double>(client.paid);
  behavior.invoicesPaid = static_cast<int>(client.paid);
  behavior.latePaid = static_cast<int>(client.latePaid);
  behavior.avgDaysLate = static_cast<double>(client.daysLate) / paid;
  behavior.avgDaysToPay = static_cast<double>(client.daysToPay) / paid;
  behavior.onTimeRate = static_cast<double>(client.paid - client.latePaid) / paid;
  if (client.paid > client.latePaid) {
    behavior.lastPaidOnTime = dates::Date::fromDayNumber(client.lastPaidOnTime);
  }
  const auto earlierPaid = client.paid - client.recentPaid;
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
  setLateness(behavior, client);
  if (client.overdue) behavior.flags.push_back("overdue");
  if (behavior.latePaid >= options.repeatLateAfter) behavior.flags.push_back("repeat-late");
  if (stoppedBuying(datesOf(client.issueDays), options.asOf)) {
    behavior.flags.push_back("stopped-buying");
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

bool stoppedBuying(const std::vector<dates::Date>& issueDays, dates::Date asOf) {
  if (issueDays.size() < 4) return false;
  std::vector<int> gaps;
  for (std::size_t i = 1; i < issueDays.size(); ++i) {
    gaps.push_back(issueDays[i] - issueDays[i - 1]);
  }
  std::sort(gaps.begin(), gaps.end());
  const std::size_t middle = gaps.size() / 2;
  // Twice the median, kept whole: the two middle gaps of an even count add up to it.
  const int twiceMedian = gaps.size() % 2 ? 2 * gaps[middle] : gaps[middle - 1] + gaps[middle];
  return asOf - issueDays.back() > twiceMedian;
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
