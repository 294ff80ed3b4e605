// Typed reading of one row's cells for a profile: the first bad cell rejects the row
// through the sink, naming its column, and every later read is skipped.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "importers/Columns.h"
#include "importers/Profile.h"

namespace kindly::importers {

class Cells {
 public:
  Cells(const Row& row, RecordSink& sink, const ParseSettings& settings)
      : row_(row), sink_(sink), settings_(settings) {}

  // The trimmed text of `column` ("" when absent). Rejects text that is not valid UTF-8.
  std::string text(std::optional<std::size_t> column);
  // Like text(), but an empty cell rejects the row: "the `what` is empty".
  std::string required(std::optional<std::size_t> column, std::string_view what);
  // A date in the file's date order; empty is a rejection unless `optional`.
  std::optional<dates::Date> date(std::optional<std::size_t> column, std::string_view what,
                                  bool optional = false);
  // The currency code of `column`, or the default currency when the cell or column is empty.
  std::optional<money::Currency> currency(std::optional<std::size_t> column);
  // An amount in `currency`; rejected when it names another currency. Empty is a rejection
  // unless `optional`.
  std::optional<money::Money> amount(std::optional<std::size_t> column, money::Currency currency,
                                     std::string_view what, bool optional = false);
  // Rejects the row at `column` with `reason` unless `ok`; returns ok.
  bool check(bool ok, std::optional<std::size_t> column, std::string reason);

  // True once a cell has rejected the row: the profile must then emit nothing else.
  bool failed() const { return failed_; }

 private:
  void fail(std::optional<std::size_t> column, std::string reason);

  const Row& row_;
  RecordSink& sink_;
  const ParseSettings& settings_;
  bool failed_ = false;
};

// The amount as written, without its sign: "-120.00" and "(120.00)" are "120.00". A
// payment's text is kept so, to be read in the file's decimal mark once its invoice (and so
// its currency) is known.
std::string unsignedAmount(std::string_view text);

// The checks every invoice passes whatever its format: a number and a client. Returns the
// reason it fails, or nullopt.
std::optional<std::string> invoiceProblem(const InvoiceRecord& invoice);

}  // namespace kindly::importers
