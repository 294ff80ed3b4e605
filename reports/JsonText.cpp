// ASCII, nearly all of a ledger's text, is escaped here; a string with other bytes is handed
// to Poco, whose handling of UTF-8 (and of bytes that are not) it keeps.
#include "reports/JsonText.h"

#include <Poco/JSON/Stringifier.h>

#include <algorithm>

namespace kindly::reports {

void writeJsonString(std::ostream& out, std::string_view value) {
  if (std::any_of(value.begin(), value.end(), [](char c) { return (c & 0x80) != 0; })) {
    Poco::JSON::Stringifier::formatString(std::string(value), out);
    return;
  }
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string text;
  text.reserve(value.size() + 2);
  text += '"';
  for (const char c : value) {
    switch (c) {
      case '"':
        text += "\\\"";
        break;
      case '\\':
        text += "\\\\";
        break;
      case '\b':
        text += "\\b";
        break;
      case '\f':
        text += "\\f";
        break;
      case '\n':
        text += "\\n";
        break;
      case '\r':
        text += "\\r";
        break;
      case '\t':
        text += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          text += "\\u00";
          text += kHex[c >> 4];
          text += kHex[c & 0xF];
        } else {
          text += c;
        }
    }
  }
  text += '"';
  out << text;
}

void writeJsonNumber(std::ostream& out, std::string_view decimal) {
  if (decimal.empty()) {
    out << "null";
    return;
  }
  // The shortest text of the value: no trailing zeros of the fraction, no lone point.
  if (decimal.find('.') != std::string_view::npos) {
    decimal = decimal.substr(0, decimal.find_last_not_of('0') + 1);
    if (decimal.back() == '.') decimal.remove_suffix(1);
  }
  out << decimal;
}

}  // namespace kindly::reports
