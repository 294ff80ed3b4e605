// Currency: the ISO 4217 table, its minor units and case-insensitive lookup.
#include <gtest/gtest.h>

#include <string>

#include "money/Currency.h"

namespace kindly::money {
namespace {

Currency currency(const char* code) { return *Currency::fromCode(code); }

TEST(Currency, knowsTheDecimalsOfEachMinorUnit) {
  const struct {
    const char* code;
    int exponent;
  } cases[] = {
      {"USD", 2}, {"EUR", 2}, {"GBP", 2}, {"CHF", 2}, {"JPY", 0}, {"KRW", 0}, {"VND", 0},
      {"CLP", 0}, {"ISK", 0}, {"XOF", 0}, {"XAF", 0}, {"BHD", 3}, {"KWD", 3}, {"OMR", 3},
      {"JOD", 3}, {"TND", 3}, {"LYD", 3}, {"IQD", 3}, {"CLF", 4}, {"UYW", 4}, {"AED", 2},
      {"ZWG", 2}, {"XCG", 2}, {"VED", 2}, {"SLE", 2}, {"ZAR", 2}, {"AFN", 2},
  };
  for (const auto& c : cases) {
    const std::optional<Currency> found = Currency::fromCode(c.code);
    ASSERT_TRUE(found) << c.code;
    EXPECT_EQ(found->code(), c.code);
    EXPECT_EQ(found->exponent(), c.exponent) << c.code;
  }
}

TEST(Currency, readsCodesInAnyCase) {
  for (const char* code : {"usd", "Usd", "uSD", "USD"}) {
    const std::optional<Currency> found = Currency::fromCode(code);
    ASSERT_TRUE(found) << code;
    EXPECT_EQ(found->code(), "USD");
    EXPECT_EQ(*found, currency("USD"));
  }
}

TEST(Currency, rejectsWhatIsNotACurrentCode) {
  for (const char* code : {"", "US", "USDD", "US ", " US", "U$D", "123", "ABC", "HRK", "ZWL", "XXX",
                           "XAU", "DEM", "\xC2\xA3X"}) {
    EXPECT_FALSE(Currency::fromCode(code)) << code;
  }
}

TEST(Currency, sortsByCode) {
  EXPECT_LT(currency("EUR"), currency("GBP"));
  EXPECT_LT(currency("GBP"), currency("USD"));
  EXPECT_LT(currency("AED"), currency("ZWG"));
  EXPECT_NE(currency("USD"), currency("USN"));
}

}  // namespace
}  // namespace kindly::money
