// Terms are read word by word, case aside: what matters is the number of days after "net"
// (or alone), or a word that names the day itself.
#include "importers/Terms.h"

#include <cctype>
#include <string>
#include <vector>

#include "base/Text.h"

namespace kindly::importers {

namespace {

constexpr int kLongestTerms = 3650;

// "2/10 net 30 days" -> {"2/10", "net", "30", "days"}; "net30" -> {"net", "30"}.
std::vector<std::string> wordsOf(std::string_view terms) {
  std::vector<std::string> words;
  std::string word;
  const auto end = [&] {
    if (!word.empty()) words.push_back(word);
    word.clear();
  };
  for (char c : toLower(terms)) {
    const bool digit = std::isdigit(static_cast<unsigned char>(c)) != 0;
    if (c == ' ' || c == '-' || c == ',' || c == ':') {
      end();
      continue;
    }
    // A number written against a word ("net30", "30days") is a word of its own, unless it
    // is part of a discount ("2/10").
    if (!word.empty() && word.back() != '/' && c != '/' &&
        (std::isdigit(static_cast<unsigned char>(word.back())) != 0) != digit) {
      end();
    }
    word += c;
  }
  end();
  return words;
}

std::optional<int> daysIn(const std::string& word) {
  if (word.empty() || word.size() > 4) return std::nullopt;
  for (char c : word) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  }
  const int days = std::stoi(word);
  if (days > kLongestTerms) return std::nullopt;
  return days;
}

dates::Date endOfMonth(dates::Date day) {
  const int month = day.month() == 12 ? 1 : day.month() + 1;
  const int year = day.month() == 12 ? day.year() + 1 : day.year();
  return dates::Date::fromYmd(year, month, 1)->plusDays(-1);
}

}  // namespace

std::optional<dates::Date> dueFromTerms(std::string_view terms, dates::Date issued) {
  const auto words = wordsOf(terms);
  if (words.empty()) return std::nullopt;
  for (const auto& word : words) {
    if (word == "eom") return endOfMonth(issued);
    if (word == "receipt" || word == "immediate" || word == "immediately") return issued;
  }
  // The number after "net" or "n", else the only number there is.
  std::optional<int> days;
  int numbers = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto found = daysIn(words[i]);
    if (!found) continue;
    ++numbers;
    if (i > 0 && (words[i - 1] == "net" || words[i - 1] == "n")) return issued.plusDays(*found);
    days = found;
  }
  if (numbers != 1) return std::nullopt;
  for (const auto& word : words) {
    if (!daysIn(word) && word != "net" && word != "n" && word != "days" && word != "day" &&
        word != "d" && word != "due" && word != "in") {
      return std::nullopt;  // "30 of next month" is not 30 days
    }
  }
  return issued.plusDays(*days);
}

}  // namespace kindly::importers
