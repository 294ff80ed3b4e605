// Reads the dates of exports and people: numeric dates in a stated or evident field order,
// English month names, and timestamps whose time is dropped (aging counts whole days).
#include "dates/DateParser.h"

#include <cstddef>
#include <string>

namespace kindly::dates {
namespace {

constexpr std::string_view kMonthNames[] = {"january",   "february", "march",    "april",
                                            "may",       "june",     "july",     "august",
                                            "september", "october",  "november", "december"};
constexpr int kSeptember = 9;

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char toLower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

std::string_view trim(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

// 1..12 for an English month name or its three-letter abbreviation, any case ("Sept" too);
// 0 for anything else.
int monthFromName(std::string_view word) {
  if (word.size() < 3) return 0;
  for (int month = 1; month <= 12; ++month) {
    const std::string_view name = kMonthNames[month - 1];
    if (word.size() > name.size()) continue;
    bool matches = true;
    for (std::size_t i = 0; i < word.size() && matches; ++i) {
      matches = toLower(word[i]) == name[i];
    }
    if (!matches) continue;
    if (word.size() == 3 || word.size() == name.size()) return month;
    if (month == kSeptember && word.size() == 4) return month;
  }
  return 0;
}

// A run of digits; more than four is not a date field.
struct Field {
  int value = 0;
  int digits = 0;
};

class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool atDigit() const { return pos_ < text_.size() && isDigit(text_[pos_]); }
  bool atLetter() const { return pos_ < text_.size() && isLetter(text_[pos_]); }
  bool at(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  bool nextIsDigit() const { return pos_ + 1 < text_.size() && isDigit(text_[pos_ + 1]); }
  void advance() { ++pos_; }
  std::string_view rest() const { return text_.substr(pos_); }

  bool readField(Field& field) {
    field = {};
    for (; atDigit(); ++pos_) {
      if (++field.digits > 4) return false;
      field.value = field.value * 10 + (text_[pos_] - '0');
    }
    return field.digits > 0;
  }

  std::string_view readWord() {
    const std::size_t begin = pos_;
    while (atLetter()) ++pos_;
    return text_.substr(begin, pos_ - begin);
  }

  // The spaces, commas and dashes between the parts of "12-Mar-2026" or "Mar 12, 2026".
  bool skipNameSeparators() {
    const std::size_t begin = pos_;
    while (at(' ') || at(',') || at('-')) ++pos_;
    return pos_ > begin;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// A time after the date is ignored, but it must look like one: "T10:15:00Z" or " 10:15".
bool isEndOrTime(std::string_view rest) {
  if (rest.empty()) return true;
  if (rest[0] == 'T' || rest[0] == 't') return rest.size() > 1 && isDigit(rest[1]);
  if (rest[0] != ' ') return false;
  rest = trim(rest);
  std::size_t digits = 0;
  while (digits < rest.size() && isDigit(rest[digits])) ++digits;
  return digits >= 1 && digits <= 2 && digits < rest.size() && rest[digits] == ':';
}

// The three fields of "12/03/2026", "2026-03-12" or "03.12.26", split at one repeated
// separator; false when the text is not shaped so.
struct NumericDate {
  Field first, second, third;
  char separator = 0;
};

bool readNumeric(std::string_view text, NumericDate& date) {
  Cursor cursor(text);
  if (!cursor.readField(date.first)) return false;
  for (char separator : {'/', '.', '-'}) {
    if (cursor.at(separator)) date.separator = separator;
  }
  if (date.separator == 0) return false;
  cursor.advance();
  if (!cursor.readField(date.second) || !cursor.at(date.separator)) return false;
  cursor.advance();
  return cursor.readField(date.third) && isEndOrTime(cursor.rest());
}

Failure notADate(std::string_view text) {
  return Failure{"not a date: '" + std::string(text) + "'"};
}

bool isDayOrMonth(const Field& field) { return field.digits == 1 || field.digits == 2; }

// Two-digit years are 2000-2069 for 00-69 and 1970-1999 for 70-99; 0 for a field that is no
// year.
int yearOf(const Field& field) {
  if (field.digits == 4) return field.value;
  if (field.digits == 2) return field.value + (field.value < 70 ? 2000 : 1900);
  return 0;
}

Result<Date> dateOrNoSuchDay(int year, int month, int day, std::string_view text) {
  // A ledger's dates have cadences and forecasts added to them: a due date of 9999-12-31
  // put year-10000 dates in the plan. Dates far outside a business's life are mistakes.
  if (year < kFirstYearRead || year > kLastYearRead) {
    return Failure{"'" + std::string(text) + "' is outside the years " +
                   std::to_string(kFirstYearRead) + " to " + std::to_string(kLastYearRead) +
                   " that Kindly reads"};
  }
  if (std::optional<Date> date = Date::fromYmd(year, month, day)) return *date;
  return Failure{"no such day: " + std::string(text)};
}

Result<Date> numericDate(const NumericDate& d, DateOrder order, std::string_view text) {
  if (d.first.digits == 4) {  // ISO, or its slashed cousin: the same under every order
    if (!isDayOrMonth(d.second) || !isDayOrMonth(d.third)) return notADate(text);
    return dateOrNoSuchDay(d.first.value, d.second.value, d.third.value, text);
  }
  if (!isDayOrMonth(d.first) || !isDayOrMonth(d.second)) return notADate(text);
  if (order == DateOrder::YMD) {
    if (d.first.digits != 2 || !isDayOrMonth(d.third)) return notADate(text);
    return dateOrNoSuchDay(yearOf(d.first), d.second.value, d.third.value, text);
  }
  const int year = yearOf(d.third);
  if (year == 0) return notADate(text);
  if (order == DateOrder::Unknown) {
    // Only a field above 12, or equal fields, make the text plain by itself; YMD with a
    // two-digit year is never guessed.
    const int a = d.first.value, b = d.second.value;
    if (b > 12 && a <= 12) {
      order = DateOrder::MDY;
    } else if (a > 12 || a == b) {
      order = DateOrder::DMY;
    } else {
      return Failure{"ambiguous date '" + std::string(text) +
                     "': day and month could be either way; say --date-order DMY or MDY"};
    }
  }
  if (order == DateOrder::DMY) return dateOrNoSuchDay(year, d.second.value, d.first.value, text);
  return dateOrNoSuchDay(year, d.first.value, d.second.value, text);
}

// "12-Mar-2026", "12 March 2026", "2026-Mar-12".
Result<Date> dayFirstNamedDate(std::string_view text) {
  Cursor cursor(text);
  Field first, last;
  cursor.readField(first);
  if (!cursor.skipNameSeparators()) return notADate(text);
  const int month = monthFromName(cursor.readWord());
  if (month == 0 || !cursor.skipNameSeparators() || !cursor.readField(last) ||
      !isEndOrTime(cursor.rest())) {
    return notADate(text);
  }
  if (first.digits == 4 && isDayOrMonth(last)) {
    return dateOrNoSuchDay(first.value, month, last.value, text);
  }
  if (!isDayOrMonth(first) || yearOf(last) == 0) return notADate(text);
  return dateOrNoSuchDay(yearOf(last), month, first.value, text);
}

// "Mar 12, 2026", "March 12 2026", "Sept-12-26".
Result<Date> monthFirstNamedDate(std::string_view text) {
  Cursor cursor(text);
  const int month = monthFromName(cursor.readWord());
  Field day, year;
  if (month == 0 || !cursor.skipNameSeparators() || !cursor.readField(day) ||
      !cursor.skipNameSeparators() || !cursor.readField(year) || !isEndOrTime(cursor.rest()) ||
      !isDayOrMonth(day) || yearOf(year) == 0) {
    return notADate(text);
  }
  return dateOrNoSuchDay(yearOf(year), month, day.value, text);
}

}  // namespace

std::optional<DateOrder> dateOrderFromName(std::string_view name) {
  for (DateOrder order : {DateOrder::DMY, DateOrder::MDY, DateOrder::YMD}) {
    const std::string_view known = dateOrderName(order);
    if (name.size() != known.size()) continue;
    bool matches = true;
    for (std::size_t i = 0; i < name.size() && matches; ++i) {
      matches = toLower(name[i]) == toLower(known[i]);
    }
    if (matches) return order;
  }
  return std::nullopt;
}

const char* dateOrderName(DateOrder order) {
  switch (order) {
    case DateOrder::DMY:
      return "DMY";
    case DateOrder::MDY:
      return "MDY";
    case DateOrder::YMD:
      return "YMD";
    case DateOrder::Unknown:
      break;
  }
  return "Unknown";
}

Result<Date> parseDate(std::string_view text, DateOrder order) {
  text = trim(text);
  if (text.empty()) return Failure{"empty date"};
  if (isLetter(text[0])) return monthFirstNamedDate(text);
  if (!isDigit(text[0])) return notADate(text);
  NumericDate numeric;
  if (readNumeric(text, numeric)) return numericDate(numeric, order, text);
  return dayFirstNamedDate(text);
}

void DateOrderSniffer::observe(std::string_view text) {
  NumericDate d;
  if (!readNumeric(trim(text), d)) return;  // month names and garbage say nothing of order
  const int a = d.first.value, b = d.second.value;
  if (d.first.digits == 4) {
    // ISO needs no order; "2026/03/12" does say the file writes the year first.
    sawYmd_ = sawYmd_ || d.separator != '-';
  } else if (a > 12 && b <= 12) {
    sawDmy_ = true;
  } else if (b > 12 && a <= 12) {
    sawMdy_ = true;
  } else if (a != b && a <= 12 && b <= 12) {
    sawAmbiguous_ = true;
  }
}

Result<DateOrder> DateOrderSniffer::verdict() const {
  if (sawDmy_ && sawMdy_) {
    return Failure{
        "dates contradict each other: some are day-first (13/04), some month-first (04/13); "
        "say --date-order DMY or MDY"};
  }
  if (sawDmy_) return DateOrder::DMY;
  if (sawMdy_) return DateOrder::MDY;
  if (sawAmbiguous_) {
    return Failure{
        "every date could be day-first or month-first (like 03/04/2026); say --date-order DMY "
        "or MDY"};
  }
  if (sawYmd_) return DateOrder::YMD;
  return DateOrder::Unknown;
}

}  // namespace kindly::dates
