// The ledger is read with two queries: the open invoices (payments summed per invoice up to
// the as-of date) and the late payers; the sums per client are plain C++ over open invoices.
#include "aging/AgingEngine.h"

#include <Poco/Data/Statement.h>

#include <algorithm>

#include "store/InvoiceStatus.h"
#include "store/PreparedStatement.h"
#include "store/WriteOffs.h"

using namespace Poco::Data::Keywords;

namespace kindly::aging {

std::vector<OpenInvoice> AgingEngine::openInvoices(const AgingOptions& options) {
  // Read straight off SQLite: Poco's RecordSet boxes every cell, which at a million invoices
  // cost more than the query. Each invoice's payments are summed through their index.
  store::PreparedStatement select(
      database_,
      "SELECT c.code, c.name, i.number, i.issue_day, i.due_day, i.currency, i.amount, i.paid "
      "FROM (SELECT *, COALESCE((SELECT SUM(amount) FROM payments "
      "                          WHERE invoice_id = invoices.id AND payment_day <= ?1), 0) AS paid "
      "      FROM invoices) i "
      "JOIN clients c ON c.id = i.client_id "
      "WHERE i.amount <> i.paid AND i.status NOT IN " +
          store::notOwedSqlList() + " AND NOT " + store::kWrittenOffSql +
          " ORDER BY c.code, i.currency, i.due_day, i.number");
  const std::int64_t asOf = options.asOf.dayNumber();
  select.bind(1, asOf).bind(2, asOf).bind(3, asOf);
  std::vector<OpenInvoice> invoices;
  while (select.step()) {
    const auto currency = *money::Currency::fromCode(select.columnText(5));
    const auto issue = dates::Date::fromDayNumber(static_cast<std::int32_t>(select.columnInt(3)));
    const auto due = dates::Date::fromDayNumber(static_cast<std::int32_t>(select.columnInt(4)));
    const money::Money amount(select.columnInt(6), currency);
    const money::Money paid(select.columnInt(7), currency);
    const int days = options.asOf - (options.basis == Basis::Due ? due : issue);
    invoices.push_back(OpenInvoice{.clientCode = std::string(select.columnText(0)),
                                   .clientName = std::string(select.columnText(1)),
                                   .number = std::string(select.columnText(2)),
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
