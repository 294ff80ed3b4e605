// How much room the workbook's text takes on screen and on paper: column widths and row heights
// worked out when writing, since LibreOffice, unlike Excel, does not fit rows to their text.
#pragma once

#include <string>
#include <string_view>

#include "reports/ReportTables.h"

namespace kindly::reports::workbook {

// Heights in points: a line of 11 pt text (Excel's default row), a title line of 14 pt.
inline constexpr double kLinePoints = 15;
inline constexpr double kTitlePoints = 19;
// The widest a column grows (in character widths); longer text wraps onto more lines.
inline constexpr double kMaxColumnWidth = 32;
// At most this many lines to a wrapped data cell; the rest is not shown.
inline constexpr int kMaxLines = 8;

// How wide `text` prints, in Excel's character widths (a digit's width in the default font;
// both Excel and LibreOffice size columns in them). Excel shows Calibri; LibreOffice shows
// Carlito (Calibri's metrics) or, where that is missing, DejaVu Sans, whose letters are wider
// for their digits: each character counts for the wider of the two.
double textWidth(std::string_view text, bool bold);

// How wide a title (bold, 14 pt) prints, in the 11 pt character widths columns are sized in.
double titleWidth(std::string_view text);

// A cell's text as its number format shows it: "12,345.00", "2026-11-20", "45%", "2.5".
std::string shownText(const TableCell& cell);

// The width a column needs to show `cell` whole with a margin either side (0 when empty).
double cellWidth(const TableCell& cell, bool bold);

// A header's narrowest layout over at most two lines (bold, wrapped at spaces), with room on
// its last line for the filter button.
struct HeaderLayout {
  double width = 0;
  int lines = 1;
};
HeaderLayout headerLayout(const std::string& title);

// How many lines `text` wraps onto in a column `width` wide (words never split but for one
// longer than the column), at most kMaxLines.
int wrappedLines(std::string_view text, bool bold, double width);

}  // namespace kindly::reports::workbook
