// What client behaviour needs of one client, added up invoice by invoice as the ledger
// streams by, so that no invoice is kept.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "aging/AgingEngine.h"
#include "dates/Date.h"
#include "money/Currency.h"

namespace kindly::aging {

// An earliest payment day that is not known: the payment may have been made at any time.
inline constexpr int kNoDayBefore = std::numeric_limits<int>::min();

// Months of sales kept per client and currency for DSO by the countback method: two years.
inline constexpr std::size_t kCountbackMonths = 24;
using SalesByMonth = std::array<std::int64_t, kCountbackMonths>;  // [0]: the as-of month

// Which of those months a day falls in, without a calendar conversion per invoice.
class CountbackMonths {
 public:
  explicit CountbackMonths(dates::Date asOf);
  // 0 for the as-of date's month (and later days), 1 for the month before, and so on;
  // kCountbackMonths for a day before them all.
  std::size_t of(int day) const;

 private:
  std::array<int, kCountbackMonths> starts_{};  // their first days, the earliest first
};

// One owed invoice as of the date: what was paid on it by then, and when the last of it was
// paid. The number is a view, valid while the invoice is being tallied.
struct InvoiceAsOf {
  std::string_view number;
  money::Currency currency;
  int issueDay = 0;
  std::size_t issueMonth = kCountbackMonths;  // CountbackMonths::of(issueDay)
  int dueDay = 0;
  std::int64_t amount = 0;
  std::int64_t paid = 0;
  // The latest payment's day as the ledger records it (for a bounded or unknown date, the
  // last day it can have been made), and the earliest day the last payment can have been
  // made (kNoDayBefore when some payment's date is unknown); meaningful when paid > 0.
  int lastPaymentDay = 0;
  int earliestLastPaymentDay = kNoDayBefore;
  bool writtenOff = false;
};

// How surely an invoice was paid on time: only what the payment dates settle is judged.
enum class Timing { OnTime, Late, Unknown };

// Whether an invoice completed no earlier than `earliest` and no later than `latest` was paid
// more than graceDays after `due`: Late when even the earliest day is, OnTime when even the
// latest is not, Unknown otherwise. `earliest` may be kNoDayBefore.
Timing timingOf(int earliest, int latest, int due, int graceDays);

// What a client was invoiced in one currency by the as-of date, and what it owes in it.
struct CurrencyTally {
  money::Currency currency;
  int invoices = 0;             // credit notes left out
  SalesByMonth salesByMonth{};  // invoiced per calendar month, counted back from the as-of date
  // Open amounts not written off: the positive ones, the part of those past due and the part
  // more than grace days past due, and the credits (<= 0).
  std::int64_t owed = 0;
  std::int64_t pastDue = 0;
  std::int64_t pastGrace = 0;
  std::int64_t credits = 0;
  // The open invoices more than grace days past due: due day and what is open on each.
  std::vector<std::pair<int, std::int64_t>> pastGraceInvoices;

  std::int64_t balance() const { return owed + credits; }
  // Owed more than grace days past due once the credits are used against the oldest first.
  bool overdue() const { return pastGrace + credits > 0; }
  // Those of pastGraceInvoices the credits, used against the oldest first, leave owing: how
  // many, their days past due as of `asOf` added up, and the earliest due day (0: none).
  struct LateOpen {
    int count = 0;
    std::int64_t daysLate = 0;
    int oldestDue = 0;
  };
  LateOpen lateOpen(int asOf) const;
};

struct ClientTally {
  std::vector<CurrencyTally> currencies;  // ordered by code; empty: nothing issued by then
  // Invoices completed inside the window: all, the late and the unknown ones among them; the
  // days late of those whose timing is known, and the same inside kRecentDays; the days to
  // pay of those completed on a day known exactly.
  std::int64_t paid = 0;
  std::int64_t latePaid = 0;
  std::int64_t timingUnknown = 0;
  std::int64_t daysLate = 0;
  std::int64_t datedPaid = 0;
  std::int64_t daysToPay = 0;
  std::int64_t recentPaid = 0;
  std::int64_t recentDaysLate = 0;
  int lastPaidOnTime = 0;        // day number of the latest completion surely within grace; 0: none
  int lastPaymentDay = 0;        // the latest day anything was paid by; 0: never
  std::vector<int> issueDays;    // the latest kRhythmDays distinct ones, oldest first
  std::vector<int> paymentDays;  // the same of the days invoices were last paid on
  // latePaid per currency, for a repeat-late flag on one currency; ordered by code.
  std::vector<std::pair<money::Currency, int>> latePaidIn;

  // Adds one owed invoice of the client.
  void add(const InvoiceAsOf& invoice, const AgingOptions& options);
  // Adds a payment received in another currency than its invoice's: it pays nothing of the
  // invoice and stands as the client's credit in its own currency.
  void addCredit(money::Currency currency, std::int64_t amount);
  // Whether something is overdue in some currency, net of that currency's credits.
  bool overdue() const;
  // The earliest due date of an invoice more than grace days past due that the credits in
  // its currency leave owing; nullopt when nothing is overdue.
  std::optional<dates::Date> overdueSince(const AgingOptions& options) const;
};

// The last days that set a client's rhythm: twelve gaps, a year of a monthly client.
inline constexpr std::size_t kRhythmDays = 13;
// Lateness "recently", for the trend.
inline constexpr int kRecentDays = 90;

}  // namespace kindly::aging
