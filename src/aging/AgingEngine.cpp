// The ledger is read once (LedgerAsOf); its open invoices, kept compactly, stream through a
// tally, so a large ledger is aged in little more than the memory of its open invoices.
#include "aging/AgingEngine.h"

#include <algorithm>
#include <map>

#include "aging/LedgerAsOf.h"

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
  LedgerAsOf(database_, options).eachOpenInvoice(options, visit);
}

std::vector<OpenInvoice> AgingEngine::openInvoices(const AgingOptions& options) {
  std::vector<OpenInvoice> invoices;
  eachOpenInvoice(options, [&](const OpenInvoice& invoice) { invoices.push_back(invoice); });
  return invoices;
}

AgingReport AgingEngine::age(const AgingOptions& options) {
  return aging::age(LedgerAsOf(database_, options), options);
}

AgingReport age(const LedgerAsOf& ledger, const AgingOptions& options) {
  AgingTally tally(options);
  ledger.eachOpenInvoice(options, [&](const OpenInvoice& invoice) { tally.add(invoice); });
  return tally.finish(ledger.repeatLateClients(options));
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
    pastGrace_.push_back(0);
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
  if (options_.asOf - invoice.dueDate > options_.graceDays) {
    pastGrace_.back() += invoice.balance.minorUnits();
  }
}

AgingReport AgingTally::finish(const std::vector<std::string>& repeatLate) {
  const std::size_t buckets = options_.edges.bucketCount();
  std::map<money::Currency, CurrencyTotal> totals;
  for (std::size_t i = 0; i < report_.clients.size(); ++i) {
    ClientAging& row = report_.clients[i];
    // Credits are used against the oldest first: what they cover is not overdue.
    if (pastGrace_[i] + row.credits.minorUnits() > 0) row.flags.push_back("overdue");
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
