// Header matching for every profile.
#include "importers/Columns.h"

#include <algorithm>

#include "base/Text.h"

namespace kindly::importers {

std::string normaliseHeader(std::string_view name) { return matchingKey(name); }

Columns::Columns(const Row& header) {
  for (auto name : header) names_.push_back(normaliseHeader(name));
}

std::optional<std::size_t> Columns::find(std::initializer_list<std::string_view> names) const {
  for (auto name : names) {
    const auto wanted = normaliseHeader(name);
    const auto found = std::find(names_.begin(), names_.end(), wanted);
    if (found != names_.end()) return static_cast<std::size_t>(found - names_.begin());
  }
  return std::nullopt;
}

int Columns::count(std::initializer_list<std::string_view> names) const {
  int found = 0;
  for (auto name : names) found += find({name}).has_value();
  return found;
}

std::string_view Columns::cell(const Row& row, std::optional<std::size_t> column) {
  if (!column || *column >= row.size()) return {};
  return trim(row[*column]);
}

std::size_t headerWidth(const Row& header) {
  // Spreadsheets save empty trailing columns ("amount,,"): the width ends at the last name.
  std::size_t width = header.size();
  while (width > 0 && trim(header[width - 1]).empty()) --width;
  return width;
}

}  // namespace kindly::importers
