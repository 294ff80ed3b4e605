// Text measured in character widths from the fonts' own advance widths, so that columns fit
// their values and rows their lines in Excel and in LibreOffice alike.
#include "reports/WorkbookLayout.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace kindly::reports::workbook {

namespace {

// Room beside a cell's text so that the text of the next cell never touches it, in character
// widths (a number's format adds a digit's width of blank after it); and the room a header's
// filter button takes on its last line.
constexpr double kPadding = 1;
constexpr double kNumberPadding = 1.5;
constexpr double kFilterButton = 1.5;
// The narrowest column, for one that holds next to nothing.
constexpr double kMinColumnWidth = 5;

// Advance widths of the printable ASCII characters (space to '~'), in hundredths of the
// regular digit's: the larger of Carlito's and DejaVu Sans' (LibreOffice sizes columns by the
// digit of the font it shows, so a character's share of a digit is what matters).
constexpr std::array<std::uint8_t, 95> kRegular = {
    50,  65,  80,  132, 100, 150, 135, 44,  62,  62,  99,  132, 50,  61,  50,  77,  100, 100, 100,
    100, 100, 100, 100, 100, 100, 100, 53,  53,  132, 132, 132, 92,  177, 115, 108, 110, 122, 100,
    91,  125, 123, 50,  63,  104, 88,  169, 128, 131, 102, 133, 110, 100, 97,  127, 112, 176, 108,
    97,  108, 62,  77,  62,  132, 99,  79,  97,  104, 87,  104, 99,  61,  100, 104, 46,  48,  92,
    46,  158, 104, 105, 104, 104, 69,  82,  67,  104, 94,  142, 94,  94,  83,  100, 91,  100, 132};
constexpr std::array<std::uint8_t, 95> kBold = {
    55,  72,  87,  132, 110, 158, 140, 49,  72,  72,  99,  132, 60,  66,  60,  85,  110, 110, 110,
    110, 110, 110, 110, 110, 110, 110, 63,  63,  132, 132, 132, 92,  178, 122, 120, 116, 131, 108,
    108, 130, 132, 59,  66,  122, 101, 173, 132, 134, 116, 136, 122, 114, 108, 129, 122, 179, 122,
    114, 114, 72,  85,  72,  132, 99,  79,  107, 113, 94,  113, 107, 69,  113, 112, 54,  54,  105,
    54,  164, 112, 108, 113, 113, 78,  94,  76,  112, 103, 148, 102, 103, 92,  112, 94,  112, 132};

// East Asian scripts, full-width forms and pictographs take about two digits.
bool isWide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) || c >= 0x20000;
}

double characterWidth(char32_t c, bool bold) {
  if (c >= 0x20 && c < 0x7F) return (bold ? kBold : kRegular)[c - 0x20] / 100.0;
  if (c < 0x20 || c == 0x7F || (c >= 0x300 && c <= 0x36F)) return 0;  // controls, accents
  if (isWide(c)) return bold ? 2.1 : 2.0;
  return bold ? 1.3 : 1.2;  // accented Latin letters, Greek, Cyrillic, symbols
}

// Calls `visit` with each code point of UTF-8 text; a stray byte counts as one (U+FFFD).
template <typename Visit>
void forEachCodePoint(std::string_view text, Visit visit) {
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0xC0 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    char32_t c = length == 1 ? lead : lead & (0x7F >> length);
    std::size_t used = 1;
    for (; used < length && i + used < text.size(); ++used) {
      const auto next = static_cast<unsigned char>(text[i + used]);
      if ((next & 0xC0) != 0x80) break;
      c = (c << 6) | (next & 0x3F);
    }
    visit(used == length && (lead < 0x80 || lead >= 0xC0) ? c : char32_t{0xFFFD});
    i += used;
  }
}

std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// "1234567.50" as "#,##0.00" shows it: "1,234,567.50".
std::string grouped(const std::string& decimal) {
  const bool negative = !decimal.empty() && decimal[0] == '-';
  const std::size_t begin = negative ? 1 : 0;
  const std::size_t end = std::min(decimal.find('.'), decimal.size());
  std::string out = negative ? "-" : "";
  for (std::size_t i = begin; i < end; ++i) {
    out += decimal[i];
    const std::size_t left = end - i - 1;
    if (left > 0 && left % 3 == 0) out += ',';
  }
  return out + decimal.substr(end);
}

std::string formatted(const char* pattern, double value) {
  std::array<char, 64> buffer{};
  std::snprintf(buffer.data(), buffer.size(), pattern, value);
  return buffer.data();
}

}  // namespace

double textWidth(std::string_view text, bool bold) {
  double width = 0;
  forEachCodePoint(text, [&](char32_t c) { width += characterWidth(c, bold); });
  return width;
}

double titleWidth(std::string_view text) { return textWidth(text, true) * 14 / 11 + kPadding; }

std::string shownText(const TableCell& cell) {
  switch (cell.kind) {
    case CellKind::Empty:
      return "";
    case CellKind::Text:
      return cell.text;
    case CellKind::Amount:
      return grouped(cell.amount->toDecimal());
    case CellKind::Date:
      return cell.date.iso();
    case CellKind::Count:
      return formatted("%.0f", cell.number);
    case CellKind::Days:
      return formatted("%.1f", cell.number);
    case CellKind::Share:
      return formatted("%.0f%%", cell.number * 100);
  }
  return "";
}

double cellWidth(const TableCell& cell, bool bold) {
  if (cell.kind == CellKind::Empty) return 0;
  return textWidth(shownText(cell), bold) +
         (cell.kind == CellKind::Text ? kPadding : kNumberPadding);
}

HeaderLayout headerLayout(const std::string& title) {
  const std::vector<std::string_view> parts = words(title);
  const double space = textWidth(" ", true);
  const auto span = [&](std::size_t from, std::size_t to) {
    double width = 0;
    for (std::size_t i = from; i < to; ++i)
      width += textWidth(parts[i], true) + (i > from ? space : 0);
    return width;
  };
  HeaderLayout best{span(0, parts.size()) + kFilterButton, 1};
  for (std::size_t split = 1; split < parts.size(); ++split) {
    const double width =
        std::max(span(0, split) + kPadding, span(split, parts.size()) + kFilterButton);
    if (width < best.width) best = {width, 2};
  }
  best.width = std::max(best.width, kMinColumnWidth);
  return best;
}

int wrappedLines(std::string_view text, bool bold, double width) {
  const double room = std::max(1.0, width - kPadding);
  const double space = textWidth(" ", bold);
  int lines = 0;
  std::size_t start = 0;
  while (start <= text.size() && lines < kMaxLines) {
    // Each line break starts a paragraph of its own.
    const std::size_t end = std::min(text.find('\n', start), text.size());
    double line = 0;
    int paragraphLines = 1;
    for (std::string_view word : words(text.substr(start, end - start))) {
      const double w = textWidth(word, bold);
      if (line > 0 && line + space + w <= room) {
        line += space + w;
        continue;
      }
      if (line > 0) ++paragraphLines;
      // A word wider than the column is broken across lines of its own.
      const double extra = std::max(0.0, std::ceil(w / room) - 1);
      paragraphLines += static_cast<int>(extra);
      line = w - extra * room;
    }
    lines += paragraphLines;
    start = end + 1;
  }
  return std::clamp(lines, 1, kMaxLines);
}

}  // namespace kindly::reports::workbook
