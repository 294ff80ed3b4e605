// The layout a --map file describes: which header column holds each of the generic layout's
// fields, and how to read the file where its bytes do not say (date order, decimal mark,
// encoding, delimiter). Rows are then read exactly as the generic layout reads them.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "importers/GenericLayout.h"
#include "importers/SourceFile.h"
#include "importers/profiles/GenericProfile.h"

namespace kindly::importers {

// A map file as read: the [columns] section, field by field.
struct ColumnMap {
  std::string file;
  std::vector<std::pair<Field, std::string>> columns;  // the field, and its column's header text
};

// Reads the map at `path` (an INI file). Its [format] settings are written into `options`,
// over what would otherwise be sniffed. Throws InputError, naming the file and the key, when
// it cannot be read, names an unknown field or section key, or a value is not understood.
ColumnMap readColumnMap(const std::string& path, SourceOptions& options);

class MappedProfile : public GenericProfile {
 public:
  explicit MappedProfile(ColumnMap map) : map_(std::move(map)) {}

  std::string name() const override { return "map"; }
  // "columns mapped by layout.ini".
  std::string description() const override;
  // How many of the mapped column names the row holds: the header is the row with most.
  int recognise(const Row& row) const override;
  // Fails, naming the map file and the key, when the header lacks a mapped column or the
  // mapped fields do not make an invoice or a payment list.
  Result<bool> start(const Row& header, const ParseSettings& settings) override;

 private:
  ColumnMap map_;
};

}  // namespace kindly::importers
