// How each client pays: lateness over a trailing window, days sales outstanding, and the
// flags that tell an owner whom to chase, whom to check in with, and whom to leave alone.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aging/AgingEngine.h"
#include "dates/Date.h"
#include "money/Money.h"
#include "store/Database.h"

namespace kindly::aging {

// The flags, in the order a client's flags are listed.
inline constexpr const char* kClientFlags[] = {"overdue", "repeat-late", "stopped-buying",
                                               "disputed", "promised"};

// One client's behaviour as of a date. The window is the lateWindowDays days up to and
// including the as-of date; an invoice counts in it when the payment that completed it (the
// latest payment dated on or before the as-of date, the payments by then covering the
// amount) falls inside it. Credit notes, void and draft invoices never count.
struct ClientBehavior {
  std::string clientCode;
  std::string clientName;
  // What is owed as of the date on invoices issued by then, net of unapplied credits, one
  // per currency (ordered by code; only currencies with something open). Written-off
  // invoices are not owed.
  std::vector<money::Money> balances;
  // The currency most of the client's invoices are in (ties: the first code); DSO is in it.
  std::optional<money::Currency> mainCurrency;
  int invoicesPaid = 0;  // completed inside the window
  int latePaid = 0;      // of those, completed more than graceDays after the due date
  // Mean of max(0, completion - due) over every invoice paid in the window (paying early
  // counts as 0 days late, so the figure is the lateness to expect of the next invoice);
  // nullopt when nothing was paid.
  std::optional<double> avgDaysLate;
  // Mean of completion - issue over the same invoices.
  std::optional<double> avgDaysToPay;
  // (invoicesPaid - latePaid) / invoicesPaid, from 0 to 1.
  std::optional<double> onTimeRate;
  // The latest completion in the window within graceDays of its due date, if any.
  std::optional<dates::Date> lastPaidOnTime;
  // avgDaysLate of the last 90 days against the rest of the window: "improving", "worse",
  // "steady", or "" when either part has fewer than two paid invoices.
  std::string trend;
  // Days sales outstanding in the main currency: max(0, balance) / invoiced in the window x
  // window days, rounded to whole days; nullopt when nothing was invoiced in the window.
  std::optional<int> dso;
  std::vector<std::string> flags;  // a subsequence of kClientFlags
};

// Every client with an invoice issued on or before options.asOf, ordered by code; only
// options.client when it is set (options.currency is not applied: a client's behaviour spans
// its currencies). Reads the invoices once and tallies them per client as they stream by;
// throws store::StoreError when the
// ledger cannot be read.
std::vector<ClientBehavior> clientBehaviors(store::Database& database, const AgingOptions& options);
// The same from a ledger already read with these options; only the contacts are read here.
std::vector<ClientBehavior> clientBehaviors(store::Database& database, const LedgerAsOf& ledger,
                                            const AgingOptions& options);

// The rules on plain values, for clientBehaviors() and for tests.

// "improving" when the recent average is kTrendMarginDays or more below the earlier one,
// "worse" when that much above, "steady" otherwise; "" when either side has fewer than two
// paid invoices.
inline constexpr int kTrendMarginDays = 5;
std::string trendOf(int recentPaid, double recentAvgDaysLate, int earlierPaid,
                    double earlierAvgDaysLate);

// A client invoiced on a rhythm who has missed it: at least four distinct issue days
// (`issueDays`, ascending, all on or before asOf), and more than twice the median gap
// between consecutive ones since the last.
bool stoppedBuying(const std::vector<dates::Date>& issueDays, dates::Date asOf);

}  // namespace kindly::aging
