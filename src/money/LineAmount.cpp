// Exact to the last digit: the product is formed in 128 bits before the one rounding.
#include "money/LineAmount.h"

#include <cstdint>
#include <string>

namespace kindly::money {

namespace {

__extension__ using Wide = __int128;

constexpr int kMostQuantityDecimals = 12;
// The most digits a quantity's text may carry (10^10 units to 12 decimals): times a unit price
// of at most kLargestAmount the product stays far inside 128 bits.
constexpr Wide kMostQuantityDigits = static_cast<Wide>(10'000'000'000) * 1'000'000'000'000;

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

Result<Money> lineAmount(std::string_view quantity, Money unitPrice, DecimalMark mark) {
  const std::string_view text = trimmed(quantity);
  const auto notAQuantity = [&] { return Failure{"not a quantity: '" + std::string(text) + "'"}; };
  if (text.empty()) return Failure{"the quantity is empty"};
  std::size_t at = 0;
  const bool negative = text[0] == '-';
  if (negative) ++at;
  const char decimalMark = mark == DecimalMark::Comma ? ',' : '.';
  Wide digits = 0;
  int decimals = -1;  // -1 until the decimal mark is read
  bool anyDigit = false;
  for (; at < text.size(); ++at) {
    const char c = text[at];
    if (c == decimalMark && decimals < 0) {
      decimals = 0;
      continue;
    }
    if (c < '0' || c > '9') return notAQuantity();
    if (decimals >= 0 && ++decimals > kMostQuantityDecimals) {
      return Failure{"the quantity '" + std::string(text) + "' has more than 12 decimals"};
    }
    digits = digits * 10 + (c - '0');
    if (digits > kMostQuantityDigits) {
      return Failure{"the quantity '" + std::string(text) +
                     "' is beyond what an invoice line holds"};
    }
    anyDigit = true;
  }
  if (!anyDigit) return notAQuantity();
  Wide scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  Wide product = digits * unitPrice.minorUnits();
  const bool below = (product < 0) != negative;
  if (product < 0) product = -product;
  Wide minor = (product + scale / 2) / scale;  // half away from zero
  if (minor > kLargestAmount) {
    return Failure{"the line's amount, " + std::string(text) + " x " + unitPrice.toDecimal() +
                   ", is beyond the largest amount read"};
  }
  if (below) minor = -minor;
  return Money(static_cast<std::int64_t>(minor), unitPrice.currency());
}

}  // namespace kindly::money
