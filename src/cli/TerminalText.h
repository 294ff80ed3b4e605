// What Kindly prints to a terminal, with the control characters that outside text may hold
// (escape sequences, carriage returns, C1 controls) shown as '?': an export's names cannot
// move the cursor, retitle the window or hide what was printed before them.
#pragma once

#include <ostream>
#include <streambuf>

namespace kindly::cli {

class TerminalText : public std::streambuf {
 public:
  // Filters what goes to `target`; line feeds and tabs pass as they are.
  explicit TerminalText(std::streambuf* target) : target_(target) {}
  // Writes what is held back (a last 0xC2) and flushes the target.
  void finish();

 protected:
  int overflow(int c) override;
  std::streamsize xsputn(const char* text, std::streamsize count) override;
  int sync() override;

 private:
  bool put(char c);

  std::streambuf* target_;
  bool afterC2_ = false;  // 0xC2 seen: the next byte may make it a C1 control
};

// Puts a TerminalText between `stream` and its buffer while it lives, when `isTerminal`.
class TerminalGuard {
 public:
  TerminalGuard(std::ostream& stream, bool isTerminal);
  ~TerminalGuard();
  TerminalGuard(const TerminalGuard&) = delete;
  TerminalGuard& operator=(const TerminalGuard&) = delete;

 private:
  std::ostream& stream_;
  std::streambuf* original_;
  TerminalText filter_;
  bool active_;
};

}  // namespace kindly::cli
