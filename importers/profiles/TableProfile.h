// An export format described wholly by a FormatTable: its columns found by their names, its
// rows read as Kindly's own layouts are. Invoicely, Invoice2go and Invoice Ninja are this.
#pragma once

#include "importers/GenericLayout.h"
#include "importers/profiles/GenericProfile.h"

namespace kindly::importers {

class TableProfile : public GenericProfile {
 public:
  // `format` must outlive the profile (the tables are static data, see FormatTables).
  explicit TableProfile(const FormatTable& format) : format_(format) {}

  std::string name() const override { return std::string(format_.name); }
  std::string description() const override { return std::string(format_.description); }
  RecordKind kind() const override { return format_.kind; }
  // 20 and one more per column of the table found, when every required column is there.
  int recognise(const Row& row) const override;
  Result<bool> start(const Row& header, const ParseSettings& settings) override;

 private:
  const FormatTable& format_;
};

// The formats that are only a table.
const std::vector<FormatTable>& formatTables();

}  // namespace kindly::importers
