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
#include "dates/DateParser.h"
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
  // Read by an export format's own rules, never by the generic layouts:
  DocumentType,   // invoice, credit note, payment... as the software names them
  Account,        // the ledger account a booking is on
  OffsetAccount,  // the account on its other side
  Side,           // which way a booking runs on Account: debit or credit (DATEV's S/H)
  Debit,
  Credit,
  Memo,        // a booking's free text, which may name the invoice
  DocumentId,  // the software's own id of a document, where it has no number
  Net,
  Tax,
  TermsDays,  // the number of days the terms name (MYOB's "Balance Due Days")
  Freight,    // charged once per invoice, beside its lines
};
constexpr std::size_t kFieldCount = 31;
// The fields Kindly's own layouts and a --map read: those before DocumentType.
constexpr std::size_t kLayoutFieldCount = static_cast<std::size_t>(Field::DocumentType);

// The field's name as the layouts write it ("invoice_number").
std::string_view fieldName(Field field);

// Whether every file of a format has a column: Either columns stand in for each other (a
// total or line totals): a file needs one of them.
enum class Need { Optional, Required, Either };

// A column of an export format: the field it holds, the names its software writes (compared
// case, spaces and punctuation aside), whether files have it, and, where the format reads it
// its own way, what it means to a person ("amount (debit: invoice, credit: payment)").
struct ColumnRule {
  Field field;
  std::vector<std::string_view> names;
  Need need = Need::Optional;
  std::string_view meaning = {};  // "" : the field's name
};

// An export format as data: its --format name, what it is for people, what its rows hold,
// and its columns. A format whose rows need no code of their own is only this.
struct FormatTable {
  std::string_view name;         // "invoicely"
  std::string_view description;  // "Invoicely invoice export"
  RecordKind kind;
  std::vector<ColumnRule> columns;
  // Header names only this software writes: when given, one must be there for a header to be
  // taken for the format (its other names are generic ones, "Customer", "Amount Due").
  std::vector<std::string_view> own = {};
  // Its files list every open invoice: one missing from this week's file is reported.
  bool fullExport = false;
  // The date order its software writes where the dates leave it open.
  dates::DateOrder usualDateOrder = dates::DateOrder::Unknown;
};

// How surely `header` is `format`'s: 0 when a required column (or each Either one) or all of
// its own names are missing, else 20 and one more per column of the table found.
int recogniseFormat(const std::vector<std::string_view>& header, const FormatTable& format);

class GenericLayout {
 public:
  // The columns of `format` in `header`. Fails naming the required columns the header
  // lacks; where the header has two of a rule's names, the first listed is taken.
  static Result<GenericLayout> fromTable(const std::vector<std::string_view>& header,
                                         const FormatTable& format);
  // Matches a header row. Fails, naming what is wrong, when no layout fits (listing the
  // required columns that are missing) or when two columns mean the same field.
  static Result<GenericLayout> match(const std::vector<std::string_view>& header);
  // A layout whose columns are given (from a --map file) rather than found by name; the
  // header's other columns are still found by name, as match() finds them. An invoice list
  // needs a due date or a client, a payment list a payment date; fails, naming the missing
  // fields, like match(). One column may hold two fields (client id and name).
  static Result<GenericLayout> assigned(const std::vector<std::pair<Field, std::size_t>>& fields,
                                        const std::vector<std::string_view>& header);

  RecordKind kind() const { return kind_; }
  // The 0-based column of `field`, or nullopt when the file has none.
  std::optional<std::size_t> column(Field field) const;
  // The columns holding dates, and those holding amounts as people write them: read first to
  // settle the date order and the decimal mark (see Profile).
  std::vector<std::size_t> dateColumns() const;
  std::vector<std::size_t> amountColumns() const;
  // What `column` holds: the names of its fields ("client_id, client_name"), or, under
  // `format`, its rule's meaning; "" when nothing is read there.
  std::string meaningOf(std::size_t column, const FormatTable* format = nullptr) const;

 private:
  RecordKind kind_ = RecordKind::Invoices;
  std::array<int, kFieldCount> columns_{};
};

}  // namespace kindly::importers
