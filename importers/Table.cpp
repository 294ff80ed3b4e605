// Opening a file as a table, and writing a row back as CSV for the rejects list.
#include "importers/Table.h"

#include <fstream>

#include "base/Error.h"
#include "importers/CsvReader.h"

namespace kindly::importers {

std::string Table::text() const {
  std::string out;
  for (std::size_t i = 0; i < fields().size(); ++i) {
    if (i) out.push_back(',');
    const auto field = fields()[i];
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
      out.append(field);
      continue;
    }
    out.push_back('"');
    for (char c : field) {
      if (c == '"') out.push_back('"');
      out.push_back(c);
    }
    out.push_back('"');
  }
  return out;
}

std::unique_ptr<Table> openTable(const std::string& path, const TableOptions& options) {
  return std::make_unique<CsvReader>(path, options);
}

}  // namespace kindly::importers
