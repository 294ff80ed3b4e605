// The ledger is read with two queries: the open invoices (payments summed per invoice up to
// the as-of date) and the late payers; the sums per client are plain C++ over open invoices.
#include "aging/AgingEngine.h"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <algorithm>

#include "store/InvoiceStatus.h"
#include "store/WriteOffs.h"

using namespace Poco::Data::Keywords;

namespace kindly::aging {

std::vector<OpenInvoice> AgingEngine::openInvoices(const AgingOptions& options) {
  const Poco::Int64 asOf = options.asOf.dayNumber();
  Poco::Data::Statement select(database_.session());
  select << "SELECT c.code, c.name, i.number, i.issue_day, i.due_day, i.currency, i.amount, "
            "       COALESCE(p.paid, 0) "
            "FROM invoices i JOIN clients c ON c.id = i.client_id "
            "LEFT JOIN (SELECT invoice_id, SUM(amount) AS paid FROM payments "
            "           WHERE payment_day <= ? GROUP BY invoice_id) p ON p.invoice_id = i.id "
            "WHERE i.amount <> COALESCE(p.paid, 0) AND i.status NOT IN " +
                store::notOwedSqlList() + " AND NOT " + store::kWrittenOffSql +
                " ORDER BY c.code, i.currency, i.due_day, i.number",
      bind(asOf), bind(asOf), bind(asOf);
  select.execute();
  Poco::Data::RecordSet rows(select);
  std::vector<OpenInvoice> invoices;
  invoices.reserve(rows.rowCount());
  for (bool more = rows.moveFirst(); more; more = rows.moveNext()) {
    const auto currency = *money::Currency::fromCode(rows[5].convert<std::string>());
    const auto issue = dates::Date::fromDayNumber(rows[3].convert<Poco::Int32>());
    const auto due = dates::Date::fromDayNumber(rows[4].convert<Poco::Int32>());
    const money::Money amount(rows[6].convert<Poco::Int64>(), currency);
    const money::Money paid(rows[7].convert<Poco::Int64>(), currency);
    const int days = options.asOf - (options.basis == Basis::Due ? due : issue);
    invoices.push_back(OpenInvoice{.clientCode = rows[0].convert<std::string>(),
                                   .clientName = rows[1].convert<std::string>(),
                                   .number = rows[2].convert<std::string>(),
                                   .issueDate = issue,
                                   .dueDate = due,
                                   .amount = amount,
                                   .paid = paid,
                                   .balance = amount - paid,
                                   .daysOverdue = days,
                                   .bucket = options.edges.bucketFor(days)});
  }
  return invoices;
}

std::vector<std::string> AgingEngine::repeatLateClients(const AgingOptions& options) {
  // An invoice is paid late when the payment that completed it came more than graceDays
  // after the due date; only completions inside the window count.
  const Poco::Int64 asOf = options.asOf.dayNumber();
  const Poco::Int64 windowStart = asOf - options.lateWindowDays;
  const Poco::Int64 grace = options.graceDays;
  const Poco::Int64 atLeast = options.repeatLateAfter;
  std::vector<std::string> codes;
  database_.session()
      << "SELECT c.code FROM " + settledInvoicesSql() +
             " settled JOIN clients c ON c.id = settled.client_id "
             "WHERE settled.paid_day > ? AND settled.paid_day - settled.due_day > ? "
             "GROUP BY c.code HAVING COUNT(*) >= ? ORDER BY c.code",
      bind(asOf), bind(windowStart), bind(grace), bind(atLeast), into(codes), now;
  return codes;
}

AgingReport AgingEngine::age(const AgingOptions& options) {
  return summarise(openInvoices(options), options, repeatLateClients(options));
}

std::string settledInvoicesSql() {
  // Payments are summed per invoice first, which the (invoice_id, ...) unique index serves
  // in order; each invoice is then found by its key.
  return "(SELECT i.client_id, i.issue_day, i.due_day, p.paid_day "
         " FROM (SELECT invoice_id, SUM(amount) AS paid, MAX(payment_day) AS paid_day "
         "       FROM payments WHERE payment_day <= ? GROUP BY invoice_id) p "
         " JOIN invoices i ON i.id = p.invoice_id "
         " WHERE i.amount > 0 AND p.paid >= i.amount AND i.status NOT IN " +
         store::notOwedSqlList() + ")";
}

AgingReport summarise(const std::vector<OpenInvoice>& invoices, const AgingOptions& options,
                      const std::vector<std::string>& repeatLate) {
  AgingReport report{.asOf = options.asOf,
                     .basis = options.basis,
                     .edges = options.edges,
                     .clients = {},
                     .totals = {}};
  const std::size_t buckets = options.edges.bucketCount();
  for (const auto& invoice : invoices) {
    const auto currency = invoice.balance.currency();
    if (report.clients.empty() || report.clients.back().clientCode != invoice.clientCode ||
        report.clients.back().balance.currency() != currency) {
      const auto zero = money::Money::zero(currency);
      report.clients.push_back(ClientAging{.clientCode = invoice.clientCode,
                                           .clientName = invoice.clientName,
                                           .balance = zero,
                                           .buckets = std::vector(buckets, zero),
                                           .credits = zero,
                                           .openInvoices = 0,
                                           .oldestDaysOverdue = 0,
                                           .flags = {}});
    }
    ClientAging& row = report.clients.back();
    row.balance += invoice.balance;
    if (invoice.balance.isNegative()) {
      row.credits += invoice.balance;
      continue;
    }
    row.buckets[invoice.bucket] += invoice.balance;
    ++row.openInvoices;
    row.oldestDaysOverdue = std::max(row.oldestDaysOverdue, invoice.daysOverdue);
    // Overdue is about the due date whatever the basis of the buckets.
    if (options.asOf - invoice.dueDate > options.graceDays &&
        (row.flags.empty() || row.flags.front() != "overdue")) {
      row.flags.insert(row.flags.begin(), "overdue");
    }
  }

  std::map<money::Currency, CurrencyTotal> totals;
  for (auto& row : report.clients) {
    if (std::binary_search(repeatLate.begin(), repeatLate.end(), row.clientCode)) {
      row.flags.push_back("repeat-late");
    }
    const auto currency = row.balance.currency();
    const auto zero = money::Money::zero(currency);
    auto [total, fresh] =
        totals.try_emplace(currency, CurrencyTotal{zero, std::vector(buckets, zero), zero});
    total->second.balance += row.balance;
    total->second.credits += row.credits;
    for (std::size_t b = 0; b < buckets; ++b) total->second.buckets[b] += row.buckets[b];
  }
  for (auto& [currency, total] : totals) report.totals.push_back(std::move(total));
  return report;
}

}  // namespace kindly::aging
