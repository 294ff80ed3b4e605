// Outside text on its way to a terminal or a printed command line: one line, no escapes, and
// quoted for a shell.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "base/Text.h"
#include "cli/TerminalText.h"

namespace kindly {
namespace {

std::string throughTerminal(const std::string& text) {
  std::ostringstream screen;
  {
    const cli::TerminalGuard guard(screen, true);
    screen << text;
    screen.put('x').put('\xC2');  // one byte at a time too, and a 0xC2 left at the end
  }
  return screen.str();
}

TEST(TerminalText, escapesCarriageReturnsAndC1ControlsShowAsQuestionMarks) {
  EXPECT_EQ(throughTerminal("a\x1b]0;title\x07 b\rc \xC2\x9B"
                            "31m\n\tok"),
            "a?]0;title? b?c ?31m\n\tokx\xC2");
}

TEST(TerminalText, lettersOfEveryScriptPassAsTheyAre) {
  EXPECT_EQ(throughTerminal("Caf\xC3\xA9 \xC2\xA3"
                            "5 \xE2\x82\xAC"),
            "Caf\xC3\xA9 \xC2\xA3"
            "5 \xE2\x82\xACx\xC2");
}

TEST(TerminalText, aStreamThatIsNoTerminalIsLeftAlone) {
  std::ostringstream file;
  {
    const cli::TerminalGuard guard(file, false);
    file << "a\x1b[2J\r\n";
  }
  EXPECT_EQ(file.str(), "a\x1b[2J\r\n");
}

// A client name with a line break forged a whole "Sent ..." line of `kindly send`.
TEST(TerminalText, oneLineTakesLineBreaksEscapesAndC1ControlsOut) {
  EXPECT_EQ(oneLine("Evil\nSent 999-fake.eml to boss@example.com"),
            "Evil Sent 999-fake.eml to boss@example.com");
  EXPECT_EQ(oneLine("  a\r\n\tb\x1b[2J \xC2\x9B"
                    "31m  "),
            "a b [2J 31m");
  EXPECT_EQ(oneLine("Caf\xC3\xA9 \xC2\xA3"
                    "5"),
            "Caf\xC3\xA9 \xC2\xA3"
            "5");
}

// `kindly log CODE` was printed with the code as it was: copied into a shell, it ran what
// the code held.
TEST(TerminalText, shellQuoteMakesOneWordOfAnything) {
  EXPECT_EQ(shellQuote("C0001"), "C0001");
  EXPECT_EQ(shellQuote("gentle-reminder"), "gentle-reminder");
  EXPECT_EQ(shellQuote("C1$(touch owned);rm -rf x"), "'C1$(touch owned);rm -rf x'");
  EXPECT_EQ(shellQuote("O'Brien"), "'O'\\''Brien'");
  EXPECT_EQ(shellQuote(""), "''");
}

}  // namespace
}  // namespace kindly
