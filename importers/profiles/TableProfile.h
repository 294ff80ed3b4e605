// An export format described wholly by a FormatTable: its columns found by their names, its
// rows read as Kindly's own layouts are. Invoicely, Invoice2go and Invoice Ninja are this.
#pragma once

#include <optional>

#include "importers/RowParser.h"
#include "importers/profiles/FormatProfile.h"

namespace kindly::importers {

class TableProfile : public FormatProfile {
 public:
  using FormatProfile::FormatProfile;
  void read(const Row& row, RecordSink& sink) override { parser_->read(row, width_, sink); }

 protected:
  Result<bool> begin(const Row& header) override;

 private:
  std::optional<RowParser> parser_;
  std::size_t width_ = 0;
};

// The formats that are only a table.
const std::vector<FormatTable>& formatTables();

}  // namespace kindly::importers
