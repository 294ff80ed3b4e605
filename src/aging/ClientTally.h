// What client behaviour needs of one client, added up invoice by invoice as the ledger
// streams by, so that no invoice is kept.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "aging/AgingEngine.h"
#include "money/Currency.h"

namespace kindly::aging {

// One owed invoice as of the date: what was paid on it by then, and when the last of it was
// paid. The number is a view, valid while the invoice is being tallied.
struct InvoiceAsOf {
  std::string_view number;
  money::Currency currency;
  int issueDay = 0;
  int dueDay = 0;
  std::int64_t amount = 0;
  std::int64_t paid = 0;
  int lastPaymentDay = 0;  // meaningful when paid covers a positive amount
  bool writtenOff = false;
};

// What a client was invoiced in one currency by the as-of date, and what it owes in it.
struct CurrencyTally {
  money::Currency currency;
  int invoices = 0;          // credit notes left out
  std::int64_t sales = 0;    // invoiced in the window
  std::int64_t balance = 0;  // open amounts not written off, credits included
};

struct ClientTally {
  std::vector<CurrencyTally> currencies;  // ordered by code; empty: nothing issued by then
  bool overdue = false;
  // Invoices completed inside the window, and of those inside the last kRecentDays.
  std::int64_t paid = 0;
  std::int64_t latePaid = 0;
  std::int64_t daysLate = 0;
  std::int64_t daysToPay = 0;
  std::int64_t recentPaid = 0;
  std::int64_t recentDaysLate = 0;
  int lastPaidOnTime = 0;      // day number of the latest completion within grace; 0: none
  std::vector<int> issueDays;  // the latest kRhythmIssueDays distinct ones, oldest first
  // latePaid per currency, for a repeat-late flag on one currency; ordered by code.
  std::vector<std::pair<money::Currency, int>> latePaidIn;

  // Adds one owed invoice of the client.
  void add(const InvoiceAsOf& invoice, const AgingOptions& options);
};

// The last issue days that set a client's rhythm: twelve gaps, a year of a monthly client.
inline constexpr std::size_t kRhythmIssueDays = 13;
// Lateness "recently", for the trend.
inline constexpr int kRecentDays = 90;

}  // namespace kindly::aging
