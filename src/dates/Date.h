// A civil date of the proleptic Gregorian calendar, with no time and no zone.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>

namespace kindly::dates {

enum class Weekday { Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday };

class Date {
 public:
  // 1970-01-01.
  Date() = default;
  // The date, or nullopt when there is no such day (2026-02-30, month 13, year outside
  // 1..9999).
  static std::optional<Date> fromYmd(int year, int month, int day);
  // Days since 1970-01-01 (negative before).
  static Date fromDayNumber(std::int32_t days) { return Date(days); }
  std::int32_t dayNumber() const { return days_; }

  int year() const;
  int month() const;  // 1..12
  int day() const;    // 1..31
  Weekday weekday() const;
  bool isWeekend() const;

  // "2026-03-12".
  std::string iso() const;

  Date plusDays(int days) const { return Date(days_ + days); }
  // Whole days from `other` to this date: positive when this one is later.
  int operator-(const Date& other) const { return days_ - other.days_; }

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;

 private:
  explicit Date(std::int32_t days) : days_(days) {}
  std::int32_t days_ = 0;
};

}  // namespace kindly::dates
