// The ledger is read with two queries: the open invoices (payments summed per invoice up to
// the as-of date) and the late payers. The open invoices stream through a tally, so a large
// ledger is aged in the memory of its clients, not of its invoices.
#include "aging/AgingEngine.h"

#include <algorithm>
#include <map>

#include "store/InvoiceStatus.h"
#include "store/WriteOffs.h"

namespace kindly::aging {

std::string filterSql(const AgingOptions& options) {
  std::string sql;
  if (!options.client.empty()) sql += " AND c.code = ?8";
  if (options.currency) sql += " AND i.currency = ?9";
  return sql;
}

void bindFilters(store::PreparedStatement& statement, const AgingOptions& options) {
  if (!options.client.empty()) statement.bind(8, options.client);
  if (options.currency) statement.bind(9, options.currency->code());
}

void AgingEngine::eachOpenInvoice(const AgingOptions& options,
                                  const std::function<void(const OpenInvoice&)>& visit) {
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
          store::notOwedSqlList() + " AND NOT " + store::kWrittenOffSql + filterSql(options) +
          " ORDER BY c.code, i.currency, i.due_day, i.number");
  const std::int64_t asOf = options.asOf.dayNumber();
  select.bind(1, asOf).bind(2, asOf).bind(3, asOf);
  bindFilters(select, options);
  while (select.step()) {
    const auto currency = *money::Currency::fromCode(select.columnText(5));
    const auto issue = dates::Date::fromDayNumber(static_cast<std::int32_t>(select.columnInt(3)));
    const auto due = dates::Date::fromDayNumber(static_cast<std::int32_t>(select.columnInt(4)));
    const money::Money amount(select.columnInt(6), currency);
    const money::Money paid(select.columnInt(7), currency);
    const int days = options.asOf - (options.basis == Basis::Due ? due : issue);
    visit(OpenInvoice{.clientCode = std::string(select.columnText(0)),
                      .clientName = std::string(select.columnText(1)),
                      .number = std::string(select.columnText(2)),
                      .issueDate = issue,
                      .dueDate = due,
                      .amount = amount,
                      .paid = paid,
                      .balance = amount - paid,
                      .daysOverdue = days,
                      .bucket = options.edges.bucketFor(days),
                      .notYetIssued = issue > options.asOf});
  }
}

std::vector<OpenInvoice> AgingEngine::openInvoices(const AgingOptions& options) {
  std::vector<OpenInvoice> invoices;
  eachOpenInvoice(options, [&](const OpenInvoice& invoice) { invoices.push_back(invoice); });
  return invoices;
}

std::vector<std::string> AgingEngine::repeatLateClients(const AgingOptions& options) {
  // An invoice is paid late when the payment that completed it came more than graceDays
  // after the due date; only completions inside the window count.
  store::PreparedStatement select(
      database_, "SELECT c.code FROM " + settledInvoicesSql() +
                     " i JOIN clients c ON c.id = i.client_id "
                     "WHERE i.paid_day > ?2 AND i.paid_day - i.due_day > ?3" +
                     filterSql(options) + " GROUP BY c.code HAVING COUNT(*) >= ?4 ORDER BY c.code");
  const std::int64_t asOf = options.asOf.dayNumber();
  select.bind(1, asOf)
      .bind(2, asOf - options.lateWindowDays)
      .bind(3, options.graceDays)
      .bind(4, options.repeatLateAfter);
  bindFilters(select, options);
  std::vector<std::string> codes;
  while (select.step()) codes.emplace_back(select.columnText(0));
  return codes;
}

AgingReport AgingEngine::age(const AgingOptions& options) {
  AgingTally tally(options);
  eachOpenInvoice(options, [&](const OpenInvoice& invoice) { tally.add(invoice); });
  return tally.finish(repeatLateClients(options));
}

std::string settledInvoicesSql() {
  // Payments are summed per invoice first, which the (invoice_id, ...) unique index serves
  // in order; each invoice is then found by its key.
  return "(SELECT i.client_id, i.currency, i.issue_day, i.due_day, p.paid_day "
         " FROM (SELECT invoice_id, SUM(amount) AS paid, MAX(payment_day) AS paid_day "
         "       FROM payments WHERE payment_day <= ?1 GROUP BY invoice_id) p "
         " JOIN invoices i ON i.id = p.invoice_id "
         " WHERE i.amount > 0 AND p.paid >= i.amount AND i.status NOT IN " +
         store::notOwedSqlList() + ")";
}

AgingTally::AgingTally(const AgingOptions& options)
    : options_(options),
      report_{.asOf = options.asOf,
              .basis = options.basis,
              .edges = options.edges,
              .clients = {},
              .totals = {}} {}

void AgingTally::add(const OpenInvoice& invoice) {
  const auto currency = invoice.balance.currency();
  if (report_.clients.empty() || report_.clients.back().clientCode != invoice.clientCode ||
      report_.clients.back().balance.currency() != currency) {
    const auto zero = money::Money::zero(currency);
    report_.clients.push_back(
        ClientAging{.clientCode = invoice.clientCode,
                    .clientName = invoice.clientName,
                    .balance = zero,
                    .buckets = std::vector(options_.edges.bucketCount(), zero),
                    .credits = zero,
                    .notYetIssued = zero,
                    .openInvoices = 0,
                    .oldestDaysOverdue = 0,
                    .flags = {}});
  }
  ClientAging& row = report_.clients.back();
  row.balance += invoice.balance;
  if (invoice.notYetIssued) {
    row.notYetIssued += invoice.balance;
    return;
  }
  if (invoice.balance.isNegative()) {
    row.credits += invoice.balance;
    return;
  }
  row.buckets[invoice.bucket] += invoice.balance;
  ++row.openInvoices;
  row.oldestDaysOverdue = std::max(row.oldestDaysOverdue, invoice.daysOverdue);
  // Overdue is about the due date whatever the basis of the buckets.
  if (options_.asOf - invoice.dueDate > options_.graceDays &&
      (row.flags.empty() || row.flags.front() != "overdue")) {
    row.flags.insert(row.flags.begin(), "overdue");
  }
}

AgingReport AgingTally::finish(const std::vector<std::string>& repeatLate) {
  const std::size_t buckets = options_.edges.bucketCount();
  std::map<money::Currency, CurrencyTotal> totals;
  for (auto& row : report_.clients) {
    if (std::binary_search(repeatLate.begin(), repeatLate.end(), row.clientCode)) {
      row.flags.push_back("repeat-late");
    }
    const auto currency = row.balance.currency();
    const auto zero = money::Money::zero(currency);
    auto [total, fresh] =
        totals.try_emplace(currency, CurrencyTotal{zero, std::vector(buckets, zero), zero, zero});
    total->second.balance += row.balance;
    total->second.credits += row.credits;
    total->second.notYetIssued += row.notYetIssued;
    for (std::size_t b = 0; b < buckets; ++b) total->second.buckets[b] += row.buckets[b];
  }
  for (auto& [currency, total] : totals) report_.totals.push_back(std::move(total));
  return std::move(report_);
}

AgingReport summarise(const std::vector<OpenInvoice>& invoices, const AgingOptions& options,
                      const std::vector<std::string>& repeatLate) {
  AgingTally tally(options);
  for (const auto& invoice : invoices) tally.add(invoice);
  return tally.finish(repeatLate);
}

}  // namespace kindly::aging
