// Report tables as sheets with libxlsxwriter. Money becomes a double only here, at the last
// step, because a spreadsheet can sum nothing else.
#include "reports/WorkbookSheets.h"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <string_view>
#include <vector>

#include "reports/WorkbookLayout.h"

namespace kindly::reports::workbook {

namespace {

constexpr std::string_view kRepeatLateFlag = "repeat-late";
constexpr lxw_color_t kRepeatLateRed = 0x9C0006;
// What a portrait page holds at full size, in character widths: A4's 8.27 inches less the
// margins, the narrower of the usual papers.
constexpr double kPortraitWidth = 100;

lxw_datetime spreadsheetDate(const dates::Date& date) {
  return lxw_datetime{date.year(), date.month(), date.day(), 0, 0, 0.0};
}

// "_x0041_" in a cell's text is how OOXML writes a character ("A"): Excel reads it so.
bool looksLikeOoxmlEscape(std::string_view text) {
  if (text.size() < 7 || text[0] != '_' || text[1] != 'x' || text[6] != '_') return false;
  return std::all_of(text.begin() + 2, text.begin() + 6,
                     [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

// Text as Excel will show it back: a literal "_x0041_" gets its underscore escaped
// ("_x005F_"), so that a client named so is not shown as "A".
std::string spreadsheetText(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (looksLikeOoxmlEscape(text.substr(i))) out += "_x005F";
    out += text[i];
  }
  return out;
}

}  // namespace

void check(lxw_error error, const char* step) {
  if (error != LXW_NO_ERROR) throw LxwFailure(step, error);
}

lxw_format* Formats::newFormat() {
  lxw_format* format = workbook_add_format(workbook_);
  if (format == nullptr) throw LxwFailure("adding a cell format", LXW_ERROR_MEMORY_MALLOC_FAILED);
  return format;
}

Formats::Formats(lxw_workbook* workbook) : workbook_(workbook) {
  title = newFormat();
  format_set_bold(title);
  format_set_font_size(title, 14);

  header = newFormat();
  format_set_bold(header);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
  format_set_bottom(header, LXW_BORDER_THIN);
  format_set_bg_color(header, 0xDDEBF7);

  totalLabel = newFormat();
  format_set_bold(totalLabel);

  repeatLate = newFormat();
  format_set_bold(repeatLate);
  format_set_font_color(repeatLate, kRepeatLateRed);

  date = newNumberFormat("yyyy-mm-dd");
  count = newNumberFormat("0");
  days = newNumberFormat("0.0");
  share = newNumberFormat("0%");

  lateFill = newFormat();
  format_set_bg_color(lateFill, 0xFFD8A8);

  veryLateFill = newFormat();
  format_set_bg_color(veryLateFill, 0xFFC7CE);
  format_set_font_color(veryLateFill, 0x9C0006);

  repeatLateRow = newFormat();
  format_set_bold(repeatLateRow);
  format_set_font_color(repeatLateRow, kRepeatLateRed);
}

// "_0" ends every number with a digit's width of blank: right-aligned, it would otherwise touch
// the text that starts the next column ("38" beside "overdue" reading "38overdue"). Excel and
// LibreOffice both read it so; LibreOffice indents only text aligned left.
lxw_format* Formats::newNumberFormat(const std::string& pattern) {
  lxw_format* format = newFormat();
  format_set_num_format(format, (pattern + "_0").c_str());
  return format;
}

lxw_format* Formats::wrapped(lxw_format* base) {
  assert(base == nullptr || base == totalLabel || base == repeatLate);
  auto found = wrapped_.find(base);
  if (found != wrapped_.end()) return found->second;
  lxw_format* format = newFormat();
  if (isBold(base)) format_set_bold(format);
  if (base == repeatLate) format_set_font_color(format, kRepeatLateRed);
  format_set_text_wrap(format);
  wrapped_.emplace(base, format);
  return format;
}

// Negatives take a minus sign (Excel's default section), the same in every currency.
lxw_format* Formats::amount(int exponent) {
  auto found = amounts_.find(exponent);
  if (found != amounts_.end()) return found->second;
  std::string pattern = "#,##0";
  if (exponent > 0) pattern += "." + std::string(static_cast<std::size_t>(exponent), '0');
  lxw_format* format = newNumberFormat(pattern);
  amounts_.emplace(exponent, format);
  return format;
}

// Dividing by an exact power of ten gives the double nearest the decimal amount.
double spreadsheetNumber(const money::Money& amount) {
  double scale = 1;
  for (int i = 0; i < amount.currency().exponent(); ++i) scale *= 10;
  return static_cast<double>(amount.minorUnits()) / scale;
}

lxw_worksheet* addSheet(lxw_workbook* workbook, const std::string& name) {
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, name.c_str());
  if (sheet == nullptr) throw LxwFailure("adding sheet " + name, LXW_ERROR_CREATING_TMPFILE);
  return sheet;
}

void writeCell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const TableCell& cell,
               Formats& formats, lxw_format* textFormat) {
  switch (cell.kind) {
    case CellKind::Empty:
      return;
    case CellKind::Text:
      check(worksheet_write_string(sheet, row, column, spreadsheetText(cell.text).c_str(),
                                   textFormat),
            "writing a text cell");
      return;
    case CellKind::Amount:
      check(worksheet_write_number(sheet, row, column, spreadsheetNumber(*cell.amount),
                                   formats.amount(cell.amount->currency().exponent())),
            "writing an amount");
      return;
    case CellKind::Date: {
      lxw_datetime date = spreadsheetDate(cell.date);
      check(worksheet_write_datetime(sheet, row, column, &date, formats.date), "writing a date");
      return;
    }
    case CellKind::Count:
    case CellKind::Days:
    case CellKind::Share: {
      lxw_format* format = cell.kind == CellKind::Count  ? formats.count
                           : cell.kind == CellKind::Days ? formats.days
                                                         : formats.share;
      check(worksheet_write_number(sheet, row, column, cell.number, format), "writing a number");
      return;
    }
  }
}

void setUpPrinting(lxw_worksheet* sheet, const std::string& headerText, lxw_row_t lastTitleRow,
                   double width) {
  // One page wide shrinks a wide sheet: Excel's narrow margins leave it more of the page.
  worksheet_set_margins(sheet, 0.25, 0.25, 0.75, 0.75);
  if (width > kPortraitWidth) {
    worksheet_set_landscape(sheet);
  } else {
    worksheet_set_portrait(sheet);
  }
  worksheet_fit_to_pages(sheet, 1, 0);
  // "&" starts a header code; a literal one is written twice.
  std::string escaped;
  for (char c : headerText) escaped += c == '&' ? std::string("&&") : std::string(1, c);
  const std::string header = "&L" + escaped + "&R&A";
  check(worksheet_set_header(sheet, header.substr(0, 255).c_str()), "setting the page header");
  check(worksheet_set_footer(sheet, "&CPage &P of &N"), "setting the page footer");
  check(worksheet_repeat_rows(sheet, 0, lastTitleRow), "repeating the header rows");
}

std::string columnLetters(lxw_col_t column) {
  std::string letters;
  for (unsigned n = column + 1u; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return letters;
}

TableSheet::TableSheet(lxw_worksheet* sheet, Formats& formats, std::vector<TableColumn> columns,
                       lxw_row_t headerRow)
    : sheet_(sheet),
      formats_(formats),
      columns_(std::move(columns)),
      headerRow_(headerRow),
      nextRow_(headerRow + 1) {
  int lines = 1;
  for (const TableColumn& column : columns_) {
    const HeaderLayout layout = headerLayout(column.title);
    widths_.push_back(layout.width);
    lines = std::max(lines, layout.lines);
  }
  // Set before the row's cells: constant-memory mode writes a row out once the next begins.
  check(worksheet_set_row(sheet_, headerRow_, lines * kLinePoints, nullptr),
        "setting the header's height");
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    check(worksheet_write_string(sheet_, headerRow_, static_cast<lxw_col_t>(i),
                                 columns_[i].title.c_str(), formats_.header),
          "writing a header");
  }
}

void TableSheet::write(const TableRow& row, lxw_format* textFormat) {
  if (nextRow_ >= LXW_ROW_MAX) {
    throw LxwFailure("more rows than one sheet holds", LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE);
  }
  const std::size_t count = std::min(row.size(), columns_.size());
  // A repeat-late row is bold throughout (its conditional format), so it is measured bold.
  const bool repeatLate = flagsColumn_ && *flagsColumn_ < count &&
                          row[*flagsColumn_].text.find(kRepeatLateFlag) != std::string::npos;
  rowFormats_.assign(count, nullptr);
  int lines = 1;
  for (std::size_t i = 0; i < count; ++i) {
    lxw_format* format = repeatLate && i == *flagsColumn_ ? formats_.repeatLate : textFormat;
    const bool bold = repeatLate || (row[i].kind == CellKind::Text && Formats::isBold(format));
    const double needed = cellWidth(row[i], bold);
    if (row[i].kind == CellKind::Text && needed > kMaxColumnWidth) {
      // The column stops at kMaxColumnWidth, so that is where this text wraps.
      format = formats_.wrapped(format);
      lines = std::max(lines, wrappedLines(row[i].text, bold, kMaxColumnWidth));
    }
    rowFormats_[i] = format;
    widths_[i] = std::max(widths_[i], std::min(kMaxColumnWidth, needed));
  }
  if (lines > 1) {
    check(worksheet_set_row(sheet_, nextRow_, lines * kLinePoints, nullptr),
          "setting a row's height");
  }
  for (std::size_t i = 0; i < count; ++i) {
    writeCell(sheet_, nextRow_, static_cast<lxw_col_t>(i), row[i], formats_, rowFormats_[i]);
  }
  ++nextRow_;
}

void TableSheet::widen(std::size_t column, double width) {
  widths_[column] = std::max(widths_[column], std::min(kMaxColumnWidth, width));
}

double TableSheet::totalWidth() const {
  double total = 0;
  for (double width : widths_) total += width;
  return total;
}

void TableSheet::addRow(const TableRow& row) {
  // Data rows come together, straight under the header, before anything apart.
  assert(!dataEnded_);
  write(row, nullptr);
  ++dataRows_;
}

void TableSheet::addRowApart(const TableRow& row, lxw_format* labelFormat) {
  endData();
  write(row, labelFormat);
}

void TableSheet::finish() {
  endData();
  for (std::size_t i = 0; i < widths_.size(); ++i) {
    const auto column = static_cast<lxw_col_t>(i);
    check(worksheet_set_column(sheet_, column, column, widths_[i], nullptr),
          "setting a column width");
  }
  worksheet_freeze_panes(sheet_, headerRow_ + 1, 0);
}

void TableSheet::endData() {
  if (dataEnded_) return;
  dataEnded_ = true;
  const auto lastColumn = static_cast<lxw_col_t>(columns_.size() - 1);
  check(worksheet_autofilter(sheet_, headerRow_, 0, lastDataRow(), lastColumn),
        "adding an autofilter");
  if (flagsColumn_ && dataRows_ > 0) {
    // Relative row, absolute flags column: each row looks at its own flags.
    std::string formula = "=ISNUMBER(SEARCH(\"" + std::string(kRepeatLateFlag) + "\",$" +
                          columnLetters(static_cast<lxw_col_t>(*flagsColumn_)) +
                          std::to_string(firstDataRow() + 1) + "))";
    lxw_conditional_format rule{};
    rule.type = LXW_CONDITIONAL_TYPE_FORMULA;
    rule.value_string = formula.data();
    rule.format = formats_.repeatLateRow;
    check(worksheet_conditional_format_range(sheet_, firstDataRow(), 0, lastDataRow(), lastColumn,
                                             &rule),
          "marking repeat-late rows");
  }
  for (const auto& [column, format] : positiveColours_) {
    if (dataRows_ == 0) break;
    lxw_conditional_format rule{};
    rule.type = LXW_CONDITIONAL_TYPE_CELL;
    rule.criteria = LXW_CONDITIONAL_CRITERIA_GREATER_THAN;
    rule.value = 0;
    rule.format = format;
    const auto at = static_cast<lxw_col_t>(column);
    check(worksheet_conditional_format_range(sheet_, firstDataRow(), at, lastDataRow(), at, &rule),
          "adding a conditional format");
  }
}

}  // namespace kindly::reports::workbook
