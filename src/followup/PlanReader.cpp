// Client figures (flags, the latest on-time payment) come from clientBehaviors() and the open
// invoices from the aging engine, so that the plan, the aging and the clients report never
// disagree; small queries add the contacts made, standing promises, write-offs and bounces.
#include "followup/PlanReader.h"

#include <algorithm>
#include <map>
#include <set>

#include "aging/ClientBehavior.h"
#include "aging/LedgerAsOf.h"
#include "store/PreparedStatement.h"

namespace kindly::followup {

namespace {

using Situations = std::map<std::string, ClientSituation>;  // by client code

bool hasFlag(const aging::ClientBehavior& client, std::string_view flag) {
  return std::find(client.flags.begin(), client.flags.end(), flag) != client.flags.end();
}

void readOpenInvoices(const aging::LedgerAsOf& ledger, const aging::AgingOptions& options,
                      Situations& clients) {
  ledger.eachOpenInvoice(options, [&](const aging::OpenInvoice& invoice) {
    if (invoice.notYetIssued) return;
    ClientSituation& client = clients[invoice.clientCode];
    client.code = invoice.clientCode;
    client.name = invoice.clientName;
    money::addTo(client.balance, invoice.balance);
    if (!invoice.balance.isNegative()) {
      client.invoices.push_back(
          {invoice.number, invoice.issueDate, invoice.dueDate, invoice.balance});
    }
  });
}

dates::Date dayOf(std::int64_t dayNumber) {
  return dates::Date::fromDayNumber(static_cast<std::int32_t>(dayNumber));
}

// Contacts made, oldest first; the latest standing promise; the write-offs standing. One
// query, told apart by its first column.
void readContactsAndWriteOffs(store::Database& database, const aging::AgingOptions& options,
                              Situations& clients) {
  store::PreparedStatement select(
      database,
      "SELECT 'contact', c.code, x.day, x.step FROM contacts_in_effect x"
      " JOIN clients c ON c.id = x.client_id"
      " WHERE x.kind IN ('contact', 'promise') AND x.day <= ?1" +
          aging::filterSql(options) +
          " UNION ALL "
          "SELECT 'promise', c.code, MAX(x.promised_day) + ?2, '' FROM contacts_in_effect x"
          " JOIN clients c ON c.id = x.client_id"
          " WHERE x.kind = 'promise' AND x.day <= ?1 AND x.promised_day + ?2 >= ?1" +
          aging::filterSql(options) +
          " GROUP BY c.code"
          " UNION ALL "
          "SELECT 'written off', c.code, 0, i.number FROM invoices i"
          " JOIN clients c ON c.id = i.client_id"
          // The few write-offs lead: asked first of every invoice, the payments sum would
          // be computed a million times.
          " WHERE i.id IN (SELECT w.invoice_id FROM writeoffs w"
          "   WHERE w.day <= ?1 AND (w.undone_day IS NULL OR w.undone_day > ?1))"
          " AND i.amount > (SELECT COALESCE(SUM(amount), 0) FROM payments"
          "                 WHERE invoice_id = i.id AND currency = i.currency"
          "                   AND payment_day <= ?1)" +
          aging::filterSql(options) + " ORDER BY 2, 3, 4");
  select.bind(1, options.asOf.dayNumber()).bind(2, options.graceDays);
  aging::bindFilters(select, options);
  while (select.step()) {
    const auto found = clients.find(std::string(select.columnText(1)));
    if (found == clients.end()) continue;  // a client with nothing issued by then
    ClientSituation& client = found->second;
    const std::string_view what = select.columnText(0);
    const auto day = dayOf(select.columnInt(2));
    if (what == "contact") {
      client.contacts.push_back({day, std::string(select.columnText(3))});
    } else if (what == "promise") {
      client.promisedUntil = day;
    } else {
      client.writtenOff.emplace_back(select.columnText(3));
    }
  }
}

}  // namespace

std::vector<PlannedFollowUp> planFollowUps(store::Database& database,
                                           const aging::AgingOptions& options,
                                           const Cadence& cadence) {
  return planFollowUps(database, aging::LedgerAsOf(database, options), options, cadence);
}

std::vector<PlannedFollowUp> planFollowUps(store::Database& database,
                                           const aging::LedgerAsOf& ledger,
                                           const aging::AgingOptions& given,
                                           const Cadence& cadence) {
  // A client is planned for as a whole: every currency it owes in.
  aging::AgingOptions options = given;
  options.currency.reset();
  Situations clients;
  for (const auto& behavior : aging::clientBehaviors(database, ledger, options)) {
    if (!options.client.empty() && behavior.clientCode != options.client) continue;
    ClientSituation& client = clients[behavior.clientCode];
    client.code = behavior.clientCode;
    client.name = behavior.clientName;
    client.repeatLate = hasFlag(behavior, "repeat-late");
    client.stoppedBuying = hasFlag(behavior, "stopped-buying");
    client.stoppedPaying = hasFlag(behavior, "stopped-paying");
    client.lastPayment = behavior.lastPayment;
    client.disputed = hasFlag(behavior, "disputed");
    client.lastPaidOnTime = behavior.lastPaidOnTime;
  }
  readOpenInvoices(ledger, options, clients);
  readContactsAndWriteOffs(database, options, clients);
  store::PreparedStatement people(database, "SELECT code, email, contact_name FROM clients");
  while (people.step()) {
    const auto found = clients.find(std::string(people.columnText(0)));
    if (found == clients.end()) continue;
    found->second.email = people.columnText(1);
    found->second.contactName = people.columnText(2);
  }

  // An address whose last message bounced cannot be written to: letters and calls instead,
  // until an import brings another address (or a message to it is sent after all).
  store::PreparedStatement bounced(
      database,
      "SELECT c.code FROM sendings s JOIN clients c ON c.id = s.client_id"
      " WHERE s.state = 'bounced' AND c.email <> ''"
      // Whole addresses of the ", "-joined list: a@x.example is not in data@x.example.
      "   AND instr(', ' || s.recipients || ',', ', ' || c.email || ',') > 0"
      "   AND s.rowid = (SELECT MAX(rowid) FROM sendings"
      "                  WHERE client_id = s.client_id AND state IN ('sent', 'bounced'))");
  std::set<std::string> bouncedClients;
  while (bounced.step()) bouncedClients.emplace(bounced.columnText(0));

  std::vector<PlannedFollowUp> plan;
  for (auto& [code, client] : clients) {
    const std::string email = client.email;
    const bool bounce = bouncedClients.contains(code);
    if (bounce) client.email.clear();
    auto next = nextFollowUp(client, options.asOf, cadence);
    if (next && bounce) next->reason += "; mail to " + email + " bounced: a letter or call instead";
    client.email = email;
    if (!next && client.writtenOff.empty()) continue;
    plan.push_back(PlannedFollowUp{.clientCode = client.code,
                                   .clientName = client.name,
                                   .email = client.email,
                                   .contactName = client.contactName,
                                   .balance = client.balance,
                                   .writtenOff = client.writtenOff,
                                   .next = std::move(next)});
  }
  return plan;
}

}  // namespace kindly::followup
