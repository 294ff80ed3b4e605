// The building blocks of the workbook's sheets: cell formats, report tables written as rows,
// and the layout a person needs to read and print them. For AgingWorkbook and its Dashboard.
#pragma once

#include <xlsxwriter.h>

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "money/Money.h"
#include "reports/ReportTables.h"

namespace kindly::reports::workbook {

// A libxlsxwriter call failed; writeAgingWorkbook adds the path and turns it into an Error.
class LxwFailure : public std::runtime_error {
 public:
  LxwFailure(const std::string& step, lxw_error error)
      : std::runtime_error(step + ": " + lxw_strerror(error)) {}
};

// Throws LxwFailure naming `step` when `error` is not LXW_NO_ERROR.
void check(lxw_error error, const char* step);

// Every cell format of the workbook, made once; the workbook owns them.
class Formats {
 public:
  explicit Formats(lxw_workbook* workbook);

  // "#,##0.00_0" for two decimals, "#,##0_0" for none, "#,##0.000_0" for three (newNumberFormat).
  lxw_format* amount(int exponent);

  lxw_format* title;
  lxw_format* header;
  lxw_format* totalLabel;
  lxw_format* repeatLate;  // the flags cell of a repeat-late client
  lxw_format* date;
  lxw_format* count;
  lxw_format* days;           // one decimal
  lxw_format* share;          // a percentage
  lxw_format* lateFill;       // conditional: the second oldest bucket above zero
  lxw_format* veryLateFill;   // conditional: the oldest bucket above zero
  lxw_format* repeatLateRow;  // conditional: a row whose flags hold repeat-late

  // `base` (nullptr, totalLabel or repeatLate) wrapping its text over the row's lines.
  lxw_format* wrapped(lxw_format* base);
  static bool isBold(const lxw_format* format) { return format != nullptr && format->bold != 0; }

 private:
  lxw_format* newFormat();
  lxw_format* newNumberFormat(const std::string& pattern);
  lxw_workbook* workbook_;
  std::map<int, lxw_format*> amounts_;
  std::map<lxw_format*, lxw_format*> wrapped_;
};

// The one place minor units become a spreadsheet number: exact to the cent below 2^53 minor
// units, which is also where Excel's own precision ends.
double spreadsheetNumber(const money::Money& amount);

// Adds a sheet; throws LxwFailure when libxlsxwriter cannot (in constant-memory mode, also
// when no temporary file can be made).
lxw_worksheet* addSheet(lxw_workbook* workbook, const std::string& name);

// Writes `cell` at (row, column) in the format of its kind (`textFormat` for text).
void writeCell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const TableCell& cell,
               Formats& formats, lxw_format* textFormat = nullptr);

// Print set-up for a person with a printer: narrow margins, landscape when `width` (what
// prints, in character widths) is more than a portrait page holds, one page wide (as many long
// as it takes), `headerText` (the company and as-of date) at the top of each page, the header
// rows up to `lastTitleRow` repeated, "Page N of M" at the foot.
void setUpPrinting(lxw_worksheet* sheet, const std::string& headerText, lxw_row_t lastTitleRow,
                   double width);

// A report table written as a sheet: the header row, then data rows strictly in order (as
// constant-memory mode requires), then rows apart below them. The autofilter and conditional
// formats over the data rows are set as the data rows end (constant-memory mode refuses a
// range ending above the current row); widths and the frozen header at finish().
//
// Each column is as wide as its widest value as shown ("12,345.00"), or its header wrapped
// over at most two lines, up to kMaxColumnWidth: longer text wraps, its row made tall enough.
// Rows get their heights as they are written (constant-memory mode writes each row out when
// the next begins) and only widths wait for finish(), so memory stays flat.
class TableSheet {
 public:
  TableSheet(lxw_worksheet* sheet, Formats& formats, std::vector<TableColumn> columns,
             lxw_row_t headerRow);

  // Marks rows whose `flagsColumn` holds "repeat-late": bold red flags, and the whole row by a
  // conditional format (so that sorting and filtering keep the mark on the right row).
  void markRepeatLate(std::size_t flagsColumn) { flagsColumn_ = flagsColumn; }
  // Colours the data cells of `column` above zero with `format`.
  void colourWhenPositive(std::size_t column, lxw_format* format) {
    positiveColours_.emplace_back(column, format);
  }

  // Writes one data row below the last. Throws LxwFailure when the sheet is full.
  void addRow(const TableRow& row);
  // Writes a row apart from the data (totals below an empty row), outside the filter.
  void addRowApart(const TableRow& row, lxw_format* labelFormat);
  void skipRow() { ++nextRow_; }
  // Makes `column` at least `width` wide.
  void widen(std::size_t column, double width);

  double width(std::size_t column) const { return widths_[column]; }
  // Every column's width added up, in character widths.
  double totalWidth() const;

  lxw_row_t firstDataRow() const { return headerRow_ + 1; }
  // The last data row; the header row when there are none.
  lxw_row_t lastDataRow() const { return headerRow_ + static_cast<lxw_row_t>(dataRows_); }
  std::size_t dataRows() const { return dataRows_; }

  // Sets widths and freezes the rows down to the header (and ends the data rows).
  void finish();

 private:
  void write(const TableRow& row, lxw_format* textFormat);
  // Filters the data rows and sets their conditional formats; once.
  void endData();

  lxw_worksheet* sheet_;
  Formats& formats_;
  std::vector<TableColumn> columns_;
  lxw_row_t headerRow_;
  lxw_row_t nextRow_;
  std::size_t dataRows_ = 0;
  std::vector<double> widths_;
  std::vector<lxw_format*> rowFormats_;  // the current row's, kept to spare an allocation a row
  std::optional<std::size_t> flagsColumn_;
  std::vector<std::pair<std::size_t, lxw_format*>> positiveColours_;
  bool dataEnded_ = false;
};

// "A", "B", ..., "AA": a column's letters for formulas.
std::string columnLetters(lxw_col_t column);

}  // namespace kindly::reports::workbook
