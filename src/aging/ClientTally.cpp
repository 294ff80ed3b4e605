// The rules of what counts: a sale, what is still owed, and an invoice paid in the window.
#include "aging/ClientTally.h"

#include <algorithm>

namespace kindly::aging {

namespace {

CurrencyTally& currencyOf(ClientTally& client, money::Currency currency) {
  // Most clients are invoiced in one currency.
  if (!client.currencies.empty() && client.currencies.back().currency == currency) {
    return client.currencies.back();
  }
  auto found = std::lower_bound(
      client.currencies.begin(), client.currencies.end(), currency,
      [](const CurrencyTally& tally, money::Currency wanted) { return tally.currency < wanted; });
  if (found == client.currencies.end() || found->currency != currency) {
    found = client.currencies.insert(found, CurrencyTally{.currency = currency,
                                                          .invoices = 0,
                                                          .salesByMonth = {},
                                                          .owed = 0,
                                                          .pastDue = 0,
                                                          .pastGrace = 0,
                                                          .credits = 0,
                                                          .pastGraceInvoices = {}});
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

void keepLatestDay(std::vector<int>& days, int day) {
  // Invoices mostly come in the order they were issued: a day already kept, or a later one.
  if (!days.empty() && day >= days.back()) {
    if (day == days.back()) return;
    days.push_back(day);
    if (days.size() > kRhythmDays) days.erase(days.begin());
    return;
  }
  if (days.size() == kRhythmDays && day < days.front()) return;
  const auto at = std::lower_bound(days.begin(), days.end(), day);
  if (at != days.end() && *at == day) return;
  days.insert(at, day);
  if (days.size() > kRhythmDays) days.erase(days.begin());
}

// An invoice issued by the as-of date: a sale, and what is still owed on it. One written off
// by then (and not undone) is not owed, though it was a sale.
void addIssued(ClientTally& client, const InvoiceAsOf& invoice, const AgingOptions& options) {
  const int asOf = options.asOf.dayNumber();
  CurrencyTally& currency = currencyOf(client, invoice.currency);
  if (invoice.amount > 0) {
    ++currency.invoices;
    if (invoice.issueMonth < kCountbackMonths) {
      currency.salesByMonth[invoice.issueMonth] += invoice.amount;
    }
    keepLatestDay(client.issueDays, invoice.issueDay);
  }
  if (invoice.writtenOff) return;
  const std::int64_t open = invoice.amount - invoice.paid;
  if (open < 0) {
    currency.credits += open;
    return;
  }
  currency.owed += open;
  if (open == 0 || asOf <= invoice.dueDay) return;
  currency.pastDue += open;
  if (asOf - invoice.dueDay > options.graceDays) {
    // Still unpaid this long after its due date: at least this late, whatever comes.
    currency.pastGrace += open;
    currency.pastGraceInvoices.emplace_back(invoice.dueDay, open);
  }
}

// An invoice counts as paid in the window when the payment that completed it (the latest one
// by the as-of date, the payments by then covering the amount) falls inside it. Its timing
// counts only where the payment dates settle it; days late are then reckoned from the
// earliest day the payment can have been made, the least lateness the facts allow, and days
// to pay only where that day is known exactly.
void addIfPaidInWindow(ClientTally& client, const InvoiceAsOf& invoice,
                       const AgingOptions& options) {
  const int asOf = options.asOf.dayNumber();
  const int completed = invoice.lastPaymentDay;
  if (invoice.amount <= 0 || invoice.paid < invoice.amount) return;
  if (completed <= asOf - options.lateWindowDays) return;
  ++client.paid;
  const Timing timing =
      timingOf(invoice.earliestLastPaymentDay, completed, invoice.dueDay, options.graceDays);
  if (timing == Timing::Unknown) {
    ++client.timingUnknown;
    return;
  }
  const int earliest = std::max(invoice.earliestLastPaymentDay, invoice.issueDay);
  const int daysLate = std::max(earliest - invoice.dueDay, 0);
  if (timing == Timing::Late) {
    ++client.latePaid;
    countLateIn(client, invoice.currency);
  } else {
    client.lastPaidOnTime = std::max(client.lastPaidOnTime, completed);
  }
  client.daysLate += daysLate;
  if (invoice.earliestLastPaymentDay == completed) {
    ++client.datedPaid;
    client.daysToPay += completed - invoice.issueDay;
  }
  if (completed > asOf - kRecentDays) {
    ++client.recentPaid;
    client.recentDaysLate += daysLate;
  }
}

}  // namespace

CountbackMonths::CountbackMonths(dates::Date asOf) {
  auto first = *dates::Date::fromYmd(asOf.year(), asOf.month(), 1);
  for (std::size_t m = kCountbackMonths; m-- > 0;) {
    starts_[m] = first.dayNumber();
    first = first.plusDays(-1);
    first = *dates::Date::fromYmd(first.year(), first.month(), 1);
  }
}

std::size_t CountbackMonths::of(int day) const {
  const auto after = std::upper_bound(starts_.begin(), starts_.end(), day);
  if (after == starts_.begin()) return kCountbackMonths;
  return static_cast<std::size_t>(starts_.end() - after);
}

Timing timingOf(int earliest, int latest, int due, int graceDays) {
  if (latest - due <= graceDays) return Timing::OnTime;
  if (earliest != kNoDayBefore && earliest - due > graceDays) return Timing::Late;
  return Timing::Unknown;
}

void ClientTally::add(const InvoiceAsOf& invoice, const AgingOptions& options) {
  if (invoice.issueDay <= options.asOf.dayNumber()) addIssued(*this, invoice, options);
  if (invoice.amount > 0 && invoice.paid > 0) {
    lastPaymentDay = std::max(lastPaymentDay, invoice.lastPaymentDay);
    keepLatestDay(paymentDays, invoice.lastPaymentDay);
  }
  addIfPaidInWindow(*this, invoice, options);
}

bool ClientTally::overdue() const {
  return std::any_of(currencies.begin(), currencies.end(),
                     [](const CurrencyTally& currency) { return currency.overdue(); });
}

void ClientTally::addCredit(money::Currency currency, std::int64_t amount) {
  currencyOf(*this, currency).credits -= amount;
}

std::optional<dates::Date> ClientTally::overdueSince(const AgingOptions& options) const {
  std::optional<dates::Date> since;
  for (const auto& currency : currencies) {
    const auto late = currency.lateOpen(options.asOf.dayNumber());
    if (late.count == 0) continue;
    const auto due = dates::Date::fromDayNumber(late.oldestDue);
    if (!since || due < *since) since = due;
  }
  return since;
}

CurrencyTally::LateOpen CurrencyTally::lateOpen(int asOf) const {
  LateOpen late;
  if (!overdue()) return late;
  auto invoices = pastGraceInvoices;
  std::sort(invoices.begin(), invoices.end());
  std::int64_t credit = -credits;
  for (const auto& [dueDay, open] : invoices) {
    if (credit >= open) {  // covered by the credit
      credit -= open;
      continue;
    }
    credit = 0;
    if (late.count++ == 0) late.oldestDue = dueDay;
    late.daysLate += asOf - dueDay;
  }
  return late;
}

}  // namespace kindly::aging
