// Money: exact arithmetic within a currency, overflow, decimal text and per-currency totals.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "money/Money.h"

namespace kindly::money {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

Currency currency(const char* code) { return *Currency::fromCode(code); }
Money usd(std::int64_t cents) { return Money(cents, currency("USD")); }

TEST(Money, addsAndSubtractsInOneCurrency) {
  EXPECT_EQ(usd(1050) + usd(250), usd(1300));
  EXPECT_EQ(usd(1050) - usd(2050), usd(-1000));
  EXPECT_EQ(-usd(1050), usd(-1050));
  Money total = usd(100);
  total += usd(5);
  total -= usd(20);
  EXPECT_EQ(total, usd(85));
}

TEST(Money, refusesToMixCurrencies) {
  const Money euros(100, currency("EUR"));
  EXPECT_THROW(usd(100) + euros, CurrencyMismatch);
  EXPECT_THROW(usd(100) - euros, CurrencyMismatch);
  Money total = usd(100);
  EXPECT_THROW(total += euros, CurrencyMismatch);
  EXPECT_EQ(total, usd(100));
}

TEST(Money, throwsPast64BitsOfMinorUnits) {
  EXPECT_EQ(usd(kMax - 1) + usd(1), usd(kMax));
  EXPECT_THROW(usd(kMax) + usd(1), MoneyOverflow);
  EXPECT_THROW(usd(kMin) - usd(1), MoneyOverflow);
  EXPECT_THROW(usd(kMin) + usd(-1), MoneyOverflow);
  EXPECT_THROW(-usd(kMin), MoneyOverflow);
  EXPECT_EQ(-usd(kMax), usd(kMin + 1));
  // An overflow is an environment-level failure the CLI reports, not a bug.
  EXPECT_THROW(usd(kMax) + usd(kMax), kindly::Error);
}

TEST(Money, writesExactDecimalText) {
  const struct {
    std::int64_t minor;
    const char* code;
    const char* text;
  } cases[] = {
      {123450, "USD", "1234.50"},
      {-5, "USD", "-0.05"},
      {0, "USD", "0.00"},
      {7, "USD", "0.07"},
      {100, "USD", "1.00"},
      {1500, "JPY", "1500"},
      {0, "JPY", "0"},
      {-1500, "JPY", "-1500"},
      {1250, "BHD", "1.250"},
      {-1, "BHD", "-0.001"},
      {7, "CLF", "0.0007"},
      {kMax, "USD", "92233720368547758.07"},
      {kMin, "USD", "-92233720368547758.08"},
      {kMin, "JPY", "-9223372036854775808"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Money(c.minor, currency(c.code)).toDecimal(), c.text) << c.minor << " " << c.code;
  }
}

TEST(Money, tellsZeroAndNegative) {
  EXPECT_TRUE(Money::zero(currency("EUR")).isZero());
  EXPECT_EQ(Money::zero(currency("EUR")).currency(), currency("EUR"));
  EXPECT_FALSE(usd(-1).isZero());
  EXPECT_TRUE(usd(-1).isNegative());
  EXPECT_FALSE(usd(0).isNegative());
}

TEST(Money, keepsTotalsPerCurrency) {
  Totals totals;
  addTo(totals, usd(1000));
  addTo(totals, Money(500, currency("EUR")));
  addTo(totals, usd(-250));
  addTo(totals, Money(3, currency("JPY")));
  ASSERT_EQ(totals.size(), 3u);
  EXPECT_EQ(totals.at(currency("USD")), usd(750));
  EXPECT_EQ(totals.at(currency("EUR")), Money(500, currency("EUR")));
  EXPECT_EQ(totals.at(currency("JPY")), Money(3, currency("JPY")));
  EXPECT_EQ(totals.begin()->first, currency("EUR"));  // ordered by code
}

TEST(Money, totalThatWouldOverflowThrowsAndKeepsTheOldTotal) {
  Totals totals;
  addTo(totals, usd(kMax));
  EXPECT_THROW(addTo(totals, usd(1)), MoneyOverflow);
  EXPECT_EQ(totals.at(currency("USD")), usd(kMax));
}

}  // namespace
}  // namespace kindly::money
