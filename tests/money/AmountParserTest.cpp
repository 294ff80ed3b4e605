// parseAmount: every shape an export writes, and every malformed one it must refuse.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <new>
#include <string>

#include "money/AmountParser.h"

// Counts heap allocations so a test can hold the parser to allocating nothing.
namespace {
std::atomic<long> allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  ++allocations;
  if (void* memory = std::malloc(size == 0 ? 1 : size)) return memory;
  throw std::bad_alloc();
}
// Every form of new that the deletes below may free, so that AddressSanitizer never sees
// its own new paired with free().
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  ++allocations;
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept {
  return operator new(size, tag);
}
// Not inlined, so GCC does not pair the free() with a new-expression and warn.
[[gnu::noinline]] void operator delete(void* memory) noexcept { std::free(memory); }
[[gnu::noinline]] void operator delete(void* memory, std::size_t) noexcept { std::free(memory); }
[[gnu::noinline]] void operator delete[](void* memory) noexcept { std::free(memory); }
[[gnu::noinline]] void operator delete[](void* memory, std::size_t) noexcept { std::free(memory); }
[[gnu::noinline]] void operator delete(void* memory, const std::nothrow_t&) noexcept {
  std::free(memory);
}
[[gnu::noinline]] void operator delete[](void* memory, const std::nothrow_t&) noexcept {
  std::free(memory);
}

namespace kindly::money {
namespace {

constexpr auto kPoint = DecimalMark::Point;
constexpr auto kComma = DecimalMark::Comma;

Currency currency(const char* code) { return *Currency::fromCode(code); }

struct Accepted {
  const char* text;
  const char* currency;  // the one the caller passes
  DecimalMark mark;
  std::int64_t minor;
  const char* readAs;  // the currency of the result
  bool named;
};

void expectAccepted(const Accepted& c) {
  const Result<ParsedAmount> parsed = parseAmount(c.text, currency(c.currency), c.mark);
  ASSERT_TRUE(parsed) << "'" << c.text << "': " << parsed.error();
  EXPECT_EQ(parsed->money.minorUnits(), c.minor) << c.text;
  EXPECT_EQ(parsed->money.currency().code(), c.readAs) << c.text;
  EXPECT_EQ(parsed->currencyNamed, c.named) << c.text;
}

struct Rejected {
  const char* text;
  const char* currency;
  DecimalMark mark;
  const char* reasonPart;
};

void expectRejected(const Rejected& c) {
  const Result<ParsedAmount> parsed = parseAmount(c.text, currency(c.currency), c.mark);
  ASSERT_FALSE(parsed) << "'" << c.text << "' read as " << parsed->money.toDecimal();
  EXPECT_NE(parsed.error().find(c.reasonPart), std::string::npos)
      << "'" << c.text << "': " << parsed.error();
}

TEST(AmountParser, readsPlainAndSignedAmounts) {
  const Accepted cases[] = {
      {"1234.5", "USD", kPoint, 123450, "USD", false},
      {"1234.56", "USD", kPoint, 123456, "USD", false},
      {"-1234.56", "USD", kPoint, -123456, "USD", false},
      {"+12", "USD", kPoint, 1200, "USD", false},
      {"12-", "USD", kPoint, -1200, "USD", false},
      {"(1,234.56)", "USD", kPoint, -123456, "USD", false},
      {"- 12", "USD", kPoint, -1200, "USD", false},
      {"0", "USD", kPoint, 0, "USD", false},
      {"-0.00", "USD", kPoint, 0, "USD", false},
      {".5", "USD", kPoint, 50, "USD", false},
      {"12.", "USD", kPoint, 1200, "USD", false},
      {"007.50", "USD", kPoint, 750, "USD", false},
      {"  12.34\t", "USD", kPoint, 1234, "USD", false},
  };
  for (const Accepted& c : cases) expectAccepted(c);
}

TEST(AmountParser, readsCurrencySymbolsAndCodesOnEitherSide) {
  const Accepted cases[] = {
      {"$1,234.56", "USD", kPoint, 123456, "USD", false},
      {"$-12.00", "USD", kPoint, -1200, "USD", false},
      {"-$12.00", "USD", kPoint, -1200, "USD", false},
      {"($12.00)", "USD", kPoint, -1200, "USD", false},
      {"$(12.00)", "USD", kPoint, -1200, "USD", false},
      {"$12", "CAD", kPoint, 1200, "CAD", false},  // "$" names no currency
      {"12 $", "USD", kPoint, 1200, "USD", false},
      {"USD 12.00", "USD", kPoint, 1200, "USD", true},
      {"12.00 USD", "USD", kPoint, 1200, "USD", true},
      {"USD12", "USD", kPoint, 1200, "USD", true},
      {"12USD", "USD", kPoint, 1200, "USD", true},
      {"usd 12", "USD", kPoint, 1200, "USD", true},
      {"USD -12.00", "USD", kPoint, -1200, "USD", true},
      {"12.00 USD-", "USD", kPoint, -1200, "USD", true},
      {"12EUR", "USD", kPoint, 1200, "EUR", true},
      {"EUR 12.5", "USD", kPoint, 1250, "EUR", true},
      {"\xE2\x82\xAC"
       "12",
       "USD", kPoint, 1200, "EUR", true},
      {"\xC2\xA3"
       "3",
       "USD", kPoint, 300, "GBP", true},
      {"\xC2\xA5"
       "1500",
       "USD", kPoint, 1500, "JPY", true},
      {"12,00 \xE2\x82\xAC", "EUR", kComma, 1200, "EUR", true},
      {"Rp2.252.252,25", "USD", kComma, 225225225, "IDR", true},
      {"(\xE2\x82\xAC"
       "1.234,56)",
       "EUR", kComma, -123456, "EUR", true},
  };
  for (const Accepted& c : cases) expectAccepted(c);
}

TEST(AmountParser, readsGroupSeparatorsOfEitherMark) {
  const Accepted cases[] = {
      {"1,234", "USD", kPoint, 123400, "USD", false},
      {"1,234,567.89", "USD", kPoint, 123456789, "USD", false},
      {"1 234.56", "USD", kPoint, 123456, "USD", false},
      {"1'234.56", "USD", kPoint, 123456, "USD", false},
      {"12 000 USD", "USD", kPoint, 1200000, "USD", true},
      {"1.234,56", "EUR", kComma, 123456, "EUR", false},
      {"1.234", "EUR", kComma, 123400, "EUR", false},
      {"1.234.567,89", "EUR", kComma, 123456789, "EUR", false},
      {"1 234,56", "EUR", kComma, 123456, "EUR", false},
      {"1'234,56", "CHF", kComma, 123456, "CHF", false},
  };
  for (const Accepted& c : cases) expectAccepted(c);
}

TEST(AmountParser, readsDecimalCommaWithNoBreakSpaces) {
  const Accepted cases[] = {
      {"1\xC2\xA0"
       "234,56",
       "EUR", kComma, 123456, "EUR", false},
      {"1\xE2\x80\xAF"
       "234\xE2\x80\xAF"
       "567,89",
       "EUR", kComma, 123456789, "EUR", false},
      {"\xC2\xA0"
       "12,50\xC2\xA0\xE2\x82\xAC\xC2\xA0",
       "EUR", kComma, 1250, "EUR", true},
  };
  for (const Accepted& c : cases) expectAccepted(c);
}

TEST(AmountParser, usesTheDecimalsOfTheCurrency) {
  const Accepted cases[] = {
      {"1500", "JPY", kPoint, 1500, "JPY", false},
      {"1,500.00", "JPY", kPoint, 1500, "JPY", false},
      {"JPY 1500", "USD", kPoint, 1500, "JPY", true},
      {"1.250", "BHD", kPoint, 1250, "BHD", false},
      {"1.2", "BHD", kPoint, 1200, "BHD", false},
      {"BHD 1.250", "USD", kPoint, 1250, "BHD", true},
      {"1.2345", "CLF", kPoint, 12345, "CLF", false},
      {"12.3400", "USD", kPoint, 1234, "USD", false},
  };
  for (const Accepted& c : cases) expectAccepted(c);
}

TEST(AmountParser, readsUpToTheLargestAmount) {
  const Accepted cases[] = {
      {"10000000000000.00", "USD", kPoint, kLargestAmount, "USD", false},
      {"10,000,000,000,000.00", "USD", kPoint, kLargestAmount, "USD", false},
      {"-10000000000000.00", "USD", kPoint, -kLargestAmount, "USD", false},
      {"1000000000000000", "JPY", kPoint, kLargestAmount, "JPY", false},
  };
  for (const Accepted& c : cases) expectAccepted(c);
}

// Amounts near 64 bits were read, and their sums wrapped: `clients` printed a negative
// balance for a client owed two of them.
TEST(AmountParser, refusesAmountsBeyondWhatSumsExactly) {
  const Rejected cases[] = {
      {"10000000000000.01", "USD", kPoint, "out of range"},
      {"92233720368547758.07", "USD", kPoint, "out of range"},
      {"-9223372036854775807", "JPY", kPoint, "(at most 1000000000000000 JPY)"},
  };
  for (const Rejected& c : cases) expectRejected(c);
}

TEST(AmountParser, rejectsEmptyAndGarbage) {
  const Rejected cases[] = {
      {"", "USD", kPoint, "empty amount"},
      {"   ", "USD", kPoint, "empty amount"},
      {"-", "USD", kPoint, "not an amount: '-'"},
      {"$", "USD", kPoint, "not an amount"},
      {"USD", "USD", kPoint, "not an amount"},
      {".", "USD", kPoint, "not an amount"},
      {",5", "USD", kPoint, "not an amount"},
      {"abc", "USD", kPoint, "not an amount: 'abc'"},
      {"twelve", "USD", kPoint, "not an amount"},
      {"12abc", "USD", kPoint, "unknown currency 'abc' in '12abc'"},
      {"12.34x", "USD", kPoint, "not an amount"},
      {"12 - 3", "USD", kPoint, "not an amount"},
      {"NaN", "USD", kPoint, "not an amount"},
      {"inf", "USD", kPoint, "not an amount"},
      {"-Infinity", "USD", kPoint, "not an amount"},
      {"0x10", "USD", kPoint, "not an amount"},
      {"1e5", "USD", kPoint, "exponent"},
      {"1.5E-3", "USD", kPoint, "exponent"},
      {"XYZ 12", "USD", kPoint, "unknown currency 'XYZ'"},
      {"USD 12 EUR", "USD", kPoint, "two currencies"},
      {"$12 USD", "USD", kPoint, "two currencies"},
  };
  for (const Rejected& c : cases) expectRejected(c);
}

TEST(AmountParser, rejectsTwoSignsAndUnbalancedParentheses) {
  const Rejected cases[] = {
      {"--12", "USD", kPoint, "more than one sign"},
      {"+-12", "USD", kPoint, "more than one sign"},
      {"-12-", "USD", kPoint, "more than one sign"},
      {"(-12)", "USD", kPoint, "more than one sign"},
      {"((12))", "USD", kPoint, "more than one sign"},
      {"(12", "USD", kPoint, "unbalanced parentheses"},
      {"12)", "USD", kPoint, "unbalanced parentheses"},
  };
  for (const Rejected& c : cases) expectRejected(c);
}

TEST(AmountParser, rejectsMisplacedSeparators) {
  const Rejected cases[] = {
      {"1,50", "USD", kPoint, "if ',' is the decimal mark, read the file with a decimal comma"},
      {"1,5", "USD", kPoint, "decimal comma"},
      {"1.234,56", "USD", kPoint, "decimal comma"},
      {"1.5", "EUR", kComma, "if '.' is the decimal mark, read the file with a decimal point"},
      {"1,234.56", "EUR", kComma, "decimal point"},
      {"1234,567", "USD", kPoint, "misplaced group separator"},
      {"1,23,456", "USD", kPoint, "misplaced group separator"},
      {"1,2345", "USD", kPoint, "misplaced group separator"},
      {"12 34", "USD", kPoint, "misplaced group separator in '12 34'"},
      {"1,234 567", "USD", kPoint, "mixed group separators"},
      {"1.2.3", "USD", kPoint, "more than one decimal mark"},
      {"1,2,3", "EUR", kComma, "more than one decimal mark"},
  };
  for (const Rejected& c : cases) expectRejected(c);
}

TEST(AmountParser, rejectsMoreDecimalsThanTheCurrencyHas) {
  const Rejected cases[] = {
      {"12.345", "USD", kPoint, "more decimals than USD allows (2)"},
      {"12.5", "JPY", kPoint, "more decimals than JPY allows (0)"},
      {"JPY 12.5", "USD", kPoint, "more decimals than JPY allows (0)"},
      {"1.2345", "BHD", kPoint, "more decimals than BHD allows (3)"},
      {"12.3401", "USD", kPoint, "more decimals"},
  };
  for (const Rejected& c : cases) expectRejected(c);
}

TEST(AmountParser, rejectsAmountsBeyond64BitsOfMinorUnits) {
  const Rejected cases[] = {
      {"92233720368547758.08", "USD", kPoint, "out of range"},
      {"-92233720368547758.08", "USD", kPoint, "out of range"},
      {"9223372036854775808", "JPY", kPoint, "out of range"},
      {"92233720368547758", "BHD", kPoint, "out of range"},
      {"99999999999999999999999999", "USD", kPoint, "out of range"},
  };
  for (const Rejected& c : cases) expectRejected(c);
}

TEST(AmountParser, allocatesNothingForOrdinaryAmounts) {
  const Currency usd = currency("USD");
  for (const char* text : {"1234.56", "$1,234.56", "(1,234.56)", "USD 12.00", "12.00 EUR"}) {
    const long before = allocations.load();
    const Result<ParsedAmount> parsed = parseAmount(text, usd, kPoint);
    const long after = allocations.load();
    EXPECT_TRUE(parsed) << text;
    EXPECT_EQ(after - before, 0) << text;
  }
  // The counter does see allocations: a rejection builds its reason.
  const long before = allocations.load();
  EXPECT_FALSE(parseAmount("garbage that needs a reason to be written out", usd, kPoint));
  EXPECT_GT(allocations.load(), before);
}

}  // namespace
}  // namespace kindly::money

namespace kindly::money {
namespace {

TEST(AmountParser, decimalMarkOfTellsTheMarkWhereTheTextSettlesIt) {
  struct Case {
    const char* text;
    std::optional<DecimalMark> mark;
  };
  const Case cases[] = {
      {"1.234,56 €", DecimalMark::Comma},
      {"980,00", DecimalMark::Comma},
      {"1 234,5", DecimalMark::Comma},
      {"1.234.567", DecimalMark::Comma},
      {"$1,234.56", DecimalMark::Point},
      {"12.5", DecimalMark::Point},
      {"1,234,567", DecimalMark::Point},
      {"(45.00)", DecimalMark::Point},
      {"1,234", std::nullopt},
      {"1.234", std::nullopt},
      {"1200", std::nullopt},
      {"", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(decimalMarkOf(c.text), c.mark) << c.text;
}

}  // namespace
}  // namespace kindly::money
