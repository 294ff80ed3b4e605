// The first worksheet of an Excel workbook (.xlsx) read as a table of UTF-8 text, the way
// Excel shows its cells: numbers without float noise, date-formatted cells as ISO dates.
#pragma once

#include <Poco/XML/XMLStreamParser.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <cstddef>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "importers/Table.h"

namespace kindly::importers {

class XlsxTable : public Table {
 public:
  // Opens the workbook at `path` and reads its shared strings and styles; the sheet itself
  // is streamed row by row, so a large sheet is never held whole. Throws InputError when
  // the file cannot be opened, is a zip but not a workbook, or has no worksheet.
  explicit XlsxTable(const std::string& path);

  // Gives the next row that has any text; a malformed sheet or a cell beyond column XFD
  // throws InputError.
  bool next() override;
  const std::vector<std::string_view>& fields() const override { return fields_; }
  // The sheet's own row number.
  std::size_t line() const override { return line_; }
  const std::string& problem() const override { return problem_; }
  // "Excel workbook, sheet 'Invoices'".
  std::string describe() const override;
  const std::string& path() const override { return path_; }

  // How Excel shows the number `raw` (as stored in <v>): at most 15 significant digits,
  // no exponent for ordinary amounts, no trailing zeros: "1284.4999999999998" -> "1284.5".
  static std::string numberText(std::string_view raw);
  // Whether a number format shows a date: built-in formats 14-22, or a custom format code
  // with d, m or y outside quotes and brackets (m alone, beside h or s, is minutes).
  static bool isDateFormat(int id, const std::string& code);

 private:
  struct Cell {
    std::size_t column = 0;
    std::string text;
  };

  void readWorkbook();
  void readSharedStrings();
  void readStyles();
  // Reads one <c> element (the parser is on its start) into `cell`.
  void readCell(Cell& cell);
  std::string display(const std::string& type, const std::string& value, int style) const;
  std::string partText(const std::string& part);
  std::unique_ptr<std::istream> openPart(const std::string& part);
  // "sheet 'Invoices', row 7: " for the messages about the current row.
  std::string rowContext() const;

  std::string path_;
  std::ifstream file_;
  std::unique_ptr<Poco::Zip::ZipArchive> archive_;
  std::string sheetName_;
  std::string sheetPart_;
  bool date1904_ = false;
  std::vector<std::string> sharedStrings_;
  std::vector<bool> dateStyles_;  // by cellXfs index: does the style show a date?

  std::unique_ptr<std::istream> sheetStream_;
  std::unique_ptr<Poco::XML::XMLStreamParser> parser_;
  std::size_t nextRow_ = 1;  // for rows without an r attribute
  std::size_t line_ = 0;
  std::size_t width_ = 0;  // the widest row so far, up to its last cell with text
  std::vector<std::string> cells_;
  std::vector<std::string_view> fields_;
  std::string problem_;  // always empty: a sheet's cells are never malformed as CSV can be
};

}  // namespace kindly::importers
