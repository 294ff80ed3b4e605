// The plan as a table and as CSV: one row per client, in client order.
#include <sstream>

#include "base/Text.h"
#include "reports/CsvWriter.h"
#include "reports/PlanOutput.h"
#include "reports/TableText.h"

namespace kindly::reports {

namespace {

constexpr std::size_t kNameWidth = 28;

std::string joined(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

std::vector<std::string> invoiceNumbers(const followup::PlannedFollowUp& row) {
  std::vector<std::string> numbers;
  if (row.next) {
    for (const auto& invoice : row.next->invoices) numbers.push_back(invoice.number);
  }
  return numbers;
}

}  // namespace

std::string channelsText(const std::vector<followup::Channel>& channels) {
  std::string out;
  for (const auto channel : channels) {
    out += (out.empty() ? "" : "+") + std::string(followup::channelName(channel));
  }
  return out;
}

std::string reasonText(const followup::PlannedFollowUp& row) {
  std::string reason = row.next ? row.next->reason : "nothing to chase";
  for (std::size_t i = 0; i < row.writtenOff.size(); ++i) {
    reason += (i ? " " : "; written off: ") + row.writtenOff[i];
  }
  return oneLine(reason);  // invoice numbers and names of an export: one line, no escapes
}

std::string totalsText(const money::Totals& totals) {
  std::string out;
  for (const auto& [currency, amount] : totals) {
    out += (out.empty() ? "" : "; ") + currency.code() + ' ' + amount.toDecimal();
  }
  return out;
}

void writePlanTable(std::ostream& out, dates::Date asOf,
                    const std::vector<followup::PlannedFollowUp>& plan) {
  std::size_t codeWidth = 8, stepWidth = 16, balanceWidth = 12;
  for (const auto& row : plan) {
    codeWidth = std::max(codeWidth, displayWidth(row.clientCode));
    if (row.next) stepWidth = std::max(stepWidth, displayWidth(row.next->step));
    balanceWidth = std::max(balanceWidth, displayWidth(totalsText(row.balance)) + 1);
  }
  out << "Follow-ups as of " << asOf.iso() << "\n\n";
  std::ostringstream header;
  header << fitted("Client", codeWidth) << ' ' << fitted("Name", kNameWidth) << ' '
         << fitted("Next", 10) << ' ' << fitted("Step", stepWidth) << ' ' << fitted("Channel", 12)
         << padLeft("Balance", balanceWidth) << "  Why";
  out << header.str() << '\n' << std::string(displayWidth(header.str()), '-') << '\n';
  for (const auto& row : plan) {
    out << fitted(row.clientCode, codeWidth) << ' ' << fitted(row.clientName, kNameWidth) << ' '
        << fitted(row.next ? row.next->date.iso() : "-", 10) << ' '
        << fitted(row.next ? row.next->step : "-", stepWidth) << ' '
        << fitted(row.next ? channelsText(row.next->channels) : "-", 12)
        << padLeft(totalsText(row.balance), balanceWidth) << "  " << reasonText(row) << '\n';
  }
  if (plan.empty()) out << "Nobody to follow up.\n";
}

void writePlanCsv(std::ostream& out, const std::vector<followup::PlannedFollowUp>& plan) {
  writeCsvRow(out, {"client", "name", "next_date", "purpose", "step", "channel", "invoices",
                    "balance", "reason", "written_off"});
  for (const auto& row : plan) {
    const auto& next = row.next;
    writeCsvRow(
        out, {row.clientCode, row.clientName, next ? next->date.iso() : "",
              next ? std::string(followup::purposeName(next->purpose)) : "", next ? next->step : "",
              next ? channelsText(next->channels) : "", joined(invoiceNumbers(row), " "),
              totalsText(row.balance), next ? next->reason : "", joined(row.writtenOff, " ")});
  }
}

}  // namespace kindly::reports
