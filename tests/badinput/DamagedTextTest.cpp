// CsvReader on damaged text exports: a stray NUL byte sets its own row aside (never the whole
// file, never into the ledger), and UTF-16 saved without a byte-order mark is read as text.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "importers/CsvReader.h"
#include "support/TempDir.h"

namespace kindly::importers {
namespace {

using kindly::testing::TempDir;
using namespace std::string_literals;
using namespace std::string_view_literals;

struct Row {
  std::vector<std::string> fields;
  std::string problem;
};

std::vector<Row> readAll(std::string_view bytes) {
  TempDir dir;
  CsvReader reader(dir.write("export.csv", bytes));
  std::vector<Row> rows;
  while (reader.next()) {
    Row row{{}, reader.problem()};
    for (auto field : reader.fields()) row.fields.emplace_back(field);
    rows.push_back(std::move(row));
  }
  return rows;
}

// Before the fix a NUL the first 4 KB did not show reached the ledger and the reports.
TEST(CsvReader, nulBytePastTheFirstBlockSetsItsRowAsideShownAsASymbol) {
  const std::string text = "invoice_number,note\nINV-1," + std::string(5000, 'x') +
                           "\nINV-\0"
                           "2,ok\nINV-3,ok\n"s;
  const auto rows = readAll(text);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].problem, "");
  EXPECT_EQ(rows[2].problem, "the row holds a NUL byte (shown as \u2400): is the file damaged?");
  EXPECT_EQ(rows[2].fields, (std::vector<std::string>{"INV-\u24002", "ok"}));
  EXPECT_EQ(rows[3].problem, "");
  EXPECT_EQ(rows[3].fields, (std::vector<std::string>{"INV-3", "ok"}));
}

// Before the fix one NUL near the top refused the whole file as binary.
TEST(CsvReader, strayNulNearTheTopIsOneDamagedRowNotABinaryFile) {
  const auto rows = readAll(
      "invoice_number,amount\nINV-1,1.00\nINV-\0"
      "2,2.00\nINV-3,3.00\n"sv);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_NE(rows[2].problem, "");
  EXPECT_EQ(rows[1].problem, "");
  EXPECT_EQ(rows[3].problem, "");
}

// Before the fix both were refused as binary files.
TEST(CsvReader, readsUtf16WithoutAByteOrderMarkInEitherOrder) {
  const std::pair<const char*, std::string_view> files[] = {{"little-endian",
                                                             "n\0o\0,\0\xE9\0\n\0"
                                                             "1\0,\0\xAC\x20\n\0"sv},
                                                            {"big-endian",
                                                             "\0n\0o\0,\0\xE9\0\n\0"
                                                             "1\0,\x20\xAC\0\n"sv}};
  for (const auto& [what, bytes] : files) {
    const auto rows = readAll(bytes);
    ASSERT_EQ(rows.size(), 2u) << what;
    EXPECT_EQ(rows[0].fields, (std::vector<std::string>{"no", "\u00E9"})) << what;
    EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"1", "\u20AC"})) << what;
  }
}

}  // namespace
}  // namespace kindly::importers
