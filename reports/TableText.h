// Text for fixed-width terminal tables: widths in characters, names cut to fit.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kindly::reports {

// Code points of UTF-8 text: what a terminal shows as characters (wide scripts aside).
std::size_t displayWidth(std::string_view text);

// The text cut to `width` characters (ending in "…" when cut) and padded to it; each control
// character (line breaks, escapes) shown as a space.
std::string fitted(std::string_view text, std::size_t width);

// The text right-aligned in `width` characters (never cut).
std::string padLeft(const std::string& text, std::size_t width);

}  // namespace kindly::reports
