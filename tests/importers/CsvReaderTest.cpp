// CsvReader: quoting, line ends, line numbers, delimiter sniffing, the read-chunk boundary,
// and the files it refuses to read at all.
#include <gtest/gtest.h>

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "base/Error.h"
#include "importers/CsvReader.h"
#include "support/TempDir.h"

namespace kindly::importers {
namespace {

using kindly::testing::TempDir;

constexpr std::size_t kChunk = 1 << 20;  // CsvReader's read size

struct Record {
  std::size_t line;
  std::vector<std::string> fields;
  std::string problem;

  friend bool operator==(const Record&, const Record&) = default;
};

std::ostream& operator<<(std::ostream& out, const Record& r) {
  out << "{line " << r.line << ":";
  for (const auto& f : r.fields) out << " [" << f << "]";
  if (!r.problem.empty()) out << " problem: " << r.problem;
  return out << "}";
}

std::vector<Record> readAll(CsvReader& reader) {
  std::vector<Record> records;
  while (reader.next()) {
    Record r{reader.line(), {}, reader.problem()};
    for (auto f : reader.fields()) r.fields.emplace_back(f);
    records.push_back(std::move(r));
  }
  return records;
}

std::vector<Record> readAll(std::string_view bytes) {
  TempDir dir;
  CsvReader reader(dir.write("in.csv", bytes));
  return readAll(reader);
}

struct Case {
  const char* what;
  std::string_view bytes;
  std::vector<Record> expected;
};

void expectRead(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    EXPECT_EQ(readAll(c.bytes), c.expected) << c.what;
  }
}

TEST(CsvReader, readsQuotedFieldsAsTheBookkeeperTypedThem) {
  expectRead({
      {"plain fields", "a,b,c\n", {{1, {"a", "b", "c"}, ""}}},
      {"a comma inside quotes",
       "a,\"Pemberton, Hale\",c\n",
       {{1, {"a", "Pemberton, Hale", "c"}, ""}}},
      {"doubled quotes are one quote", "\"say \"\"hi\"\"\",x\n", {{1, {"say \"hi\"", "x"}, ""}}},
      {"an empty quoted field", "\"\",x\n", {{1, {"", "x"}, ""}}},
      {"a field of one doubled quote", "\"\"\"\"\n", {{1, {"\""}, ""}}},
      {"empty fields", ",,\n", {{1, {"", "", ""}, ""}}},
      {"no line end after the last record", "a,b", {{1, {"a", "b"}, ""}}},
      {"a quote inside an unquoted field is kept", "ab\"c,d\n", {{1, {"ab\"c", "d"}, ""}}},
      {"spaces are kept", " a , b \n", {{1, {" a ", " b "}, ""}}},
  });
}

TEST(CsvReader, keepsLineNumbersRightAcrossLineBreaksInsideQuotes) {
  expectRead({
      {"LF inside quotes",
       "\"one\ntwo\",x\nnext,y\n",
       {{1, {"one\ntwo", "x"}, ""}, {3, {"next", "y"}, ""}}},
      {"CRLF inside quotes",
       "\"one\r\ntwo\",x\r\nnext,y\r\n",
       {{1, {"one\r\ntwo", "x"}, ""}, {3, {"next", "y"}, ""}}},
      {"several line breaks inside quotes",
       "h\n\"a\n\nb\nc\"\nz\n",
       {{1, {"h"}, ""}, {2, {"a\n\nb\nc"}, ""}, {6, {"z"}, ""}}},
  });
}

TEST(CsvReader, acceptsEveryKindOfLineEnd) {
  expectRead({
      {"LF", "a,b\nc,d\n", {{1, {"a", "b"}, ""}, {2, {"c", "d"}, ""}}},
      {"CRLF", "a,b\r\nc,d\r\n", {{1, {"a", "b"}, ""}, {2, {"c", "d"}, ""}}},
      {"lone CR (old Mac Excel)", "a,b\rc,d\r", {{1, {"a", "b"}, ""}, {2, {"c", "d"}, ""}}},
      {"CRLF after a quoted field", "\"a\"\r\n\"b\"\r\n", {{1, {"a"}, ""}, {2, {"b"}, ""}}},
  });
}

TEST(CsvReader, skipsBlankLinesButCountsThem) {
  expectRead({
      {"LF blank lines", "a\n\n\nb\n", {{1, {"a"}, ""}, {4, {"b"}, ""}}},
      {"CRLF blank lines", "a\r\n\r\nb\r\n", {{1, {"a"}, ""}, {3, {"b"}, ""}}},
      {"blank lines first", "\n\na\n", {{3, {"a"}, ""}}},
      {"blank lines last", "a\n\n\n", {{1, {"a"}, ""}}},
      {"nothing but blank lines", "\n\r\n\n", {}},
  });
}

// Regression: a blank line ended by a lone CR was skipped without being counted, so every
// later reject named the wrong line.
TEST(CsvReader, countsBlankLinesEndedByALoneCr) {
  expectRead({
      {"lone CR blank lines", "a\r\rb\r", {{1, {"a"}, ""}, {3, {"b"}, ""}}},
      {"a lone CR blank line before CRLF", "a\r\n\r\r\nb\r\n", {{1, {"a"}, ""}, {4, {"b"}, ""}}},
  });
}

TEST(CsvReader, skipsTheUtf8ByteOrderMark) {
  expectRead({
      {"BOM before the header",
       "\xEF\xBB\xBFinvoice_number,amount\nINV-1,10\n",
       {{1, {"invoice_number", "amount"}, ""}, {2, {"INV-1", "10"}, ""}}},
      {"BOM before a quoted header", "\xEF\xBB\xBF\"a\",b\n", {{1, {"a", "b"}, ""}}},
  });
}

TEST(CsvReader, reportsMalformedQuotingOnTheRecord) {
  expectRead({
      {"a quote never closed at the end of the file",
       "a,b\nc,\"open\nmore",
       {{1, {"a", "b"}, ""}, {2, {"c", "open\nmore"}, "a quoted field is never closed"}}},
      {"text after a closing quote",
       "\"ab\"c,d\ne,f\n",
       {{1, {"abc", "d"}, "text follows a closing quote"}, {2, {"e", "f"}, ""}}},
  });
}

TEST(CsvReader, sniffsTheDelimiterFromTheHeader) {
  struct Sniff {
    const char* what;
    std::string_view bytes;
    char delimiter;
    std::vector<std::string> header;
  };
  const Sniff cases[] = {
      {"commas", "a,b,c\n1,2,3\n", ',', {"a", "b", "c"}},
      {"semicolons (European Excel)", "a;b;c\n1,5;2,5;3\n", ';', {"a", "b", "c"}},
      {"tabs", "a\tb\tc\n1\t2\t3\n", '\t', {"a", "b", "c"}},
      {"commas inside a quoted header field do not count",
       "\"x,y,z,w\";b;c\n1;2;3\n",
       ';',
       {"x,y,z,w", "b", "c"}},
      {"a single column is comma-separated", "amount\n12.50\n", ',', {"amount"}},
      {"CRLF header", "a;b\r\n1;2\r\n", ';', {"a", "b"}},
      {"BOM then tabs",
       "\xEF\xBB\xBF"
       "a\tb\n",
       '\t',
       {"a", "b"}},
  };
  for (const Sniff& c : cases) {
    TempDir dir;
    CsvReader reader(dir.write("in.csv", c.bytes));
    EXPECT_EQ(reader.delimiter(), c.delimiter) << c.what;
    ASSERT_TRUE(reader.next()) << c.what;
    std::vector<std::string> header(reader.fields().begin(), reader.fields().end());
    EXPECT_EQ(header, c.header) << c.what;
  }
}

TEST(CsvReader, givesTheRecordAsOneLineForTheRejectsList) {
  TempDir dir;
  CsvReader reader(dir.write("in.csv", "a;\"b c\";d\n"));  // written back with commas
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.text(), "a,b c,d");
  EXPECT_EQ(reader.path(), dir.file("in.csv"));
}

// Filler rows "f,xxx\n" (after a header) making exactly `length` bytes; `lines` is set to the
// number of lines written.
std::string fillerOf(std::size_t length, std::size_t& lines) {
  std::string out = "id,note\n";
  lines = 1;
  while (length - out.size() > 128) {
    out += "f," + std::string(61, 'x') + "\n";
    ++lines;
  }
  out += "f," + std::string(length - out.size() - 3, 'y') + "\n";
  ++lines;
  return out;
}

// A file whose record `record` starts so that its byte `offset` is the first byte of the
// second read chunk, followed by "after,1\n".
struct Straddle {
  std::string bytes;
  std::size_t fillerLines;
};
Straddle straddling(const std::string& record, std::size_t offset) {
  Straddle s;
  s.bytes = fillerOf(kChunk - offset, s.fillerLines);
  s.bytes += record;
  s.bytes += "after,1\n";
  return s;
}

TEST(CsvReader, readsAQuotedFieldThatStraddlesTheReadChunkBoundary) {
  const std::string note = std::string(150, 'a') + "\"" + "\n" + std::string(150, 'b');
  const std::string record =
      "big,\"" + std::string(150, 'a') + "\"\"\n" + std::string(150, 'b') + "\"\n";
  const Straddle file = straddling(record, 100);  // the chunk ends inside the quoted field
  ASSERT_GT(file.bytes.size(), kChunk);

  TempDir dir;
  CsvReader reader(dir.write("big.csv", file.bytes));
  const auto records = readAll(reader);
  ASSERT_EQ(records.size(), file.fillerLines + 2);
  EXPECT_EQ(records[file.fillerLines], (Record{file.fillerLines + 1, {"big", note}, ""}));
  EXPECT_EQ(records.back(), (Record{file.fillerLines + 3, {"after", "1"}, ""}));
}

TEST(CsvReader, readsADoubledQuoteSplitByTheReadChunkBoundary) {
  const std::string record = "q,\"x\"\"y\"\n";
  const Straddle file = straddling(record, 5);  // chunk ends between the two quotes of ""
  TempDir dir;
  CsvReader reader(dir.write("split.csv", file.bytes));
  const auto records = readAll(reader);
  ASSERT_EQ(records.size(), file.fillerLines + 2);
  EXPECT_EQ(records[file.fillerLines], (Record{file.fillerLines + 1, {"q", "x\"y"}, ""}));
  EXPECT_EQ(records.back(), (Record{file.fillerLines + 2, {"after", "1"}, ""}));
}

TEST(CsvReader, readsACrlfSplitByTheReadChunkBoundaryAsOneLineEnd) {
  const std::string record = "crlf,2\r\n";
  const Straddle file = straddling(record, 7);  // CR is the chunk's last byte, LF the next
  TempDir dir;
  CsvReader reader(dir.write("crlf.csv", file.bytes));
  const auto records = readAll(reader);
  ASSERT_EQ(records.size(), file.fillerLines + 2);
  EXPECT_EQ(records[file.fillerLines], (Record{file.fillerLines + 1, {"crlf", "2"}, ""}));
  EXPECT_EQ(records.back(), (Record{file.fillerLines + 2, {"after", "1"}, ""}));
}

TEST(CsvReader, readsAnUnquotedFieldSplitByTheReadChunkBoundary) {
  const std::string record = "split," + std::string(40, 'z') + "\n";
  const Straddle file = straddling(record, 20);
  TempDir dir;
  CsvReader reader(dir.write("unquoted.csv", file.bytes));
  const auto records = readAll(reader);
  ASSERT_EQ(records.size(), file.fillerLines + 2);
  EXPECT_EQ(records[file.fillerLines],
            (Record{file.fillerLines + 1, {"split", std::string(40, 'z')}, ""}));
}

TEST(CsvReader, refusesFilesThatAreNotCsvTextNamingThePath) {
  struct Refusal {
    const char* what;
    std::string_view bytes;  // nullptr data: the file is not created
    const char* reason;
  };
  using namespace std::string_view_literals;
  const Refusal cases[] = {
      {"a missing file", {}, "cannot open"},
      {"an empty file", ""sv, "empty"},
      {"a binary file", "abc\0def\n"sv, "binary"},
      {"an xlsx workbook", "PK\x03\x04\x14\x00\x06\x00"sv, "xlsx"},
  };
  for (const Refusal& c : cases) {
    TempDir dir;
    const std::string path =
        c.bytes.data() == nullptr ? dir.file("missing.csv") : dir.write("input.csv", c.bytes);
    try {
      CsvReader reader(path);
      ADD_FAILURE() << c.what << " was opened";
    } catch (const InputError& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find(path), std::string::npos) << c.what << ": " << message;
      EXPECT_NE(message.find(c.reason), std::string::npos) << c.what << ": " << message;
    }
  }
}

// Excel's "Unicode text" is UTF-16 with a byte-order mark, TAB-delimited.
TEST(CsvReader, readsUtf16TextInEitherByteOrder) {
  using namespace std::string_view_literals;
  const std::pair<const char*, std::string_view> files[] = {{"little-endian",
                                                             "\xFF\xFEn\0o\0\t\0\xE9\0\n\0"
                                                             "1\0\t\0\xAC\x20\n\0"sv},
                                                            {"big-endian",
                                                             "\xFE\xFF\0n\0o\0\t\0\xE9\0\n\0"
                                                             "1\0\t\x20\xAC\0\n"sv}};
  for (const auto& [what, bytes] : files) {
    TempDir dir;
    CsvReader reader(dir.write("unicode.txt", bytes));
    const auto records = readAll(reader);
    ASSERT_EQ(records.size(), 2u) << what;
    EXPECT_EQ(records[0].fields, (std::vector<std::string>{"no", "\xC3\xA9"})) << what;
    EXPECT_EQ(records[1].fields, (std::vector<std::string>{"1", "\xE2\x82\xAC"})) << what;
    EXPECT_NE(reader.describe().find("UTF-16"), std::string::npos) << what;
  }
}

// Older Windows programs export Windows-1252: € is 0x80, é 0xE9, · 0xB7.
TEST(CsvReader, readsWindows1252RowsAsUtf8) {
  TempDir dir;
  CsvReader reader(dir.write("cp1252.csv", "name,amount\nCaf\xE9 \xB7 Bar,\x80 12\nplain,3\n"));
  const auto records = readAll(reader);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].fields,
            (std::vector<std::string>{"Caf\xC3\xA9 \xC2\xB7 Bar", "\xE2\x82\xAC 12"}));
  EXPECT_EQ(records[2].fields, (std::vector<std::string>{"plain", "3"}));
  EXPECT_EQ(reader.describe(), "CSV, ','-delimited, UTF-8, with 1 rows read as Windows-1252");
}

TEST(CsvReader, refusesInvalidUtf8WhenTheEncodingIsGivenAsUtf8) {
  TempDir dir;
  CsvReader reader(dir.write("bad.csv", "name\nCaf\xE9\n"), {.encoding = "utf-8"});
  ASSERT_TRUE(reader.next());
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.problem(), "the row is not valid UTF-8");
}

}  // namespace
}  // namespace kindly::importers
