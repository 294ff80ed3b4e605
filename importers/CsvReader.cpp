// A byte-level state machine: unquoted runs are copied in one step, so a field costs no
// allocation of its own; record_ grows to the longest record and is then reused.
#include "importers/CsvReader.h"

#include <Poco/TextConverter.h>
#include <Poco/UTF16Encoding.h>
#include <Poco/UTF8Encoding.h>
#include <Poco/Windows1252Encoding.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>

#include "base/Error.h"
#include "base/Text.h"

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

// UTF-16 saved without a byte-order mark: text where most other bytes are zero. Returns
// whether it is big-endian, or nullopt when the head does not look so.
std::optional<bool> utf16WithoutBom(std::string_view head) {
  std::size_t pairs = 0, little = 0, big = 0;
  for (std::size_t i = 0; i + 1 < head.size() && pairs < 256; i += 2, ++pairs) {
    little += head[i] != '\0' && head[i + 1] == '\0';
    big += head[i] == '\0' && head[i + 1] != '\0';
  }
  if (pairs < 2) return std::nullopt;
  if (little * 4 >= pairs * 3) return false;
  if (big * 4 >= pairs * 3) return true;
  return std::nullopt;
}

// Control bytes other than tab, line ends and form feed.
std::size_t controlBytes(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f';
  }));
}

}  // namespace

CsvReader::CsvReader(const std::string& path, const TableOptions& options)
    : path_(path), in_(path, std::ios::binary) {
  if (!in_) throw InputError(path + ": cannot open the file");
  in_.seekg(0, std::ios::end);
  fileSize_ = static_cast<std::size_t>(in_.tellg());
  in_.seekg(0);
  fill();
  if (buffer_.empty()) throw InputError(path + ": the file is empty");
  const std::string encoding = toLower(options.encoding);
  const std::string_view head = std::string_view(buffer_).substr(0, 4096);
  if (buffer_.starts_with("\xFF\xFE") || buffer_.starts_with("\xFE\xFF") || encoding == "utf-16") {
    readUtf16(utf16WithoutBom(head).value_or(false));
  } else if (const auto bigEndian = encoding.empty() ? utf16WithoutBom(head) : std::nullopt) {
    readUtf16(*bigEndian);
  } else if (encoding == "windows-1252" || encoding == "cp1252") {
    encoding_ = Encoding::Windows1252;
    encodingForced_ = true;
  } else if (encoding == "utf-8") {
    encodingForced_ = true;
  } else if (!encoding.empty()) {
    throw InputError(path + ": unknown encoding '" + options.encoding +
                     "' (utf-8, windows-1252 or utf-16)");
  }
  checkIsText(std::string_view(buffer_).substr(0, 4096));
  if (buffer_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
  std::string_view rest = std::string_view(buffer_).substr(pos_);
  delimiter_ =
      options.delimiter ? options.delimiter : sniffDelimiter(rest.substr(0, rest.find('\n')));
}

void CsvReader::readUtf16(bool bigEndianWithoutBom) {
  std::string raw = buffer_;
  while (fill()) raw += buffer_.substr(raw.size());
  // Excel's "Unicode text" is UTF-16 with a byte-order mark; without one, as the bytes say.
  const bool bigEndian =
      raw.starts_with("\xFE\xFF") || (!raw.starts_with("\xFF\xFE") && bigEndianWithoutBom);
  Poco::UTF16Encoding utf16(bigEndian ? Poco::UTF16Encoding::BIG_ENDIAN_BYTE_ORDER
                                      : Poco::UTF16Encoding::LITTLE_ENDIAN_BYTE_ORDER);
  Poco::UTF8Encoding utf8;
  Poco::TextConverter converter(utf16, utf8);
  const std::size_t skip = raw.starts_with("\xFF\xFE") || raw.starts_with("\xFE\xFF") ? 2 : 0;
  std::string text;
  converter.convert(raw.data() + skip, static_cast<int>(raw.size() - skip), text);
  buffer_ = std::move(text);
  pos_ = 0;
  in_.setstate(std::ios::eofbit);
  encoding_ = Encoding::Utf16;
}

void CsvReader::decodeWindows1252() {
  Poco::Windows1252Encoding windows1252;
  Poco::UTF8Encoding utf8;
  Poco::TextConverter converter(windows1252, utf8);
  std::string decoded;
  std::size_t begin = 0;
  for (std::size_t& end : ends_) {
    converter.convert(record_.data() + begin, static_cast<int>(end - begin), decoded);
    begin = end;
    end = decoded.size();
  }
  record_ = std::move(decoded);
}

void CsvReader::showNulBytes() {
  // No text holds a NUL: the row is set aside, with each NUL shown as U+2400 so that the
  // rejects list prints what the file holds without passing the byte on.
  if (problem_.empty())
    problem_ = "the row holds a NUL byte (shown as \u2400): is the file damaged?";
  std::string shown;
  std::size_t begin = 0;
  for (std::size_t& end : ends_) {
    for (std::size_t i = begin; i < end; ++i) {
      if (record_[i] == '\0') {
        shown += "\u2400";
      } else {
        shown.push_back(record_[i]);
      }
    }
    begin = end;
    end = shown.size();
  }
  record_ = std::move(shown);
}

std::string CsvReader::describe() const {
  const std::string delimiter = delimiter_ == '\t' ? "TAB" : std::string("'") + delimiter_ + "'";
  std::string encoding =
      encoding_ == Encoding::Utf16         ? "UTF-16"
      : encoding_ == Encoding::Windows1252 ? "Windows-1252"
      : windows1252Rows_ > 0
          ? "UTF-8, with " + std::to_string(windows1252Rows_) + " rows read as Windows-1252"
          : "UTF-8";
  return "CSV, " + delimiter + "-delimited, " + encoding;
}

void CsvReader::checkIsText(std::string_view head) const {
  if (head.starts_with("PK\x03\x04")) {
    throw InputError(path_ +
                     ": this is a zip or Excel (.xlsx) file, not CSV; save it as CSV first");
  }
  // A binary file is full of control bytes. A text export with a stray NUL is not: its
  // damaged rows are set aside one by one (next()), the good ones kept.
  if (head.find('\0') != std::string_view::npos && controlBytes(head) * 32 > head.size()) {
    throw InputError(path_ + ": this is a binary file, not CSV text");
  }
}

double CsvReader::progress() const {
  if (fileSize_ == 0 || encoding_ == Encoding::Utf16) return 0;
  return static_cast<double>(consumed_ + pos_) / static_cast<double>(fileSize_);
}

bool CsvReader::fill() {
  consumed_ += pos_;
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
  if (encoding_ == Encoding::Windows1252) {
    decodeWindows1252();
  } else if (encoding_ == Encoding::Utf8 && !isValidUtf8(record_)) {
    if (encodingForced_) {
      problem_ = "the row is not valid UTF-8";
    } else {
      // Exports from older Windows programs: one such row means the file is Windows-1252.
      decodeWindows1252();
      ++windows1252Rows_;
    }
  }
  if (record_.find('\0') != std::string::npos) showNulBytes();
  std::size_t begin = 0;
  for (std::size_t end : ends_) {
    fields_.emplace_back(record_.data() + begin, end - begin);
    begin = end;
  }
  return true;
}

}  // namespace kindly::importers
