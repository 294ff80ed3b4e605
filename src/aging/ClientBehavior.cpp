// One pass over the invoices and one over the contacts. SQLite sums the payments per invoice
// and reads the invoices, both in invoice order, so that nothing is sorted; C++ tallies the
// invoices per client as they stream by, as the aging tallies its open invoices. Grouping
// the per-invoice sums again by client in SQL would sort a million rows.
#include "aging/ClientBehavior.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "store/InvoiceStatus.h"
#include "store/PreparedStatement.h"
#include "store/WriteOffs.h"

namespace kindly::aging {

namespace {

// The last issue days that set a client's rhythm: twelve gaps, a year of a monthly client.
constexpr std::size_t kRhythmIssueDays = 13;
// Lateness "recently", for the trend.
constexpr int kRecentDays = 90;

// With options.client set, conditions that keep that client's invoices and their payments
// (the code is parameter ?8, as for filterSql()).
constexpr const char* kClientsInvoices =
    " AND client_id = (SELECT id FROM clients WHERE code = ?8)";
constexpr const char* kClientsPayments =
    " AND invoice_id IN (SELECT i.id FROM invoices i JOIN clients c ON c.id = i.client_id"
    " WHERE c.code = ?8)";

// One invoice as of the date: what was paid on it by then, and when the last of it was paid.
struct InvoiceAsOf {
  std::string_view currency;
  int issueDay = 0;
  int dueDay = 0;
  std::int64_t amount = 0;
  std::int64_t paid = 0;
  int lastPaymentDay = 0;  // meaningful when paid covers a positive amount
  bool writtenOff = false;
};

// What a client was invoiced in one currency by the as-of date, and what it owes in it.
struct CurrencyTally {
  std::string code;
  int invoices = 0;          // credit notes left out
  std::int64_t sales = 0;    // invoiced in the window
  std::int64_t balance = 0;  // open amounts not written off, credits included
};

// Everything clientBehaviors() needs of one client, added up invoice by invoice.
struct ClientTally {
  std::vector<CurrencyTally> currencies;  // ordered by code; empty: nothing issued by then
  bool overdue = false;
  // Invoices completed inside the window, and of those inside the last kRecentDays.
  std::int64_t paid = 0;
  std::int64_t latePaid = 0;
  std::int64_t daysLate = 0;
  std::int64_t daysToPay = 0;
  std::int64_t recentPaid = 0;
  std::int64_t recentDaysLate = 0;
  int lastPaidOnTime = 0;      // day number of the latest completion within grace; 0: none
  std::vector<int> issueDays;  // the latest kRhythmIssueDays distinct ones, oldest first
};

struct Client {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  ClientTally tally;
};

// Every client of the ledger, ordered by id.
class ClientTallies {
 public:
  explicit ClientTallies(store::Database& database) {
    store::PreparedStatement select(database, "SELECT id, code, name FROM clients ORDER BY id");
    while (select.step()) {
      clients_.push_back(Client{.id = select.columnInt(0),
                                .code = std::string(select.columnText(1)),
                                .name = std::string(select.columnText(2)),
                                .tally = {}});
    }
  }

  ClientTally& tallyOf(std::int64_t id) {
    // SQLite numbers clients 1, 2, 3... as they are added, so the id is tried as a position
    // before it is searched for.
    const auto position = static_cast<std::size_t>(id - 1);
    if (id > 0 && position < clients_.size() && clients_[position].id == id) {
      return clients_[position].tally;
    }
    const auto found = std::lower_bound(
        clients_.begin(), clients_.end(), id,
        [](const Client& client, std::int64_t wanted) { return client.id < wanted; });
    if (found == clients_.end() || found->id != id) {
      throw store::StoreError("an invoice names a client the ledger does not have");
    }
    return found->tally;
  }
  std::vector<Client>& all() { return clients_; }

 private:
  std::vector<Client> clients_;
};

CurrencyTally& currencyOf(ClientTally& client, std::string_view code) {
  auto found = std::lower_bound(
      client.currencies.begin(), client.currencies.end(), code,
      [](const CurrencyTally& tally, std::string_view wanted) { return tally.code < wanted; });
  if (found == client.currencies.end() || found->code != code) {
    found = client.currencies.insert(found, CurrencyTally{.code = std::string(code)});
  }
  return *found;
}

void keepLatestIssueDay(std::vector<int>& days, int day) {
  if (days.size() == kRhythmIssueDays && day < days.front()) return;
  const auto at = std::lower_bound(days.begin(), days.end(), day);
  if (at != days.end() && *at == day) return;
  days.insert(at, day);
  if (days.size() > kRhythmIssueDays) days.erase(days.begin());
}

// An invoice issued by the as-of date: a sale, and what is still owed on it. One written off
// by then (and not undone) is not owed, though it was a sale.
void addIssued(ClientTally& client, const InvoiceAsOf& invoice, const AgingOptions& options) {
  const int asOf = options.asOf.dayNumber();
  CurrencyTally& currency = currencyOf(client, invoice.currency);
  if (invoice.amount > 0) {
    ++currency.invoices;
    if (invoice.issueDay > asOf - options.lateWindowDays) currency.sales += invoice.amount;
    keepLatestIssueDay(client.issueDays, invoice.issueDay);
  }
  if (invoice.writtenOff) return;
  currency.balance += invoice.amount - invoice.paid;
  if (invoice.amount > invoice.paid && asOf - invoice.dueDay > options.graceDays) {
    client.overdue = true;
  }
}

// An invoice counts as paid in the window when the payment that completed it (the latest one
// by the as-of date, the payments by then covering the amount) falls inside it.
void addIfPaidInWindow(ClientTally& client, const InvoiceAsOf& invoice,
                       const AgingOptions& options) {
  const int asOf = options.asOf.dayNumber();
  const int completed = invoice.lastPaymentDay;
  if (invoice.amount <= 0 || invoice.paid < invoice.amount) return;
  if (completed <= asOf - options.lateWindowDays) return;
  const int daysLate = std::max(completed - invoice.dueDay, 0);
  ++client.paid;
  if (completed - invoice.dueDay > options.graceDays) {
    ++client.latePaid;
  } else {
    client.lastPaidOnTime = std::max(client.lastPaidOnTime, completed);
  }
  client.daysLate += daysLate;
  client.daysToPay += completed - invoice.issueDay;
  if (completed > asOf - kRecentDays) {
    ++client.recentPaid;
    client.recentDaysLate += daysLate;
  }
}

// The invoices written off as of the date (and not undone by then), by id.
std::vector<std::int64_t> writtenOffInvoices(store::Database& database, dates::Date asOf) {
  store::PreparedStatement select(
      database,
      "SELECT i.id FROM invoices i WHERE i.id IN (SELECT invoice_id FROM writeoffs) AND " +
          std::string(store::kWrittenOffSql) + " ORDER BY i.id");
  select.bind(1, asOf.dayNumber()).bind(2, asOf.dayNumber());
  std::vector<std::int64_t> ids;
  while (select.step()) ids.push_back(select.columnInt(0));
  return ids;
}

// The payments made by the as-of date, summed per invoice in invoice order: the payments
// index serves them in that order, so nothing is sorted and no invoice is searched for.
class PaymentsByInvoice {
 public:
  PaymentsByInvoice(store::Database& database, const AgingOptions& options)
      : select_(database,
                "SELECT invoice_id, SUM(amount), MAX(payment_day) FROM payments"
                " WHERE payment_day <= ?1" +
                    std::string(options.client.empty() ? "" : kClientsPayments) +
                    " GROUP BY invoice_id ORDER BY invoice_id") {
    select_.bind(1, options.asOf.dayNumber());
    if (!options.client.empty()) select_.bind(8, options.client);
    more_ = select_.step();
  }

  // What was paid on the invoice, and the day of the latest payment (0 when none). Invoices
  // must be asked for in increasing id order.
  std::pair<std::int64_t, int> paidOn(std::int64_t invoiceId) {
    while (more_ && select_.columnInt(0) < invoiceId) more_ = select_.step();
    if (!more_ || select_.columnInt(0) != invoiceId) return {0, 0};
    return {select_.columnInt(1), static_cast<int>(select_.columnInt(2))};
  }

 private:
  store::PreparedStatement select_;
  bool more_ = false;
};

// Every owed invoice (void and draft ones left out) with its payments by the as-of date. Both
// are read in invoice order and matched here: letting SQLite join them would search the
// payments index once per invoice, which costs more than reading it all.
void readInvoices(store::Database& database, const AgingOptions& options, ClientTallies& clients) {
  const auto writtenOff = writtenOffInvoices(database, options.asOf);
  PaymentsByInvoice payments(database, options);
  store::PreparedStatement select(
      database,
      "SELECT id, client_id, currency, issue_day, due_day, amount FROM invoices"
      " WHERE status NOT IN " +
          store::notOwedSqlList() + (options.client.empty() ? "" : kClientsInvoices) +
          " ORDER BY id");
  if (!options.client.empty()) select.bind(8, options.client);
  while (select.step()) {
    const std::int64_t id = select.columnInt(0);
    const auto [paid, lastPaymentDay] = payments.paidOn(id);
    const InvoiceAsOf invoice{
        .currency = select.columnText(2),
        .issueDay = static_cast<int>(select.columnInt(3)),
        .dueDay = static_cast<int>(select.columnInt(4)),
        .amount = select.columnInt(5),
        .paid = paid,
        .lastPaymentDay = lastPaymentDay,
        .writtenOff = std::binary_search(writtenOff.begin(), writtenOff.end(), id)};
    ClientTally& client = clients.tallyOf(select.columnInt(1));
    if (invoice.issueDay <= options.asOf.dayNumber()) addIssued(client, invoice, options);
    addIfPaidInWindow(client, invoice, options);
  }
}

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
    const auto currency = money::Currency::fromCode(tally.code);
    if (!currency) throw store::StoreError("unknown currency in the ledger");
    if (tally.balance != 0) behavior.balances.emplace_back(tally.balance, *currency);
    // Currencies come by code, so a tie keeps the first code.
    if (tally.invoices > (main ? main->invoices : 0)) {
      main = &tally;
      behavior.mainCurrency = *currency;
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
  ClientTallies clients(database);
  std::map<std::int64_t, std::vector<std::string>> contactFlags;
  readInvoices(database, options, clients);
  readContacts(database, options, contactFlags);

  // Clients are listed when something of theirs was issued by the as-of date.
  std::vector<ClientBehavior> result;
  for (auto& client : clients.all()) {
    if (client.tally.currencies.empty()) continue;
    result.push_back(behaviorOf(client.tally, options, std::move(contactFlags[client.id])));
    result.back().clientCode = std::move(client.code);
    result.back().clientName = std::move(client.name);
  }
  std::sort(result.begin(), result.end(), [](const ClientBehavior& a, const ClientBehavior& b) {
    return a.clientCode < b.clientCode;
  });
  return result;
}

}  // namespace kindly::aging
