// One row per client and currency, then one "TOTAL" row per currency.
#include "reports/AgingOutput.h"
#include "reports/CsvWriter.h"

namespace kindly::reports {

void writeAgingCsv(std::ostream& out, const aging::AgingReport& report) {
  std::vector<std::string> header{"client", "name", "currency", "balance"};
  for (const auto& label : report.edges.labels()) header.push_back(label);
  for (const char* name :
       {"credits", "not_yet_issued", "open_invoices", "oldest_days_overdue", "flags"}) {
    header.push_back(name);
  }
  writeCsvRow(out, header);
  for (const auto& row : report.clients) {
    std::vector<std::string> cells{row.clientCode, row.clientName, row.balance.currency().code(),
                                   row.balance.toDecimal()};
    for (const auto& bucket : row.buckets) cells.push_back(bucket.toDecimal());
    std::string flags;
    for (const auto& flag : row.flags) flags += (flags.empty() ? "" : " ") + flag;
    cells.insert(cells.end(),
                 {row.credits.toDecimal(), row.notYetIssued.toDecimal(),
                  std::to_string(row.openInvoices), std::to_string(row.oldestDaysOverdue), flags});
    writeCsvRow(out, cells);
  }
  for (const auto& total : report.totals) {
    std::vector<std::string> cells{"TOTAL", "", total.balance.currency().code(),
                                   total.balance.toDecimal()};
    for (const auto& bucket : total.buckets) cells.push_back(bucket.toDecimal());
    cells.insert(cells.end(),
                 {total.credits.toDecimal(), total.notYetIssued.toDecimal(), "", "", ""});
    writeCsvRow(out, cells);
  }
}

}  // namespace kindly::reports
