// The amount of an invoice line given as a quantity and a unit price, as exports write the
// lines of an invoice whose total they leave out (Xero's import layout, FreshBooks' rates).
#pragma once

#include <string_view>

#include "base/Result.h"
#include "money/AmountParser.h"
#include "money/Money.h"

namespace kindly::money {

// `quantity` units at `unitPrice` each. The quantity is a decimal number ("3", "10.00000000",
// "-2", "1,5" with a decimal comma), at most 12 decimals; the product is rounded half away
// from zero to the currency's minor unit, the one rounding step. Fails, saying why, on text
// that is not such a number and on a product beyond kLargestAmount.
Result<Money> lineAmount(std::string_view quantity, Money unitPrice, DecimalMark mark);

}  // namespace kindly::money
