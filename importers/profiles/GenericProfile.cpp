// Kindly's own layouts, found by their names (GenericLayout::match) and read by RowParser.
#include "importers/profiles/GenericProfile.h"

#include "importers/Columns.h"

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
  columns_ = headerWidth(header);
}

std::string GenericProfile::columnField(std::size_t column) const {
  return layout_.meaningOf(column);
}

std::vector<std::size_t> GenericProfile::amountColumns() const { return layout_.amountColumns(); }

std::vector<std::size_t> GenericProfile::dateColumns() const { return layout_.dateColumns(); }

void GenericProfile::read(const Row& row, RecordSink& sink) { parser_->read(row, columns_, sink); }

}  // namespace kindly::importers
