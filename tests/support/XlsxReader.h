// Reads an .xlsx file back for tests: sheet names, cells with their types and styles, frozen
// panes, autofilters and document properties. Only as much of the format as tests need.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kindly::testing {

enum class CellType {
  Number,        // t absent or "n"
  SharedString,  // t="s": text resolved from xl/sharedStrings.xml
  InlineString,  // t="inlineStr"
  Boolean,       // t="b"
  FormulaText,   // t="str": the cached text result of a formula
  ErrorValue,    // t="e"
};

struct Cell {
  CellType type = CellType::Number;
  std::string text;   // the string, or the number or boolean as written in the file
  double number = 0;  // Number and Boolean cells
  int style = 0;      // index into cellXfs; 0 when the cell has no s attribute

  bool isText() const {
    return type == CellType::SharedString || type == CellType::InlineString ||
           type == CellType::FormulaText;
  }
};

struct FrozenPane {
  int rows = 0;     // ySplit: rows frozen at the top
  int columns = 0;  // xSplit: columns frozen at the left
  std::string topLeftCell;
};

struct Sheet {
  std::map<std::string, Cell> cells;  // by reference: "A1", "K12"
  std::optional<FrozenPane> frozenPane;
  std::optional<std::string> autoFilter;       // its range, "A2:L5"
  std::vector<std::string> conditionalRanges;  // sqref of each conditionalFormatting

  // The cell at `reference`, or nullptr when the file holds none there.
  const Cell* find(const std::string& reference) const;
};

class XlsxReader {
 public:
  // Reads and parses the whole package. Throws (Poco or std::runtime_error) when `path`
  // is not a readable .xlsx file.
  explicit XlsxReader(const std::string& path);

  // Sheet names in workbook order.
  const std::vector<std::string>& sheetNames() const { return sheetNames_; }
  // The sheet called `name`; throws std::out_of_range when there is none.
  Sheet sheet(const std::string& name) const;

  // The number format code of a cell style: "General", "#,##0.00", "yyyy-mm-dd".
  std::string numberFormat(int style) const;
  // Whether a cell style shows numbers as dates: a built-in date format or a custom format
  // with y, m or d outside quotes and brackets.
  bool isDateFormat(int style) const;
  // Whether a cell style's font is bold.
  bool isBold(int style) const;

  // Document properties by element name, from docProps/core.xml ("title", "description")
  // and docProps/app.xml ("Company"); empty when absent.
  std::string property(const std::string& name) const;

  // The Excel serial number of a civil date: days since 1899-12-30.
  static double excelSerial(int year, int month, int day);

 private:
  struct CellStyle {
    int numberFormat = 0;
    int font = 0;
  };

  std::map<std::string, std::string> parts_;  // zip entry name -> content
  std::vector<std::string> sheetNames_;
  std::map<std::string, std::string> sheetParts_;  // sheet name -> zip entry name
  std::vector<std::string> sharedStrings_;
  std::vector<CellStyle> cellStyles_;
  std::map<int, std::string> customNumberFormats_;
  std::vector<bool> boldFonts_;
  std::map<std::string, std::string> properties_;
};

}  // namespace kindly::testing
