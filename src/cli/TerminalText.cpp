// Byte by byte, with one byte of memory: U+0080 to U+009F are 0xC2 0x80 to 0xC2 0x9F in
// UTF-8, and a terminal may take U+009B for the start of an escape sequence.
#include "cli/TerminalText.h"

namespace kindly::cli {

bool TerminalText::put(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (afterC2_) {
    afterC2_ = false;
    if (byte >= 0x80 && byte <= 0x9F) return target_->sputc('?') != traits_type::eof();
    if (target_->sputc(static_cast<char>(0xC2)) == traits_type::eof()) return false;
  }
  if (byte == 0xC2) {
    afterC2_ = true;
    return true;
  }
  const bool control = (byte < 0x20 && c != '\n' && c != '\t') || byte == 0x7F;
  return target_->sputc(control ? '?' : c) != traits_type::eof();
}

int TerminalText::overflow(int c) {
  if (c == traits_type::eof()) return traits_type::not_eof(c);
  return put(static_cast<char>(c)) ? c : traits_type::eof();
}

std::streamsize TerminalText::xsputn(const char* text, std::streamsize count) {
  for (std::streamsize i = 0; i < count; ++i) {
    if (!put(text[i])) return i;
  }
  return count;
}

// A pending 0xC2 is kept: std::cerr flushes after every insertion, and the byte that makes it
// a C1 control may come with the next one.
int TerminalText::sync() { return target_->pubsync(); }

void TerminalText::finish() {
  if (afterC2_) {
    afterC2_ = false;
    target_->sputc(static_cast<char>(0xC2));
  }
  target_->pubsync();
}

TerminalGuard::TerminalGuard(std::ostream& stream, bool isTerminal)
    : stream_(stream), original_(stream.rdbuf()), filter_(original_), active_(isTerminal) {
  if (active_) stream_.rdbuf(&filter_);
}

TerminalGuard::~TerminalGuard() {
  if (!active_) return;
  stream_.flush();
  filter_.finish();
  stream_.rdbuf(original_);
}

}  // namespace kindly::cli
