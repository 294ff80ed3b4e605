// The open invoices and the client figures come from the aging engine and client behaviour;
// one query adds the standing promises. The open invoices stream from the aging engine, so
// only the expected payments of one client are kept at a time when only the sums are asked
// for; placing each balance in a column is plain C++.
#include "aging/Forecast.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <span>
#include <utility>

#include "aging/LedgerAsOf.h"
#include "store/PreparedStatement.h"

namespace kindly::aging {

namespace {

struct Promise {
  std::string invoiceNumber;  // "" for a promise about the client's balance as a whole
  dates::Date promisedDay;
};

// The standing promises per client code, oldest first (by day, then in the order logged), so
// the last one that applies to an invoice is the latest. A promise stands until grace days
// after the day promised, as for the `promised` flag.
std::map<std::string, std::vector<Promise>> standingPromises(store::Database& database,
                                                             const AgingOptions& options) {
  store::PreparedStatement select(
      database,
      "SELECT c.code, COALESCE(i.number, ''), p.promised_day FROM contacts_in_effect p"
      " JOIN clients c ON c.id = p.client_id LEFT JOIN invoices i ON i.id = p.invoice_id"
      " WHERE p.kind = 'promise' AND p.day <= ?1 AND p.promised_day IS NOT NULL"
      "   AND p.promised_day + ?2 >= ?1"
      " ORDER BY c.code, p.day, p.id");
  select.bind(1, options.asOf.dayNumber()).bind(2, options.graceDays);
  std::map<std::string, std::vector<Promise>> promises;
  while (select.step()) {
    promises[std::string(select.columnText(0))].push_back(
        Promise{std::string(select.columnText(1)),
                dates::Date::fromDayNumber(static_cast<std::int32_t>(select.columnInt(2)))});
  }
  return promises;
}

// The value under `key`, or nullptr.
template <class Map>
const typename Map::mapped_type* lookUp(const Map& map, const std::string& key) {
  const auto found = map.find(key);
  return found == map.end() ? nullptr : &found->second;
}

CurrencyForecast emptyForecast(money::Currency currency) {
  const auto zero = money::Money::zero(currency);
  return CurrencyForecast{currency, zero, std::vector<money::Money>(kForecastWeeks, zero),
                          zero,     zero, zero};
}

// When an open invoice is expected: from its client's history, unless a promise stands.
ExpectedPayment expectedPayment(const OpenInvoice& invoice, const ClientBehavior* figures,
                                const std::vector<Promise>* promises, dates::Date asOf) {
  ExpectedPayment payment{.clientCode = invoice.clientCode,
                          .clientName = invoice.clientName,
                          .number = invoice.number,
                          .dueDate = invoice.dueDate,
                          .balance = invoice.balance,
                          .credited = money::Money::zero(invoice.balance.currency()),
                          .expectedDate = expectedFromHistory(invoice.dueDate, figures),
                          .promised = false,
                          .column = ForecastColumn::Week,
                          .week = 0};
  // The latest standing promise about this invoice or about the whole balance wins over
  // history. A promised day already passed but still within grace is expected now: the
  // client said it would pay and the promise has not yet been broken.
  if (promises) {
    for (const auto& promise : *promises) {
      if (promise.invoiceNumber.empty() || promise.invoiceNumber == invoice.number) {
        payment.expectedDate = std::max(promise.promisedDay, asOf);
        payment.promised = true;
      }
    }
  }
  return payment;
}

// Uses a client's credits in one currency against its expected payments in it, oldest due
// first (the order they come in), as a bookkeeper would apply them; a payment they cover is
// no longer expected.
void applyCredits(std::vector<ExpectedPayment>& payments, std::size_t clientStart,
                  const money::Totals& credits) {
  for (const auto& [currency, credit] : credits) {
    std::int64_t left = -credit.minorUnits();
    for (std::size_t i = clientStart; i < payments.size() && left > 0; ++i) {
      ExpectedPayment& payment = payments[i];
      if (payment.balance.currency() != currency) continue;
      const money::Money used(std::min(left, payment.balance.minorUnits()), currency);
      payment.balance -= used;
      payment.credited += used;
      left -= used.minorUnits();
    }
  }
  payments.erase(
      std::remove_if(payments.begin() + static_cast<std::ptrdiff_t>(clientStart), payments.end(),
                     [](const ExpectedPayment& payment) { return payment.balance.isZero(); }),
      payments.end());
}

}  // namespace

bool atRisk(const ClientBehavior& behavior, int oldestDaysOverdue, dates::Date asOf) {
  const int known = behavior.invoicesPaid - behavior.timingUnknown;
  if (known > 0 && behavior.latePaid == known) return true;
  const bool paidLately = behavior.lastPayment && asOf - *behavior.lastPayment <= kUnpaidAtRiskDays;
  return !paidLately && oldestDaysOverdue > kUnpaidAtRiskDays;
}

dates::Date expectedFromHistory(dates::Date due, const ClientBehavior* behavior) {
  if (behavior == nullptr || !behavior->avgDaysLate) return due;
  return due.plusDays(static_cast<int>(std::lround(*behavior->avgDaysLate)));
}

void place(ExpectedPayment& payment, dates::Date asOf, std::vector<CurrencyForecast>& currencies) {
  const auto currency = payment.balance.currency();
  auto found = std::lower_bound(
      currencies.begin(), currencies.end(), currency,
      [](const CurrencyForecast& c, const money::Currency& code) { return c.currency < code; });
  if (found == currencies.end() || found->currency != currency) {
    found = currencies.insert(found, emptyForecast(currency));
  }
  CurrencyForecast& sums = *found;
  sums.total += payment.balance;
  payment.week = 0;
  if (payment.column == ForecastColumn::AtRisk) {
    sums.atRisk += payment.balance;
    return;
  }
  const int days = payment.expectedDate - asOf;
  if (days < 0) {
    payment.column = ForecastColumn::Overdue;
    sums.overdue += payment.balance;
  } else if (days / 7 < kForecastWeeks) {
    payment.column = ForecastColumn::Week;
    payment.week = days / 7 + 1;
    sums.weeks[static_cast<std::size_t>(days / 7)] += payment.balance;
  } else {
    payment.column = ForecastColumn::Later;
    sums.later += payment.balance;
  }
}

Forecast forecast(store::Database& database, const AgingOptions& options) {
  return forecast(database, LedgerAsOf(database, options), options);
}

Forecast forecast(store::Database& database, const LedgerAsOf& ledger, const AgingOptions& options,
                  ForecastDetail detail) {
  std::map<std::string, ClientBehavior> behaviors;
  for (auto& behavior : clientBehaviors(database, ledger, options)) {
    std::string code = behavior.clientCode;
    behaviors.emplace(std::move(code), std::move(behavior));
  }
  const auto promises = standingPromises(database, options);

  Forecast result{options.asOf, {}, {}};
  std::size_t clientStart = 0;  // the current client's first payment in result.payments
  std::string clientCode;       // the current client's
  money::Totals credits;        // the current client's, per currency
  // Being at risk is a judgement on the client as a whole, and its credits are used against
  // all its invoices, so a client's payments are placed once all its open invoices, which
  // come client by client, are in.
  const auto placeClient = [&] {
    applyCredits(result.payments, clientStart, credits);
    credits.clear();
    if (clientStart == result.payments.size()) return;
    const auto client = std::span(result.payments).subspan(clientStart);
    int oldestDaysOverdue = 0;
    for (const auto& payment : client) {
      oldestDaysOverdue = std::max(oldestDaysOverdue, options.asOf - payment.dueDate);
    }
    const ClientBehavior* figures = lookUp(behaviors, clientCode);
    const bool risk = figures && atRisk(*figures, oldestDaysOverdue, options.asOf);
    // A client at risk is at risk whatever it promises: its word has not been kept before.
    for (auto& payment : client) {
      if (risk) payment.column = ForecastColumn::AtRisk;
      place(payment, options.asOf, result.currencies);
    }
    // Only the sums asked for: a client's payments go once they are placed.
    if (detail == ForecastDetail::CurrencyTotals) result.payments.clear();
    clientStart = result.payments.size();
  };
  ledger.eachOpenInvoice(options, [&](const OpenInvoice& invoice) {
    // An invoice issued later is not yet receivable.
    if (invoice.notYetIssued || invoice.balance.isZero()) return;
    if (invoice.clientCode != clientCode) {
      placeClient();
      clientCode = invoice.clientCode;
    }
    if (invoice.balance.isNegative()) {
      money::addTo(credits, invoice.balance);
      return;
    }
    result.payments.push_back(expectedPayment(invoice, lookUp(behaviors, invoice.clientCode),
                                              lookUp(promises, invoice.clientCode), options.asOf));
  });
  placeClient();
  return result;
}

}  // namespace kindly::aging
