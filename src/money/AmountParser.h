// Reads the amounts that exports and people write: "1234.5", "$1,234.56", "(1,234.56)",
// "-1234.56", "1.234,56", "1 234,56", "USD 12.00", "12,00 €".
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "base/Result.h"
#include "money/Money.h"

namespace kindly::money {

// Which character separates the decimals; the other of '.' and ',' may group thousands, as
// may a space, a no-break space (U+00A0), a narrow no-break space (U+202F) and an apostrophe.
enum class DecimalMark { Point, Comma };

struct ParsedAmount {
  Money money;
  bool currencyNamed;  // the text itself named the currency ("USD 12.00", "€12", "£3")
};

// The largest amount read, in minor units: ten trillion dollars in cents. No invoice comes
// near it, and a ledger of amounts this size can be summed exactly (see ImportJob).
inline constexpr std::int64_t kLargestAmount = 1'000'000'000'000'000;

// Parses `text` as an amount in `currency` unless the text names another one by code or by
// an unambiguous symbol (€ EUR, £ GBP, ¥ JPY; "$" names none). Parentheses and a leading or
// trailing minus mean negative. Surrounding spaces are ignored. Fails, with a reason a
// bookkeeper understands, on empty text, garbage, misplaced group separators ("1,50" when the
// mark is a point), more decimals than the currency has (unless they are zeros: "12.3400"
// is 12.34 USD), and amounts beyond kLargestAmount minor units.
Result<ParsedAmount> parseAmount(std::string_view text, Currency currency, DecimalMark mark);

// The decimal mark `text` shows, when it shows one: "1.234,56", "980,00" and "1 234,5" a
// comma; "1,234.56" and "12.5" a point; "1.234.567" a comma (the points group). Nullopt for
// "1,234" or "1.234" (three digits after a single mark could be either) and for text with
// no mark at all.
std::optional<DecimalMark> decimalMarkOf(std::string_view text);

}  // namespace kindly::money
