// Expected cash: when each open invoice should be paid, judged from its client's own history
// or a standing promise, and the expected collections per week for the next 13 weeks.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "aging/AgingEngine.h"
#include "aging/ClientBehavior.h"
#include "dates/Date.h"
#include "money/Money.h"
#include "store/Database.h"

namespace kindly::aging {

inline constexpr int kForecastWeeks = 13;
// A client who has paid nothing in the behaviour window is at risk once something of theirs
// is more than this many days past due.
inline constexpr int kUnpaidAtRiskDays = 90;

// Where an expected payment lands. Every open positive balance lands in exactly one.
enum class ForecastColumn {
  Overdue,  // expected before the as-of date: already late, collected now if at all
  Week,     // expected in one of the next kForecastWeeks weeks (ExpectedPayment::week)
  Later,    // expected after the last week
  AtRisk,   // the client never paid on time: no date is worth expecting
};

// One open invoice with a positive balance and the day its payment is expected.
struct ExpectedPayment {
  std::string clientCode;
  std::string clientName;
  std::string number;
  dates::Date dueDate;
  money::Money balance;      // > 0
  dates::Date expectedDate;  // due date + the client's average days late, or a promise
  bool promised = false;     // expectedDate comes from a standing promise
  ForecastColumn column = ForecastColumn::Week;
  int week = 0;  // 1..kForecastWeeks when column == Week, else 0
};

// The expected collections in one currency; overdue + weeks + later + atRisk == total.
struct CurrencyForecast {
  money::Currency currency;
  money::Money overdue;
  std::vector<money::Money> weeks;  // kForecastWeeks of them; week 1 starts on the as-of date
  money::Money later;
  money::Money atRisk;
  money::Money total;  // every open positive balance in the currency
};

struct Forecast {
  dates::Date asOf;
  std::vector<ExpectedPayment> payments;     // ordered by client code, currency, due, number
  std::vector<CurrencyForecast> currencies;  // ordered by currency code
};

// Forecasts the ledger as of options.asOf. The open invoices are AgingEngine::openInvoices()
// issued on or before the as-of date with a positive balance (credits are not collections;
// an invoice issued later is not yet receivable). Client figures are clientBehaviors() with
// the same options; promises are the contacts of kind 'promise' dated by the as-of date whose
// promised day + options.graceDays is not before it. Throws store::StoreError when the
// ledger cannot be read.
Forecast forecast(store::Database& database, const AgingOptions& options);
// What forecast() keeps: every expected payment, or only the sums per currency (payments
// left empty), which a million open invoices need no memory for.
enum class ForecastDetail { Payments, CurrencyTotals };
// The same from a ledger already read with these options (its client and as-of date).
Forecast forecast(store::Database& database, const LedgerAsOf& ledger, const AgingOptions& options,
                  ForecastDetail detail = ForecastDetail::Payments);

// The rules on plain values, for forecast() and for tests.

// Whether the client's balances are at risk: paid at least one invoice in the window and
// none on time (on-time rate 0), or paid none in the window and has an invoice more than
// kUnpaidAtRiskDays past due (`oldestDaysOverdue`, of its open positive invoices).
bool neverPaysOnTime(const ClientBehavior& behavior, int oldestDaysOverdue);

// Due date plus the average days late rounded to whole days (0 without history).
dates::Date expectedFromHistory(dates::Date due, const ClientBehavior* behavior);

// Sets payment.column and payment.week from its expected date (unless it is at risk, which
// the caller has set), and adds its balance to the right currency of `currencies` (kept
// ordered by code, a currency added on first use).
void place(ExpectedPayment& payment, dates::Date asOf, std::vector<CurrencyForecast>& currencies);

}  // namespace kindly::aging
