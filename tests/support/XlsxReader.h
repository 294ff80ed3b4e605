// Reads an .xlsx file back for tests: sheet names, cells with their types and styles, frozen
// panes, autofilters, print set-up, charts, defined names and document properties. Only as
// much of the format as tests need.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace Poco::XML {
class Document;
}

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

struct PageSetup {
  std::string orientation;  // "landscape", "portrait", "" when unset
  bool fitToPage = false;   // sheetPr/pageSetUpPr fitToPage
  int fitToWidth = 1;       // pages wide (1 when the attribute is absent, as in Excel)
  int fitToHeight = 1;      // pages long; 0: as many as it takes
  std::string header;       // oddHeader, with its &-codes
  std::string footer;       // oddFooter
};

// A chart drawn on a sheet.
struct Chart {
  std::string type;                   // the plot element: "barChart" (bars or columns), ...
  std::string barDirection;           // "col" or "bar" for a barChart
  std::string title;                  // the title's text
  std::vector<std::string> formulas;  // every range it reads, in order: "Dashboard!$B$9:$F$9"
  bool categoriesReversed = false;    // the category axis runs max to min
};

struct DefinedName {
  std::string name;   // "_xlnm.Print_Titles"
  std::string sheet;  // the sheet it belongs to, "" for the workbook
  std::string value;  // "Summary!$1:$2"
};

struct Sheet {
  std::map<std::string, Cell> cells;   // by reference: "A1", "K12"
  std::map<int, double> rowHeights;    // by row number (from 1), where set: points
  std::map<int, double> columnWidths;  // by column number (from 1), where set: as stored
  std::optional<FrozenPane> frozenPane;
  std::optional<std::string> autoFilter;       // its range, "A2:L5"
  std::vector<std::string> conditionalRanges;  // sqref of each conditionalFormatting
  PageSetup page;
  std::vector<Chart> charts;

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
  // A custom property's value (docProps/custom.xml) by its name; empty when absent.
  std::string customProperty(const std::string& name) const;
  const std::vector<DefinedName>& definedNames() const { return definedNames_; }

  // The Excel serial number of a civil date: days since 1899-12-30.
  static double excelSerial(int year, int month, int day);

 private:
  static void readPageSetup(const Poco::XML::Document& document, PageSetup& page);
  std::vector<Chart> charts(const std::string& sheetPart,
                            const Poco::XML::Document& document) const;

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
  std::map<std::string, std::string> customProperties_;
  std::vector<DefinedName> definedNames_;
};

}  // namespace kindly::testing
