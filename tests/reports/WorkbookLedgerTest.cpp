// The workbook and the report files of a real ledger (the sample business, plus a yen client),
// read back: every currency's totals agree with the aging engine's, on the Summary and summed
// over the Open invoices, and the other sheets say what their commands say.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>

#include "aging/AgingEngine.h"
#include "reports/AgingWorkbook.h"
#include "reports/ReportTablesFiles.h"
#include "reports/ReportTablesLedger.h"
#include "tests/support/AgingFixtures.h"
#include "tests/support/TempDir.h"
#include "tests/support/XlsxReader.h"

namespace kindly::reports {
namespace {

namespace fs = std::filesystem;
using testing::day;
using testing::jpy;
using testing::XlsxReader;

const dates::Date kAsOf = day(2026, 11, 20);

// The samples as `kindly import` loads them, and a client billed in yen (no decimals).
struct SampleLedger {
  SampleLedger() {
    testing::importSamples(database, kAsOf);
    testing::LedgerBuilder(database)
        .invoice("Y-1", "KYOTO", day(2026, 7, 1), day(2026, 7, 31), jpy(150000))
        .payment("Y-1", day(2026, 8, 10), 20000)
        .invoice("Y-2", "KYOTO", day(2026, 11, 1), day(2026, 12, 1), jpy(40000));
    options.asOf = kAsOf;
  }

  OwnerReport report() {
    return readOwnerReport(database, options, followup::Cadence{}, "Harbour Lights");
  }
  OpenInvoiceSource openInvoices() {
    return [this](const auto& visit) { engine.eachOpenInvoice(options, visit); };
  }

  testing::TempDir folder;
  store::Database database{folder.file("kindly.db")};
  aging::AgingOptions options;
  aging::AgingEngine engine{database};
};

// The amounts of `amountColumn` summed per currency (`currencyColumn`) over the rows.
std::map<std::string, double> sumByCurrency(const testing::Sheet& sheet, char currencyColumn,
                                            char amountColumn, int firstRow, int lastRow) {
  std::map<std::string, double> sums;
  for (int row = firstRow; row <= lastRow; ++row) {
    const auto* currency = sheet.find(currencyColumn + std::to_string(row));
    const auto* amount = sheet.find(amountColumn + std::to_string(row));
    if (currency == nullptr || amount == nullptr) continue;
    sums[currency->text] += amount->number;
  }
  return sums;
}

double asNumber(const money::Money& amount) {
  return std::strtod(amount.toDecimal().c_str(), nullptr);
}

TEST(WorkbookLedger, summaryTotalsAndOpenInvoiceBalancesEqualTheAgingTotals) {
  SampleLedger ledger;
  const fs::path path = ledger.folder.path() / "aging.xlsx";
  const std::size_t written =
      writeAgingWorkbook(path.string(), ledger.report(), ledger.openInvoices());
  const aging::AgingReport aging = ledger.engine.age(ledger.options);
  ASSERT_GE(aging.totals.size(), 3u) << "EUR, JPY and USD at least";
  EXPECT_EQ(written, ledger.engine.openInvoices(ledger.options).size());

  XlsxReader reader(path.string());
  const testing::Sheet summary = reader.sheet("Summary");
  const testing::Sheet invoices = reader.sheet("Open invoices");
  // Summary: header on row 2, clients, an empty row, then one "Total" row per currency.
  const int firstTotal = 2 + static_cast<int>(aging.clients.size()) + 2;
  const auto invoiceBalances = sumByCurrency(invoices, 'F', 'I', 2, 1 + static_cast<int>(written));
  for (std::size_t i = 0; i < aging.totals.size(); ++i) {
    const auto& total = aging.totals[i];
    const std::string code = total.balance.currency().code();
    const std::string row = std::to_string(firstTotal + static_cast<int>(i));
    ASSERT_NE(summary.find("C" + row), nullptr) << code;
    EXPECT_EQ(summary.find("B" + row)->text, "Total");
    EXPECT_EQ(summary.find("C" + row)->text, code);
    EXPECT_DOUBLE_EQ(summary.find("D" + row)->number, asNumber(total.balance)) << code;
    for (std::size_t b = 0; b < total.buckets.size(); ++b) {
      const std::string cell = std::string(1, static_cast<char>('E' + b)) + row;
      EXPECT_DOUBLE_EQ(summary.find(cell)->number, asNumber(total.buckets[b])) << code << cell;
    }
    EXPECT_NEAR(invoiceBalances.at(code), asNumber(total.balance), 1e-6) << code;
  }
  // The summary's client rows add up to the totals too.
  const auto clientBalances =
      sumByCurrency(summary, 'C', 'D', 3, 2 + static_cast<int>(aging.clients.size()));
  for (const auto& total : aging.totals) {
    EXPECT_NEAR(clientBalances.at(total.balance.currency().code()), asNumber(total.balance), 1e-6);
  }
}

TEST(WorkbookLedger, yenAmountsHaveNoDecimals) {
  SampleLedger ledger;
  const fs::path path = ledger.folder.path() / "aging.xlsx";
  writeAgingWorkbook(path.string(), ledger.report(), ledger.openInvoices());
  XlsxReader reader(path.string());
  const testing::Sheet invoices = reader.sheet("Open invoices");
  bool found = false;
  for (const auto& [reference, cell] : invoices.cells) {
    if (reference[0] != 'C' || cell.text != "Y-1") continue;
    const std::string balance = "I" + reference.substr(1);
    EXPECT_EQ(invoices.find(balance)->number, 130000);
    EXPECT_EQ(reader.numberFormat(invoices.find(balance)->style), "#,##0_0");
    found = true;
  }
  EXPECT_TRUE(found);
}

TEST(WorkbookLedger, clientsPlanAndForecastSheetsAreFilled) {
  SampleLedger ledger;
  const OwnerReport report = ledger.report();
  const fs::path path = ledger.folder.path() / "aging.xlsx";
  writeAgingWorkbook(path.string(), report, ledger.openInvoices());
  XlsxReader reader(path.string());

  const testing::Sheet clients = reader.sheet("Clients");
  EXPECT_EQ(clients.autoFilter, "A1:Q" + std::to_string(1 + report.clients.size()));
  EXPECT_EQ(clients.find("A2")->text, report.clients.front().clientCode);

  const testing::Sheet plan = reader.sheet("Follow-up plan");
  ASSERT_FALSE(report.plan.empty());
  // Dates never go backwards down the plan.
  double previous = 0;
  for (std::size_t row = 2; row < 2 + report.plan.size(); ++row) {
    const auto* date = plan.find("A" + std::to_string(row));
    if (date == nullptr) continue;
    EXPECT_TRUE(reader.isDateFormat(date->style));
    EXPECT_GE(date->number, previous) << "row " << row;
    previous = date->number;
  }

  const testing::Sheet forecast = reader.sheet("Forecast");
  EXPECT_EQ(forecast.find("A2")->text, "overdue");
  EXPECT_EQ(forecast.find("A3")->text, "week 1");
  EXPECT_EQ(forecast.find("B3")->number, XlsxReader::excelSerial(2026, 11, 20));
  EXPECT_EQ(forecast.find("A18")->text, "total");
}

TEST(WorkbookLedger, csvFilesHoldTheSameTablesOnePerSheet) {
  SampleLedger ledger;
  const fs::path folder = ledger.folder.path() / "report";
  writeReportTables(folder.string(), TableFileFormat::Csv, ledger.report(), ledger.openInvoices());
  for (const char* name :
       {"summary.csv", "open-invoices.csv", "clients.csv", "plan.csv", "forecast.csv"}) {
    EXPECT_TRUE(fs::is_regular_file(folder / name)) << name;
  }
  EXPECT_EQ(std::distance(fs::directory_iterator(folder), fs::directory_iterator()), 5)
      << "no temporary file left";
  const std::string summary = testing::readFile(folder / "summary.csv");
  EXPECT_EQ(summary.rfind("client,name,currency,balance,current,1-30,31-60,61-90,90+,", 0), 0u);
  EXPECT_NE(summary.find("\r\n,Total,JPY,170000,"), std::string::npos) << summary;
}

TEST(WorkbookLedger, folderInAMissingFolderIsAnErrorAndLeavesNothing) {
  SampleLedger ledger;
  const fs::path folder = ledger.folder.path() / "missing" / "report";
  EXPECT_THROW(writeReportTables(folder.string(), TableFileFormat::Json, ledger.report(),
                                 ledger.openInvoices()),
               Error);
  EXPECT_FALSE(fs::exists(folder.parent_path()));
}

TEST(WorkbookLedger, failedFilesLeaveNoFolderBehind) {
  SampleLedger ledger;
  const fs::path folder = ledger.folder.path() / "report";
  const OpenInvoiceSource failing = [](const auto&) {
    throw std::runtime_error("the ledger went away");
  };
  EXPECT_THROW(writeReportTables(folder.string(), TableFileFormat::Csv, ledger.report(), failing),
               std::runtime_error);
  EXPECT_FALSE(fs::exists(folder)) << "the folder it created is gone again";
}

// Converting with LibreOffice shows that a real spreadsheet program opens the workbook.
TEST(WorkbookLedger, libreOfficeOpensTheWorkbook) {
  if (std::system("command -v libreoffice >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "libreoffice is not on PATH: the workbook was not opened by a real program";
  }
  SampleLedger ledger;
  const fs::path path = ledger.folder.path() / "aging.xlsx";
  writeAgingWorkbook(path.string(), ledger.report(), ledger.openInvoices());
  const std::string command =
      "cd '" + ledger.folder.path().string() + "' && HOME='" + ledger.folder.path().string() +
      "' libreoffice --headless --convert-to pdf aging.xlsx >/dev/null 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0);
  EXPECT_GT(fs::file_size(ledger.folder.path() / "aging.pdf"), 1000u);
}

}  // namespace
}  // namespace kindly::reports
