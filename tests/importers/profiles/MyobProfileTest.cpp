// MyobProfile: the due dates MYOB's terms codes give.
#include <gtest/gtest.h>

#include "importers/profiles/MyobProfile.h"

namespace kindly::importers {
namespace {

dates::Date day(int y, int m, int d) { return *dates::Date::fromYmd(y, m, d); }

TEST(MyobProfile, readsEachTermsCodeAsMyobDoes) {
  struct Case {
    int code, days;
    dates::Date issued, due;
  };
  const Case cases[] = {
      {0, 0, day(2026, 10, 9), day(2026, 10, 9)},     // C.O.D.
      {1, 0, day(2026, 10, 9), day(2026, 10, 9)},     // prepaid
      {2, 30, day(2026, 10, 9), day(2026, 11, 8)},    // in 30 days
      {3, 15, day(2026, 10, 9), day(2026, 10, 15)},   // on the 15th, still to come this month
      {3, 5, day(2026, 10, 9), day(2026, 11, 5)},     // on the 5th, past: next month's
      {4, 10, day(2026, 10, 20), day(2026, 11, 10)},  // 10 days after the end of the month
      {5, 15, day(2026, 12, 3), day(2027, 1, 15)},    // on the 15th of next month
      {5, 31, day(2026, 1, 20), day(2026, 2, 28)},    // a shorter month: its last day
  };
  for (const auto& c : cases) {
    const auto due = myobDueDate(c.code, c.days, c.issued);
    ASSERT_TRUE(due) << c.code;
    EXPECT_EQ(due->iso(), c.due.iso()) << "code " << c.code << ", " << c.days << " days";
  }
  EXPECT_FALSE(myobDueDate(6, 0, day(2026, 10, 9))) << "no such code";
}

}  // namespace
}  // namespace kindly::importers
