// Opening a file as a table, and writing a row back as CSV for the rejects list.
#include "importers/Table.h"

#include <fstream>

#include "base/Error.h"
#include "importers/CsvReader.h"
#include "importers/XlsxTable.h"

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

namespace {

// A workbook is known by its zip signature, whatever the file is called.
bool isWorkbook(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  char signature[4] = {};
  return file.read(signature, sizeof signature) && std::string_view(signature, 4) == "PK\x03\x04";
}

}  // namespace

std::unique_ptr<Table> openTable(const std::string& path, const TableOptions& options) {
  if (isWorkbook(path)) return std::make_unique<XlsxTable>(path, XlsxLimits{}, options.sheet);
  if (!options.sheet.empty()) {
    throw InputError(path +
                     ": --sheet names a sheet, but this is a text file, not an Excel "
                     "workbook");
  }
  return std::make_unique<CsvReader>(path, options);
}

std::vector<std::string> workbookSheets(const std::string& path) {
  if (!isWorkbook(path)) return {};
  return XlsxTable::sheetNamesOf(path);
}

}  // namespace kindly::importers
