// The rules of what counts: a sale, what is still owed, and an invoice paid in the window.
#include "aging/ClientTally.h"

#include <algorithm>

namespace kindly::aging {

namespace {

CurrencyTally& currencyOf(ClientTally& client, money::Currency currency) {
  auto found = std::lower_bound(
      client.currencies.begin(), client.currencies.end(), currency,
      [](const CurrencyTally& tally, money::Currency wanted) { return tally.currency < wanted; });
  if (found == client.currencies.end() || found->currency != currency) {
    found = client.currencies.insert(found, CurrencyTally{.currency = currency});
  }
  return *found;
}

void countLateIn(ClientTally& client, money::Currency currency) {
  auto found = std::lower_bound(
      client.latePaidIn.begin(), client.latePaidIn.end(), currency,
      [](const auto& late, money::Currency wanted) { return late.first < wanted; });
  if (found == client.latePaidIn.end() || found->first != currency) {
    found = client.latePaidIn.insert(found, {currency, 0});
  }
  ++found->second;
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
    countLateIn(client, invoice.currency);
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

}  // namespace

void ClientTally::add(const InvoiceAsOf& invoice, const AgingOptions& options) {
  if (invoice.issueDay <= options.asOf.dayNumber()) addIssued(*this, invoice, options);
  addIfPaidInWindow(*this, invoice, options);
}

}  // namespace kindly::aging
