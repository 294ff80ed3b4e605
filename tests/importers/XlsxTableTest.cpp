// XlsxTable: cells as Excel shows them (shared, inline and rich strings, numbers without
// float noise, dates from number formats, formulas' cached values, QuickBooks' "=1284.50"),
// sheet row numbers, and the zip files it refuses. Workbooks are written by hand with
// Poco::Zip so that each test holds exactly the XML it is about.
#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "base/Error.h"
#include "importers/Table.h"
#include "importers/XlsxTable.h"
#include "support/TempDir.h"

namespace kindly::importers {
namespace {

using kindly::testing::TempDir;

const char* const kRels =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>
</Relationships>)";

// Styles: 0 General, 1 built-in date 14, 2 custom dd/mm/yyyy, 3 time of day, 4 money.
const char* const kStyles = R"(<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>
<numFmt numFmtId="165" formatCode="h:mm"/><numFmt numFmtId="166" formatCode="&quot;$&quot;#,##0.00"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/>
<xf numFmtId="165"/><xf numFmtId="166"/></cellXfs>
</styleSheet>)";

const char* const kSharedStrings = R"(<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
<si><t>Invoice</t></si>
<si><r><rPr><b/></rPr><t xml:space="preserve">Café </t></r><r><t>Lumière</t></r><rPh><t>ignored</t></rPh></si>
<si><t>=1284.50</t></si>
<si><t>=SUM(A1:A2)</t></si>
</sst>)";

std::string workbookXml(bool date1904) {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)") +
         (date1904 ? R"(<workbookPr date1904="1"/>)" : "<workbookPr/>") +
         R"(<sheets><sheet name="Aged &amp; Open" sheetId="1" r:id="rId1"/>
<sheet name="Other" sheetId="2" r:id="rId2"/></sheets></workbook>)";
}

std::string sheetXml(const std::string& rows) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         rows + "</sheetData></worksheet>";
}

// Writes a zip holding `parts` (entry name -> content) and returns its path.
std::string writeZip(const TempDir& dir, const std::string& name,
                     const std::map<std::string, std::string>& parts) {
  const std::string path = dir.file(name);
  std::ofstream out(path, std::ios::binary);
  Poco::Zip::Compress compress(out, true);
  for (const auto& [entry, content] : parts) {
    std::istringstream in(content);
    compress.addFile(in, Poco::DateTime(2026, 11, 20), Poco::Path(entry, Poco::Path::PATH_UNIX));
  }
  compress.close();
  return path;
}

// The parts of a workbook whose first sheet is `sheet` (its whole XML); any part given in
// `replaced` takes the place of the usual one.
std::map<std::string, std::string> workbookParts(const std::string& sheet,
                                                 const std::map<std::string, std::string>& replaced,
                                                 bool date1904 = false) {
  std::map<std::string, std::string> parts{
      {"[Content_Types].xml", "<Types/>"},
      {"xl/workbook.xml", workbookXml(date1904)},
      {"xl/_rels/workbook.xml.rels", kRels},
      {"xl/styles.xml", kStyles},
      {"xl/sharedStrings.xml", kSharedStrings},
      {"xl/worksheets/sheet1.xml", sheet},
      {"xl/worksheets/sheet2.xml",
       sheetXml(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>other sheet</t></is></c></row>)")}};
  for (const auto& [part, content] : replaced) parts[part] = content;
  return parts;
}

std::string writeWorkbook(const TempDir& dir, const std::string& rows, bool date1904 = false) {
  return writeZip(dir, "book.xlsx", workbookParts(sheetXml(rows), {}, date1904));
}

struct SheetRow {
  std::size_t line;
  std::vector<std::string> cells;
  friend bool operator==(const SheetRow&, const SheetRow&) = default;
};

std::ostream& operator<<(std::ostream& out, const SheetRow& row) {
  out << "{row " << row.line << ":";
  for (const auto& cell : row.cells) out << " [" << cell << "]";
  return out << "}";
}

std::vector<SheetRow> readAll(Table& table) {
  std::vector<SheetRow> rows;
  while (table.next()) {
    rows.push_back({table.line(), {table.fields().begin(), table.fields().end()}});
  }
  return rows;
}

// Why reading the whole workbook at `path` is refused, or "" when it reads to the end.
std::string refusalOf(const std::string& path, const XlsxLimits& limits = {}) {
  try {
    XlsxTable table(path, limits);
    while (table.next()) {
    }
    return "";
  } catch (const InputError& e) {
    return e.what();
  }
}

std::string inlineCell(const std::string& reference, const std::string& text) {
  return R"(<c r=")" + reference + R"(" t="inlineStr"><is><t>)" + text + "</t></is></c>";
}

TEST(XlsxTable, readsSharedInlineAndRichTextStrings) {
  TempDir dir;
  XlsxTable table(writeWorkbook(dir, R"(<row r="1"><c r="A1" t="s"><v>0</v></c>
<c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Due date</t></is></c></row>)"));
  EXPECT_EQ(readAll(table), (std::vector<SheetRow>{{1, {"Invoice", "Café Lumière", "Due date"}}}));
}

TEST(XlsxTable, describesTheFirstSheet) {
  TempDir dir;
  XlsxTable table(writeWorkbook(dir, ""));
  EXPECT_EQ(table.describe(), "Excel workbook, sheet 'Aged & Open'");
  EXPECT_FALSE(table.next());
}

TEST(XlsxTable, readsTheSheetItIsAskedForAndListsTheSheets) {
  TempDir dir;
  const auto path = writeWorkbook(dir, "");
  EXPECT_EQ(XlsxTable::sheetNamesOf(path), (std::vector<std::string>{"Aged & Open", "Other"}));
  XlsxTable other(path, {}, "Other");
  EXPECT_EQ(other.describe(), "Excel workbook, sheet 'Other'");
  EXPECT_EQ(readAll(other), (std::vector<SheetRow>{{1, {"other sheet"}}}));
  try {
    XlsxTable missing(path, {}, "Payments");
    FAIL() << "a sheet the workbook lacks";
  } catch (const InputError& e) {
    EXPECT_NE(
        std::string(e.what()).find("no sheet 'Payments' (its sheets: 'Aged & Open', 'Other')"),
        std::string::npos)
        << e.what();
  }
}

// Regression: a sheet named with a line break broke the import summary's line in two.
TEST(XlsxTable, describesASheetOnOneLineWhateverItsName) {
  TempDir dir;
  auto parts = workbookParts(sheetXml(""), {});
  auto& workbook = parts["xl/workbook.xml"];
  workbook.replace(workbook.find("Aged &amp; Open"), 15, "Aged&#10;kindly: paid");
  XlsxTable table(writeZip(dir, "book.xlsx", parts));
  EXPECT_EQ(table.describe(), "Excel workbook, sheet 'Aged kindly: paid'");
}

TEST(XlsxTable, showsNumbersWithoutFloatNoise) {
  TempDir dir;
  XlsxTable table(writeWorkbook(
      dir, R"(<row r="1"><c r="A1"><v>1284.5</v></c><c r="B1" s="4"><v>1284.4999999999998</v></c>
<c r="C1" t="n"><v>0.30000000000000004</v></c><c r="D1"><v>1E-3</v></c><c r="E1"><v>-42</v></c>
<c r="F1" t="b"><v>1</v></c><c r="G1" t="e"><v>#N/A</v></c></row>)"));
  EXPECT_EQ(
      readAll(table),
      (std::vector<SheetRow>{{1, {"1284.5", "1284.5", "0.3", "0.001", "-42", "TRUE", "#N/A"}}}));
}

TEST(XlsxTable, turnsDateFormattedNumbersIntoIsoDates) {
  TempDir dir;
  // 46296 is 2026-10-01; a time of day is dropped; h:mm shows a time, not a date.
  XlsxTable table(writeWorkbook(dir, R"(<row r="1"><c r="A1" s="1"><v>46296</v></c>
<c r="B1" s="2"><v>46296.75</v></c><c r="C1" s="3"><v>0.5</v></c><c r="D1" s="0"><v>46296</v></c></row>)"));
  EXPECT_EQ(readAll(table),
            (std::vector<SheetRow>{{1, {"2026-10-01", "2026-10-01", "0.5", "46296"}}}));
}

TEST(XlsxTable, countsDatesFrom1904WhenTheWorkbookSaysSo) {
  TempDir dir;
  XlsxTable table(writeWorkbook(dir, R"(<row r="1"><c r="A1" s="1"><v>44834</v></c></row>)", true));
  EXPECT_EQ(readAll(table), (std::vector<SheetRow>{{1, {"2026-10-01"}}}));
}

TEST(XlsxTable, givesFormulasCachedValues) {
  TempDir dir;
  XlsxTable table(writeWorkbook(dir, R"(<row r="1"><c r="A1"><f>1000+250.25</f><v>1250.25</v></c>
<c r="B1" t="str"><f>"INV-"&amp;"7"</f><v>INV-7</v></c></row>)"));
  EXPECT_EQ(readAll(table), (std::vector<SheetRow>{{1, {"1250.25", "INV-7"}}}));
}

TEST(XlsxTable, dropsTheEqualsSignOfQuickBooksTextAmounts) {
  TempDir dir;
  // "=SUM(A1:A2)" is text that is no number: kept as written.
  XlsxTable table(writeWorkbook(
      dir,
      R"(<row r="1"><c r="A1" t="s"><v>2</v></c><c r="B1" t="inlineStr"><is><t>=-1,284.50</t></is></c>
<c r="C1" t="s"><v>3</v></c></row>)"));
  EXPECT_EQ(readAll(table), (std::vector<SheetRow>{{1, {"1284.50", "-1,284.50", "=SUM(A1:A2)"}}}));
}

TEST(XlsxTable, numbersRowsAsTheSheetDoesAndPadsMissingCells) {
  TempDir dir;
  // Row 2 only carries formatting; row 4's first cell is missing; row 5 names no references.
  XlsxTable table(writeWorkbook(dir, R"(<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c>
<c r="C1" t="inlineStr"><is><t>c</t></is></c></row><row r="2"><c r="A2" s="1"/></row>
<row r="4"><c r="B4"><v>2</v></c></row><row><c><v>7</v></c><c><v>8</v></c></row>)"));
  EXPECT_EQ(readAll(table),
            (std::vector<SheetRow>{{1, {"a", "", "c"}}, {4, {"", "2", ""}}, {5, {"7", "8", ""}}}));
}

TEST(XlsxTable, recognisesDateFormats) {
  struct Case {
    int id;
    std::string code;
    bool date;
  };
  for (const auto& c : std::vector<Case>{{14, "", true},
                                         {22, "", true},
                                         {2, "", false},
                                         {164, "yyyy-mm-dd", true},
                                         {164, "d mmm", true},
                                         {164, "mmm-yy", true},
                                         {164, "h:mm", false},
                                         {164, "[h]:mm:ss", false},
                                         {164, "\"$\"#,##0.00;[Red]-\"$\"#,##0.00", false},
                                         {164, "0.00\\d", false}}) {
    EXPECT_EQ(XlsxTable::isDateFormat(c.id, c.code), c.date) << c.id << " " << c.code;
  }
}

TEST(XlsxTable, openTableKnowsAWorkbookByItsSignature) {
  TempDir dir;
  const auto path = writeWorkbook(dir, R"(<row r="3"><c r="A3" t="s"><v>0</v></c></row>)");
  auto table = openTable(path, {});
  ASSERT_TRUE(table->next());
  EXPECT_EQ(table->line(), 3u);
  EXPECT_EQ(table->text(), "Invoice");
}

TEST(XlsxTable, refusesAZipThatIsNotAWorkbook) {
  TempDir dir;
  const auto path = writeZip(dir, "notes.zip", {{"notes.txt", "hello"}});
  try {
    openTable(path, {});
    FAIL() << "opened a zip that is no workbook";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), path + ": a zip file, not an Excel workbook");
  }
}

// Found by fuzzing: a part whose checksum is wrong failed while its text was being read, and
// the text read so far was never freed.
TEST(XlsxTable, refusesAWorkbookWithADamagedPartNamingTheFile) {
  TempDir dir;
  const auto path = writeWorkbook(dir, R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)");
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  // The CRC-32 of xl/workbook.xml in its local header (14 bytes into the header).
  const std::size_t name = bytes.find("xl/workbook.xml");
  ASSERT_NE(name, std::string::npos);
  const std::size_t header = bytes.rfind("PK\x03\x04", name);
  ASSERT_NE(header, std::string::npos);
  bytes[header + 14] = static_cast<char>(bytes[header + 14] ^ 0x5a);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;

  try {
    XlsxTable table(path);
    FAIL() << "read a workbook whose part is damaged";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()).rfind(path + ": cannot read the Excel workbook", 0), 0u)
        << e.what();
  }
}

// A reference of 14 letters overflowed the column number, and the cell was written before
// the row's first one.
TEST(XlsxTable, cellReferenceOfFourteenLettersIsRefused) {
  TempDir dir;
  // GKGWBYLWRXTLPP is column 2^64: it wrapped to the column before A.
  const auto path = writeWorkbook(dir, R"(<row r="1">)" + inlineCell("A1", "Invoice") +
                                           inlineCell("GKGWBYLWRXTLPP1", "x") + "</row>");
  EXPECT_EQ(refusalOf(path), path +
                                 ": sheet 'Aged & Open', row 1: cell GKGWBYLWRXTLPP1 lies beyond "
                                 "column XFD, the last column of an Excel sheet");
}

// A row numbered 2^64 - 1 was stored among the rejects as -1, and `kindly rejects` could
// then list none of them.
TEST(XlsxTable, rowNumberedBeyondTheLastRowIsRefused) {
  TempDir dir;
  const auto path = writeWorkbook(
      dir, R"(<row r="18446744073709551615">)" + inlineCell("A1", "Invoice") + "</row>");
  EXPECT_EQ(refusalOf(path), path +
                                 ": sheet 'Aged & Open' has a row numbered 18446744073709551615, "
                                 "outside Excel's rows 1 to 1048576");
}

TEST(XlsxTable, cellJustBeyondTheLastColumnIsRefused) {
  TempDir dir;
  const auto last = writeWorkbook(dir, R"(<row r="2">)" + inlineCell("XFD2", "x") + "</row>");
  XlsxTable table(last);
  ASSERT_TRUE(table.next());
  EXPECT_EQ(table.fields().size(), 16384u);
  EXPECT_EQ(table.fields().back(), "x");

  const auto beyond = writeWorkbook(dir, R"(<row r="2">)" + inlineCell("XFE2", "x") + "</row>");
  EXPECT_EQ(refusalOf(beyond), beyond +
                                   ": sheet 'Aged & Open', row 2: cell XFE2 lies beyond column "
                                   "XFD, the last column of an Excel sheet");
}

// Cells without a reference follow one another: the 16,385th has no column to go in.
TEST(XlsxTable, rowOfMoreCellsThanASheetHasColumnsIsRefused) {
  TempDir dir;
  std::string row = R"(<row r="1">)";
  for (int i = 0; i <= 16384; ++i) row += "<c><v>1</v></c>";
  const auto path = writeWorkbook(dir, row + "</row>");
  EXPECT_EQ(refusalOf(path), path +
                                 ": sheet 'Aged & Open', row 1: more than 16,384 cells, the "
                                 "columns an Excel sheet has");
}

// A dimension claiming the whole sheet gave every row 16,384 cells.
TEST(XlsxTable, dimensionOfWholeSheetDoesNotPadRows) {
  TempDir dir;
  const auto path =
      writeZip(dir, "book.xlsx",
               workbookParts(R"(<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<dimension ref="A1:XFD1048576"/><sheetData><row r="1">)" +
                                 inlineCell("A1", "Invoice") + inlineCell("B1", "Amount") +
                                 R"(</row><row r="2">)" + inlineCell("A2", "INV-1") +
                                 R"(<c r="B2"><v>10</v></c></row></sheetData></worksheet>)",
                             {}));
  XlsxTable table(path);
  EXPECT_EQ(readAll(table),
            (std::vector<SheetRow>{{1, {"Invoice", "Amount"}}, {2, {"INV-1", "10"}}}));
}

// A formatted cell with no text far to the right made the table that wide.
TEST(XlsxTable, emptyFormattedCellsDoNotWidenTheTable) {
  TempDir dir;
  XlsxTable table(writeWorkbook(dir, R"(<row r="1">)" + inlineCell("A1", "Invoice") +
                                         R"(<c r="XFD1" s="4"/></row><row r="2">)" +
                                         inlineCell("A2", "INV-1") + R"(<c r="B2" s="4"/></row>)"));
  EXPECT_EQ(readAll(table), (std::vector<SheetRow>{{1, {"Invoice"}}, {2, {"INV-1"}}}));
}

// Serials Excel cannot show as a date were cast to a day number whatever their size.
TEST(XlsxTable, dateSerialOutOfRangeIsNotADate) {
  TempDir dir;
  // 2958465 is 9999-12-31, Excel's last day; 2958466 would be in the year 10000.
  XlsxTable table(writeWorkbook(dir, R"(<row r="1"><c r="A1" s="1"><v>1e300</v></c>
<c r="B1" s="1"><v>-5</v></c><c r="C1" s="1"><v>NaN</v></c><c r="D1" s="1"><v>inf</v></c>
<c r="E1" s="1"><v>-1e300</v></c><c r="F1" s="1"><v>2958466</v></c>
<c r="G1" s="1"><v>2958465.5</v></c><c r="H1" s="1"><v>1</v></c></row>)"));
  EXPECT_EQ(
      readAll(table),
      (std::vector<SheetRow>{
          {1, {"1e300", "-5", "NaN", "inf", "-1e300", "2958466", "9999-12-31", "1900-01-01"}}}));
}

TEST(XlsxTable, dateSerialBeyondTheYear9999IsNotADateIn1904Workbooks) {
  TempDir dir;
  // 2957003 is 9999-12-31 counted from 1904.
  XlsxTable table(writeWorkbook(
      dir,
      R"(<row r="1"><c r="A1" s="1"><v>2957003</v></c><c r="B1" s="1"><v>2957004</v></c></row>)",
      true));
  EXPECT_EQ(readAll(table), (std::vector<SheetRow>{{1, {"9999-12-31", "2957004"}}}));
}

// A cell of any length was read whole, then kept whole in the ledger's rejects.
TEST(XlsxTable, cellLongerThanExcelAllowsIsRefused) {
  TempDir dir;
  const auto path = writeWorkbook(dir, R"(<row r="3">)" + inlineCell("A3", "x") +
                                           inlineCell("B3", std::string(32768, 'x')) + "</row>");
  EXPECT_EQ(refusalOf(path), path +
                                 ": sheet 'Aged & Open', row 3: cell B3 holds more than 32,767 "
                                 "characters, the most Excel allows in a cell");
}

TEST(XlsxTable, cellOfExcelsLongestTextIsRead) {
  TempDir dir;
  // Characters, not bytes: 32,767 of "é" are 65,534 bytes of UTF-8.
  std::string longest;
  for (int i = 0; i < 32767; ++i) longest += "é";
  XlsxTable table(writeWorkbook(
      dir, R"(<row r="1"><c r="A1"><v>32767</v></c>)" + inlineCell("B1", longest) + "</row>"));
  ASSERT_TRUE(table.next());
  EXPECT_EQ(table.fields()[1], longest);
}

TEST(XlsxTable, sharedStringLongerThanExcelAllowsIsRefused) {
  TempDir dir;
  const auto path = writeZip(
      dir, "book.xlsx",
      workbookParts(sheetXml(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)"),
                    {{"xl/sharedStrings.xml",
                      "<sst><si><t>Invoice</t></si><si><r><t>" + std::string(20000, 'x') +
                          "</t></r><r><t>" + std::string(20000, 'y') + "</t></r></si></sst>"}}));
  EXPECT_EQ(refusalOf(path), path +
                                 ": xl/sharedStrings.xml: shared string 1 holds more than 32,767 "
                                 "characters, the most Excel allows in a cell");
}

// One shared string in every cell of a row made a few bytes of sheet a row of gigabytes.
TEST(XlsxTable, rowOfMoreTextThanAnyExportHoldsIsRefused) {
  TempDir dir;
  std::string longest(32767, 'x');
  std::string row = R"(<row r="1">)";
  for (int i = 0; i < 33; ++i) row += "<c t=\"s\"><v>0</v></c>";
  const auto path = writeZip(
      dir, "book.xlsx",
      workbookParts(sheetXml(row + "</row>"),
                    {{"xl/sharedStrings.xml", "<sst><si><t>" + longest + "</t></si></sst>"}}));
  EXPECT_EQ(refusalOf(path), path +
                                 ": sheet 'Aged & Open', row 1: more than 1 MiB of text in one "
                                 "row, more than any export writes");
}

// Empty shared strings zip to almost nothing: 1.2 MB of them were held as 2 GB.
TEST(XlsxTable, sharedStringsBombIsRefused) {
  TempDir dir;
  const auto path = writeZip(
      dir, "book.xlsx",
      workbookParts(
          sheetXml(R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)"),
          {{"xl/sharedStrings.xml", "<sst><si><t>Invoice</t></si><si/><si/><si/></sst>"}}));
  XlsxLimits limits;
  limits.sharedStrings = 4;
  EXPECT_EQ(refusalOf(path, limits), "");
  limits.sharedStrings = 3;
  EXPECT_EQ(refusalOf(path, limits),
            path +
                ": xl/sharedStrings.xml holds more than 3 shared strings, more than any real "
                "workbook has");
}

// Each part read was inflated whole, however large the zip said or made it.
TEST(XlsxTable, partInflatingBeyondItsLimitIsRefused) {
  TempDir dir;
  const std::string padding(5000, ' ');
  XlsxLimits limits;
  limits.smallPartBytes = 4096;
  const auto styles = writeZip(
      dir, "styles.xlsx",
      workbookParts(sheetXml(""), {{"xl/styles.xml", "<styleSheet>" + padding + "</styleSheet>"}}));
  EXPECT_EQ(refusalOf(styles, limits),
            styles +
                ": xl/styles.xml inflates to more than 4,096 bytes, more than any real "
                "workbook holds");
  const auto workbook =
      writeZip(dir, "workbook.xlsx", workbookParts(sheetXml(""), {{"xl/workbook.xml", padding}}));
  EXPECT_EQ(refusalOf(workbook, limits),
            workbook +
                ": xl/workbook.xml inflates to more than 4,096 bytes, more than any real "
                "workbook holds");

  limits = {};
  limits.sharedStringsBytes = 4096;
  const auto strings = writeZip(
      dir, "strings.xlsx",
      workbookParts(sheetXml(""), {{"xl/sharedStrings.xml", "<sst>" + padding + "</sst>"}}));
  EXPECT_EQ(refusalOf(strings, limits),
            strings +
                ": xl/sharedStrings.xml inflates to more than 4,096 bytes, more than any "
                "real workbook holds");
}

// The sheet is streamed, so it may be large, but no larger than a real export's compression.
TEST(XlsxTable, sheetInflatingBeyondItsLimitIsRefused) {
  TempDir dir;
  std::string rows = R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row>)";
  for (int i = 0; i < 20000; ++i) rows += "<row/>";  // 120,000 bytes that zip to a few hundred
  const auto path = writeWorkbook(dir, rows);
  XlsxLimits limits;
  limits.sheetBytesAtLeast = 100000;
  limits.sheetBytesPerFileByte = 0;
  EXPECT_EQ(refusalOf(path, limits),
            path +
                ": xl/worksheets/sheet1.xml inflates to more than 100,000 bytes, more than "
                "any real workbook holds");
  // A multiple of the file's own size lets a bigger file have a bigger sheet.
  limits.sheetBytesPerFileByte = 1000;
  EXPECT_EQ(refusalOf(path, limits), "");
}

// Expat keeps a tag whole until it ends and scans it again with every chunk read: 300 KB of
// zip holding one attribute of 300 MiB kept the reader busy for good.
TEST(XlsxTable, tagLongerThanAnyWorkbookWritesIsRefused) {
  TempDir dir;
  // ">" may stand in an attribute's value: it does not end the tag.
  std::string value(2 << 20, 'a');
  for (std::size_t i = 0; i < value.size(); i += 1000) value[i] = '>';
  const auto path = writeWorkbook(dir, R"(<row r="1"><c r="A1" x=")" + value + R"("/></row>)");
  EXPECT_EQ(refusalOf(path), path +
                                 ": xl/worksheets/sheet1.xml: a tag longer than 1 MiB, longer "
                                 "than any workbook writes");
}

TEST(XlsxTable, referenceLongerThanAnyWorkbookWritesIsRefused) {
  TempDir dir;
  const auto path = writeWorkbook(dir, R"(<row r="1"><c r="A1" t="inlineStr"><is><t>&)" +
                                           std::string(2 << 20, 'a') + ";</t></is></c></row>");
  EXPECT_EQ(refusalOf(path), path +
                                 ": xl/worksheets/sheet1.xml: a tag longer than 1 MiB, longer "
                                 "than any workbook writes");
}

// Found by fuzzing: a ZIP64 record claiming exabytes of extensible data made the zip reader
// allocate them before reading a byte. It is a damaged file, said so.
TEST(XlsxTable, aZip64RecordClaimingMoreThanTheFileIsADamagedZip) {
  TempDir dir;
  const std::string path = dir.file("claims.xlsx");
  std::string bytes = "PK\x06\x06" + std::string(8, '\x06') + "\x03\x04" + std::string(40, '\0');
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  const std::string refusal = refusalOf(path);
  EXPECT_NE(refusal.find("a damaged zip file"), std::string::npos) << refusal;
  EXPECT_NE(refusal.find("ZIP64"), std::string::npos) << refusal;
}

}  // namespace
}  // namespace kindly::importers
