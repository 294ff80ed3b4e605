// Writes RFC 4180 CSV rows; cells that a spreadsheet would run as a formula (=, +, -, @)
// are made inert with a leading apostrophe, except plain negative numbers.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kindly::reports {

// One cell as it should appear in the file: quoted when it holds the delimiter, a quote or
// a line break, and defused when it would start a formula.
std::string csvCell(std::string_view value);

void writeCsvRow(std::ostream& out, const std::vector<std::string>& cells);

}  // namespace kindly::reports
