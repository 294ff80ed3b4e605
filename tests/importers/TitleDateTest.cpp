// dateStatedIn: the day a report's title rows say it was made.
#include <gtest/gtest.h>

#include "importers/TitleDate.h"

namespace kindly::importers {
namespace {

std::string stated(std::string_view text) {
  const auto date = dateStatedIn(text);
  return date ? date->iso() : "none";
}

TEST(TitleDate, findsTheDayATitleStatesAmongOtherWords) {
  EXPECT_EQ(stated("Invoice Ninja v4.5.17 - December 19, 2020 11:28 pm"), "2020-12-19");
  EXPECT_EQ(stated("Invoices as at 20 November 2026"), "2026-11-20");
  EXPECT_EQ(stated("As of Nov 20 2026"), "2026-11-20");
  EXPECT_EQ(stated("Report run 2026-11-20T08:00"), "none") << "a timestamp is not a day alone";
  EXPECT_EQ(stated("Aged receivables 2026-11-20"), "2026-11-20");
}

TEST(TitleDate, takesNoNumericDateWhoseOrderCannotBeKnown) {
  EXPECT_EQ(stated("Invoices 03/04/2026"), "none");
  EXPECT_EQ(stated("INVOICES"), "none");
  EXPECT_EQ(stated("Version 4.5.17"), "none");
  EXPECT_EQ(stated(""), "none");
}

}  // namespace
}  // namespace kindly::importers
