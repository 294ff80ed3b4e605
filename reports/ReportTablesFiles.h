// The owner's report as files for other tools: one CSV or JSON file per table in a folder.
#pragma once

#include <cstddef>
#include <string>

#include "reports/ReportTables.h"

namespace kindly::reports {

enum class TableFileFormat { Csv, Json };

// Writes summary, open-invoices, clients, plan and forecast (.csv or .json) into `folder`,
// creating it when missing (its parent must exist) and replacing those files when present.
//
// CSV: RFC 4180 with CRLF line ends, a header row of column keys, amounts as exact decimals,
// dates as YYYY-MM-DD, cells that would start a formula defused. JSON: one line per file,
// {"as_of":..., "rows":[{key: value, ...}]} (summary adds "totals"); amounts are exact
// decimal strings, dates ISO strings, counts and figures numbers, null when empty.
//
// Every file is written under a temporary name and renamed only once all are complete: on
// failure nothing is left behind (not even a folder it created). Throws kindly::Error naming
// the folder and the cause. Returns the number of open invoices written.
std::size_t writeReportTables(const std::string& folder, TableFileFormat format,
                              const OwnerReport& report, const OpenInvoiceSource& openInvoices);

}  // namespace kindly::reports
