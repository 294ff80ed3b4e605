#include "importers/profiles/FormatProfile.h"

namespace kindly::importers {

int FormatProfile::recognise(const Row& row) const { return recogniseFormat(row, format_); }

Result<bool> FormatProfile::start(const Row& header, const ParseSettings& settings) {
  auto layout = GenericLayout::fromTable(header, format_);
  if (!layout) return Failure{layout.error()};
  layout_ = *layout;
  settings_ = settings;
  // Until the file's own dates settle it (see SourceFile), its software's habit holds.
  if (settings_.dateOrder == dates::DateOrder::Unknown) {
    settings_.dateOrder = format_.usualDateOrder;
  }
  return begin(header);
}

std::string FormatProfile::columnField(std::size_t column) const {
  return layout_.meaningOf(column, &format_);
}

}  // namespace kindly::importers
