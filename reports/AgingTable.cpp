// A fixed-width table for the terminal: amounts right-aligned, long names shortened.
#include <algorithm>
#include <iomanip>
#include <sstream>

#include "reports/AgingOutput.h"
#include "reports/TableText.h"

namespace kindly::reports {

namespace {

constexpr std::size_t kNameWidth = 28;

}  // namespace

void writeAgingTable(std::ostream& out, const aging::AgingReport& report) {
  const auto labels = report.edges.labels();
  // Codes are shown in full: a shortened code could name two clients.
  std::size_t codeWidth = 8;
  for (const auto& row : report.clients) {
    codeWidth = std::max(codeWidth, displayWidth(row.clientCode));
  }
  std::size_t width = 11;  // wide enough for every amount in the report and "Not issued"
  const auto widen = [&](const money::Money& m) {
    width = std::max(width, m.toDecimal().size() + 1);
  };
  for (const auto& row : report.clients) {
    widen(row.balance);
    widen(row.credits);
    widen(row.notYetIssued);
    for (const auto& b : row.buckets) widen(b);
  }
  for (const auto& total : report.totals) {
    widen(total.balance);
    widen(total.credits);
    widen(total.notYetIssued);
    for (const auto& b : total.buckets) widen(b);
  }

  out << "Aging as of " << report.asOf.iso() << ", by "
      << (report.basis == aging::Basis::Due ? "due" : "issue") << " date\n\n";
  std::ostringstream header;
  header << fitted("Client", codeWidth) << ' ' << fitted("Name", kNameWidth) << ' ' << "Cur"
         << padLeft("Balance", width);
  for (const auto& label : labels) header << padLeft(label, width);
  header << padLeft("Credits", width) << padLeft("Not issued", width) << "  Flags";
  out << header.str() << '\n' << std::string(displayWidth(header.str()), '-') << '\n';

  for (const auto& row : report.clients) {
    out << fitted(row.clientCode, codeWidth) << ' ' << fitted(row.clientName, kNameWidth) << ' '
        << row.balance.currency().code() << padLeft(row.balance.toDecimal(), width);
    for (const auto& b : row.buckets) out << padLeft(b.toDecimal(), width);
    out << padLeft(row.credits.toDecimal(), width) << padLeft(row.notYetIssued.toDecimal(), width);
    for (std::size_t i = 0; i < row.flags.size(); ++i) out << (i ? " " : "  ") << row.flags[i];
    out << '\n';
  }
  if (report.clients.empty()) out << "Nothing is owed.\n";
  out << std::string(displayWidth(header.str()), '-') << '\n';
  for (const auto& total : report.totals) {
    out << fitted("Total", codeWidth) << ' ' << fitted("", kNameWidth) << ' '
        << total.balance.currency().code() << padLeft(total.balance.toDecimal(), width);
    for (const auto& b : total.buckets) out << padLeft(b.toDecimal(), width);
    out << padLeft(total.credits.toDecimal(), width)
        << padLeft(total.notYetIssued.toDecimal(), width) << '\n';
  }
}

}  // namespace kindly::reports
