// The first worksheet of an Excel workbook (.xlsx) read as a table of UTF-8 text, the way
// Excel shows its cells: numbers without float noise, date-formatted cells as ISO dates.
#pragma once

#include <Poco/XML/XMLStreamParser.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "importers/Table.h"

namespace kindly::importers {

// How much a workbook may hold before it is refused: a few kilobytes of zip can inflate to
// gigabytes, so sizes are counted as the parts are read, never taken from the zip's word.
// Each default is far beyond what a real export holds; tests give smaller ones.
struct XlsxLimits {
  // workbook.xml, its relationships and styles.xml are read whole. Real ones are kilobytes;
  // workbooks bloated by copied sheets carry a few megabytes of styles or names.
  std::uint64_t smallPartBytes = std::uint64_t{64} << 20;
  // Exports of a million rows hold a few hundred megabytes of shared strings, all kept.
  std::uint64_t sharedStringsBytes = std::uint64_t{512} << 20;
  // Sixteen different texts on each of the 1,048,576 rows a sheet can have.
  std::size_t sharedStrings = std::size_t{1} << 24;
  // The sheet is streamed, so its size costs time, not memory: it may inflate to the larger
  // of a floor and a multiple of the file's size. Sheet XML compresses some 10 to 30 times;
  // deflate cannot do better than about 1,000, which only a crafted file reaches.
  std::uint64_t sheetBytesAtLeast = std::uint64_t{256} << 20;
  std::uint64_t sheetBytesPerFileByte = 200;
  // Excel's own limit on the text of a cell, in characters.
  std::size_t cellCharacters = 32767;
  // The text of one row: 32 cells of the longest text Excel allows. An export's row is a few
  // hundred bytes; the first 500 rows are held while the header is looked for.
  std::size_t rowBytes = std::size_t{1} << 20;
  // One tag with its attributes, or one entity reference. Excel's are under a kilobyte; a
  // long list of ranges in a validation or a format reaches some kilobytes.
  std::uint64_t tagBytes = std::uint64_t{1} << 20;
};

class XlsxTable : public Table {
 public:
  // Opens the workbook at `path` and reads its shared strings and styles; the sheet itself
  // is streamed row by row, so a large sheet is never held whole. Throws InputError when
  // the file cannot be opened, is a zip but not a workbook, has no worksheet, or holds more
  // than `limits` allow.
  // `sheet` names the worksheet to read; "" reads the first. Throws InputError, listing the
  // workbook's sheets, when it has no sheet of that name.
  explicit XlsxTable(const std::string& path, const XlsxLimits& limits = {},
                     const std::string& sheet = {})
      : XlsxTable(path, limits, sheet, false) {}
  // The names of the worksheets of the workbook at `path`, in its order; reads nothing but
  // the workbook's list of them. Throws as the constructor does.
  static std::vector<std::string> sheetNamesOf(const std::string& path);

  // Gives the next row that has any text; a malformed sheet, a cell beyond column XFD, or a
  // cell or row longer than the limits throw InputError.
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

  // `namesOnly`: stops once the workbook's sheets are known.
  XlsxTable(const std::string& path, const XlsxLimits& limits, const std::string& sheet,
            bool namesOnly);
  void readWorkbook(const std::string& sheet);
  void readSharedStrings();
  void readStyles();
  // Reads one <c> element (the parser is on its start) into `cell`.
  void readCell(Cell& cell);
  std::string display(const std::string& type, const std::string& value, int style) const;
  std::string_view sharedString(std::size_t index) const;
  // The whole text of a part, refused beyond `limit` inflated bytes.
  std::string partText(const std::string& part, std::uint64_t limit);
  // The part's inflated bytes; reading past `limit` of them throws InputError.
  std::unique_ptr<std::istream> openPart(const std::string& part, std::uint64_t limit);
  // "sheet 'Invoices', row 7: " for the messages about the current row.
  std::string rowContext() const;

  std::string path_;
  XlsxLimits limits_;
  std::ifstream file_;
  std::unique_ptr<Poco::Zip::ZipArchive> archive_;
  std::string sheetName_;
  std::string sheetPart_;
  std::vector<std::string> sheetNames_;
  bool date1904_ = false;
  // The shared strings back to back, and where each ends: one allocation, not one a string.
  std::string sharedText_;
  std::vector<std::size_t> sharedEnds_;
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
