// Turns the fields of one generic-layout row into an InvoiceRecord or a PaymentRecord,
// checking every value; a bad value yields a Reject naming its column.
#pragma once

#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "dates/DateParser.h"
#include "importers/GenericLayout.h"
#include "importers/Profile.h"
#include "importers/Records.h"
#include "money/AmountParser.h"

namespace kindly::importers {

// Where a rejected value sits: filled into the Reject by the caller.
struct FieldProblem {
  Field field;
  std::string reason;
};

class RowParser {
 public:
  RowParser(const GenericLayout& layout, ParseSettings settings)
      : layout_(layout), settings_(settings) {}

  std::variant<InvoiceRecord, FieldProblem> invoice(
      const std::vector<std::string_view>& fields) const;
  std::variant<PaymentRecord, FieldProblem> payment(
      const std::vector<std::string_view>& fields) const;

  // Reads one row of a file whose header has `width` names into `sink`: an invoice or a
  // payment as the layout's kind says, or a rejection naming the column at fault.
  void read(const std::vector<std::string_view>& row, std::size_t width, RecordSink& sink) const;

  // The 0-based column of `field` in this file (it must be present).
  std::size_t columnOf(Field field) const { return *layout_.column(field); }

 private:
  // The invoice's amount, and whether it is only this row's line of it.
  std::variant<std::pair<money::ParsedAmount, bool>, FieldProblem> invoiceAmount(
      const std::vector<std::string_view>& fields, money::Currency currency) const;
  // The trimmed value of `field`, or "" when the file has no such column or the row is short.
  std::string_view value(const std::vector<std::string_view>& fields, Field field) const;

  GenericLayout layout_;
  ParseSettings settings_;
};

}  // namespace kindly::importers
