// Calendar arithmetic on a day count, after Howard Hinnant's public-domain days_from_civil and
// civil_from_days (howardhinnant.github.io/date_algorithms.html): no tables, no time zones.
#include "dates/Date.h"

#include <cstdio>

namespace kindly::dates {
namespace {

constexpr int kFirstYear = 1;
constexpr int kLastYear = 9999;

struct Civil {
  int year;
  int month;
  int day;
};

// The algorithms count from 0000-03-01 so that February, with its leap day, ends each year.
constexpr std::int32_t daysFromCivil(int year, int month, int day) {
  year -= month <= 2;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const int yearOfEra = year - era * 400;                                               // [0, 399]
  const int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;  // [0, 365]
  const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

constexpr Civil civilFromDays(std::int32_t days) {
  days += 719468;
  const int era = (days >= 0 ? days : days - 146096) / 146097;
  const int dayOfEra = days - era * 146097;  // [0, 146096]
  const int yearOfEra =
      (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;  // [0, 399]
  const int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
  const int shiftedMonth = (5 * dayOfYear + 2) / 153;  // [0, 11], March first
  const int day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
  const int month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return {yearOfEra + era * 400 + (month <= 2), month, day};
}

static_assert(daysFromCivil(1970, 1, 1) == 0);
static_assert(civilFromDays(-1).year == 1969);

constexpr bool isLeapYear(int year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

constexpr int daysInMonth(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

}  // namespace

std::optional<Date> Date::fromYmd(int year, int month, int day) {
  if (year < kFirstYear || year > kLastYear || month < 1 || month > 12 || day < 1 ||
      day > daysInMonth(year, month)) {
    return std::nullopt;
  }
  return Date(daysFromCivil(year, month, day));
}

int Date::year() const { return civilFromDays(days_).year; }
int Date::month() const { return civilFromDays(days_).month; }
int Date::day() const { return civilFromDays(days_).day; }

Weekday Date::weekday() const {
  // 1970-01-01 was a Thursday, the fourth day of a week that starts on Monday.
  const int fromMonday = ((days_ % 7) + 7 + 3) % 7;
  return static_cast<Weekday>(fromMonday);
}

bool Date::isWeekend() const {
  const Weekday w = weekday();
  return w == Weekday::Saturday || w == Weekday::Sunday;
}

std::string Date::iso() const {
  const Civil civil = civilFromDays(days_);
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", civil.year, civil.month, civil.day);
  return text;
}

}  // namespace kindly::dates
