// Strict reading of amounts in one pass over the text. Nothing is allocated unless the text
// is rejected: this runs once per row on million-row imports.
#include "money/AmountParser.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace kindly::money {
namespace {

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
constexpr std::string_view kNarrowNoBreakSpace = "\xE2\x80\xAF";
constexpr std::string_view kEuroSign = "\xE2\x82\xAC";
constexpr std::string_view kPoundSign = "\xC2\xA3";
constexpr std::string_view kYenSign = "\xC2\xA5";

Failure fail(std::string reason) { return Failure{std::move(reason)}; }

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool equalsIgnoringCase(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if ((word[i] | 0x20) != lower[i]) return false;
  }
  return true;
}

class AmountScanner {
 public:
  AmountScanner(std::string_view text, DecimalMark mark)
      : text_(text),
        decimalMark_(mark == DecimalMark::Point ? '.' : ','),
        otherMark_(mark == DecimalMark::Point ? ',' : '.') {}

  Result<ParsedAmount> parse(Currency fallback);

 private:
  char at(std::size_t pos) const { return pos < text_.size() ? text_[pos] : '\0'; }
  bool startsWith(std::size_t pos, std::string_view s) const {
    return text_.substr(pos).starts_with(s);
  }
  std::size_t spaceLength(std::size_t pos) const;
  std::size_t groupLength(std::size_t pos, char& kind) const;
  std::size_t digitsAt(std::size_t pos) const;
  void trim();
  void skipSpaces();

  // Each reads one token at the cursor and says whether it did; a bad token sets failure_.
  bool readPrefixMark();
  bool readSuffixMark();
  bool readCurrency();
  bool noteCurrency(std::optional<Currency> currency);
  bool readNumber();

  Failure notAnAmount() const { return fail("not an amount: '" + std::string(text_) + "'"); }
  Failure misplacedGroup(char kind) const;

  std::string_view text_;
  char decimalMark_;
  char otherMark_;
  std::size_t pos_ = 0;
  int signs_ = 0;
  bool negative_ = false;
  int opened_ = 0;
  int closed_ = 0;
  bool sawCurrency_ = false;
  std::optional<Currency> named_;
  std::size_t integerBegin_ = 0, integerEnd_ = 0, fractionBegin_ = 0, fractionEnd_ = 0;
  std::optional<Failure> failure_;
};

Failure AmountScanner::misplacedGroup(char kind) const {
  std::string reason = "misplaced group separator in '" + std::string(text_) + "'";
  if (kind == otherMark_) {
    // The usual cause is a file written with the other decimal mark: say so.
    const std::string mark(1, kind);
    reason += ": '" + mark + "' groups thousands here, so three digits must follow it; if '" +
              mark + "' is the decimal mark, read the file with a decimal " +
              (kind == ',' ? "comma" : "point");
  }
  return fail(reason);
}

std::size_t AmountScanner::spaceLength(std::size_t pos) const {
  if (at(pos) == ' ' || at(pos) == '\t') return 1;
  if (startsWith(pos, kNoBreakSpace)) return kNoBreakSpace.size();
  if (startsWith(pos, kNarrowNoBreakSpace)) return kNarrowNoBreakSpace.size();
  return 0;
}

// A group separator's length at `pos` (0 for none) and its kind, so one number cannot mix two.
std::size_t AmountScanner::groupLength(std::size_t pos, char& kind) const {
  const char c = at(pos);
  if (c == otherMark_ || c == ' ' || c == '\'') {
    kind = c;
    return 1;
  }
  if (startsWith(pos, kNoBreakSpace)) {
    kind = 'n';
    return kNoBreakSpace.size();
  }
  if (startsWith(pos, kNarrowNoBreakSpace)) {
    kind = 'N';
    return kNarrowNoBreakSpace.size();
  }
  return 0;
}

std::size_t AmountScanner::digitsAt(std::size_t pos) const {
  std::size_t end = pos;
  while (isDigit(at(end))) ++end;
  return end - pos;
}

void AmountScanner::trim() {
  while (std::size_t n = spaceLength(0)) text_.remove_prefix(n);
  for (bool trimmed = true; trimmed && !text_.empty();) {
    trimmed = false;
    for (std::string_view space :
         {std::string_view(" "), std::string_view("\t"), kNoBreakSpace, kNarrowNoBreakSpace}) {
      if (text_.ends_with(space)) {
        text_.remove_suffix(space.size());
        trimmed = true;
      }
    }
  }
}

void AmountScanner::skipSpaces() {
  while (std::size_t n = spaceLength(pos_)) pos_ += n;
}

// Before the number: a sign or the opening parenthesis of an accounting negative.
bool AmountScanner::readPrefixMark() {
  const char c = at(pos_);
  if (c == '(') {
    ++opened_;
  } else if (c == '-' || c == '+') {
    ++signs_;
    negative_ = negative_ || c == '-';
  } else {
    return false;
  }
  ++pos_;
  return true;
}

// After the number: a trailing minus ("12-", as some ledgers print credits) or the closing
// parenthesis.
bool AmountScanner::readSuffixMark() {
  const char c = at(pos_);
  if (c == ')') {
    ++closed_;
  } else if (c == '-') {
    ++signs_;
    negative_ = true;
  } else {
    return false;
  }
  ++pos_;
  return true;
}

bool AmountScanner::readCurrency() {
  if (at(pos_) == '$') {
    // Dollars of a dozen countries: "$" says nothing about which.
    ++pos_;
    return noteCurrency(std::nullopt);
  }
  for (auto [symbol, code] :
       {std::pair{kEuroSign, "EUR"}, std::pair{kPoundSign, "GBP"}, std::pair{kYenSign, "JPY"},
        // The rupiah as Indonesian accounting programs write it: "Rp2.252.252,25".
        std::pair{std::string_view("Rp"), "IDR"}}) {
    if (startsWith(pos_, symbol)) {
      pos_ += symbol.size();
      return noteCurrency(Currency::fromCode(code));
    }
  }
  std::size_t end = pos_;
  while (isLetter(at(end))) ++end;
  const std::string_view word = text_.substr(pos_, end - pos_);
  if (word.size() != 3) return false;
  if (equalsIgnoringCase(word, "nan") || equalsIgnoringCase(word, "inf")) return false;
  const std::optional<Currency> currency = Currency::fromCode(word);
  if (!currency) {
    // Three letters beside a number are most likely a mistyped code; without one, garbage.
    if (text_.find_first_of("0123456789") == std::string_view::npos) return false;
    failure_ = fail("unknown currency '" + std::string(word) + "' in '" + std::string(text_) + "'");
    return false;
  }
  pos_ = end;
  return noteCurrency(currency);
}

bool AmountScanner::noteCurrency(std::optional<Currency> currency) {
  if (sawCurrency_) {
    failure_ = fail("two currencies in '" + std::string(text_) + "'");
    return false;
  }
  sawCurrency_ = true;
  named_ = currency;
  return true;
}

// Records where the integer digits and the decimals are; their value is read once the
// currency, and so the number of decimals, is known.
bool AmountScanner::readNumber() {
  integerBegin_ = pos_;
  const std::size_t leadingDigits = digitsAt(pos_);
  pos_ += leadingDigits;
  char groupKind = 0;
  for (char kind = 0; std::size_t length = groupLength(pos_, kind);) {
    const std::size_t digits = digitsAt(pos_ + length);
    const bool isSpace = kind == ' ' || kind == 'n' || kind == 'N';
    if (digits == 0 && isSpace) break;  // the space before a currency or a trailing sign
    if (leadingDigits == 0 || digits != 3 || (groupKind == 0 && leadingDigits > 3)) {
      failure_ = misplacedGroup(kind);
      return false;
    }
    if (groupKind != 0 && kind != groupKind) {
      failure_ = fail("mixed group separators in '" + std::string(text_) + "'");
      return false;
    }
    groupKind = kind;
    pos_ += length + digits;
  }
  integerEnd_ = fractionBegin_ = fractionEnd_ = pos_;
  if (at(pos_) == decimalMark_) {
    fractionBegin_ = ++pos_;
    pos_ += digitsAt(pos_);
    fractionEnd_ = pos_;
  }
  if (integerEnd_ == integerBegin_ && fractionEnd_ == fractionBegin_) {
    failure_ = notAnAmount();
    return false;
  }
  if (at(pos_) == decimalMark_) {
    failure_ = fail("more than one decimal mark in '" + std::string(text_) + "'");
    return false;
  }
  if (at(pos_) == otherMark_) {
    failure_ = misplacedGroup(otherMark_);
    return false;
  }
  const char next = at(pos_ + 1);
  if ((at(pos_) == 'e' || at(pos_) == 'E') && (isDigit(next) || next == '-' || next == '+')) {
    failure_ = fail("exponent notation is not an amount: '" + std::string(text_) + "'");
    return false;
  }
  return true;
}

Result<ParsedAmount> AmountScanner::parse(Currency fallback) {
  trim();
  if (text_.empty()) return fail("empty amount");

  // Signs, an opening parenthesis and a currency may come before the number in any order:
  // "-$12", "$-12", "($12)", "USD -12".
  while (pos_ < text_.size() && !isDigit(at(pos_)) && at(pos_) != decimalMark_) {
    if (!readPrefixMark() && !readCurrency()) return failure_ ? *failure_ : notAnAmount();
    skipSpaces();
  }
  if (pos_ == text_.size()) return notAnAmount();
  if (!readNumber()) return *failure_;
  skipSpaces();
  while (pos_ < text_.size()) {
    if (!readSuffixMark() && !readCurrency()) return failure_ ? *failure_ : notAnAmount();
    skipSpaces();
  }

  if (signs_ + opened_ > 1) return fail("more than one sign in '" + std::string(text_) + "'");
  if (opened_ != closed_) return fail("unbalanced parentheses in '" + std::string(text_) + "'");

  const Currency currency = named_ ? *named_ : fallback;
  const int exponent = currency.exponent();
  // The magnitude stops at INT64_MAX for both signs, so every amount read can be negated.
  std::int64_t minor = 0;
  bool overflow = false;
  auto push = [&](char digit) {
    overflow = overflow || __builtin_mul_overflow(minor, 10, &minor) ||
               __builtin_add_overflow(minor, digit - '0', &minor);
  };
  for (std::size_t i = integerBegin_; i < integerEnd_; ++i) {
    if (isDigit(text_[i])) push(text_[i]);
  }
  int decimals = 0;
  for (std::size_t i = fractionBegin_; i < fractionEnd_; ++i, ++decimals) {
    if (decimals < exponent) {
      push(text_[i]);
    } else if (text_[i] != '0') {
      return fail("'" + std::string(text_) + "' has more decimals than " + currency.code() +
                  " allows (" + std::to_string(exponent) + ")");
    }
  }
  for (; decimals < exponent; ++decimals) push('0');
  if (overflow || minor > kLargestAmount) {
    return fail("amount out of range: '" + std::string(text_) + "' (at most " +
                Money(kLargestAmount, currency).toDecimal() + " " + currency.code() + ")");
  }

  return ParsedAmount{Money(negative_ || opened_ > 0 ? -minor : minor, currency),
                      named_.has_value()};
}

}  // namespace

Result<ParsedAmount> parseAmount(std::string_view text, Currency currency, DecimalMark mark) {
  return AmountScanner(text, mark).parse(currency);
}

std::optional<DecimalMark> decimalMarkOf(std::string_view text) {
  const auto lastPoint = text.rfind('.');
  const auto lastComma = text.rfind(',');
  const auto none = std::string_view::npos;
  if (lastPoint == none && lastComma == none) return std::nullopt;
  if (lastPoint != none && lastComma != none) {
    return lastPoint > lastComma ? DecimalMark::Point : DecimalMark::Comma;
  }
  const char mark = lastPoint != none ? '.' : ',';
  const DecimalMark itself = mark == '.' ? DecimalMark::Point : DecimalMark::Comma;
  const DecimalMark other = mark == '.' ? DecimalMark::Comma : DecimalMark::Point;
  // Written more than once, the mark groups thousands.
  if (text.find(mark) != text.rfind(mark)) return other;
  std::size_t digits = 0;
  for (std::size_t i = text.rfind(mark) + 1; i < text.size() && isDigit(text[i]); ++i) ++digits;
  if (digits == 3) return std::nullopt;
  return itself;
}

}  // namespace kindly::money
