// One row per client; balances in several currencies share one cell.
#include "reports/ClientsOutput.h"
#include "reports/CsvWriter.h"

namespace kindly::reports {

void writeClientsCsv(std::ostream& out, const std::vector<aging::ClientBehavior>& clients) {
  writeCsvRow(out, {"client", "name", "balance", "main_currency", "invoices_paid", "late_paid",
                    "timing_unknown", "open_late", "avg_days_late", "avg_days_to_pay",
                    "on_time_rate", "trend", "dso", "add", "last_payment", "flags"});
  for (const auto& client : clients) {
    writeCsvRow(
        out,
        {client.clientCode, client.clientName, balancesText(client.balances),
         client.mainCurrency ? client.mainCurrency->code() : "",
         std::to_string(client.invoicesPaid), std::to_string(client.latePaid),
         std::to_string(client.timingUnknown), std::to_string(client.openLate),
         daysText(client.avgDaysLate), daysText(client.avgDaysToPay), rateText(client.onTimeRate),
         client.trend, wholeDaysText(client.dso), wholeDaysText(client.add),
         client.lastPayment ? client.lastPayment->iso() : "", flagsText(client.flags)});
  }
}

}  // namespace kindly::reports
