// Date: valid days, leap years, weekdays and the day-number arithmetic.
#include <gtest/gtest.h>

#include <cstdio>

#include "dates/Date.h"

namespace kindly::dates {
namespace {

Date ymd(int year, int month, int day) { return *Date::fromYmd(year, month, day); }

TEST(Date, acceptsOnlyRealDays) {
  const struct {
    int year, month, day;
    bool exists;
  } cases[] = {
      {2026, 3, 12, true},  {2026, 2, 28, true},  {2026, 2, 29, false}, {2026, 2, 30, false},
      {2024, 2, 29, true},  {2000, 2, 29, true},  {1900, 2, 29, false}, {2100, 2, 29, false},
      {2026, 4, 30, true},  {2026, 4, 31, false}, {2026, 12, 31, true}, {2026, 13, 1, false},
      {2026, 0, 1, false},  {2026, 1, 0, false},  {2026, 1, 32, false}, {1, 1, 1, true},
      {9999, 12, 31, true}, {0, 12, 31, false},   {10000, 1, 1, false}, {-1, 1, 1, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Date::fromYmd(c.year, c.month, c.day).has_value(), c.exists)
        << c.year << "-" << c.month << "-" << c.day;
  }
}

TEST(Date, countsDaysFromTheEpoch) {
  EXPECT_EQ(Date().dayNumber(), 0);
  EXPECT_EQ(Date().iso(), "1970-01-01");
  EXPECT_EQ(ymd(1970, 1, 1).dayNumber(), 0);
  EXPECT_EQ(ymd(1969, 12, 31).dayNumber(), -1);
  EXPECT_EQ(ymd(2000, 1, 1).dayNumber(), 10957);
  EXPECT_EQ(ymd(2026, 3, 12).dayNumber(), 20524);
  EXPECT_EQ(ymd(1, 1, 1).dayNumber(), -719162);
  EXPECT_EQ(ymd(9999, 12, 31).dayNumber(), 2932896);
}

TEST(Date, knowsTheWeekdayOfKnownDates) {
  const struct {
    Date date;
    Weekday weekday;
  } cases[] = {
      {ymd(1970, 1, 1), Weekday::Thursday}, {ymd(1969, 12, 31), Weekday::Wednesday},
      {ymd(2000, 1, 1), Weekday::Saturday}, {ymd(2026, 3, 12), Weekday::Thursday},
      {ymd(2026, 3, 15), Weekday::Sunday},  {ymd(2026, 3, 16), Weekday::Monday},
      {ymd(1, 1, 1), Weekday::Monday},      {ymd(9999, 12, 31), Weekday::Friday},
  };
  for (const auto& c : cases) EXPECT_EQ(c.date.weekday(), c.weekday) << c.date.iso();
}

TEST(Date, weekendIsSaturdayAndSunday) {
  EXPECT_FALSE(ymd(2026, 3, 13).isWeekend());  // Friday
  EXPECT_TRUE(ymd(2026, 3, 14).isWeekend());
  EXPECT_TRUE(ymd(2026, 3, 15).isWeekend());
  EXPECT_FALSE(ymd(2026, 3, 16).isWeekend());
}

TEST(Date, writesIsoWithPadding) {
  EXPECT_EQ(ymd(2026, 3, 12).iso(), "2026-03-12");
  EXPECT_EQ(ymd(1, 1, 5).iso(), "0001-01-05");
  EXPECT_EQ(ymd(9999, 12, 31).iso(), "9999-12-31");
}

TEST(Date, addsAndSubtractsDays) {
  EXPECT_EQ(ymd(2026, 2, 28).plusDays(1), ymd(2026, 3, 1));
  EXPECT_EQ(ymd(2024, 2, 28).plusDays(1), ymd(2024, 2, 29));
  EXPECT_EQ(ymd(2026, 12, 31).plusDays(1), ymd(2027, 1, 1));
  EXPECT_EQ(ymd(2026, 3, 1).plusDays(-1), ymd(2026, 2, 28));
  EXPECT_EQ(ymd(2026, 3, 12) - ymd(2026, 1, 1), 70);
  EXPECT_EQ(ymd(2026, 1, 1) - ymd(2026, 3, 12), -70);
  EXPECT_LT(ymd(2026, 1, 1), ymd(2026, 1, 2));
}

// Every day of years 1..9999: its fields rebuild it, the next day follows it in the calendar,
// and its ISO text says the same fields.
TEST(Date, roundTripsEveryDayOfTheSupportedYears) {
  const Date last = ymd(9999, 12, 31);
  int failures = 0;
  for (Date date = ymd(1, 1, 1); date < last && failures < 5; date = date.plusDays(1)) {
    const int year = date.year(), month = date.month(), day = date.day();
    const std::optional<Date> rebuilt = Date::fromYmd(year, month, day);
    const Date next = date.plusDays(1);
    const bool followsOn =
        (next.day() == day + 1 && next.month() == month && next.year() == year) ||
        (next.day() == 1 && !Date::fromYmd(year, month, day + 1) &&
         ((next.month() == month + 1 && next.year() == year) ||
          (next.month() == 1 && month == 12 && next.year() == year + 1)));
    char expected[32];
    std::snprintf(expected, sizeof expected, "%04d-%02d-%02d", year, month, day);
    if (!rebuilt || *rebuilt != date || !followsOn || date.iso() != expected) {
      ADD_FAILURE() << "day " << date.dayNumber() << " reads as " << date.iso();
      ++failures;
    }
  }
  EXPECT_EQ(failures, 0);
}

}  // namespace
}  // namespace kindly::dates
