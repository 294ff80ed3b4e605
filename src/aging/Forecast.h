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
// A client who has paid nothing for this many days is at risk once something of theirs is
// more than this many days past due.
inline constexpr int kUnpaidAtRiskDays = 90;

// Where an expected payment lands. Every open positive balance lands in exactly one.
enum class ForecastColumn {
  Overdue,  // expected before the as-of date: already late, collected now if at all
  Week,     // expected in one of the next kForecastWeeks weeks (ExpectedPayment::week)
  Later,    // expected after the last week
  AtRisk,   // the client never pays on time, or has stopped paying: no date is worth expecting
};

// One open invoice with a positive balance and the day its payment is expected.
struct ExpectedPayment {
  std::string clientCode;
  std::string clientName;
  std::string number;
  dates::Date dueDate;
  money::Money balance;      // > 0: what is expected, once the client's credits are used
  money::Money credited;     // >= 0: the part of the invoice's balance the credits cover
  dates::Date expectedDate;  // due date + the client's average days late, or a promise
  bool promised = false;     // expectedDate comes from a standing promise
  ForecastColumn column = ForecastColumn::Week;
  int week = 0;  // 1..kForecastWeeks when column == Week, else 0
};

// The expected collections in one currency; overdue + weeks + later + atRisk == total, the
// clients' positive balances (net of their credits) added up.
struct CurrencyForecast {
  money::Currency currency;
  money::Money overdue;
  std::vector<money::Money> weeks;  // kForecastWeeks of them; week 1 starts on the as-of date
  money::Money later;
  money::Money atRisk;
  money::Money total;  // every client's positive balance in the currency, net of its credits
};

struct Forecast {
  dates::Date asOf;
  std::vector<ExpectedPayment> payments;     // ordered by client code, currency, due, number
  std::vector<CurrencyForecast> currencies;  // ordered by currency code
};

// Forecasts the ledger as of options.asOf. The open invoices are AgingEngine::openInvoices()
// issued on or before the as-of date (an invoice issued later is not yet receivable); a
// client's credits in a currency are used against its invoices in it, oldest due first, and
// an invoice they cover is not expected. Client figures are clientBehaviors() with
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

// Whether the client's balances are at risk, whole: of the invoices it paid in the window
// whose timing is known, none was on time; or it has paid nothing for kUnpaidAtRiskDays and
// owes on an invoice more than kUnpaidAtRiskDays past due (`oldestDaysOverdue`, of its
// expected payments). A payment whose date is unknown never puts a client at risk.
bool atRisk(const ClientBehavior& behavior, int oldestDaysOverdue, dates::Date asOf);

// Due date plus the average days late rounded to whole days (0 without history).
dates::Date expectedFromHistory(dates::Date due, const ClientBehavior* behavior);

// Sets payment.column and payment.week from its expected date (unless it is at risk, which
// the caller has set), and adds its balance to the right currency of `currencies` (kept
// ordered by code, a currency added on first use).
void place(ExpectedPayment& payment, dates::Date asOf, std::vector<CurrencyForecast>& currencies);

}  // namespace kindly::aging
