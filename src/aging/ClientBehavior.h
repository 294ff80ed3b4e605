// How each client pays: lateness over a trailing window, days sales outstanding, and the
// flags that tell an owner whom to chase, whom to check in with, and whom to leave alone.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aging/AgingEngine.h"
#include "aging/ClientTally.h"
#include "dates/Date.h"
#include "money/Money.h"
#include "store/Database.h"

namespace kindly::aging {

// The flags, in the order a client's flags are listed.
inline constexpr const char* kClientFlags[] = {"overdue",        "repeat-late", "stopped-buying",
                                               "stopped-paying", "disputed",    "promised"};

// One client's behaviour as of a date. The window is the lateWindowDays days up to and
// including the as-of date; an invoice counts in it when the payment that completed it (the
// latest payment dated on or before the as-of date, the payments by then covering the
// amount) falls inside it. Credit notes, void and draft invoices never count.
//
// Lateness is judged only where the payment dates settle it (DESIGN §4): an invoice was paid
// late when even the earliest day its payment can have been made is more than graceDays past
// due, on time when even the latest is not; otherwise its timing is unknown and it counts in
// neither. Open invoices count too: one more than graceDays past due, in a currency where the
// client is overdue, is at least as late as its days past due so far.
struct ClientBehavior {
  std::string clientCode;
  std::string clientName;
  // What is owed as of the date on invoices issued by then, net of unapplied credits, one
  // per currency (ordered by code; only currencies with something open). Written-off
  // invoices are not owed.
  std::vector<money::Money> balances;
  // The currency most of the client's invoices are in (ties: the first code); DSO is in it.
  std::optional<money::Currency> mainCurrency;
  int invoicesPaid = 0;   // completed inside the window
  int latePaid = 0;       // of those, surely completed more than graceDays after the due date
  int timingUnknown = 0;  // of those, completed on a day not known well enough to tell
  int openLate = 0;       // open invoices more than graceDays past due, counted as late
  // Mean of the days late (max(0, completion - due), paying early counts as 0) over the paid
  // invoices whose timing is known and the open ones counted late (days past due so far):
  // the lateness to expect of the next invoice. nullopt when there is none.
  std::optional<double> avgDaysLate;
  // Mean of completion - issue over the paid invoices whose timing is known.
  std::optional<double> avgDaysToPay;
  // Share of those paid and open invoices that were paid on time, from 0 to 1.
  std::optional<double> onTimeRate;
  // The latest completion in the window surely within graceDays of its due date, if any.
  std::optional<dates::Date> lastPaidOnTime;
  // The latest day anything was paid by (for a payment whose date is not exact, the last day
  // it can have been made); nullopt when nothing was ever paid.
  std::optional<dates::Date> lastPayment;
  // avgDaysLate of the paid invoices of the last 90 days against the rest of the window:
  // "improving", "worse", "steady", or "" when either part has fewer than two paid invoices.
  std::string trend;
  // Days sales outstanding in the main currency by the countback method (what is owed, net
  // of credits, matched against each month's sales back from the as-of date), and average
  // days delinquent: DSO less the countback of the part not yet past due. Whole days;
  // nullopt when nothing was invoiced in the last kCountbackMonths months.
  std::optional<int> dso;
  std::optional<int> add;
  std::vector<std::string> flags;  // a subsequence of kClientFlags
};

// The same figures over every client, one per currency (ordered by code).
struct OverallBehavior {
  money::Currency currency;
  money::Money owed;  // the positive client balances added up
  std::optional<int> dso;
  std::optional<int> add;
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

// A client who used to pay (`paymentDays`, ascending) and has paid nothing since something
// still overdue fell due (`overdueSince`; nullopt: nothing is overdue), for longer than its
// usual rhythm (the median gap between the days it paid) and at least kStoppedPayingDays.
inline constexpr int kStoppedPayingDays = 60;
bool stoppedPaying(const std::vector<dates::Date>& paymentDays, dates::Date asOf,
                   std::optional<dates::Date> overdueSince);

// Days sales outstanding by the countback method: `owed` is matched against the sales of the
// as-of month (its days up to the as-of date), then of each month before it, and the days
// those months cover are counted, the last month in proportion. nullopt when nothing was
// sold; the days of every month kept when more is owed than was sold in them.
std::optional<double> countbackDays(std::int64_t owed, const SalesByMonth& sales, dates::Date asOf);

// DSO and ADD from what is owed (net of credits, >= 0), the part of it past due once the
// credits are used against the oldest first, and the sales per month.
struct Countback {
  std::optional<int> dso;
  std::optional<int> add;
};
Countback countback(std::int64_t owed, std::int64_t owedPastDue, const SalesByMonth& sales,
                    dates::Date asOf);

// The overall figures of the clients of a ledger read with these options.
std::vector<OverallBehavior> overallBehavior(const LedgerAsOf& ledger, const AgingOptions& options);

}  // namespace kindly::aging
