// Widths count code points, so "Café Lumière" lines up with "Cafe Lumiere"; control
// characters are shown as spaces.
#include "reports/TableText.h"

#include <algorithm>

namespace kindly::reports {

std::size_t displayWidth(std::string_view text) {
  return std::count_if(text.begin(), text.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

std::string fitted(std::string_view name, std::size_t width) {
  std::string out;
  std::size_t shown = 0;
  for (std::size_t i = 0; i < name.size();) {
    std::size_t length = 1;
    while (i + length < name.size() &&
           (static_cast<unsigned char>(name[i + length]) & 0xC0) == 0x80) {
      ++length;
    }
    if (shown + 1 == width && displayWidth(name.substr(i)) > 1) {
      out += "…";
      ++shown;
      break;
    }
    const auto byte = static_cast<unsigned char>(name[i]);
    if (byte < 0x20 || byte == 0x7F) {
      // A line break or a terminal escape in a name would break the table, or worse.
      out += ' ';
    } else {
      out.append(name.substr(i, length));
    }
    ++shown;
    i += length;
  }
  return out + std::string(width - std::min(width, shown), ' ');
}

std::string padLeft(const std::string& text, std::size_t width) {
  return std::string(width - std::min(width, displayWidth(text)), ' ') + text;
}

}  // namespace kindly::reports
