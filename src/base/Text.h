// Small text helpers shared by the parsers and writers.
#pragma once

#include <string>
#include <string_view>

namespace kindly {

// Without leading and trailing spaces, tabs and line breaks.
std::string_view trim(std::string_view text);
// ASCII letters lowered; other bytes unchanged.
std::string toLower(std::string_view text);
// True when `text` is well-formed UTF-8.
bool isValidUtf8(std::string_view text);
// The text as compared when matching names: ASCII letters lowered, ASCII punctuation and
// spaces dropped, '&' read as "and", other characters kept ("ACME Ltd." and "acme ltd" match).
std::string matchingKey(std::string_view text);
// `text` with every byte that is not part of well-formed UTF-8 replaced by U+FFFD: for
// output that declares UTF-8, whatever an import let through.
std::string repairUtf8(std::string_view text);

// One line of text, safe on a terminal: control characters (line breaks, escapes, C1
// controls such as U+009B) become spaces, runs of spaces one, no space at either end,
// invalid UTF-8 repaired. For every piece of outside text put into a line of output.
std::string oneLine(std::string_view text);
// `text` as one word for a POSIX shell: as it is when made only of letters, digits and
// "@%+=:,./-_", else in single quotes ('O'\''Brien'), so that a printed command line
// copied into a shell runs that command and nothing else.
std::string shellQuote(std::string_view text);

}  // namespace kindly
