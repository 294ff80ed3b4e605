// The day a report's title rows say it was made: "Invoice Ninja v4.5.17 - December 19, 2020
// 11:28 pm", "As of 2026-11-20".
#pragma once

#include <optional>
#include <string_view>

#include "dates/Date.h"

namespace kindly::importers {

// The first date written out in `text` as a month's name, day and year ("December 19, 2020",
// "Dec 19 2020", "20 November 2026") or as ISO ("2020-12-19"); nullopt when there is none. Numeric
// dates such as 12/19/20 are not taken: in a title their order cannot be known.
std::optional<dates::Date> dateStatedIn(std::string_view text);

}  // namespace kindly::importers
