// The cadence of follow-ups (DESIGN §7): a ladder of steps counted from the oldest overdue
// due date, then a persistent step every repeatEveryDays, forever; never two contacts with a
// client within minGapDays; only on business days.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/Result.h"
#include "dates/Date.h"

namespace kindly::followup {

enum class Channel { Email, Call, Letter };

// "email", "call", "letter".
std::string_view channelName(Channel channel);

struct LadderStep {
  std::string name;               // "gentle-reminder": names the templates of the step
  int daysAfterDue = 1;           // counted from the oldest overdue due date
  std::vector<Channel> channels;  // a step may use two ("statement": a letter and an email)
};

// Weekends and the holidays listed in the configuration are not business days.
class BusinessCalendar {
 public:
  BusinessCalendar() = default;
  explicit BusinessCalendar(std::set<dates::Date> holidays) : holidays_(std::move(holidays)) {}
  // Parses "2026-12-25,2026-12-26" (ISO dates, commas, spaces allowed).
  static Result<BusinessCalendar> parse(std::string_view holidays);

  bool isBusinessDay(dates::Date day) const;
  // `day` when it is a business day, else the next one.
  dates::Date onOrAfter(dates::Date day) const;
  // The most days onOrAfter() can add: weekends and the longest run of holidays next to one.
  int longestClosure() const;

 private:
  std::set<dates::Date> holidays_;
};

struct Cadence {
  // DESIGN §7: due + 1 gentle reminder, + 7 second reminder, + 14 personal call, + 30 a
  // letter and an email with a statement; then every 14 days, alternating email and call.
  std::vector<LadderStep> ladder = {
      {"gentle-reminder", 1, {Channel::Email}},
      {"second-reminder", 7, {Channel::Email}},
      {"personal-call", 14, {Channel::Call}},
      {"statement", 30, {Channel::Letter, Channel::Email}},
  };
  int repeatEveryDays = 14;
  int minGapDays = 5;
  int headsUpDaysBefore = 3;  // repeat-late clients hear from us before a due date
  // A payment made within these days of the due date is on time: no reminder falls in them.
  int graceDays = 3;
  BusinessCalendar calendar;

  // Parses a ladder written "gentle-reminder:1:email, call:14:call, statement:30:letter+email":
  // name, days after the due date (strictly increasing, at least 1), channels joined by '+'.
  static Result<std::vector<LadderStep>> parseLadder(std::string_view text);

  // The longest wait the cadence itself can put between two follow-ups of a client being
  // chased, business days and holidays included: what "never gives up" is measured against.
  int longestInterval() const;
  // The days after the due date on which `step` falls: its own, but never inside the grace.
  int daysAfterDue(const LadderStep& step) const;
};

}  // namespace kindly::followup
