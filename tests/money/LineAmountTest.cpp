// lineAmount: a quantity times a unit price, exact, rounded once.
#include <gtest/gtest.h>

#include "money/LineAmount.h"

namespace kindly::money {
namespace {

const Currency kUsd = *Currency::fromCode("USD");
const Currency kJpy = *Currency::fromCode("JPY");

std::string times(std::string_view quantity, std::int64_t unitMinor, Currency currency = kUsd,
                  DecimalMark mark = DecimalMark::Point) {
  const auto amount = lineAmount(quantity, Money(unitMinor, currency), mark);
  return amount ? amount->toDecimal() : "error: " + amount.error();
}

TEST(LineAmount, wholeQuantitiesMultiplyExactly) {
  EXPECT_EQ(times("3", 8100), "243.00");
  EXPECT_EQ(times("10.00000000", 6500), "650.00");
  EXPECT_EQ(times(" 45 ", 15000), "6750.00");
}

TEST(LineAmount, fractionsRoundHalfAwayFromZeroOnce) {
  EXPECT_EQ(times("1.5", 333), "5.00");    // 4.995
  EXPECT_EQ(times("0.333", 100), "0.33");  // 0.333
  EXPECT_EQ(times("2.5", 1), "0.03");      // 0.025
  EXPECT_EQ(times("-2.5", 1), "-0.03");    // a returned line
  EXPECT_EQ(times("2.5", -1), "-0.03");    // a discount line
  EXPECT_EQ(times("1,25", 400, kUsd, DecimalMark::Comma), "5.00");
  EXPECT_EQ(times("1.5", 99, kJpy), "149");
}

TEST(LineAmount, refusesWhatIsNotAQuantity) {
  EXPECT_EQ(times("", 100), "error: the quantity is empty");
  EXPECT_EQ(times("three", 100), "error: not a quantity: 'three'");
  EXPECT_EQ(times("1.2.3", 100), "error: not a quantity: '1.2.3'");
  EXPECT_EQ(times("-", 100), "error: not a quantity: '-'");
  EXPECT_EQ(times("1,5", 100), "error: not a quantity: '1,5'");  // a decimal point file
  EXPECT_EQ(times("0.1234567890123", 100),
            "error: the quantity '0.1234567890123' has more than 12 decimals");
}

TEST(LineAmount, refusesProductsBeyondTheLargestAmount) {
  EXPECT_NE(times("1000000", kLargestAmount / 10).find("beyond the largest amount"),
            std::string::npos);
  EXPECT_NE(
      times("99999999999999999999999999999999", kLargestAmount).find("beyond what an invoice"),
      std::string::npos);
}

}  // namespace
}  // namespace kindly::money
