// The aging report as JSON (the documented shape), CSV (safe to open in a spreadsheet) and a
// terminal table, from small hand-built reports.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "base/Text.h"
#include "reports/AgingOutput.h"
#include "reports/CsvWriter.h"
#include "tests/support/AgingFixtures.h"

namespace kindly::reports {
namespace {

using aging::AgingReport;
using aging::ClientAging;
using aging::CurrencyTotal;
using money::Money;
using testing::bhd;
using testing::day;
using testing::jpy;
using testing::usd;

ClientAging client(std::string code, std::string name, std::vector<Money> buckets, Money credits,
                   int openInvoices, int oldestDaysOverdue, std::vector<std::string> flags) {
  Money balance = credits;
  for (const auto& bucket : buckets) balance += bucket;
  return ClientAging{.clientCode = std::move(code),
                     .clientName = std::move(name),
                     .balance = balance,
                     .buckets = std::move(buckets),
                     .credits = credits,
                     .notYetIssued = Money::zero(balance.currency()),
                     .openInvoices = openInvoices,
                     .oldestDaysOverdue = oldestDaysOverdue,
                     .flags = std::move(flags)};
}

CurrencyTotal totalOf(const std::vector<ClientAging>& rows, money::Currency currency) {
  const auto zero = Money::zero(currency);
  CurrencyTotal total{zero, std::vector<Money>(5, zero), zero, zero};
  for (const auto& row : rows) {
    if (row.balance.currency() != currency) continue;
    total.balance += row.balance;
    total.credits += row.credits;
    for (std::size_t b = 0; b < row.buckets.size(); ++b) total.buckets[b] += row.buckets[b];
  }
  return total;
}

// The example of DESIGN.md §10: one client, USD.
AgingReport designExample() {
  AgingReport report;
  report.asOf = day(2026, 11, 20);
  report.clients = {client("C0001", "Acme Ltd", {usd(0), usd(23450), usd(100000), usd(0), usd(0)},
                           usd(0), 2, 45, {"overdue", "repeat-late"})};
  report.totals = {totalOf(report.clients, testing::currency("USD"))};
  return report;
}

// Three currencies, a credit, and names a spreadsheet or a terminal could trip over.
AgingReport awkwardReport(const std::string& longName = "Plain Name") {
  AgingReport report;
  report.asOf = day(2026, 11, 30);
  report.clients = {
      client("C001", "=HYPERLINK(\"http://x.example\")",
             {usd(1000), usd(0), usd(0), usd(0), usd(0)}, usd(-1250), 1, 0, {}),
      client("C002", "@SUM(A1:A9)", {usd(0), usd(5000), usd(0), usd(0), usd(0)}, usd(0), 1, 12,
             {"overdue"}),
      client("C003", "Pemberton, Hale & \"Associates\"",
             {usd(0), usd(0), usd(0), usd(0), usd(99999)}, usd(0), 3, 152, {"overdue"}),
      client("C004", longName, {jpy(0), jpy(0), jpy(150000), jpy(0), jpy(0)}, jpy(0), 1, 40,
             {"overdue", "repeat-late"}),
      client("C005", "Gulf Traders W.L.L.", {bhd(1250), bhd(0), bhd(0), bhd(0), bhd(0)}, bhd(-5), 1,
             0, {}),
  };
  report.totals = {totalOf(report.clients, testing::currency("BHD")),
                   totalOf(report.clients, testing::currency("JPY")),
                   totalOf(report.clients, testing::currency("USD"))};
  return report;
}

std::string json(const AgingReport& report) {
  std::ostringstream out;
  writeAgingJson(out, report);
  return out.str();
}

std::string csv(const AgingReport& report) {
  std::ostringstream out;
  writeAgingCsv(out, report);
  return out.str();
}

std::string table(const AgingReport& report) {
  std::ostringstream out;
  writeAgingTable(out, report);
  return out.str();
}

std::vector<std::string> lines(const std::string& text, const std::string& separator) {
  std::vector<std::string> result;
  std::size_t from = 0;
  while (from < text.size()) {
    const auto end = text.find(separator, from);
    result.push_back(text.substr(from, end - from));
    if (end == std::string::npos) break;
    from = end + separator.size();
  }
  return result;
}

Poco::JSON::Object::Ptr parsed(const std::string& text) {
  Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
  return parser.parse(text).extract<Poco::JSON::Object::Ptr>();
}

std::vector<std::string> names(const Poco::JSON::Object::Ptr& object) {
  const auto list = object->getNames();
  return {list.begin(), list.end()};
}

TEST(AgingOutput, jsonIsExactlyTheDocumentedExample) {
  // DESIGN.md §10 with not_yet_issued after credits (README), without line breaks.
  const std::string documented =
      R"({"as_of":"2026-11-20","basis":"due","buckets":["current","1-30","31-60","61-90","90+"],)"
      R"("clients":[{"client":"C0001","name":"Acme Ltd","currency":"USD","balance":"1234.50",)"
      R"("buckets":{"current":"0.00","1-30":"234.50","31-60":"1000.00","61-90":"0.00","90+":"0.00"},)"
      R"("credits":"0.00","not_yet_issued":"0.00","open_invoices":2,"oldest_days_overdue":45,"flags":["overdue","repeat-late"]}],)"
      R"("totals":[{"currency":"USD","balance":"1234.50","buckets":{"current":"0.00","1-30":"234.50",)"
      R"("31-60":"1000.00","61-90":"0.00","90+":"0.00"},"credits":"0.00","not_yet_issued":"0.00"}]})"
      "\n";
  EXPECT_EQ(json(designExample()), documented);
}

TEST(AgingOutput, jsonReadsBackWithDocumentedKeysInOrder) {
  const auto root = parsed(json(designExample()));

  EXPECT_EQ(names(root),
            (std::vector<std::string>{"as_of", "basis", "buckets", "clients", "totals"}));
  EXPECT_EQ(root->getValue<std::string>("as_of"), "2026-11-20");
  EXPECT_EQ(root->getValue<std::string>("basis"), "due");
  const auto buckets = root->getArray("buckets");
  ASSERT_EQ(buckets->size(), 5u);
  EXPECT_EQ(buckets->getElement<std::string>(0), "current");
  EXPECT_EQ(buckets->getElement<std::string>(4), "90+");

  const auto clients = root->getArray("clients");
  ASSERT_EQ(clients->size(), 1u);
  const auto acme = clients->getObject(0);
  EXPECT_EQ(names(acme), (std::vector<std::string>{
                             "client", "name", "currency", "balance", "buckets", "credits",
                             "not_yet_issued", "open_invoices", "oldest_days_overdue", "flags"}));
  EXPECT_EQ(acme->getValue<std::string>("client"), "C0001");
  EXPECT_EQ(acme->getValue<std::string>("name"), "Acme Ltd");
  EXPECT_EQ(acme->getValue<std::string>("currency"), "USD");
  EXPECT_TRUE(acme->get("balance").isString()) << "amounts are decimal strings";
  EXPECT_EQ(acme->getValue<std::string>("balance"), "1234.50");
  EXPECT_EQ(acme->getObject("buckets")->getValue<std::string>("31-60"), "1000.00");
  EXPECT_EQ(acme->getObject("buckets")->getValue<std::string>("1-30"), "234.50");
  EXPECT_EQ(acme->getValue<std::string>("credits"), "0.00");
  EXPECT_EQ(acme->getValue<int>("open_invoices"), 2);
  EXPECT_EQ(acme->getValue<int>("oldest_days_overdue"), 45);
  const auto flags = acme->getArray("flags");
  ASSERT_EQ(flags->size(), 2u);
  EXPECT_EQ(flags->getElement<std::string>(0), "overdue");
  EXPECT_EQ(flags->getElement<std::string>(1), "repeat-late");

  const auto totals = root->getArray("totals");
  ASSERT_EQ(totals->size(), 1u);
  const auto usdTotal = totals->getObject(0);
  EXPECT_EQ(names(usdTotal), (std::vector<std::string>{"currency", "balance", "buckets", "credits",
                                                       "not_yet_issued"}));
  EXPECT_EQ(usdTotal->getValue<std::string>("balance"), "1234.50");
  EXPECT_EQ(names(usdTotal->getObject("buckets")),
            (std::vector<std::string>{"current", "1-30", "31-60", "61-90", "90+"}));
}

TEST(AgingOutput, jsonWritesEachCurrencyWithItsOwnDecimalsAndEscapesNames) {
  const auto root = parsed(json(awkwardReport()));
  const auto clients = root->getArray("clients");
  ASSERT_EQ(clients->size(), 5u);
  EXPECT_EQ(clients->getObject(0)->getValue<std::string>("name"),
            "=HYPERLINK(\"http://x.example\")");
  EXPECT_EQ(clients->getObject(0)->getValue<std::string>("credits"), "-12.50");
  EXPECT_EQ(clients->getObject(0)->getValue<std::string>("balance"), "-2.50");
  EXPECT_EQ(clients->getObject(0)->getArray("flags")->size(), 0u);
  EXPECT_EQ(clients->getObject(3)->getValue<std::string>("balance"), "150000");
  EXPECT_EQ(clients->getObject(4)->getValue<std::string>("balance"), "1.245");

  const auto totals = root->getArray("totals");
  ASSERT_EQ(totals->size(), 3u);
  EXPECT_EQ(totals->getObject(0)->getValue<std::string>("currency"), "BHD");
  EXPECT_EQ(totals->getObject(1)->getValue<std::string>("currency"), "JPY");
  EXPECT_EQ(totals->getObject(2)->getValue<std::string>("currency"), "USD");
  EXPECT_EQ(totals->getObject(2)->getValue<std::string>("balance"), "1047.49");
}

TEST(AgingOutput, jsonKeepsAccentedNamesAsWrittenAndEscapesQuotes) {
  auto report = designExample();
  report.clients[0].clientName = "Café \"Lumière\" S.à r.l.";
  const auto text = json(report);
  EXPECT_NE(text.find(R"("name":"Café \"Lumière\" S.à r.l.")"), std::string::npos) << text;
  EXPECT_EQ(parsed(text)->getArray("clients")->getObject(0)->getValue<std::string>("name"),
            "Café \"Lumière\" S.à r.l.");
}

TEST(AgingOutput, jsonNamesTheIssueBasisAndCustomBuckets) {
  auto report = designExample();
  report.basis = aging::Basis::Issue;
  report.edges = *aging::BucketEdges::parse("30,60,90,120");
  for (auto* buckets : {&report.clients[0].buckets, &report.totals[0].buckets}) {
    buckets->push_back(usd(0));
  }
  const auto root = parsed(json(report));
  EXPECT_EQ(root->getValue<std::string>("basis"), "issue");
  EXPECT_EQ(root->getArray("buckets")->size(), 6u);
  EXPECT_EQ(names(root->getArray("clients")->getObject(0)->getObject("buckets")),
            (std::vector<std::string>{"current", "1-30", "31-60", "61-90", "91-120", "120+"}));
}

TEST(AgingOutput, csvHasAHeaderARowPerClientAndATotalRowPerCurrency) {
  const auto rows = lines(csv(awkwardReport()), "\r\n");
  ASSERT_EQ(rows.size(), 1u + 5u + 3u) << "header, 5 clients, 3 currencies";
  EXPECT_EQ(rows[0],
            "client,name,currency,balance,current,1-30,31-60,61-90,90+,credits,not_yet_issued,"
            "open_invoices,"
            "oldest_days_overdue,flags");
  EXPECT_EQ(rows[4], "C004,Plain Name,JPY,150000,0,0,150000,0,0,0,0,1,40,overdue repeat-late");
  EXPECT_EQ(rows[6], "TOTAL,,BHD,1.245,1.250,0.000,0.000,0.000,0.000,-0.005,0.000,,,");
  EXPECT_EQ(rows[7], "TOTAL,,JPY,150000,0,0,150000,0,0,0,0,,,");
  EXPECT_EQ(rows[8], "TOTAL,,USD,1047.49,10.00,50.00,0.00,0.00,999.99,-12.50,0.00,,,");
}

TEST(AgingOutput, csvDefusesFormulaNamesButKeepsNegativeAmountsAsNumbers) {
  const auto rows = lines(csv(awkwardReport()), "\r\n");
  ASSERT_GE(rows.size(), 3u);
  EXPECT_EQ(rows[1],
            R"csv(C001,"'=HYPERLINK(""http://x.example"")",USD,-2.50,10.00,0.00,0.00,0.00,)csv"
            R"csv(0.00,-12.50,0.00,1,0,)csv");
  EXPECT_EQ(rows[2],
            "C002,'@SUM(A1:A9),USD,50.00,0.00,50.00,0.00,0.00,0.00,0.00,0.00,1,12,overdue");
}

TEST(AgingOutput, csvQuotesANameWithACommaAndAQuote) {
  const auto rows = lines(csv(awkwardReport()), "\r\n");
  ASSERT_GE(rows.size(), 4u);
  EXPECT_EQ(rows[3], R"(C003,"Pemberton, Hale & ""Associates""",USD,999.99,0.00,0.00,0.00,)"
                     R"(0.00,999.99,0.00,0.00,3,152,overdue)");
}

TEST(AgingOutput, csvCellMakesFormulasInertAndQuotesWhatNeedsIt) {
  const struct {
    std::string value;
    std::string cell;
  } cases[] = {
      {"Acme Ltd", "Acme Ltd"},
      {"", ""},
      {"-12.50", "-12.50"},
      {"1234.50", "1234.50"},
      {"=1+1", "'=1+1"},
      {"+44 20 7946 0000", "'+44 20 7946 0000"},
      {"-1+1", "'-1+1"},
      {"-", "'-"},
      {"@cmd", "'@cmd"},
      {"\tTab", "'\tTab"},
      {"=A1,B1", "\"'=A1,B1\""},
      {"a\"b", "\"a\"\"b\""},
      {"two\nlines", "\"two\nlines\""},
      {"x=1", "x=1"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.value);
    EXPECT_EQ(csvCell(c.value), c.cell);
  }
}

TEST(AgingOutput, tableShowsEveryClientCodeAndTheTotals) {
  const auto text = table(awkwardReport());
  EXPECT_EQ(text.rfind("Aging as of 2026-11-30, by due date\n", 0), 0u) << text;
  for (const char* code : {"C001", "C002", "C003", "C004", "C005"}) {
    EXPECT_NE(text.find(std::string(code) + " "), std::string::npos) << code << "\n" << text;
  }
  const auto rows = lines(text, "\n");
  std::vector<std::string> totals;
  std::copy_if(rows.begin(), rows.end(), std::back_inserter(totals),
               [](const std::string& row) { return row.rfind("Total ", 0) == 0; });
  ASSERT_EQ(totals.size(), 3u) << text;
  EXPECT_NE(totals[0].find("BHD"), std::string::npos);
  EXPECT_NE(totals[0].find(" 1.245 "), std::string::npos) << totals[0];
  EXPECT_NE(totals[1].find("JPY"), std::string::npos);
  EXPECT_NE(totals[1].find(" 150000 "), std::string::npos) << totals[1];
  EXPECT_NE(totals[2].find("USD"), std::string::npos);
  EXPECT_NE(totals[2].find(" 1047.49 "), std::string::npos) << totals[2];
  EXPECT_NE(totals[2].find(" -12.50"), std::string::npos) << totals[2];
}

// Regression: codes longer than eight characters were cut ("HARBOUR-…"), so two clients
// could look the same.
TEST(AgingOutput, tableShowsALongClientCodeInFull) {
  auto report = awkwardReport();
  report.clients[0].clientCode = "HARBOUR-LIGHTS-01";
  report.clients[1].clientCode = "HARBOUR-LIGHTS-02";
  report.clients[0].clientName = "Harbour Lights One";  // short, plain ASCII: bytes are columns
  report.clients[1].clientName = "Harbour Lights Two";
  const auto rows = lines(table(report), "\n");
  for (const char* code : {"HARBOUR-LIGHTS-01 ", "HARBOUR-LIGHTS-02 "}) {
    EXPECT_TRUE(std::any_of(rows.begin(), rows.end(), [&](const std::string& row) {
      return row.rfind(code, 0) == 0;
    })) << code;
  }
  // The columns still line up: every client row puts its currency where the header has "Cur".
  const auto header = std::find_if(
      rows.begin(), rows.end(), [](const std::string& row) { return row.rfind("Client", 0) == 0; });
  ASSERT_NE(header, rows.end());
  const auto column = header->find("Cur");
  EXPECT_EQ(rows[header - rows.begin() + 2].substr(column, 3), "USD");
  EXPECT_EQ(rows[header - rows.begin() + 3].substr(column, 3), "USD");
}

TEST(AgingOutput, tableShortensALongNameWithAnEllipsis) {
  const std::string longName(200, 'N');
  const auto text = table(awkwardReport(longName));
  EXPECT_EQ(text.find(longName), std::string::npos);
  const auto rows = lines(text, "\n");
  const auto row = std::find_if(rows.begin(), rows.end(),
                                [](const std::string& r) { return r.rfind("C004 ", 0) == 0; });
  ASSERT_NE(row, rows.end()) << text;
  EXPECT_NE(row->find(std::string(27, 'N') + "… JPY"), std::string::npos) << *row;
  EXPECT_EQ(row->find(std::string(28, 'N')), std::string::npos) << *row;
}

TEST(AgingOutput, tableCutsALongAccentedNameBetweenCharacters) {
  std::string longName;
  for (int i = 0; i < 100; ++i) longName += "é";
  const auto text = table(awkwardReport(longName));
  EXPECT_TRUE(isValidUtf8(text));
  std::string shown;
  for (int i = 0; i < 27; ++i) shown += "é";
  EXPECT_NE(text.find(shown + "… JPY"), std::string::npos) << text;
}

TEST(AgingOutput, tableKeepsANameThatJustFits) {
  const std::string name(28, 'F');
  const auto rows = lines(table(awkwardReport(name)), "\n");
  const auto row = std::find_if(rows.begin(), rows.end(),
                                [](const std::string& r) { return r.rfind("C004 ", 0) == 0; });
  ASSERT_NE(row, rows.end());
  EXPECT_NE(row->find(name + " JPY"), std::string::npos) << *row;
  EXPECT_EQ(row->find("…"), std::string::npos) << *row;
}

TEST(AgingOutput, tableSaysSoWhenNothingIsOwed) {
  AgingReport report;
  report.asOf = day(2026, 11, 20);
  report.basis = aging::Basis::Issue;
  const auto text = table(report);
  EXPECT_NE(text.find("by issue date"), std::string::npos) << text;
  EXPECT_NE(text.find("Nothing is owed."), std::string::npos) << text;
}

}  // namespace
}  // namespace kindly::reports
