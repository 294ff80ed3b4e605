// Amounts and days in one call for tests: usd(123450) is 1234.50 USD, day(2026, 11, 20) is
// 20 November 2026. Bad codes and impossible days throw, so a typo fails the test loudly.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "dates/Date.h"
#include "money/Currency.h"
#include "money/Money.h"

namespace kindly::testing {

inline money::Currency currency(std::string_view code) {
  const auto found = money::Currency::fromCode(code);
  if (!found) throw std::invalid_argument("no such currency " + std::string(code));
  return *found;
}

// An amount in minor units: usd(123450) is 1234.50 USD, jpy(1500) is 1500 JPY.
inline money::Money amount(std::int64_t minorUnits, std::string_view code) {
  return money::Money(minorUnits, currency(code));
}
inline money::Money usd(std::int64_t cents) { return amount(cents, "USD"); }
inline money::Money eur(std::int64_t cents) { return amount(cents, "EUR"); }
inline money::Money gbp(std::int64_t pence) { return amount(pence, "GBP"); }
inline money::Money jpy(std::int64_t yen) { return amount(yen, "JPY"); }
inline money::Money bhd(std::int64_t fils) { return amount(fils, "BHD"); }

inline dates::Date day(int year, int month, int dayOfMonth) {
  const auto date = dates::Date::fromYmd(year, month, dayOfMonth);
  if (!date) throw std::invalid_argument("no such day");
  return *date;
}

}  // namespace kindly::testing
