// Writes a small aging report to a real .xlsx file and reads it back: sheets, number and date
// cells, totals per currency, frozen headers, filters, print set-up, and what a failed write
// leaves.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "base/Error.h"
#include "reports/AgingWorkbook.h"
#include "reports/WorkbookLayout.h"
#include "tests/support/XlsxReader.h"

namespace kindly::reports {
namespace {

namespace fs = std::filesystem;
using aging::AgingReport;
using aging::ClientAging;
using aging::CurrencyTotal;
using aging::OpenInvoice;
using money::Money;
using testing::CellType;
using testing::XlsxReader;

Money usd(std::int64_t cents) { return Money(cents, *money::Currency::fromCode("USD")); }
Money jpy(std::int64_t yen) { return Money(yen, *money::Currency::fromCode("JPY")); }
dates::Date day(int year, int month, int dayOfMonth) {
  return *dates::Date::fromYmd(year, month, dayOfMonth);
}

// A fresh folder under the system temp folder, removed with everything in it.
class ScratchFolder {
 public:
  ScratchFolder() {
    std::string pattern = (fs::temp_directory_path() / "kindly-workbook-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  ~ScratchFolder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }
  std::vector<std::string> entries() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(path_)) {
      names.push_back(entry.path().filename().string());
    }
    return names;
  }

 private:
  fs::path path_;
};

// As of 2026-11-30, default edges (current, 1-30, 31-60, 61-90, 90+):
//   ACME  JPY  one invoice 30 days late.
//   ACME  USD  one not yet due, one 60 days late part-paid, one 152 days late, a credit note.
//   KYOTO JPY  one 61 days late part-paid, one 91 days late; pays late again and again; one
//              issued after the as-of date.
AgingReport sampleReport() {
  AgingReport report;
  report.asOf = day(2026, 11, 30);
  report.clients = {
      ClientAging{"ACME",
                  "Acme Trading Ltd",
                  jpy(50000),
                  {jpy(0), jpy(50000), jpy(0), jpy(0), jpy(0)},
                  jpy(0),
                  jpy(0),
                  1,
                  30,
                  {"overdue"}},
      ClientAging{"ACME",
                  "Acme Trading Ltd",
                  usd(238506),
                  {usd(100000), usd(0), usd(25050), usd(0), usd(123456)},
                  usd(-10000),
                  usd(0),
                  3,
                  152,
                  {"overdue"}},
      ClientAging{"KYOTO",
                  "Kyoto Ceramics KK",
                  jpy(245000),
                  {jpy(0), jpy(0), jpy(0), jpy(130000), jpy(75000)},
                  jpy(0),
                  jpy(40000),
                  2,
                  91,
                  {"overdue", "repeat-late"}},
  };
  report.totals = {
      CurrencyTotal{
          jpy(295000), {jpy(0), jpy(50000), jpy(0), jpy(130000), jpy(75000)}, jpy(0), jpy(40000)},
      CurrencyTotal{
          usd(238506), {usd(100000), usd(0), usd(25050), usd(0), usd(123456)}, usd(-10000), usd(0)},
  };
  return report;
}

std::vector<OpenInvoice> sampleOpenInvoices() {
  return {
      {"ACME", "Acme Trading Ltd", "INV-201", day(2026, 10, 1), day(2026, 10, 31), jpy(50000),
       jpy(0), jpy(50000), 30, 1},
      {"ACME", "Acme Trading Ltd", "INV-090", day(2026, 6, 1), day(2026, 7, 1), usd(123456), usd(0),
       usd(123456), 152, 4},
      {"ACME", "Acme Trading Ltd", "INV-102", day(2026, 9, 1), day(2026, 10, 1), usd(50050),
       usd(25000), usd(25050), 60, 2},
      {"ACME", "Acme Trading Ltd", "INV-101", day(2026, 11, 10), day(2026, 12, 10), usd(100000),
       usd(0), usd(100000), -10, 0},
      {"ACME", "Acme Trading Ltd", "CN-7", day(2026, 11, 20), day(2026, 11, 20), usd(-10000),
       usd(0), usd(-10000), 0, 0},
      {"KYOTO", "Kyoto Ceramics KK", "K-17", day(2026, 8, 1), day(2026, 8, 31), jpy(75000), jpy(0),
       jpy(75000), 91, 4},
      {"KYOTO", "Kyoto Ceramics KK", "K-22", day(2026, 9, 15), day(2026, 9, 30), jpy(150000),
       jpy(20000), jpy(130000), 61, 3},
      {"KYOTO", "Kyoto Ceramics KK", "K-30", day(2026, 12, 5), day(2027, 1, 4), jpy(40000), jpy(0),
       jpy(40000), -35, 0, true},
  };
}

OwnerReport ownerReport(AgingReport aging) {
  OwnerReport report;
  report.companyName = "Hokusai Supplies";
  report.aging = std::move(aging);
  report.forecast.asOf = report.aging.asOf;
  return report;
}

void writeWorkbook(const fs::path& path, const AgingReport& aging,
                   const std::vector<OpenInvoice>& invoices) {
  writeAgingWorkbook(path.string(), ownerReport(aging), openInvoicesFrom(invoices));
}

// Writes the sample into a scratch folder and reads it back.
std::string writeSample(const ScratchFolder& folder) {
  const std::string path = (folder.path() / "aging.xlsx").string();
  writeWorkbook(path, sampleReport(), sampleOpenInvoices());
  return path;
}

struct WrittenWorkbook {
  ScratchFolder folder;
  XlsxReader reader{writeSample(folder)};
};

// Summary layout: row 1 title, row 2 header, rows 3-5 clients, row 6 empty, rows 7-8 totals.
// Columns: A Client, B Name, C Currency, D Balance, E-I buckets, J Credits, K Not yet issued,
// L Open invoices, M Oldest days overdue, N Flags.
struct ExpectedNumber {
  std::string cell;
  double value;
};

void expectNumbers(const testing::Sheet& sheet, const std::vector<ExpectedNumber>& expected) {
  for (const ExpectedNumber& number : expected) {
    const testing::Cell* cell = sheet.find(number.cell);
    ASSERT_NE(cell, nullptr) << number.cell;
    EXPECT_EQ(cell->type, CellType::Number) << number.cell;
    EXPECT_EQ(cell->number, number.value) << number.cell;
  }
}

std::string text(const testing::Sheet& sheet, const std::string& reference) {
  const testing::Cell* cell = sheet.find(reference);
  if (cell == nullptr) return "<no cell " + reference + ">";
  return cell->isText() ? cell->text : "<not text " + reference + ">";
}

TEST(AgingWorkbook, sheetsOpenOnTheDashboard) {
  WrittenWorkbook workbook;
  EXPECT_EQ(workbook.reader.sheetNames(),
            (std::vector<std::string>{"Dashboard", "Summary", "Open invoices", "Clients",
                                      "Follow-up plan", "Forecast"}));
}

TEST(AgingWorkbook, summaryOpensWithCompanyDateAndColumnHeaders) {
  WrittenWorkbook workbook;
  const testing::Sheet summary = workbook.reader.sheet("Summary");
  EXPECT_EQ(text(summary, "A1"), "Hokusai Supplies");
  EXPECT_EQ(text(summary, "C1"), "Aging as of 2026-11-30");
  const std::vector<std::string> headers = {"Client",
                                            "Name",
                                            "Currency",
                                            "Balance",
                                            "current",
                                            "1-30",
                                            "31-60",
                                            "61-90",
                                            "90+",
                                            "Credits",
                                            "Not yet issued",
                                            "Open invoices",
                                            "Oldest days overdue",
                                            "Flags",
                                            "Next follow-up",
                                            "Next step"};
  for (std::size_t i = 0; i < headers.size(); ++i) {
    const std::string reference = std::string(1, static_cast<char>('A' + i)) + "2";
    EXPECT_EQ(text(summary, reference), headers[i]) << reference;
    EXPECT_TRUE(workbook.reader.isBold(summary.find(reference)->style)) << reference;
  }
}

TEST(AgingWorkbook, amountsAreNumbersASpreadsheetCanSum) {
  WrittenWorkbook workbook;
  const testing::Sheet summary = workbook.reader.sheet("Summary");
  EXPECT_EQ(text(summary, "A3"), "ACME");
  EXPECT_EQ(text(summary, "C3"), "JPY");
  EXPECT_EQ(text(summary, "C4"), "USD");
  EXPECT_EQ(text(summary, "A5"), "KYOTO");
  EXPECT_EQ(text(summary, "B5"), "Kyoto Ceramics KK");
  expectNumbers(summary,
                {
                    {"D3", 50000},   {"E3", 0},      {"F3", 50000}, {"G3", 0},     {"H3", 0},
                    {"I3", 0},       {"J3", 0},      {"K3", 0},     {"L3", 1},     {"M3", 30},
                    {"D4", 2385.06}, {"E4", 1000.0}, {"F4", 0},     {"G4", 250.5}, {"H4", 0},
                    {"I4", 1234.56}, {"J4", -100},   {"K4", 0},     {"L4", 3},     {"M4", 152},
                    {"D5", 245000},  {"E5", 0},      {"F5", 0},     {"G5", 0},     {"H5", 130000},
                    {"I5", 75000},   {"J5", 0},      {"K5", 40000}, {"L5", 2},     {"M5", 91},
                });
}

TEST(AgingWorkbook, amountsShowTheirCurrencysDecimals) {
  WrittenWorkbook workbook;
  const testing::Sheet summary = workbook.reader.sheet("Summary");
  for (const char* yen : {"D3", "F3", "J3", "I5"}) {
    EXPECT_EQ(workbook.reader.numberFormat(summary.find(yen)->style), "#,##0_0") << yen;
  }
  for (const char* dollars : {"D4", "E4", "J4"}) {
    EXPECT_EQ(workbook.reader.numberFormat(summary.find(dollars)->style), "#,##0.00_0") << dollars;
  }
}

TEST(AgingWorkbook, totalsAreOnePerCurrencyBelowTheClients) {
  WrittenWorkbook workbook;
  const testing::Sheet summary = workbook.reader.sheet("Summary");
  EXPECT_EQ(summary.find("A6"), nullptr) << "an empty row keeps totals out of the client rows";
  EXPECT_EQ(text(summary, "B7"), "Total");
  EXPECT_EQ(summary.find("A7"), nullptr) << "no client code on a totals row";
  EXPECT_EQ(text(summary, "C7"), "JPY");
  EXPECT_EQ(text(summary, "B8"), "Total");
  EXPECT_EQ(text(summary, "C8"), "USD");
  expectNumbers(summary, {
                             {"D7", 295000},
                             {"E7", 0},
                             {"F7", 50000},
                             {"G7", 0},
                             {"H7", 130000},
                             {"I7", 75000},
                             {"J7", 0},
                             {"K7", 40000},
                             {"D8", 2385.06},
                             {"E8", 1000},
                             {"F8", 0},
                             {"G8", 250.5},
                             {"H8", 0},
                             {"I8", 1234.56},
                             {"J8", -100},
                             {"K8", 0},
                         });
  EXPECT_EQ(summary.find("A9"), nullptr);
}

TEST(AgingWorkbook, openInvoiceDatesAreRealDates) {
  WrittenWorkbook workbook;
  const testing::Sheet invoices = workbook.reader.sheet("Open invoices");
  // Row 2 is INV-201: issued 2026-10-01, due 2026-10-31.
  EXPECT_EQ(text(invoices, "C2"), "INV-201");
  expectNumbers(invoices, {{"D2", XlsxReader::excelSerial(2026, 10, 1)},
                           {"E2", XlsxReader::excelSerial(2026, 10, 31)},
                           {"D3", XlsxReader::excelSerial(2026, 6, 1)},
                           {"E5", XlsxReader::excelSerial(2026, 12, 10)}});
  EXPECT_EQ(XlsxReader::excelSerial(2026, 11, 20), 46346) << "Excel's own serial for the day";
  for (const char* date : {"D2", "E2", "D8", "E8"}) {
    const int style = invoices.find(date)->style;
    EXPECT_TRUE(workbook.reader.isDateFormat(style)) << date;
    EXPECT_EQ(workbook.reader.numberFormat(style), "yyyy-mm-dd_0") << date;
  }
  EXPECT_FALSE(workbook.reader.isDateFormat(invoices.find("G2")->style));
}

TEST(AgingWorkbook, openInvoiceAmountsAndDaysOverdueAreNumbers) {
  WrittenWorkbook workbook;
  const testing::Sheet invoices = workbook.reader.sheet("Open invoices");
  const std::vector<std::string> headers = {
      "Client",   "Name",         "Invoice",        "Issue date", "Due date",
      "Currency", "Amount",       "Paid",           "Balance",    "Days overdue",
      "Bucket",   "Last contact", "Next follow-up", "Next step"};
  for (std::size_t i = 0; i < headers.size(); ++i) {
    const std::string reference = std::string(1, static_cast<char>('A' + i)) + "1";
    EXPECT_EQ(text(invoices, reference), headers[i]) << reference;
  }
  // Rows 2-9 in the order given: INV-201, INV-090, INV-102, INV-101, CN-7, K-17, K-22, K-30.
  expectNumbers(invoices,
                {
                    {"G2", 50000}, {"H2", 0},       {"I2", 50000}, {"J2", 30},     {"G3", 1234.56},
                    {"H3", 0},     {"I3", 1234.56}, {"J3", 152},   {"G4", 500.5},  {"H4", 250},
                    {"I4", 250.5}, {"J4", 60},      {"G5", 1000},  {"J5", -10},    {"G6", -100},
                    {"I6", -100},  {"G8", 150000},  {"H8", 20000}, {"I8", 130000}, {"J8", 61},
                });
  EXPECT_EQ(text(invoices, "F3"), "USD");
  EXPECT_EQ(text(invoices, "F8"), "JPY");
  EXPECT_EQ(text(invoices, "K2"), "1-30");
  EXPECT_EQ(text(invoices, "K3"), "90+");
  EXPECT_EQ(text(invoices, "K5"), "current");
  EXPECT_EQ(text(invoices, "K8"), "61-90");
  EXPECT_EQ(text(invoices, "K9"), "not yet issued");
  EXPECT_EQ(workbook.reader.numberFormat(invoices.find("I3")->style), "#,##0.00_0");
  EXPECT_EQ(workbook.reader.numberFormat(invoices.find("I8")->style), "#,##0_0");
  EXPECT_EQ(invoices.find("A10"), nullptr);
}

TEST(AgingWorkbook, headerRowsStayInViewAndFilterTheRows) {
  WrittenWorkbook workbook;
  const testing::Sheet summary = workbook.reader.sheet("Summary");
  ASSERT_TRUE(summary.frozenPane.has_value());
  EXPECT_EQ(summary.frozenPane->rows, 2);
  EXPECT_EQ(summary.frozenPane->columns, 0);
  EXPECT_EQ(summary.frozenPane->topLeftCell, "A3");
  EXPECT_EQ(summary.autoFilter, "A2:P5") << "the client rows, not the totals";

  const testing::Sheet invoices = workbook.reader.sheet("Open invoices");
  ASSERT_TRUE(invoices.frozenPane.has_value());
  EXPECT_EQ(invoices.frozenPane->rows, 1);
  EXPECT_EQ(invoices.frozenPane->topLeftCell, "A2");
  EXPECT_EQ(invoices.autoFilter, "A1:N9");
}

TEST(AgingWorkbook, repeatLateClientsStandOut) {
  WrittenWorkbook workbook;
  const testing::Sheet summary = workbook.reader.sheet("Summary");
  EXPECT_EQ(text(summary, "N5"), "overdue repeat-late");
  EXPECT_TRUE(workbook.reader.isBold(summary.find("N5")->style));
  EXPECT_EQ(text(summary, "N4"), "overdue");
  EXPECT_FALSE(workbook.reader.isBold(summary.find("N4")->style));
}

TEST(AgingWorkbook, theTwoOldestBucketsAreColouredWhenOwed) {
  WrittenWorkbook workbook;
  const testing::Sheet summary = workbook.reader.sheet("Summary");
  EXPECT_NE(std::find(summary.conditionalRanges.begin(), summary.conditionalRanges.end(), "H3:H5"),
            summary.conditionalRanges.end());
  EXPECT_NE(std::find(summary.conditionalRanges.begin(), summary.conditionalRanges.end(), "I3:I5"),
            summary.conditionalRanges.end());
}

TEST(AgingWorkbook, repeatLateRowsAreMarkedWholeAndSoStayWhenSorted) {
  WrittenWorkbook workbook;
  const testing::Sheet summary = workbook.reader.sheet("Summary");
  EXPECT_NE(std::find(summary.conditionalRanges.begin(), summary.conditionalRanges.end(), "A3:P5"),
            summary.conditionalRanges.end());
}

TEST(AgingWorkbook, everySheetPrintsOnePageWideWithTheDateLandscapeWhenWide) {
  WrittenWorkbook workbook;
  for (const std::string& name : workbook.reader.sheetNames()) {
    const testing::PageSetup page = workbook.reader.sheet(name).page;
    // A portrait page holds the Forecast's few columns at full size, and this sample's empty
    // plan; the others need a landscape page.
    const bool narrow = name == "Forecast" || name == "Follow-up plan";
    EXPECT_EQ(page.orientation, narrow ? "portrait" : "landscape") << name;
    EXPECT_TRUE(page.fitToPage) << name;
    EXPECT_EQ(page.fitToWidth, 1) << name;
    EXPECT_EQ(page.fitToHeight, 0) << name << ": as many pages long as it takes";
    EXPECT_NE(page.header.find("Hokusai Supplies - aging as of 2026-11-30"), std::string::npos)
        << name << ": " << page.header;
    EXPECT_NE(page.footer.find("Page &P of &N"), std::string::npos) << name;
  }
}

TEST(AgingWorkbook, headerRowsRepeatOnEveryPrintedPage) {
  WrittenWorkbook workbook;
  std::map<std::string, std::string> titles;
  for (const auto& defined : workbook.reader.definedNames()) {
    if (defined.name == "_xlnm.Print_Titles") titles[defined.sheet] = defined.value;
  }
  EXPECT_EQ(titles["Summary"], "Summary!$1:$2");
  EXPECT_EQ(titles["Open invoices"], "'Open invoices'!$1:$1");
}

// LibreOffice does not fit rows and columns to their text on load as Excel does: the file
// itself says how tall and wide they are.
TEST(AgingWorkbook, titleAndWrappedHeaderRowsAreTallEnough) {
  WrittenWorkbook workbook;
  const testing::Sheet summary = workbook.reader.sheet("Summary");
  EXPECT_EQ(summary.rowHeights.at(1), workbook::kTitlePoints) << "the 14 pt title";
  EXPECT_EQ(summary.rowHeights.at(2), 2 * workbook::kLinePoints) << "\"Oldest days overdue\"";
  EXPECT_EQ(summary.rowHeights.count(3), 0u) << "a one-line row keeps the default height";
  EXPECT_EQ(workbook.reader.sheet("Dashboard").rowHeights.at(1), workbook::kTitlePoints);
}

TEST(AgingWorkbook, columnsAreAsWideAsTheirValuesAsShown) {
  WrittenWorkbook workbook;
  const testing::Sheet summary = workbook.reader.sheet("Summary");
  // libxlsxwriter stores a width with the cell's padding (5 pixels) added.
  const auto width = [&](int column) { return summary.columnWidths.at(column) - 5.0 / 7; };
  // D: "2,385.06", the widest balance as shown, with its margin.
  EXPECT_GE(width(4), workbook::textWidth("2,385.06", false) + 1);
  // B: the Name column makes room for the 14 pt company name before "Aging as of" in C1.
  EXPECT_GE(width(1) + width(2), workbook::titleWidth("Hokusai Supplies"));
  // N: the flags of the repeat-late row, bold, as its conditional format shows them.
  EXPECT_GE(width(14), workbook::textWidth("overdue repeat-late", true) + 1);
  for (const auto& [column, stored] : summary.columnWidths) {
    EXPECT_LE(stored, workbook::kMaxColumnWidth + 1) << column;
  }
}

TEST(AgingWorkbook, textLongerThanAColumnWrapsOnARowTallEnough) {
  ScratchFolder folder;
  const fs::path path = folder.path() / "aging.xlsx";
  AgingReport aging = sampleReport();
  const std::string longName =
      "The Very Long Name of a Client Who Trades Under Several Names at Once Ltd";
  aging.clients[2].clientName = longName;
  writeWorkbook(path, aging, sampleOpenInvoices());
  const testing::Sheet summary = XlsxReader(path.string()).sheet("Summary");
  EXPECT_EQ(text(summary, "B5"), longName);
  EXPECT_NEAR(summary.columnWidths.at(2), workbook::kMaxColumnWidth + 5.0 / 7, 0.01);
  EXPECT_GE(summary.rowHeights.at(5), 3 * workbook::kLinePoints);
  EXPECT_EQ(summary.rowHeights.count(4), 0u);
}

TEST(AgingWorkbook, companyNameWithAnAmpersandPrintsAsWritten) {
  ScratchFolder folder;
  const fs::path path = folder.path() / "aging.xlsx";
  OwnerReport report = ownerReport(sampleReport());
  report.companyName = "Smith & Sons";
  writeAgingWorkbook(path.string(), report, openInvoicesFrom(sampleOpenInvoices()));
  EXPECT_NE(XlsxReader(path.string()).sheet("Summary").page.header.find("Smith && Sons"),
            std::string::npos)
      << "a single & would start a header code";
}

TEST(AgingWorkbook, dashboardChartsTheMainCurrencysBucketsAndLargestOverdue) {
  WrittenWorkbook workbook;
  const testing::Sheet dashboard = workbook.reader.sheet("Dashboard");
  ASSERT_EQ(dashboard.charts.size(), 2u);
  // JPY has two client rows, USD one: the charts show JPY.
  const testing::Chart& buckets = dashboard.charts[0];
  EXPECT_EQ(buckets.type, "barChart");
  EXPECT_EQ(buckets.barDirection, "col");
  EXPECT_EQ(buckets.title, "Totals by bucket (JPY)");
  const testing::Chart& largest = dashboard.charts[1];
  EXPECT_EQ(largest.barDirection, "bar");
  EXPECT_EQ(largest.title, "Ten largest overdue balances (JPY)");
  EXPECT_TRUE(largest.categoriesReversed) << "the largest on top";
  // Each chart reads the Dashboard's own cells: the JPY bucket row, the overdue list.
  ASSERT_EQ(buckets.formulas.size(), 2u);
  ASSERT_EQ(largest.formulas.size(), 2u);
  const auto rowOf = [&](const std::string& label, char column) {
    for (int row = 1; row < 40; ++row) {
      const std::string reference = std::string(1, column) + std::to_string(row);
      if (text(dashboard, reference) == label) return row;
    }
    return 0;
  };
  // "JPY" heads a headline row first, then its row of the bucket table.
  int jpyBuckets = 0;
  for (int row = rowOf("JPY", 'A') + 1; row < 40 && jpyBuckets == 0; ++row) {
    if (text(dashboard, "A" + std::to_string(row)) == "JPY") jpyBuckets = row;
  }
  EXPECT_EQ(buckets.formulas[1],
            "Dashboard!$B$" + std::to_string(jpyBuckets) + ":$F$" + std::to_string(jpyBuckets));
  const int kyoto = rowOf("Kyoto Ceramics KK", 'B');
  const int acme = rowOf("Acme Trading Ltd", 'B');
  EXPECT_EQ(acme, kyoto + 1) << "Kyoto owes 205,000 JPY overdue, Acme 50,000";
  EXPECT_EQ(largest.formulas[1],
            "Dashboard!$C$" + std::to_string(kyoto) + ":$C$" + std::to_string(acme));
  expectNumbers(dashboard,
                {{"C" + std::to_string(kyoto), 205000}, {"C" + std::to_string(acme), 50000}});
}

// A client whose credit covers what it owes past due owes nothing overdue: it has no line
// among the largest overdue balances, though the Summary still shows its bucket and credit.
TEST(AgingWorkbook, dashboardLeavesOutAClientWhoseCreditCoversItsOverdue) {
  ScratchFolder folder;
  AgingReport report = sampleReport();
  report.clients.push_back(ClientAging{"ZEN",
                                       "Zen Garden Co",
                                       jpy(0),
                                       {jpy(0), jpy(0), jpy(80000), jpy(0), jpy(0)},
                                       jpy(-80000),
                                       jpy(0),
                                       1,
                                       45,
                                       {}});
  // And a client with nothing but a credit: it pays nothing of what the others owe.
  report.clients.push_back(ClientAging{"ZZZ",
                                       "Zephyr Ltd",
                                       jpy(-30000),
                                       {jpy(0), jpy(0), jpy(0), jpy(0), jpy(0)},
                                       jpy(-30000),
                                       jpy(0),
                                       0,
                                       0,
                                       {}});
  report.totals[0].buckets[2] += jpy(80000);
  report.totals[0].credits += jpy(-110000);
  report.totals[0].balance += jpy(-30000);
  const fs::path path = folder.path() / "aging.xlsx";
  writeWorkbook(path, report, sampleOpenInvoices());
  XlsxReader reader(path.string());
  const testing::Sheet dashboard = reader.sheet("Dashboard");
  for (int row = 1; row < 40; ++row) {
    EXPECT_NE(text(dashboard, "B" + std::to_string(row)), "Zen Garden Co") << "row " << row;
  }
  bool onSummary = false;
  const testing::Sheet summary = reader.sheet("Summary");
  for (int row = 3; row < 10; ++row)
    onSummary |= text(summary, "B" + std::to_string(row)) == "Zen Garden Co";
  EXPECT_TRUE(onSummary);
  // The JPY headline's overdue, client by client: Acme's 50,000 and Kyoto's 205,000; Zen's
  // 80,000 its own credit covers, and Zephyr's credit covers nothing of the others'.
  expectNumbers(dashboard, {{"C5", 255000}});
}

TEST(AgingWorkbook, dashboardHeadlinesPerCurrency) {
  WrittenWorkbook workbook;
  const testing::Sheet dashboard = workbook.reader.sheet("Dashboard");
  EXPECT_EQ(text(dashboard, "A4"), "Currency");
  EXPECT_EQ(text(dashboard, "D4"), "% over 60 days");
  EXPECT_EQ(text(dashboard, "A5"), "JPY");
  EXPECT_EQ(text(dashboard, "A6"), "USD");
  // JPY: 295,000 owed, 255,000 in the buckets, all past due; 205,000 (61-90 and 90+) over 60.
  // USD: 1,234.56 of 2,485.06 in the buckets is over 60 days; of the 1,485.06 past due, the
  // 100.00 credit note covers 100.00.
  expectNumbers(
      dashboard,
      {{"B5", 295000}, {"C5", 255000}, {"D5", 0.8}, {"B6", 2385.06}, {"C6", 1385.06}, {"D6", 0.5}});
  EXPECT_EQ(workbook.reader.numberFormat(dashboard.find("D5")->style), "0%_0");
  EXPECT_EQ(dashboard.find("E5"), nullptr) << "no DSO without sales in the window";
}

TEST(AgingWorkbook, documentPropertiesNameTheReportAndCompany) {
  WrittenWorkbook workbook;
  EXPECT_EQ(workbook.reader.property("title"), "Aging report");
  EXPECT_EQ(workbook.reader.property("Company"), "Hokusai Supplies");
  EXPECT_EQ(workbook.reader.property("description"), "Aging as of 2026-11-30");
  EXPECT_EQ(workbook.reader.property("created"), "2026-11-30T00:00:00Z")
      << "the as-of date, not the clock";
  EXPECT_EQ(workbook.reader.customProperty("As of"), "2026-11-30T00:00:00Z");
}

TEST(AgingWorkbook, reportWithoutOpenBalancesStillHasItsHeaders) {
  ScratchFolder folder;
  const fs::path path = folder.path() / "empty.xlsx";
  AgingReport report;
  report.asOf = day(2026, 11, 30);
  writeWorkbook(path, report, {});
  XlsxReader reader(path.string());
  const testing::Sheet summary = reader.sheet("Summary");
  EXPECT_EQ(text(summary, "A2"), "Client");
  EXPECT_EQ(summary.autoFilter, "A2:P2");
  EXPECT_TRUE(summary.conditionalRanges.empty());
  EXPECT_EQ(reader.sheet("Open invoices").autoFilter, "A1:N1");
  const testing::Sheet dashboard = reader.sheet("Dashboard");
  EXPECT_EQ(text(dashboard, "A5"), "Nothing is owed.");
  EXPECT_TRUE(dashboard.charts.empty());
}

TEST(AgingWorkbook, writingReplacesAnOlderFile) {
  ScratchFolder folder;
  const fs::path path = folder.path() / "aging.xlsx";
  std::ofstream(path) << "last month's report";
  writeWorkbook(path, sampleReport(), sampleOpenInvoices());
  EXPECT_EQ(XlsxReader(path.string()).sheetNames().size(), 6u);
  EXPECT_EQ(folder.entries(), std::vector<std::string>{"aging.xlsx"});
}

TEST(AgingWorkbook, folderThatDoesNotExistIsAnErrorAndLeavesNothing) {
  ScratchFolder folder;
  const fs::path path = folder.path() / "no-such-folder" / "aging.xlsx";
  try {
    writeWorkbook(path, sampleReport(), sampleOpenInvoices());
    FAIL() << "expected kindly::Error";
  } catch (const Error& error) {
    EXPECT_NE(std::string(error.what()).find(path.string()), std::string::npos) << error.what();
  }
  EXPECT_FALSE(fs::exists(path.parent_path()));
  EXPECT_TRUE(folder.entries().empty());
}

TEST(AgingWorkbook, failedWriteLeavesNoHalfFile) {
  ScratchFolder folder;
  // A folder where the workbook should go: everything is written, the final rename fails.
  const fs::path path = folder.path() / "aging.xlsx";
  fs::create_directory(path);
  EXPECT_THROW(writeWorkbook(path, sampleReport(), sampleOpenInvoices()), Error);
  EXPECT_EQ(folder.entries(), std::vector<std::string>{"aging.xlsx"});
  EXPECT_TRUE(fs::is_directory(path));
}

TEST(AgingWorkbook, nameTooLongForACellIsAnErrorAndLeavesNothing) {
  ScratchFolder folder;
  const fs::path path = folder.path() / "aging.xlsx";
  std::vector<OpenInvoice> invoices = sampleOpenInvoices();
  invoices.back().clientName = std::string(40000, 'K');  // Excel cells hold 32,767 characters
  EXPECT_THROW(writeWorkbook(path, sampleReport(), invoices), Error);
  EXPECT_TRUE(folder.entries().empty());
}

}  // namespace
}  // namespace kindly::reports
