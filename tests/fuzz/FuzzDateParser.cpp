// The date parser and the date-order sniffer on any text: each value parses to a real day or
// fails with a reason, under every order.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "dates/DateParser.h"
#include "tests/fuzz/FuzzFiles.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kindly::dates;
  const std::string_view text = kindly::fuzz::bytesOf(data, size);
  DateOrderSniffer sniffer;
  // Lines are the values of one column, for the sniffer.
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view value = text.substr(start, end - start);
    sniffer.observe(value);
    for (const DateOrder order :
         {DateOrder::Unknown, DateOrder::DMY, DateOrder::MDY, DateOrder::YMD}) {
      const auto date = parseDate(value, order);
      if (!date && date.error().empty()) std::abort();  // a failure always says why
      if (date && Date::fromYmd(date->year(), date->month(), date->day()) != *date) std::abort();
    }
    start = end + 1;
  }
  const auto verdict = sniffer.verdict();
  if (!verdict && verdict.error().empty()) std::abort();
  return 0;
}
