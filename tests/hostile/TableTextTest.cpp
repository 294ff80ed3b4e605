// Names in the terminal tables (aging, clients, plan) come from exports: a line break or an
// escape sequence in one must neither split a row nor reach the terminal.
#include <gtest/gtest.h>

#include "reports/TableText.h"

namespace kindly::reports {
namespace {

TEST(TableText, lineBreaksInANameKeepTheRowOnOneLine) {
  EXPECT_EQ(fitted("Acme\r\nBcc: evil@x", 20), "Acme  Bcc: evil@x   ");
  EXPECT_EQ(fitted("Line\nTwo", 8), "Line Two");
}

TEST(TableText, terminalEscapesInANameAreShownAsSpaces) {
  EXPECT_EQ(fitted("Esc\x1b[2J\x07 Ltd", 14), "Esc [2J  Ltd  ");
  EXPECT_EQ(fitted("Del\x7f", 5), "Del  ");
}

TEST(TableText, aNameCutToFitStillEndsInAnEllipsis) {
  EXPECT_EQ(fitted("Tab\tSeparated Name", 8), "Tab Sep…");
}

}  // namespace
}  // namespace kindly::reports
