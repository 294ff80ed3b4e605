// Kindly's own layouts for invoices and payments: which column holds which field, found by
// header names matched case-, space- and underscore-insensitively with common synonyms.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/Result.h"
#include "importers/Profile.h"

namespace kindly::importers {

enum class Field {
  InvoiceNumber,
  ClientId,
  ClientName,
  ClientEmail,
  IssueDate,
  DueDate,
  Amount,
  Currency,
  AmountPaid,
  Balance,
  Status,
  PaymentDate,
  Reference,
  AppliesTo,
  ContactName,
  LineTotal,  // one line's amount, where the invoice's total is left out
  Quantity,
  UnitPrice,
  Terms,  // "Net 30", "14 days": the due date where none is given
};
constexpr std::size_t kFieldCount = 19;

// The field's name as the layouts write it ("invoice_number").
std::string_view fieldName(Field field);

// A column of an export format: the field it holds, the names its software writes (compared
// case, spaces and punctuation aside), and whether every file of the format has it.
struct ColumnRule {
  Field field;
  std::vector<std::string_view> names;
  bool required = false;
};

// An export format as data: its --format name, what it is for people, what its rows hold,
// and its columns. A format whose rows need no code of their own is only this.
struct FormatTable {
  std::string_view name;         // "invoicely"
  std::string_view description;  // "Invoicely invoice export"
  RecordKind kind;
  std::vector<ColumnRule> columns;
};

class GenericLayout {
 public:
  // The columns of `format` in `header`. Fails naming the required columns the header
  // lacks, or two columns that mean one field.
  static Result<GenericLayout> fromTable(const std::vector<std::string_view>& header,
                                         const FormatTable& format);
  // Matches a header row. Fails, naming what is wrong, when no layout fits (listing the
  // required columns that are missing) or when two columns mean the same field.
  static Result<GenericLayout> match(const std::vector<std::string_view>& header);
  // A layout whose columns are given (from a --map file) rather than found by name. An
  // invoice list needs a due date or a client, a payment list a payment date; fails, naming
  // the missing fields, like match(). One column may hold two fields (client id and name).
  static Result<GenericLayout> assigned(const std::vector<std::pair<Field, std::size_t>>& fields);

  RecordKind kind() const { return kind_; }
  // The 0-based column of `field`, or nullopt when the file has none.
  std::optional<std::size_t> column(Field field) const;

 private:
  RecordKind kind_ = RecordKind::Invoices;
  std::array<int, kFieldCount> columns_{};
};

}  // namespace kindly::importers
