// Reads the workbook's parts with Poco::Zip and Poco's pull parser (expat underneath): the
// sheet is parsed as it is read, one <row> per next(), so memory stays flat however big the
// sheet. Exports put text in shared strings and dates in number-formatted cells; both are
// resolved here so that profiles see the text a person sees in Excel.
#include "importers/XlsxTable.h"

#include <Poco/Exception.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <streambuf>
#include <string>
#include <vector>

#include "base/Error.h"
#include "base/Text.h"
#include "dates/Date.h"

namespace kindly::importers {

namespace {

// Poco's zip reader allocates a ZIP64 end-of-central-directory record's whole "extensible
// data" at the size the record claims, before reading it: a damaged or hostile file claiming
// exabytes would take the program down. Every such record must claim no more than the file.
bool zip64RecordsFit(std::istream& in, std::uint64_t fileBytes) {
  constexpr std::size_t kChunk = 1 << 20;
  constexpr std::size_t kKeep = 11;  // a signature and its 8-byte size across two chunks
  std::string window;
  std::vector<char> chunk(kChunk);
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    window.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
    for (std::size_t at = window.find("PK\x06\x06");
         at != std::string::npos && at + 12 <= window.size();
         at = window.find("PK\x06\x06", at + 1)) {
      std::uint64_t size = 0;
      for (int k = 7; k >= 0; --k) {
        size =
            (size << 8) | static_cast<unsigned char>(window[at + 4 + static_cast<std::size_t>(k)]);
      }
      if (size > fileBytes) return false;
    }
    if (window.size() > kKeep) window.erase(0, window.size() - kKeep);
  }
  in.clear();
  in.seekg(0);
  return true;
}

using Parser = Poco::XML::XMLStreamParser;

// Attributes arrive as events, so an attribute the reader does not ask for is never an error.
constexpr Parser::FeatureType kFeatures =
    Parser::RECEIVE_ELEMENTS | Parser::RECEIVE_CHARACTERS | Parser::RECEIVE_ATTRIBUTES_EVENT;

// Days from Excel's 1900 epoch (serial 0 = 1899-12-30) to 1970-01-01.
constexpr std::int32_t kSerialOf1970 = 25569;
// The 1904 date system (old Mac workbooks) counts from 1904-01-01.
constexpr std::int32_t k1904Offset = 1462;
// Excel shows serials up to 9999-12-31 as dates, and #### beyond; the Date type holds no
// year past 9999 either.
constexpr double kLastSerial = 2958465;

// Columns A to XFD: the width of a sheet since Excel 2007.
constexpr std::size_t kColumns = 16384;

using Attributes = std::map<std::string, std::string>;

// Just after a start element: its attributes by local name ("r:id" is "id").
Attributes attributesOf(Parser& parser) {
  Attributes attributes;
  while (parser.peek() == Parser::EV_START_ATTRIBUTE) {
    parser.next();
    const std::string name = parser.localName();
    std::string value;
    while (parser.next() == Parser::EV_CHARACTERS) value += parser.value();
    attributes[name] = std::move(value);
  }
  return attributes;
}

std::string attribute(const Attributes& attributes, const std::string& name) {
  const auto found = attributes.find(name);
  return found == attributes.end() ? std::string() : found->second;
}

// Skips the rest of the element whose start the parser has just read.
void skipElement(Parser& parser) {
  for (int depth = 1; depth > 0;) {
    const auto event = parser.next();
    if (event == Parser::EV_START_ELEMENT) ++depth;
    if (event == Parser::EV_END_ELEMENT) --depth;
    if (event == Parser::EV_EOF) return;
  }
}

// "1,048,576".
std::string withThousands(std::uint64_t number) {
  const std::string digits = std::to_string(number);
  std::string text;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) text += ',';
    text += digits[i];
  }
  return text;
}

// "64 MiB", or "1,000 bytes" when not a whole number of MiB.
std::string sizeText(std::uint64_t bytes) {
  constexpr std::uint64_t kMiB = 1 << 20;
  if (bytes >= kMiB && bytes % kMiB == 0) return withThousands(bytes / kMiB) + " MiB";
  return withThousands(bytes) + " bytes";
}

// UTF-8 characters in `text`: every byte but a continuation byte starts one.
std::size_t characters(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// A part as it inflates, counted: reading more than `limit` bytes of it throws InputError
// with `refusal`, whatever sizes the zip declares, so a bomb stops at the limit. A tag (or
// an entity reference) longer than `tagLimit` throws `tagRefusal`: expat holds a tag whole
// until it ends and, before expat 2.6, scans it again with every chunk read, so one long
// attribute would take memory and, quadratically, time. Text between tags is not held.
class CountedPart : public std::streambuf {
 public:
  CountedPart(std::unique_ptr<std::istream> inflated, std::uint64_t limit, std::string refusal,
              std::uint64_t tagLimit, std::string tagRefusal)
      : inflated_(std::move(inflated)),
        limit_(limit),
        refusal_(std::move(refusal)),
        tagLimit_(tagLimit),
        tagRefusal_(std::move(tagRefusal)) {
    // A damaged part throws Poco's own reason, which the reader turns into its message.
    inflated_->exceptions(std::ios::badbit);
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    inflated_->read(buffer_, sizeof buffer_);
    const auto got = static_cast<std::size_t>(inflated_->gcount());
    if (got == 0) return traits_type::eof();
    read_ += got;
    if (read_ > limit_) throw InputError(refusal_);
    watchTags(std::string_view(buffer_, got));
    setg(buffer_, buffer_, buffer_ + got);
    return traits_type::to_int_type(*gptr());
  }

 private:
  enum class Place { Text, Tag, Reference };

  // Follows where each byte is: a tag ends at a '>' outside quotes (a value may hold '>'),
  // a reference at ';'. Comments and CDATA, which Excel never writes, count as tags.
  void watchTags(std::string_view bytes) {
    for (char c : bytes) {
      if (place_ == Place::Text) {
        if (c == '<' || c == '&') {
          place_ = c == '<' ? Place::Tag : Place::Reference;
          quote_ = 0;
          tagBytes_ = 0;
        }
        continue;
      }
      if (++tagBytes_ > tagLimit_) throw InputError(tagRefusal_);
      if (place_ == Place::Reference) {
        if (c == ';') place_ = Place::Text;
      } else if (quote_) {
        if (c == quote_) quote_ = 0;
      } else if (c == '"' || c == '\'') {
        quote_ = c;
      } else if (c == '>') {
        place_ = Place::Text;
      }
    }
  }

  std::unique_ptr<std::istream> inflated_;
  std::uint64_t limit_;
  std::string refusal_;
  std::uint64_t tagLimit_;
  std::string tagRefusal_;
  std::uint64_t read_ = 0;
  Place place_ = Place::Text;
  char quote_ = 0;
  std::uint64_t tagBytes_ = 0;
  char buffer_[8192];
};

// The stream over a CountedPart, which it owns. Its errors are thrown, not kept as state:
// the pull parser passes them on, so a refusal reaches the caller as it was thrown.
class CountedStream : public std::istream {
 public:
  explicit CountedStream(std::unique_ptr<CountedPart> part)
      : std::istream(part.get()), part_(std::move(part)) {
    exceptions(std::ios::badbit);
  }

 private:
  std::unique_ptr<CountedPart> part_;
};

// The text of a string item (<si> or <is>): plain <t>, or the <t> of each rich-text run;
// nullopt once it passes `maxCharacters`, read no further. Phonetic guides (<rPh>) are not
// part of the text.
std::optional<std::string> stringItem(Parser& parser, std::size_t maxCharacters) {
  std::string text;
  std::size_t length = 0;
  for (int depth = 1; depth > 0;) {
    const auto event = parser.next();
    if (event == Parser::EV_EOF) break;
    if (event == Parser::EV_END_ELEMENT) {
      --depth;
    } else if (event == Parser::EV_START_ELEMENT) {
      const std::string name = parser.localName();
      attributesOf(parser);
      if (name == "rPh") {
        skipElement(parser);
      } else if (name == "t") {
        while (parser.next() == Parser::EV_CHARACTERS) {
          text += parser.value();
          length += characters(parser.value());
          if (length > maxCharacters) return std::nullopt;
        }
      } else {
        ++depth;
      }
    }
  }
  return text;
}

// 0-based column of a cell reference: "A7" -> 0, "AB12" -> 27; nullopt without letters.
// Any column beyond XFD is kColumns: counting stops there, so a long reference cannot wrap.
std::optional<std::size_t> columnOf(const std::string& reference) {
  std::size_t column = 0;
  std::size_t letters = 0;
  for (char c : reference) {
    if (c < 'A' || c > 'Z') break;
    column = std::min(column * 26 + static_cast<std::size_t>(c - 'A' + 1), kColumns + 1);
    ++letters;
  }
  if (letters == 0) return std::nullopt;
  return column - 1;
}

// The letters of a 0-based column: 0 -> "A", 27 -> "AB".
std::string columnLetters(std::size_t column) {
  std::string letters;
  for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return letters;
}

// A reference as quoted in a message: a crafted one can be any length.
std::string shown(const std::string& reference) {
  constexpr std::size_t kShown = 40;
  return reference.size() <= kShown ? reference : reference.substr(0, kShown) + "...";
}

// Excel's last row.
constexpr std::size_t kLastRow = 1'048'576;

std::size_t wholeNumber(const std::string& text, std::size_t fallback) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() ? value : fallback;
}

// QuickBooks writes amounts to .xlsx as text like "=1284.50": a formula's text, not a
// formula. The "=" goes when what follows is plainly a number.
std::string withoutFormulaSign(std::string text) {
  if (text.size() < 2 || text.front() != '=') return text;
  bool digit = false;
  for (std::size_t i = 1; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (!(c == '.' || c == ',' || ((c == '-' || c == '+') && i == 1))) {
      return text;
    }
  }
  return digit ? text.substr(1) : text;
}

std::string stripTrailingZeros(std::string text) {
  if (text.find('.') == std::string::npos) return text;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

}  // namespace

std::vector<std::string> XlsxTable::sheetNamesOf(const std::string& path) {
  return XlsxTable(path, XlsxLimits{}, {}, true).sheetNames_;
}

XlsxTable::XlsxTable(const std::string& path, const XlsxLimits& limits, const std::string& sheet,
                     bool namesOnly)
    : path_(path), limits_(limits), file_(path, std::ios::binary) {
  if (!file_) throw InputError(path + ": cannot open the file");
  std::error_code unknownSize;
  if (!zip64RecordsFit(file_, std::filesystem::file_size(path, unknownSize))) {
    throw InputError(path +
                     ": a damaged zip file, not a readable Excel (.xlsx) workbook (a "
                     "ZIP64 record claims more than the whole file)");
  }
  try {
    archive_ = std::make_unique<Poco::Zip::ZipArchive>(file_);
  } catch (const Poco::Exception& e) {
    throw InputError(path + ": a damaged zip file, not a readable Excel (.xlsx) workbook (" +
                     e.displayText() + ")");
  }
  if (archive_->findHeader("xl/workbook.xml") == archive_->headerEnd()) {
    throw InputError(path + ": a zip file, not an Excel workbook");
  }
  try {
    readWorkbook(sheet);
    if (namesOnly) return;
    readSharedStrings();
    readStyles();
    std::error_code unknown;
    const std::uint64_t fileBytes = std::filesystem::file_size(path_, unknown);
    const std::uint64_t ratio = limits_.sheetBytesPerFileByte;
    std::uint64_t byRatio = 0;  // a file of unknown size has the floor alone
    if (!unknown) {
      byRatio = ratio && fileBytes > UINT64_MAX / ratio ? UINT64_MAX : fileBytes * ratio;
    }
    sheetStream_ = openPart(sheetPart_, std::max(limits_.sheetBytesAtLeast, byRatio));
    parser_ = std::make_unique<Parser>(*sheetStream_, sheetPart_, kFeatures);
  } catch (const Poco::Exception& e) {
    throw InputError(path + ": cannot read the Excel workbook: " + e.displayText());
  }
}

std::unique_ptr<std::istream> XlsxTable::openPart(const std::string& part, std::uint64_t limit) {
  const auto header = archive_->findHeader(part);
  if (header == archive_->headerEnd()) {
    throw InputError(path_ + ": the Excel workbook has no part " + part);
  }
  file_.clear();
  return std::make_unique<CountedStream>(std::make_unique<CountedPart>(
      std::make_unique<Poco::Zip::ZipInputStream>(file_, header->second, true), limit,
      path_ + ": " + part + " inflates to more than " + sizeText(limit) +
          ", more than any real workbook holds",
      limits_.tagBytes,
      path_ + ": " + part + ": a tag longer than " + sizeText(limits_.tagBytes) +
          ", longer than any workbook writes"));
}

std::string XlsxTable::partText(const std::string& part, std::uint64_t limit) {
  auto stream = openPart(part, limit);
  // A damaged part throws Poco's own reason from read(); the text is built by appending
  // chunks, never straight from stream iterators, so nothing is left allocated when it does.
  std::string text;
  char chunk[8192];
  while (stream->read(chunk, sizeof chunk) || stream->gcount() > 0) {
    text.append(chunk, static_cast<std::size_t>(stream->gcount()));
  }
  return text;
}

void XlsxTable::readWorkbook(const std::string& sheet) {
  std::string relationId;
  {
    const std::string xml = partText("xl/workbook.xml", limits_.smallPartBytes);
    Parser parser(xml.data(), xml.size(), "xl/workbook.xml", kFeatures);
    for (auto event = parser.next(); event != Parser::EV_EOF; event = parser.next()) {
      if (event != Parser::EV_START_ELEMENT) continue;
      const std::string name = parser.localName();
      const auto attributes = attributesOf(parser);
      if (name == "workbookPr") {
        const auto date1904 = attribute(attributes, "date1904");
        date1904_ = date1904 == "1" || date1904 == "true";
      } else if (name == "sheet") {
        sheetNames_.push_back(attribute(attributes, "name"));
        if (relationId.empty() && (sheet.empty() || sheet == sheetNames_.back())) {
          sheetName_ = sheetNames_.back();
          relationId = attribute(attributes, "id");
        }
      }
    }
  }
  if (relationId.empty() && !sheet.empty() && !sheetNames_.empty()) {
    std::string names;
    for (const auto& name : sheetNames_) names += (names.empty() ? "'" : ", '") + name + "'";
    throw InputError(path_ + ": the workbook has no sheet '" + sheet + "' (its sheets: " + names +
                     ")");
  }
  if (relationId.empty()) throw InputError(path_ + ": the Excel workbook has no worksheet");

  const std::string xml = partText("xl/_rels/workbook.xml.rels", limits_.smallPartBytes);
  Parser parser(xml.data(), xml.size(), "xl/_rels/workbook.xml.rels", kFeatures);
  for (auto event = parser.next(); event != Parser::EV_EOF; event = parser.next()) {
    if (event != Parser::EV_START_ELEMENT) continue;
    const std::string name = parser.localName();
    const auto attributes = attributesOf(parser);
    if (name != "Relationship" || attribute(attributes, "Id") != relationId) continue;
    const std::string target = attribute(attributes, "Target");
    sheetPart_ = target.starts_with('/') ? target.substr(1) : "xl/" + target;
  }
  if (sheetPart_.empty()) {
    throw InputError(path_ + ": the Excel workbook does not say where sheet '" + sheetName_ +
                     "' is");
  }
}

void XlsxTable::readSharedStrings() {
  if (archive_->findHeader("xl/sharedStrings.xml") == archive_->headerEnd()) return;
  const std::string part = "xl/sharedStrings.xml";
  auto stream = openPart(part, limits_.sharedStringsBytes);
  Parser parser(*stream, part, kFeatures);
  for (auto event = parser.next(); event != Parser::EV_EOF; event = parser.next()) {
    if (event != Parser::EV_START_ELEMENT) continue;
    const std::string name = parser.localName();
    attributesOf(parser);
    if (name != "si") continue;
    // Empty strings cost nothing to zip: a few kilobytes would otherwise fill the memory.
    if (sharedEnds_.size() == limits_.sharedStrings) {
      throw InputError(path_ + ": " + part + " holds more than " +
                       withThousands(limits_.sharedStrings) +
                       " shared strings, more than any real workbook has");
    }
    const auto text = stringItem(parser, limits_.cellCharacters);
    if (!text) {
      throw InputError(path_ + ": " + part + ": shared string " +
                       std::to_string(sharedEnds_.size()) + " holds more than " +
                       withThousands(limits_.cellCharacters) +
                       " characters, the most Excel allows in a cell");
    }
    sharedText_ += *text;
    sharedEnds_.push_back(sharedText_.size());
  }
}

std::string_view XlsxTable::sharedString(std::size_t index) const {
  const std::size_t begin = index == 0 ? 0 : sharedEnds_[index - 1];
  return std::string_view(sharedText_).substr(begin, sharedEnds_[index] - begin);
}

void XlsxTable::readStyles() {
  if (archive_->findHeader("xl/styles.xml") == archive_->headerEnd()) return;
  const std::string xml = partText("xl/styles.xml", limits_.smallPartBytes);
  std::map<int, std::string> customFormats;
  std::vector<int> cellFormats;
  Parser parser(xml.data(), xml.size(), "xl/styles.xml", kFeatures);
  bool inCellXfs = false;  // cellStyleXfs holds <xf> too, but cells point into cellXfs
  for (auto event = parser.next(); event != Parser::EV_EOF; event = parser.next()) {
    if (event == Parser::EV_END_ELEMENT && parser.localName() == "cellXfs") inCellXfs = false;
    if (event != Parser::EV_START_ELEMENT) continue;
    const std::string name = parser.localName();
    const auto attributes = attributesOf(parser);
    if (name == "numFmt") {
      customFormats[static_cast<int>(wholeNumber(attribute(attributes, "numFmtId"), 0))] =
          attribute(attributes, "formatCode");
    } else if (name == "cellXfs") {
      inCellXfs = true;
    } else if (name == "xf" && inCellXfs) {
      cellFormats.push_back(static_cast<int>(wholeNumber(attribute(attributes, "numFmtId"), 0)));
    }
  }
  for (int id : cellFormats) {
    const auto custom = customFormats.find(id);
    dateStyles_.push_back(isDateFormat(id, custom == customFormats.end() ? "" : custom->second));
  }
}

bool XlsxTable::isDateFormat(int id, const std::string& code) {
  if (code.empty()) return id >= 14 && id <= 22;
  bool quoted = false;
  bool bracketed = false;
  bool dayOrYear = false;
  bool month = false;
  bool clock = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(code[i])));
    if (c == '"') {
      quoted = !quoted;
    } else if (quoted) {
      continue;
    } else if (c == '[') {
      bracketed = true;
    } else if (c == ']') {
      bracketed = false;
    } else if (bracketed) {
      continue;
    } else if (c == '\\') {
      ++i;
    } else if (c == 'd' || c == 'y') {
      dayOrYear = true;
    } else if (c == 'm') {
      month = true;
    } else if (c == 'h' || c == 's') {
      clock = true;
    }
  }
  return dayOrYear || (month && !clock);
}

std::string XlsxTable::numberText(std::string_view raw) {
  double value = 0;
  const auto [end, error] = std::from_chars(raw.data(), raw.data() + raw.size(), value);
  if (error != std::errc() || end != raw.data() + raw.size() || !std::isfinite(value)) {
    return std::string(raw);
  }
  if (value == 0) return "0";
  // Excel shows 15 significant digits: what a float adds beyond them is noise.
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  std::string text = buffer;
  if (text.find('e') == std::string::npos) return text;
  const int magnitude = static_cast<int>(std::floor(std::log10(std::fabs(value))));
  std::snprintf(buffer, sizeof buffer, "%.*f", std::max(0, 14 - magnitude), value);
  return stripTrailingZeros(buffer);
}

std::string XlsxTable::display(const std::string& type, const std::string& value, int style) const {
  if (type == "s") {
    const std::size_t index = wholeNumber(value, sharedEnds_.size());
    if (index >= sharedEnds_.size()) {
      throw InputError(path_ + ": row " + std::to_string(line_) + ": shared string " + value +
                       " is not in the workbook");
    }
    return withoutFormulaSign(std::string(sharedString(index)));
  }
  if (type == "inlineStr") return withoutFormulaSign(value);
  if (type == "b") return value == "1" ? "TRUE" : "FALSE";
  if (type == "str" || type == "e" || type == "d" || value.empty()) return value;
  const bool date = style >= 0 && static_cast<std::size_t>(style) < dateStyles_.size() &&
                    dateStyles_[static_cast<std::size_t>(style)];
  if (!date) return numberText(value);
  double serial = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), serial);
  if (error != std::errc() || end != value.data() + value.size()) return value;
  // The range is checked on the double, so that no serial (1e300, NaN) is ever converted
  // out of range; a serial Excel shows as #### keeps its number, as stored.
  const double day = std::floor(serial) + (date1904_ ? k1904Offset : 0);  // time of day dropped
  if (!(serial >= 0 && day <= kLastSerial)) return value;
  auto days = static_cast<std::int32_t>(day);
  if (!date1904_ && days < 61) {
    ++days;  // Excel counts a 29 February 1900 that never was; only earlier serials shift
  }
  return dates::Date::fromDayNumber(days - kSerialOf1970).iso();
}

std::string XlsxTable::rowContext() const {
  return "sheet '" + sheetName_ + "', row " + std::to_string(line_) + ": ";
}

void XlsxTable::readCell(Cell& cell) {
  const auto attributes = attributesOf(*parser_);
  const std::string reference = attribute(attributes, "r");
  if (const auto column = columnOf(reference)) {
    if (*column >= kColumns) {
      throw InputError(path_ + ": " + rowContext() + "cell " + shown(reference) +
                       " lies beyond column XFD, the last column of an Excel sheet");
    }
    cell.column = *column;
  } else if (cell.column >= kColumns) {
    throw InputError(path_ + ": " + rowContext() + "more than " + withThousands(kColumns) +
                     " cells, the columns an Excel sheet has");
  }
  const auto tooLong = [&] {
    return InputError(path_ + ": " + rowContext() + "cell " + columnLetters(cell.column) +
                      std::to_string(line_) + " holds more than " +
                      withThousands(limits_.cellCharacters) +
                      " characters, the most Excel allows in a cell");
  };
  const std::string type = attribute(attributes, "t");
  const std::string styleText = attribute(attributes, "s");
  const int style = static_cast<int>(wholeNumber(styleText, 0));
  std::string value;
  for (int depth = 1; depth > 0;) {
    const auto event = parser_->next();
    if (event == Parser::EV_EOF) break;
    if (event == Parser::EV_END_ELEMENT) {
      --depth;
    } else if (event == Parser::EV_START_ELEMENT) {
      const std::string name = parser_->localName();
      attributesOf(*parser_);
      if (name == "v") {
        std::size_t length = 0;
        while (parser_->next() == Parser::EV_CHARACTERS) {
          value += parser_->value();
          length += characters(parser_->value());
          if (length > limits_.cellCharacters) throw tooLong();
        }
      } else if (name == "is") {
        auto text = stringItem(*parser_, limits_.cellCharacters);
        if (!text) throw tooLong();
        value = std::move(*text);
      } else {
        skipElement(*parser_);  // <f>: the formula; its cached value is in <v>
      }
    }
  }
  cell.text = display(type, value, style);
}

bool XlsxTable::next() {
  try {
    for (auto event = parser_->next(); event != Parser::EV_EOF; event = parser_->next()) {
      if (event != Parser::EV_START_ELEMENT) continue;
      const std::string name = parser_->localName();
      // <dimension> is not read: it is the writer's claim, and "A1:XFD1048576" would give
      // every row 16,384 cells. The width follows the cells with text instead.
      if (name != "row") {
        attributesOf(*parser_);
        continue;
      }
      const auto attributes = attributesOf(*parser_);
      line_ = wholeNumber(attribute(attributes, "r"), nextRow_);
      // A row past the sheet's last (1,048,576) is a crafted one: numbered 2^64 - 1, it was
      // stored among the rejects as -1, and `kindly rejects` could read none of them again.
      if (line_ == 0 || line_ > kLastRow) {
        throw InputError(path_ + ": sheet '" + sheetName_ + "' has a row numbered " +
                         (line_ == 0 ? std::string("0") : attribute(attributes, "r")) +
                         ", outside Excel's rows 1 to " + std::to_string(kLastRow));
      }
      nextRow_ = line_ + 1;
      cells_.clear();
      Cell cell;
      std::size_t nextColumn = 0;
      std::size_t rowBytes = 0;
      for (int depth = 1; depth > 0;) {
        const auto inner = parser_->next();
        if (inner == Parser::EV_EOF) break;
        if (inner == Parser::EV_END_ELEMENT) {
          --depth;
        } else if (inner == Parser::EV_START_ELEMENT && parser_->localName() == "c") {
          cell.column = nextColumn;  // a cell without a reference follows the last one
          readCell(cell);
          nextColumn = cell.column + 1;
          // A cell with only a format is no column of the export: a row ends at its last text.
          if (cell.text.empty()) continue;
          // One shared string in every cell makes a row of a few bytes gigabytes long.
          rowBytes += cell.text.size();
          if (rowBytes > limits_.rowBytes) {
            throw InputError(path_ + ": " + rowContext() + "more than " +
                             sizeText(limits_.rowBytes) +
                             " of text in one row, more than any export writes");
          }
          if (cell.column >= cells_.size()) cells_.resize(cell.column + 1);
          cells_[cell.column] = std::move(cell.text);
        } else if (inner == Parser::EV_START_ELEMENT) {
          attributesOf(*parser_);
          skipElement(*parser_);
        }
      }
      // Rows that only carry formatting have no text: they are not rows of the export.
      if (cells_.empty()) continue;
      width_ = std::max(width_, cells_.size());
      cells_.resize(width_);
      fields_.assign(cells_.begin(), cells_.end());
      return true;
    }
  } catch (const Poco::Exception& e) {
    throw InputError(path_ + ": sheet '" + sheetName_ + "' near row " + std::to_string(nextRow_) +
                     ": " + e.displayText());
  }
  fields_.clear();
  return false;
}

// A sheet name is the workbook writer's text: shown on one line, whatever it holds.
std::string XlsxTable::describe() const {
  return "Excel workbook, sheet '" + oneLine(sheetName_) + "'";
}

}  // namespace kindly::importers
