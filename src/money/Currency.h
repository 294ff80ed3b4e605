// An ISO 4217 currency: its three-letter code and the decimals of its minor unit.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kindly::money {

class Currency {
 public:
  // The currency for an ISO 4217 code, letters in any case ("usd" is USD); nullopt for
  // anything that is not a current ISO 4217 code.
  static std::optional<Currency> fromCode(std::string_view code);

  // The three upper-case letters ("USD").
  std::string code() const;
  // Decimals of the minor unit: JPY 0, USD 2, BHD 3.
  int exponent() const { return exponent_; }

  friend bool operator==(const Currency&, const Currency&) = default;
  friend auto operator<=>(const Currency& a, const Currency& b) { return a.packed_ <=> b.packed_; }

 private:
  Currency(std::uint32_t packed, int exponent) : packed_(packed), exponent_(exponent) {}
  std::uint32_t packed_;  // the code's letters, first letter most significant: sorts by code
  int exponent_;
};

}  // namespace kindly::money
