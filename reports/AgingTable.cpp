// A fixed-width table for the terminal: amounts right-aligned, long names shortened.
#include <algorithm>
#include <iomanip>
#include <sstream>

#include "reports/AgingOutput.h"

namespace kindly::reports {

namespace {

constexpr std::size_t kNameWidth = 28;

// Code points of UTF-8 text: what a terminal shows as characters (wide scripts aside).
std::size_t displayWidth(std::string_view text) {
  return std::count_if(text.begin(), text.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

// The name cut to `width` characters (ending in "…" when cut) and padded to it.
std::string fitted(std::string_view name, std::size_t width) {
  std::string out;
  std::size_t shown = 0;
  for (std::size_t i = 0; i < name.size();) {
    std::size_t length = 1;
    while (i + length < name.size() &&
           (static_cast<unsigned char>(name[i + length]) & 0xC0) == 0x80) {
      ++length;
    }
    if (shown + 1 == width && displayWidth(name.substr(i)) > 1) {
      out += "…";
      ++shown;
      break;
    }
    out.append(name.substr(i, length));
    ++shown;
    i += length;
  }
  return out + std::string(width - std::min(width, shown), ' ');
}

std::string padLeft(const std::string& text, std::size_t width) {
  return std::string(width - std::min(width, displayWidth(text)), ' ') + text;
}

}  // namespace

void writeAgingTable(std::ostream& out, const aging::AgingReport& report) {
  const auto labels = report.edges.labels();
  // Codes are shown in full: a shortened code could name two clients.
  std::size_t codeWidth = 8;
  for (const auto& row : report.clients) {
    codeWidth = std::max(codeWidth, displayWidth(row.clientCode));
  }
  std::size_t width = 10;  // wide enough for every amount in the report
  const auto widen = [&](const money::Money& m) {
    width = std::max(width, m.toDecimal().size() + 1);
  };
  for (const auto& row : report.clients) {
    widen(row.balance);
    widen(row.credits);
    for (const auto& b : row.buckets) widen(b);
  }
  for (const auto& total : report.totals) {
    widen(total.balance);
    for (const auto& b : total.buckets) widen(b);
  }

  out << "Aging as of " << report.asOf.iso() << ", by "
      << (report.basis == aging::Basis::Due ? "due" : "issue") << " date\n\n";
  std::ostringstream header;
  header << fitted("Client", codeWidth) << ' ' << fitted("Name", kNameWidth) << ' ' << "Cur"
         << padLeft("Balance", width);
  for (const auto& label : labels) header << padLeft(label, width);
  header << padLeft("Credits", width) << "  Flags";
  out << header.str() << '\n' << std::string(displayWidth(header.str()), '-') << '\n';

  for (const auto& row : report.clients) {
    out << fitted(row.clientCode, codeWidth) << ' ' << fitted(row.clientName, kNameWidth) << ' '
        << row.balance.currency().code() << padLeft(row.balance.toDecimal(), width);
    for (const auto& b : row.buckets) out << padLeft(b.toDecimal(), width);
    out << padLeft(row.credits.toDecimal(), width);
    for (std::size_t i = 0; i < row.flags.size(); ++i) out << (i ? " " : "  ") << row.flags[i];
    out << '\n';
  }
  if (report.clients.empty()) out << "Nothing is owed.\n";
  out << std::string(displayWidth(header.str()), '-') << '\n';
  for (const auto& total : report.totals) {
    out << fitted("Total", codeWidth) << ' ' << fitted("", kNameWidth) << ' '
        << total.balance.currency().code() << padLeft(total.balance.toDecimal(), width);
    for (const auto& b : total.buckets) out << padLeft(b.toDecimal(), width);
    out << padLeft(total.credits.toDecimal(), width) << '\n';
  }
}

}  // namespace kindly::reports
