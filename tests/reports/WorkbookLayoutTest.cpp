// The workbook's measures of text: values as their formats show them, widths in character
// widths, headers over two lines, text wrapped in a column.
#include <gtest/gtest.h>

#include <string>

#include "reports/WorkbookLayout.h"

namespace kindly::reports::workbook {
namespace {

money::Money money(std::int64_t minor, const char* code) {
  return money::Money(minor, *money::Currency::fromCode(code));
}

TEST(WorkbookLayout, valuesAreMeasuredAsTheirFormatsShowThem) {
  EXPECT_EQ(shownText(TableCell::ofAmount(money(123456750, "USD"))), "1,234,567.50");
  EXPECT_EQ(shownText(TableCell::ofAmount(money(-45000, "USD"))), "-450.00");
  EXPECT_EQ(shownText(TableCell::ofAmount(money(99, "USD"))), "0.99");
  EXPECT_EQ(shownText(TableCell::ofAmount(money(1300000, "JPY"))), "1,300,000");
  EXPECT_EQ(shownText(TableCell::ofAmount(money(1234567, "BHD"))), "1,234.567");
  EXPECT_EQ(shownText(TableCell::ofDate(*dates::Date::fromYmd(2026, 11, 20))), "2026-11-20");
  EXPECT_EQ(shownText(TableCell::ofCount(-60)), "-60");
  EXPECT_EQ(shownText(TableCell::ofDays(2.46)), "2.5");
  EXPECT_EQ(shownText(TableCell::ofShare(0.1)), "10%");
  EXPECT_EQ(shownText(TableCell::empty()), "");
}

TEST(WorkbookLayout, widthsAreInDigitsWiderForLettersBoldAndWideScripts) {
  EXPECT_DOUBLE_EQ(textWidth("0123456789", false), 10);
  EXPECT_GT(textWidth("0123456789", true), 10);
  EXPECT_LT(textWidth("illicit", false), 7) << "narrow letters";
  EXPECT_GT(textWidth("MMMM", false), 6) << "wide letters";
  EXPECT_GT(textWidth("\xE6\x9D\xB1\xE4\xBA\xAC", false), 3.9) << "two CJK characters";
  EXPECT_GT(textWidth("Cr\xC3\xA8me", false), textWidth("Crme", false));
  EXPECT_EQ(cellWidth(TableCell::empty(), false), 0);
  EXPECT_GT(cellWidth(TableCell::ofCount(38), false), textWidth("38", false) + 1)
      << "a number's blank after it and a margin";
}

TEST(WorkbookLayout, headersTakeTwoLinesWhenThatIsNarrower) {
  const HeaderLayout oldest = headerLayout("Oldest days overdue");
  EXPECT_EQ(oldest.lines, 2);
  EXPECT_LT(oldest.width, textWidth("Oldest days overdue", true));
  EXPECT_GT(oldest.width, textWidth("Oldest days", true));
  const HeaderLayout client = headerLayout("Client");
  EXPECT_EQ(client.lines, 1);
  EXPECT_GT(client.width, textWidth("Client", true)) << "room for the filter button";
}

TEST(WorkbookLayout, wrappedTextCountsItsLines) {
  EXPECT_EQ(wrappedLines("short", false, 20), 1);
  EXPECT_EQ(wrappedLines("aaaa bbbb cccc", false, 6), 3);
  EXPECT_EQ(wrappedLines("one\ntwo", false, 20), 2) << "a line break starts a line";
  EXPECT_EQ(wrappedLines(std::string(60, '0'), false, 11), 6) << "a word longer than a line";
  EXPECT_EQ(wrappedLines(std::string(10000, '0'), false, 11), kMaxLines);
}

}  // namespace
}  // namespace kindly::reports::workbook
