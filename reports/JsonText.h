// JSON text written straight to a stream, for outputs of many rows: the same bytes Poco::JSON
// writes for the same values, without building an object for every row.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

namespace kindly::reports {

// `value` as a quoted JSON string, escaped as Poco::JSON::Stringifier escapes it.
void writeJsonString(std::ostream& out, std::string_view value);

// A figure printed as decimal text ("28.60", "141.0") as the JSON number Poco writes for its
// value ("28.6", "141"); null when the text is empty (the figure is undefined).
void writeJsonNumber(std::ostream& out, std::string_view decimal);

}  // namespace kindly::reports
