// Reads the dates that exports and people write: "2026-03-12", "12/03/2026", "03.12.26",
// "12-Mar-2026", "Mar 12, 2026", "March 12 2026", "2026-03-12T10:15:00Z".
#pragma once

#include <string_view>

#include "base/Result.h"
#include "dates/Date.h"

namespace kindly::dates {

// How an all-numeric date with '/', '.' or '-' between its fields is ordered. ISO
// "YYYY-MM-DD" (a four-digit first field) is read the same under every order.
enum class DateOrder { Unknown, DMY, MDY, YMD };

// "DMY" / "MDY" / "YMD" in any case; nullopt otherwise.
std::optional<DateOrder> dateOrderFromName(std::string_view name);
const char* dateOrderName(DateOrder order);

// The years a date read from outside text may have: enough for any invoice, and far enough
// from 9999 that every follow-up and forecast computed from them is a real day.
inline constexpr int kFirstYearRead = 1900;
inline constexpr int kLastYearRead = 2999;

// Parses one date, in the years kFirstYearRead to kLastYearRead. Two-digit years are 2000-2069 for
// 00-69 and 1970-1999 for 70-99. A time after the date (ISO "T..." or " 10:15") is ignored. With
// DateOrder::Unknown, a numeric date whose order is not plain from itself (03/04/2026) fails as
// ambiguous; 13/04/2026 is read as DMY. Fails on impossible days (2026-02-30), garbage and empty
// text.
Result<Date> parseDate(std::string_view text, DateOrder order);

// Decides the order of a column's numeric dates from its values: a first field above 12
// settles DMY, a second field above 12 settles MDY, a four-digit first field YMD.
class DateOrderSniffer {
 public:
  void observe(std::string_view text);
  // The order that reads every observed value; Unknown when no value needs one (all ISO or
  // month names, or nothing observed). Fails when the values contradict each other or every
  // numeric value is ambiguous (03/04/2026 alone): the caller must ask for --date-order.
  Result<DateOrder> verdict() const;

 private:
  bool sawAmbiguous_ = false;
  bool sawDmy_ = false;
  bool sawMdy_ = false;
  bool sawYmd_ = false;
};

}  // namespace kindly::dates
