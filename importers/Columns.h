// Finds a file's columns by their header names, the way exports vary them: case, spaces,
// underscores and punctuation are ignored, so "InvoiceNumber", "invoice_number" and
// "Invoice number" are one name.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/Profile.h"

namespace kindly::importers {

// The name as compared: "Invoice No." -> "invoiceno" (see matchingKey).
std::string normaliseHeader(std::string_view name);

// The number of columns `header` names: a row is as wide as that.
std::size_t headerWidth(const Row& header);

class Columns {
 public:
  Columns() = default;
  explicit Columns(const Row& header);

  // The 0-based column of the first of `names` the header has, or nullopt.
  std::optional<std::size_t> find(std::initializer_list<std::string_view> names) const;
  // How many of `names` the header has: a profile's recognise() score.
  int count(std::initializer_list<std::string_view> names) const;
  // The trimmed cell of `column` in `row`, or "" when the row is short or column is unset.
  static std::string_view cell(const Row& row, std::optional<std::size_t> column);

 private:
  std::vector<std::string> names_;  // normalised, by column
};

}  // namespace kindly::importers
