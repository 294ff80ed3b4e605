// XeroAgedProfile: Xero's Aged Receivables Detail report, headings, totals and open amounts.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "importers/profiles/XeroAgedProfile.h"

namespace kindly::importers {
namespace {

const std::vector<std::string> kXeroHeader{
    "ContactName",       "EmailAddress",     "POAddressLine1", "InvoiceNumber", "Reference",
    "InvoiceDate",       "DueDate",          "PlannedDate",    "Total",         "TaxTotal",
    "InvoiceAmountPaid", "InvoiceAmountDue", "Description",    "Quantity",      "UnitAmount",
    "LineAmount",        "Currency",         "Type",           "Sent",          "Status"};
const std::vector<std::string> kGenericHeader{"invoice_number", "client_id",  "client_name",
                                              "client_email",   "issue_date", "due_date",
                                              "amount",         "currency",   "amount_paid"};
const std::vector<std::string> kStripeHeader{"id",
                                             "Number",
                                             "Customer",
                                             "Customer Name",
                                             "Customer Email",
                                             "Date (UTC)",
                                             "Due Date (UTC)",
                                             "Currency",
                                             "Amount Due",
                                             "Amount Paid",
                                             "Amount Remaining",
                                             "Total",
                                             "Status"};
const std::vector<std::string> kFreshBooksHeader{
    "Client Name", "Invoice #",  "Date Issued", "Due Date", "Invoice Status",
    "Currency",    "Line Total", "Total",       "Paid",     "Outstanding"};
const std::vector<std::string> kXeroAgedHeader{
    "Invoice Date", "Invoice Number", "Invoice Reference", "Due Date", "Current", "< 1 Month",
    "1 Month",      "2 Months",       "3 Months",          "Older",    "Total"};
const std::vector<std::string> kQboAgingHeader{
    "Date", "Transaction Type", "Num", "Customer", "Due Date", "Amount", "Open Balance"};

Row rowOf(const std::vector<std::string>& cells) { return Row(cells.begin(), cells.end()); }

class RecordingSink : public RecordSink {
 public:
  void invoice(const InvoiceRecord& record) override { invoices.push_back(record); }
  void payment(const PaymentRecord&) override { ADD_FAILURE() << "a payment"; }
  void skip(std::string_view kind) override { skips.emplace_back(kind); }
  void reject(std::optional<std::size_t> column, std::string reason) override {
    rejects.emplace_back(column, std::move(reason));
  }
  void exportDate(dates::Date date) override { exported = date; }

  std::size_t outcomes() const { return invoices.size() + skips.size() + rejects.size(); }

  std::vector<InvoiceRecord> invoices;
  std::vector<std::string> skips;
  std::vector<std::pair<std::optional<std::size_t>, std::string>> rejects;
  std::optional<dates::Date> exported;
};
money::Money gbp(std::int64_t pence) {
  return money::Money(pence, *money::Currency::fromCode("GBP"));
}

std::vector<std::string> cellsOf(std::string first, std::string number, std::string due,
                                 std::string total) {
  return {first, number, "", due, "", "", "", "", "", "", total};
}

class XeroAgedRows : public ::testing::Test {
 protected:
  void SetUp() override {
    ParseSettings settings;
    settings.defaultCurrency = *money::Currency::fromCode("GBP");
    ASSERT_TRUE(profile_.start(rowOf(kXeroAgedHeader), settings));
  }
  RecordingSink read(const std::vector<std::string>& cells) {
    RecordingSink sink;
    profile_.read(rowOf(cells), sink);
    EXPECT_EQ(sink.outcomes(), 1u);
    return sink;
  }
  XeroAgedProfile profile_;
};

TEST(XeroAgedProfile, recognisesItsOwnHeaderAboveTheGenericLayouts) {
  EXPECT_GT(XeroAgedProfile().recognise(rowOf(kXeroAgedHeader)), 10);
}

TEST(XeroAgedProfile, recognisesTheLayoutWithContactDetailsAndNoCurrentColumn) {
  EXPECT_GT(XeroAgedProfile().recognise(
                rowOf({"Contact Account Number", "Email", "Invoice Date", "Due Date",
                       "Invoice Number", "< 1 Month", "1 Month", "2 Months", "3 Months", "Older",
                       "", "Total", "Outstanding Tax"})),
            10);
}

TEST(XeroAgedProfile, leavesOtherHeadersAlone) {
  const XeroAgedProfile profile;
  for (const auto* header :
       {&kGenericHeader, &kStripeHeader, &kFreshBooksHeader, &kXeroHeader, &kQboAgingHeader}) {
    EXPECT_EQ(profile.recognise(rowOf(*header)), 0) << (*header)[0];
  }
}

TEST_F(XeroAgedRows, asAtLineGivesTheExportDate) {
  RecordingSink sink;
  profile_.title(rowOf({"As at 20 November 2026", "", ""}), sink);
  profile_.title(rowOf({"Aged Receivables Detail", "", ""}), sink);
  EXPECT_EQ(sink.skips.size(), 2u);
  ASSERT_TRUE(sink.exported);
  EXPECT_EQ(sink.exported->iso(), "2026-11-20");
}

TEST_F(XeroAgedRows, invoiceOwesItsOpenTotalToTheContactAboveIt) {
  EXPECT_EQ(read(cellsOf("Acme Ltd", "", "", "")).skips, std::vector<std::string>{"headings"});
  const auto sink = read(cellsOf("01 Oct 2026", "INV-0101", "31 Oct 2026", "1,200.00"));
  ASSERT_EQ(sink.invoices.size(), 1u);
  const auto& invoice = sink.invoices[0];
  EXPECT_EQ(invoice.clientCode, "") << "no ids in this export: the ledger matches by name";
  EXPECT_EQ(invoice.number, "INV-0101");
  EXPECT_EQ(invoice.issueDate.iso(), "2026-10-01");
  EXPECT_EQ(invoice.dueDate.iso(), "2026-10-31");
  EXPECT_EQ(invoice.amount, gbp(120000));
  EXPECT_EQ(invoice.paidSoFar, std::nullopt);
}

TEST_F(XeroAgedRows, contactNamedTotalIsAHeadingNotATotal) {
  EXPECT_EQ(read(cellsOf("Total Quality Logistics", "", "", "")).skips,
            std::vector<std::string>{"headings"});
  EXPECT_EQ(read(cellsOf("Total Total Quality Logistics", "", "", "2,350.00")).skips,
            std::vector<std::string>{"total rows"});
  EXPECT_EQ(read(cellsOf("Total", "", "", "5,905.00")).skips,
            std::vector<std::string>{"total rows"});
}

TEST_F(XeroAgedRows, unnumberedCreditsAreNamedByContactAndDate) {
  read(cellsOf("Dune Surf Co", "", "", ""));
  const auto first = read(cellsOf("12 Nov 2026", "", "", "-75.00"));
  const auto second = read(cellsOf("12 Nov 2026", "", "", "-20.00"));
  ASSERT_EQ(first.invoices.size(), 1u);
  ASSERT_EQ(second.invoices.size(), 1u);
  EXPECT_EQ(first.invoices[0].number, "CREDIT Dune Surf Co 2026-11-12");
  EXPECT_EQ(second.invoices[0].number, "CREDIT Dune Surf Co 2026-11-12 #2");
  EXPECT_EQ(first.invoices[0].amount, gbp(-7500));
  EXPECT_EQ(first.invoices[0].dueDate.iso(), "2026-11-12");
}

TEST_F(XeroAgedRows, invoiceWithABadDateIsRefusedAtIt) {
  read(cellsOf("Acme Ltd", "", "", ""));
  const auto sink = read(cellsOf("31 Nov 2026", "INV-9", "", "10.00"));
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].first, std::optional<std::size_t>(0));
}

TEST_F(XeroAgedRows, amountsWithoutANameAreRefused) {
  const auto sink = read(cellsOf("", "", "", "12.00"));
  EXPECT_EQ(sink.rejects.size(), 1u);
}

}  // namespace
}  // namespace kindly::importers
