// Words are tried three at a time, so that a version number or a time beside the date is
// not read as part of it.
#include "importers/TitleDate.h"

#include <string>
#include <vector>

#include "dates/DateParser.h"

namespace kindly::importers {

namespace {

bool isIsoDay(std::string_view word) {
  if (word.size() != 10 || word[4] != '-' || word[7] != '-') return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (i != 4 && i != 7 && (word[i] < '0' || word[i] > '9')) return false;
  }
  return true;
}

bool startsWithLetter(std::string_view word) {
  return !word.empty() &&
         ((word[0] >= 'a' && word[0] <= 'z') || (word[0] >= 'A' && word[0] <= 'Z'));
}

}  // namespace

std::optional<dates::Date> dateStatedIn(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t start = text.find_first_not_of(" \t", at);
    if (start == std::string_view::npos) break;
    const std::size_t end = std::min(text.find_first_of(" \t", start), text.size());
    words.push_back(text.substr(start, end - start));
    at = end;
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (isIsoDay(words[i])) {
      if (auto date = dates::parseDate(words[i], dates::DateOrder::YMD)) return *date;
    }
    // "December 19, 2020" or "20 November 2026": a month's name first or second.
    if (i + 2 < words.size() && (startsWithLetter(words[i]) || startsWithLetter(words[i + 1]))) {
      const std::string three =
          std::string(words[i]) + " " + std::string(words[i + 1]) + " " + std::string(words[i + 2]);
      if (auto date = dates::parseDate(three, dates::DateOrder::Unknown)) return *date;
    }
  }
  return std::nullopt;
}

}  // namespace kindly::importers
