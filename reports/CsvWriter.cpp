// "-12.50" stays a number: an amount column must still sum when opened in a spreadsheet.
#include "reports/CsvWriter.h"

#include <algorithm>
#include <cctype>

namespace kindly::reports {

namespace {

bool isPlainNumber(std::string_view value) {
  if (value.starts_with('-')) value.remove_prefix(1);
  return !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == '.';
  });
}

}  // namespace

std::string csvCell(std::string_view value) {
  std::string cell;
  if (!value.empty() &&
      std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos &&
      !isPlainNumber(value)) {
    cell.push_back('\'');
  }
  cell.append(value);
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  quoted.push_back('"');
  return quoted;
}

void writeCsvRow(std::ostream& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out << ',';
    out << csvCell(cells[i]);
  }
  out << "\r\n";
}

}  // namespace kindly::reports
