// FreshBooksProfile: FreshBooks' invoice export, line rows and what is outstanding.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "importers/profiles/FreshBooksProfile.h"

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
money::Money usd(std::int64_t cents) {
  return money::Money(cents, *money::Currency::fromCode("USD"));
}

std::vector<std::string> cellsOf(std::string number, std::string issued, std::string status,
                                 std::string total, std::string paid, std::string outstanding) {
  return {"Northwind Studio", number, issued, "10/31/2026", status, "USD", "", total, paid,
          outstanding};
}

class FreshBooksRows : public ::testing::Test {
 protected:
  void SetUp() override {
    ParseSettings settings;
    settings.dateOrder = dates::DateOrder::MDY;
    ASSERT_TRUE(profile_.start(rowOf(kFreshBooksHeader), settings));
  }
  RecordingSink read(const std::vector<std::string>& cells) {
    RecordingSink sink;
    profile_.read(rowOf(cells), sink);
    EXPECT_EQ(sink.outcomes(), 1u);
    return sink;
  }
  FreshBooksProfile profile_;
};

TEST(FreshBooksProfile, recognisesItsOwnHeaderAboveTheGenericLayouts) {
  EXPECT_GT(FreshBooksProfile().recognise(rowOf(kFreshBooksHeader)), 10);
}

TEST(FreshBooksProfile, leavesOtherHeadersAlone) {
  const FreshBooksProfile profile;
  for (const auto* header :
       {&kGenericHeader, &kStripeHeader, &kXeroHeader, &kXeroAgedHeader, &kQboAgingHeader}) {
    EXPECT_EQ(profile.recognise(rowOf(*header)), 0) << (*header)[0];
  }
}

TEST(FreshBooksProfile, refusesTheInvoiceDetailsReportThatHasLineTotalsOnly) {
  FreshBooksProfile profile;
  const auto started =
      profile.start(rowOf({"Client Name", "Invoice #", "Date Issued", "Invoice Status", "Date Paid",
                           "Item Name", "Rate", "Quantity", "Line Total", "Currency"}),
                    {});
  ASSERT_FALSE(started);
  EXPECT_NE(started.error().find("Due Date, Total"), std::string::npos) << started.error();
}

TEST_F(FreshBooksRows, paidIsTheTotalLessWhatIsOutstanding) {
  const auto sink = read(cellsOf("0000042", "10/20/2026", "partial", "900.00", "400.00", "500.00"));
  ASSERT_EQ(sink.invoices.size(), 1u);
  const auto& invoice = sink.invoices[0];
  EXPECT_EQ(invoice.number, "0000042");
  EXPECT_EQ(invoice.clientCode, "") << "no ids in this export: the ledger matches by name";
  EXPECT_EQ(invoice.issueDate.iso(), "2026-10-20");
  EXPECT_EQ(invoice.dueDate.iso(), "2026-10-31");
  EXPECT_EQ(invoice.amount, usd(90000));
  EXPECT_EQ(invoice.paidSoFar, usd(40000));
  EXPECT_EQ(invoice.status, "partial");
}

TEST_F(FreshBooksRows, draftClaimsNoPayment) {
  const auto sink = read(cellsOf("0000044", "10/18/2026", "Draft", "300.00", "0.00", "300.00"));
  ASSERT_EQ(sink.invoices.size(), 1u);
  EXPECT_EQ(sink.invoices[0].status, "draft");
  EXPECT_EQ(sink.invoices[0].paidSoFar, std::nullopt);
}

TEST_F(FreshBooksRows, issueDateExcelCouldNotShowIsRefusedAtIt) {
  const auto sink = read(cellsOf("0000039", "########", "overdue", "180.00", "0.00", "180.00"));
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].first, std::optional<std::size_t>(2));
}

TEST_F(FreshBooksRows, amountsWithThousandsSeparatorsAreRead) {
  const auto sink = read(cellsOf("0000041", "10/01/2026", "paid", "$1,620.00", "1,620.00", "0.00"));
  ASSERT_EQ(sink.invoices.size(), 1u);
  EXPECT_EQ(sink.invoices[0].amount, usd(162000));
  EXPECT_EQ(sink.invoices[0].paidSoFar, usd(162000));
}

}  // namespace
}  // namespace kindly::importers
