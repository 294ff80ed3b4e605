// An exact amount: a whole number of minor units (cents, yen, fils) in one currency.
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>

#include "base/Error.h"
#include "money/Currency.h"

namespace kindly::money {

// Adding or comparing two currencies: a bug in the caller, never expected data.
class CurrencyMismatch : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

// A sum beyond what 64 bits of minor units hold.
class MoneyOverflow : public Error {
 public:
  using Error::Error;
};

class Money {
 public:
  Money(std::int64_t minorUnits, Currency currency) : minor_(minorUnits), currency_(currency) {}
  static Money zero(Currency currency) { return Money(0, currency); }

  std::int64_t minorUnits() const { return minor_; }
  Currency currency() const { return currency_; }
  bool isZero() const { return minor_ == 0; }
  bool isNegative() const { return minor_ < 0; }

  // Arithmetic within one currency; throws CurrencyMismatch across currencies and
  // MoneyOverflow past 64 bits.
  Money operator+(const Money& other) const;
  Money operator-(const Money& other) const;
  Money operator-() const;
  Money& operator+=(const Money& other) { return *this = *this + other; }
  Money& operator-=(const Money& other) { return *this = *this - other; }

  // Exact decimal text with the currency's decimals and no grouping: "1234.50", "-0.05",
  // "1500" (JPY), "1.250" (BHD).
  std::string toDecimal() const;

  friend bool operator==(const Money&, const Money&) = default;

 private:
  std::int64_t minor_;
  Currency currency_;
};

// Totals are kept per currency, never mixed.
using Totals = std::map<Currency, Money>;

// Adds `amount` to its currency's total.
void addTo(Totals& totals, const Money& amount);

}  // namespace kindly::money
