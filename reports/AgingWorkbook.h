// The aging report as an Excel workbook: a Summary sheet (clients by bucket, totals per
// currency) and an Open invoices sheet, with real number and date cells a person can sum.
#pragma once

#include <string>
#include <vector>

#include "aging/Aging.h"

namespace kindly::reports {

// What the workbook says about who it belongs to.
struct WorkbookDetails {
  std::string companyName;  // title row of the Summary sheet and the Company property
};

// Writes `report` and `openInvoices` to the .xlsx file `path`, replacing any file there.
//
// Sheets, in order: "Summary" (one row per ClientAging, then one totals row per currency)
// and "Open invoices" (one row per OpenInvoice, in the order given). Amounts are number
// cells in their currency's decimals, dates are date cells, header rows are frozen and
// filtered.
//
// The workbook is written to a temporary file beside `path` and renamed onto it only once
// complete: on failure nothing is left behind and an existing file at `path` is untouched.
// Throws kindly::Error naming `path` and the cause (a missing folder, no permission, a full
// disk, more rows than a sheet holds).
void writeAgingWorkbook(const std::string& path, const aging::AgingReport& report,
                        const std::vector<aging::OpenInvoice>& openInvoices,
                        const WorkbookDetails& details);

}  // namespace kindly::reports
