// A number must hold a digit, so that "Invoice note" or "invoices" name nothing.
#include "importers/profiles/InvoiceMention.h"

#include <regex>

namespace kindly::importers {

std::string invoiceNamedIn(std::string_view text) {
  // "inv" or "invoice", then "no."/"number"/"#"/":" in any mix, then a number with a digit.
  static const std::regex pattern(
      R"((?:^|[^a-z0-9])inv(?:oice)?\.?\s*(?:no\.?|number)?\s*[#:]?\s*([a-z0-9]*[0-9][a-z0-9/-]*))",
      std::regex::icase);
  const std::string copy(text);
  std::smatch match;
  if (!std::regex_search(copy, match, pattern)) return {};
  return match[1].str();
}

}  // namespace kindly::importers
