// The owner's aging workbook: a Dashboard, then Summary, Open invoices, Clients, Follow-up
// plan and Forecast sheets, with real number and date cells a person can sum and print.
#pragma once

#include <string>

#include "reports/ReportTables.h"

namespace kindly::reports {

// Writes `report` and the open invoices `openInvoices` gives to the .xlsx file `path`,
// replacing any file there.
//
// Sheets, in order: "Dashboard" (headline figures per currency, totals by bucket, the ten
// largest overdue balances, a chart of each), "Summary" (one row per ClientAging, then one
// totals row per currency below an empty row), "Open invoices" (one row per invoice, in the
// order given), "Clients", "Follow-up plan" and "Forecast" (ReportTables' tables). Amounts
// are number cells in their currency's decimals, dates are date cells, header rows are frozen
// and filtered, every sheet prints landscape one page wide with the as-of date on top.
// The open invoices are written as they come, none kept: memory stays flat however many.
//
// The workbook is written to a temporary file beside `path` and renamed onto it only once
// complete: on failure nothing is left behind and an existing file at `path` is untouched.
// Throws kindly::Error naming `path` and the cause (a missing folder, no permission, a full
// disk, more rows than a sheet holds); errors `openInvoices` throws pass through unchanged,
// leaving nothing behind either.
//
// Returns the number of open invoices written.
std::size_t writeAgingWorkbook(const std::string& path, const OwnerReport& report,
                               const OpenInvoiceSource& openInvoices);

}  // namespace kindly::reports
