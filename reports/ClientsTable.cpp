// A fixed-width table for the terminal; "-" where a figure is undefined (nothing paid in the
// window, nothing invoiced for DSO).
#include <algorithm>
#include <cmath>
#include <sstream>
#include <utility>

#include "reports/ClientsOutput.h"
#include "reports/TableText.h"

namespace kindly::reports {

namespace {

constexpr std::size_t kNameWidth = 28;

std::string orDash(const std::string& text) { return text.empty() ? "-" : text; }

}  // namespace

void writeClientsTable(std::ostream& out, dates::Date asOf,
                       const std::vector<aging::ClientBehavior>& clients,
                       const std::vector<aging::OverallBehavior>& overall) {
  std::size_t codeWidth = 8;
  std::size_t balanceWidth = 12;
  for (const auto& client : clients) {
    codeWidth = std::max(codeWidth, displayWidth(client.clientCode));
    balanceWidth = std::max(balanceWidth, displayWidth(balancesText(client.balances)) + 1);
  }
  out << "Clients as of " << asOf.iso() << "\n\n";
  std::ostringstream header;
  header << fitted("Client", codeWidth) << ' ' << fitted("Name", kNameWidth)
         << padLeft("Balance", balanceWidth) << padLeft("Paid", 6) << padLeft("Late", 6)
         << padLeft("Unknown", 9) << padLeft("Open late", 11) << padLeft("Avg late", 10)
         << padLeft("Avg pay", 9) << padLeft("On time", 9) << "  " << fitted("Trend", 9)
         << padLeft("DSO", 5) << padLeft("ADD", 5) << "  Flags";
  out << header.str() << '\n' << std::string(displayWidth(header.str()), '-') << '\n';
  for (const auto& client : clients) {
    const std::string onTime =
        client.onTimeRate ? std::to_string(std::lround(*client.onTimeRate * 100)) + "%" : "";
    out << fitted(client.clientCode, codeWidth) << ' ' << fitted(client.clientName, kNameWidth)
        << padLeft(balancesText(client.balances), balanceWidth)
        << padLeft(std::to_string(client.invoicesPaid), 6)
        << padLeft(std::to_string(client.latePaid), 6)
        << padLeft(std::to_string(client.timingUnknown), 9)
        << padLeft(std::to_string(client.openLate), 11)
        << padLeft(orDash(daysText(client.avgDaysLate)), 10)
        << padLeft(orDash(daysText(client.avgDaysToPay)), 9) << padLeft(orDash(onTime), 9) << "  "
        << fitted(orDash(client.trend), 9) << padLeft(orDash(wholeDaysText(client.dso)), 5)
        << padLeft(orDash(wholeDaysText(client.add)), 5);
    if (!client.flags.empty()) out << "  " << flagsText(client.flags);
    out << '\n';
  }
  if (clients.empty()) out << "No clients.\n";
  const char* gap = "\n";
  for (const auto& figures : overall) {
    if (!figures.dso) continue;
    out << std::exchange(gap, "") << "All clients, " << figures.currency.code() << ": owed "
        << figures.owed.toDecimal() << ", DSO " << *figures.dso << " days, ADD " << *figures.add
        << " days\n";
  }
}

}  // namespace kindly::reports
