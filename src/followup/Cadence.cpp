// A cadence is plain data with a few rules; the configuration's text forms are parsed here so
// that a typo in kindly.ini is reported with what was expected.
#include "followup/Cadence.h"

#include <algorithm>
#include <stdexcept>

#include "base/Text.h"
#include "dates/DateParser.h"

namespace kindly::followup {

namespace {

// The parts of `text` between `separator`s, trimmed; empty parts kept.
std::vector<std::string_view> parts(std::string_view text, char separator) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const auto end = text.find(separator, start);
    out.push_back(trim(text.substr(start, end == std::string_view::npos ? end : end - start)));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

std::optional<Channel> channelFromName(std::string_view name) {
  for (Channel channel : {Channel::Email, Channel::Call, Channel::Letter}) {
    if (channelName(channel) == toLower(name)) return channel;
  }
  return std::nullopt;
}

}  // namespace

std::string_view channelName(Channel channel) {
  switch (channel) {
    case Channel::Email:
      return "email";
    case Channel::Call:
      return "call";
    case Channel::Letter:
      return "letter";
  }
  return "email";
}

Result<BusinessCalendar> BusinessCalendar::parse(std::string_view holidays) {
  std::set<dates::Date> days;
  if (trim(holidays).empty()) return BusinessCalendar();
  for (const auto part : parts(holidays, ',')) {
    const auto day = dates::parseDate(part, dates::DateOrder::YMD);
    if (!day) return Failure{"holiday '" + std::string(part) + "': " + day.error()};
    days.insert(*day);
  }
  return BusinessCalendar(std::move(days));
}

bool BusinessCalendar::isBusinessDay(dates::Date day) const {
  return !day.isWeekend() && !holidays_.contains(day);
}

dates::Date BusinessCalendar::onOrAfter(dates::Date day) const {
  while (!isBusinessDay(day)) day = day.plusDays(1);
  return day;
}

int BusinessCalendar::longestClosure() const {
  // A Saturday alone closes two days; holidays next to a weekend close more.
  int longest = 2;
  for (const auto holiday : holidays_) {
    for (const auto start : {holiday, holiday.plusDays(-1), holiday.plusDays(-2)}) {
      longest = std::max(longest, onOrAfter(start) - start);
    }
  }
  return longest;
}

Result<std::vector<LadderStep>> Cadence::parseLadder(std::string_view text) {
  std::vector<LadderStep> ladder;
  for (const auto item : parts(text, ',')) {
    const auto fields = parts(item, ':');
    if (fields.size() != 3 || fields[0].empty()) {
      return Failure{"step '" + std::string(item) + "' is not name:days:channel"};
    }
    LadderStep step{std::string(fields[0]), 0, {}};
    try {
      std::size_t used = 0;
      step.daysAfterDue = std::stoi(std::string(fields[1]), &used);
      if (used != fields[1].size()) throw std::invalid_argument("trailing text");
    } catch (const std::exception&) {
      return Failure{"step '" + std::string(item) + "': '" + std::string(fields[1]) +
                     "' is not a whole number of days"};
    }
    const int previous = ladder.empty() ? 0 : ladder.back().daysAfterDue;
    if (step.daysAfterDue <= previous) {
      return Failure{"step '" + std::string(item) + "': days must grow, from 1 up"};
    }
    for (const auto name : parts(fields[2], '+')) {
      const auto channel = channelFromName(name);
      if (!channel) {
        return Failure{"step '" + std::string(item) + "': '" + std::string(name) +
                       "' is not one of email, call, letter"};
      }
      step.channels.push_back(*channel);
    }
    ladder.push_back(std::move(step));
  }
  if (ladder.empty()) return Failure{"the ladder needs at least one step"};
  return ladder;
}

int Cadence::daysAfterDue(const LadderStep& step) const {
  return std::max(step.daysAfterDue, graceDays + 1);
}

int Cadence::longestInterval() const {
  int longest = std::max(repeatEveryDays, minGapDays);
  for (std::size_t i = 1; i < ladder.size(); ++i) {
    longest = std::max(longest, ladder[i].daysAfterDue - ladder[i - 1].daysAfterDue);
  }
  return longest + calendar.longestClosure();
}

}  // namespace kindly::followup
