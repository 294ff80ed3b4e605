// The Dashboard sheet: the headline figures per currency and two charts, for an owner who
// has a minute.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "reports/ReportTables.h"
#include "reports/WorkbookSheets.h"

namespace kindly::reports {

// One currency's headline figures.
struct CurrencyHeadline {
  money::Money receivable;  // the aging total balance: buckets + credits + not yet issued
  money::Money overdue;     // every bucket after "current", less each client's credits
  // Of what sits in the buckets, the share more than kOverDays past due: the buckets starting
  // after day kOverDays. Undefined when nothing is in the buckets.
  std::optional<double> shareOverDays;
  // DSO and ADD over every client (aging::OverallBehavior).
  std::optional<int> dso;
  std::optional<int> add;
};
inline constexpr int kOverDays = 60;

std::vector<CurrencyHeadline> headlines(const OwnerReport& report);

// The currency the charts show: the one most client balances are in (ties: the first code).
// Amounts in different currencies cannot share an axis. Empty when nothing is owed.
std::optional<money::Currency> chartCurrency(const aging::AgingReport& report);

namespace workbook {

// Adds and fills the Dashboard sheet; its charts read the sheet's own cells.
void writeDashboard(lxw_workbook* workbook, Formats& formats, const OwnerReport& report,
                    const std::string& pageHeader);

}  // namespace workbook
}  // namespace kindly::reports
