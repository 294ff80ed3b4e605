// A byte-level state machine: unquoted runs are copied in one step, so a field costs no
// allocation of its own; record_ grows to the longest record and is then reused.
#include "importers/CsvReader.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "base/Error.h"

namespace kindly::importers {

namespace {

constexpr std::size_t kChunk = 1 << 20;

char sniffDelimiter(std::string_view firstLine) {
  std::array<std::size_t, 3> counts{};
  constexpr std::array<char, 3> kCandidates{',', ';', '\t'};
  bool quoted = false;
  for (char c : firstLine) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    for (std::size_t i = 0; i < kCandidates.size(); ++i) counts[i] += c == kCandidates[i];
  }
  auto most = std::max_element(counts.begin(), counts.end());
  return *most == 0 ? ',' : kCandidates[most - counts.begin()];
}

}  // namespace

CsvReader::CsvReader(const std::string& path) : path_(path), in_(path, std::ios::binary) {
  if (!in_) throw InputError(path + ": cannot open the file");
  fill();
  if (buffer_.empty()) throw InputError(path + ": the file is empty");
  checkIsText(std::string_view(buffer_).substr(0, 4096));
  if (buffer_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
  std::string_view rest = std::string_view(buffer_).substr(pos_);
  delimiter_ = sniffDelimiter(rest.substr(0, rest.find('\n')));
}

void CsvReader::checkIsText(std::string_view head) const {
  if (head.starts_with("PK\x03\x04")) {
    throw InputError(path_ +
                     ": this is a zip or Excel (.xlsx) file, not CSV; save it as CSV first");
  }
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) {
    throw InputError(path_ + ": the file is UTF-16 text; save it as CSV UTF-8");
  }
  if (head.find('\0') != std::string_view::npos) {
    throw InputError(path_ + ": this is a binary file, not CSV text");
  }
}

bool CsvReader::fill() {
  buffer_.erase(0, pos_);
  pos_ = 0;
  const std::size_t old = buffer_.size();
  buffer_.resize(old + kChunk);
  in_.read(buffer_.data() + old, kChunk);
  buffer_.resize(old + static_cast<std::size_t>(in_.gcount()));
  return buffer_.size() > old;
}

bool CsvReader::next() {
  record_.clear();
  ends_.clear();
  fields_.clear();
  problem_.clear();

  enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };
  State state = State::FieldStart;
  bool started = false;
  for (;;) {
    if (pos_ == buffer_.size() && !fill()) {
      if (!started) return false;
      if (state == State::Quoted) problem_ = "a quoted field is never closed";
      break;
    }
    const char c = buffer_[pos_];
    if (!started) {
      if (c == '\n' || c == '\r') {  // an empty line is not a record, but it is a line
        ++pos_;
        if (c == '\r') {  // CRLF is one line end, a lone CR (old Mac Excel) another
          if (pos_ == buffer_.size()) fill();
          if (pos_ < buffer_.size() && buffer_[pos_] == '\n') ++pos_;
        }
        ++nextLine_;
        continue;
      }
      started = true;
      line_ = nextLine_;
    }
    if (state == State::Quoted) {
      const char* begin = buffer_.data() + pos_;
      const char* quote = static_cast<const char*>(std::memchr(begin, '"', buffer_.size() - pos_));
      const char* end = quote ? quote : buffer_.data() + buffer_.size();
      record_.append(begin, end);
      nextLine_ += std::count(begin, end, '\n');
      pos_ = end - buffer_.data();
      if (quote) {
        state = State::QuoteInQuoted;
        ++pos_;
      }
      continue;
    }
    if (c == '"' && state == State::FieldStart) {
      state = State::Quoted;
      ++pos_;
      continue;
    }
    if (c == '"' && state == State::QuoteInQuoted) {  // "" inside quotes is one quote
      record_.push_back('"');
      state = State::Quoted;
      ++pos_;
      continue;
    }
    if (c == delimiter_) {
      ends_.push_back(record_.size());
      state = State::FieldStart;
      ++pos_;
      continue;
    }
    if (c == '\n' || c == '\r') {
      ++pos_;
      if (c == '\r') {
        if (pos_ == buffer_.size()) fill();
        if (pos_ < buffer_.size() && buffer_[pos_] == '\n') ++pos_;
      }
      ++nextLine_;
      break;
    }
    if (state == State::QuoteInQuoted) {
      // Text after a closing quote ("ab"c): kept as written, and reported.
      if (problem_.empty()) problem_ = "text follows a closing quote";
    }
    // An unquoted run: copy up to the next special character in one step.
    const std::size_t from = pos_;
    while (pos_ < buffer_.size()) {
      const char d = buffer_[pos_];
      if (d == delimiter_ || d == '\n' || d == '\r') break;
      ++pos_;
    }
    record_.append(buffer_, from, pos_ - from);
    state = State::Unquoted;
  }
  ends_.push_back(record_.size());
  std::size_t begin = 0;
  for (std::size_t end : ends_) {
    fields_.emplace_back(record_.data() + begin, end - begin);
    begin = end;
  }
  return true;
}

std::string CsvReader::text() const {
  std::string out;
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    if (i) out.push_back(delimiter_);
    const auto field = fields_[i];
    if (field.find_first_of(std::string{delimiter_, '"', '\r', '\n'}) == std::string_view::npos) {
      out.append(field);
      continue;
    }
    out.push_back('"');
    for (char c : field) {
      if (c == '"') out.push_back('"');
      out.push_back(c);
    }
    out.push_back('"');
  }
  return out;
}

}  // namespace kindly::importers
