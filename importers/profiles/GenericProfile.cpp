// A row with fewer cells than the header, or with values beyond it, is refused whole: its
// cells no longer line up with the names.
#include "importers/profiles/GenericProfile.h"

#include <algorithm>

#include "base/Text.h"

namespace kindly::importers {

std::string GenericProfile::description() const {
  return layout_.kind() == RecordKind::Payments ? "payment list" : "invoice list";
}

int GenericProfile::recognise(const Row& row) const { return GenericLayout::match(row) ? 10 : 0; }

Result<bool> GenericProfile::start(const Row& header, const ParseSettings& settings) {
  auto layout = GenericLayout::match(header);
  if (!layout) return Failure{layout.error()};
  begin(*layout, header, settings);
  return true;
}

void GenericProfile::begin(const GenericLayout& layout, const Row& header,
                           const ParseSettings& settings) {
  layout_ = layout;
  parser_.emplace(layout_, settings);
  // Spreadsheets save empty trailing columns ("amount,,"): the width ends at the last name.
  columns_ = header.size();
  while (columns_ > 0 && trim(header[columns_ - 1]).empty()) --columns_;
}

std::string GenericProfile::columnField(std::size_t column) const {
  std::string fields;
  for (std::size_t f = 0; f < kFieldCount; ++f) {
    if (layout_.column(static_cast<Field>(f)) != column) continue;
    if (!fields.empty()) fields += ", ";
    fields += fieldName(static_cast<Field>(f));
  }
  return fields;
}

std::vector<std::size_t> GenericProfile::amountColumns() const {
  std::vector<std::size_t> columns;
  for (Field field :
       {Field::Amount, Field::AmountPaid, Field::Balance, Field::LineTotal, Field::UnitPrice}) {
    if (auto column = layout_.column(field)) columns.push_back(*column);
  }
  return columns;
}

std::vector<std::size_t> GenericProfile::dateColumns() const {
  std::vector<std::size_t> columns;
  for (Field field : {Field::IssueDate, Field::DueDate, Field::PaymentDate}) {
    if (auto column = layout_.column(field)) columns.push_back(*column);
  }
  return columns;
}

void GenericProfile::read(const Row& row, RecordSink& sink) {
  if (row.size() < columns_) {
    return sink.reject(std::nullopt, "the row has " + std::to_string(row.size()) +
                                         " fields but the header has " + std::to_string(columns_));
  }
  if (std::any_of(row.begin() + columns_, row.end(), [](auto f) { return !trim(f).empty(); })) {
    return sink.reject(columns_, "the row has more fields than the header (an unquoted comma?)");
  }
  const auto rejectProblem = [&](const FieldProblem& problem) {
    sink.reject(parser_->columnOf(problem.field), problem.reason);
  };
  if (layout_.kind() == RecordKind::Invoices) {
    auto parsed = parser_->invoice(row);
    if (auto* problem = std::get_if<FieldProblem>(&parsed)) return rejectProblem(*problem);
    return sink.invoice(std::get<InvoiceRecord>(parsed));
  }
  auto parsed = parser_->payment(row);
  if (auto* problem = std::get_if<FieldProblem>(&parsed)) return rejectProblem(*problem);
  sink.payment(std::get<PaymentRecord>(parsed));
}

}  // namespace kindly::importers
