// Four aggregate queries, each GROUP BY client: open balances and sales per currency, paid
// invoices and their lateness, the last issue days (for the rhythm), and the disputes and
// promises still standing. C++ only combines their rows and takes a median.
#include "aging/ClientBehavior.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "store/InvoiceStatus.h"
#include "store/PreparedStatement.h"

namespace kindly::aging {

namespace {

// The last issue days that set a client's rhythm: twelve gaps, a year of a monthly client.
constexpr int kRhythmIssueDays = 13;
// Lateness "recently", for the trend.
constexpr int kRecentDays = 90;

struct Building {
  ClientBehavior behavior;
  int mainCurrencyInvoices = 0;
  std::int64_t mainCurrencySales = 0;
  std::int64_t mainCurrencyBalance = 0;
  std::vector<dates::Date> issueDays;
};

using ByClient = std::map<std::int64_t, Building>;

// Clients, with what they owe per currency, what they were invoiced in the window, and
// whether anything is more than grace days overdue. An invoice written off on or before the
// as-of date (and not undone by then) is not owed, though it was a sale.
void readBalances(store::Database& database, const AgingOptions& options, ByClient& clients) {
  store::PreparedStatement select(
      database,
      "SELECT c.id, c.code, c.name, t.currency, t.invoices, t.sales, t.balance, t.overdue "
      "FROM (SELECT i.client_id, i.currency,"
      "        COUNT(CASE WHEN i.amount > 0 THEN 1 END) AS invoices,"
      "        SUM(CASE WHEN i.amount > 0 AND i.issue_day > ?2 THEN i.amount ELSE 0 END) AS sales,"
      "        SUM(CASE WHEN w.invoice_id IS NULL THEN i.amount - i.paid ELSE 0 END)"
      "          AS balance,"
      "        MAX(w.invoice_id IS NULL AND i.amount > i.paid"
      "            AND ?1 - i.due_day > ?3) AS overdue"
      "      FROM (SELECT *, COALESCE((SELECT SUM(amount) FROM payments"
      "                                WHERE invoice_id = invoices.id AND payment_day <= ?1),"
      "                               0) AS paid"
      "            FROM invoices) i"
      "      LEFT JOIN (SELECT DISTINCT invoice_id FROM writeoffs WHERE day <= ?1"
      "                 AND (undone_day IS NULL OR undone_day > ?1)) w ON w.invoice_id = i.id"
      "      WHERE i.issue_day <= ?1 AND i.status NOT IN " +
          store::notOwedSqlList() +
          "      GROUP BY i.client_id, i.currency) t "
          "JOIN clients c ON c.id = t.client_id ORDER BY c.id, t.currency");
  select.bind(1, options.asOf.dayNumber())
      .bind(2, options.asOf.dayNumber() - options.lateWindowDays)
      .bind(3, options.graceDays);
  while (select.step()) {
    Building& client = clients[select.columnInt(0)];
    ClientBehavior& behavior = client.behavior;
    behavior.clientCode = select.columnText(1);
    behavior.clientName = select.columnText(2);
    const auto currency = money::Currency::fromCode(select.columnText(3));
    if (!currency) throw store::StoreError("unknown currency in the ledger");
    const int invoices = static_cast<int>(select.columnInt(4));
    const money::Money balance(select.columnInt(6), *currency);
    if (!balance.isZero()) behavior.balances.push_back(balance);
    // Rows come by currency code, so a tie keeps the first code.
    if (invoices > client.mainCurrencyInvoices) {
      client.mainCurrencyInvoices = invoices;
      client.mainCurrencySales = select.columnInt(5);
      client.mainCurrencyBalance = balance.minorUnits();
      behavior.mainCurrency = *currency;
    }
    if (select.columnInt(7) != 0 && behavior.flags.empty()) behavior.flags.push_back("overdue");
  }
}

void readPaid(store::Database& database, const AgingOptions& options, ByClient& clients) {
  store::PreparedStatement select(
      database, "WITH settled AS " + settledInvoicesSql() +
                    " SELECT client_id, COUNT(*),"
                    "   SUM(paid_day - due_day > ?3),"
                    "   SUM(MAX(paid_day - due_day, 0)),"
                    "   SUM(paid_day - issue_day),"
                    "   SUM(paid_day > ?4),"
                    "   SUM(CASE WHEN paid_day > ?4 THEN MAX(paid_day - due_day, 0) ELSE 0 END) "
                    " FROM settled WHERE paid_day > ?2 GROUP BY client_id");
  const int asOf = options.asOf.dayNumber();
  select.bind(1, asOf)
      .bind(2, asOf - options.lateWindowDays)
      .bind(3, options.graceDays)
      .bind(4, asOf - kRecentDays);
  while (select.step()) {
    const auto found = clients.find(select.columnInt(0));
    if (found == clients.end()) continue;  // every paid invoice was issued by then: defensive
    ClientBehavior& behavior = found->second.behavior;
    const auto paid = select.columnInt(1);
    const auto daysLate = select.columnInt(3);
    const auto recentPaid = select.columnInt(5);
    const auto recentDaysLate = select.columnInt(6);
    behavior.invoicesPaid = static_cast<int>(paid);
    behavior.latePaid = static_cast<int>(select.columnInt(2));
    behavior.avgDaysLate = static_cast<double>(daysLate) / paid;
    behavior.avgDaysToPay = static_cast<double>(select.columnInt(4)) / paid;
    behavior.onTimeRate = static_cast<double>(paid - behavior.latePaid) / paid;
    const auto earlierPaid = paid - recentPaid;
    behavior.trend =
        trendOf(static_cast<int>(recentPaid),
                recentPaid ? static_cast<double>(recentDaysLate) / recentPaid : 0.0,
                static_cast<int>(earlierPaid),
                earlierPaid ? static_cast<double>(daysLate - recentDaysLate) / earlierPaid : 0.0);
  }
}

// The last distinct issue days per client, oldest first; the window function keeps the
// rows read to a few per client whatever the size of the ledger.
void readIssueDays(store::Database& database, const AgingOptions& options, ByClient& clients) {
  store::PreparedStatement select(
      database,
      "SELECT client_id, issue_day FROM ("
      "  SELECT client_id, issue_day,"
      "         ROW_NUMBER() OVER (PARTITION BY client_id ORDER BY issue_day DESC) AS latest"
      "  FROM (SELECT DISTINCT client_id, issue_day FROM invoices"
      "        WHERE amount > 0 AND issue_day <= ?1 AND status NOT IN " +
          store::notOwedSqlList() + ")) WHERE latest <= ?2 ORDER BY client_id, issue_day");
  select.bind(1, options.asOf.dayNumber()).bind(2, kRhythmIssueDays);
  while (select.step()) {
    const auto found = clients.find(select.columnInt(0));
    if (found == clients.end()) continue;
    found->second.issueDays.push_back(
        dates::Date::fromDayNumber(static_cast<std::int32_t>(select.columnInt(1))));
  }
}

// A dispute stands until a 'resolved' contact of the same client, later (same day: entered
// later), about the same invoice or about none in particular. A promise holds until grace
// days after the day promised.
void readContacts(store::Database& database, const AgingOptions& options, ByClient& clients,
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
  while (select.step()) {
    if (!clients.contains(select.columnInt(0))) continue;
    contactFlags[select.columnInt(0)].emplace_back(select.columnText(1));
  }
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
  ByClient clients;
  std::map<std::int64_t, std::vector<std::string>> contactFlags;
  readBalances(database, options, clients);
  readPaid(database, options, clients);
  readIssueDays(database, options, clients);
  readContacts(database, options, clients, contactFlags);

  std::vector<ClientBehavior> result;
  result.reserve(clients.size());
  for (auto& [id, client] : clients) {
    ClientBehavior& behavior = client.behavior;
    if (client.mainCurrencySales > 0) {
      const double dso =
          static_cast<double>(std::max<std::int64_t>(client.mainCurrencyBalance, 0)) /
          static_cast<double>(client.mainCurrencySales) * options.lateWindowDays;
      behavior.dso = static_cast<int>(std::lround(dso));
    }
    if (behavior.latePaid >= options.repeatLateAfter) behavior.flags.push_back("repeat-late");
    if (stoppedBuying(client.issueDays, options.asOf)) behavior.flags.push_back("stopped-buying");
    // The query lists disputes before promises, the order of kClientFlags.
    for (auto& flag : contactFlags[id]) behavior.flags.push_back(std::move(flag));
    result.push_back(std::move(behavior));
  }
  std::sort(result.begin(), result.end(), [](const ClientBehavior& a, const ClientBehavior& b) {
    return a.clientCode < b.clientCode;
  });
  return result;
}

}  // namespace kindly::aging
