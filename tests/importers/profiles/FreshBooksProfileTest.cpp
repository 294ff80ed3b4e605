// FreshBooksProfile: FreshBooks' invoice export, line rows and what is outstanding.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "importers/profiles/FreshBooksProfile.h"
#include "support/AmountsAndDays.h"
#include "support/ExportHeaders.h"
#include "support/RecordingSink.h"

namespace kindly::importers {
namespace {

using namespace kindly::testing;

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
  InvoicesOnlySink read(const std::vector<std::string>& cells) {
    InvoicesOnlySink sink;
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
  for (const auto* header : {&kGenericHeader, &kStripeHeader, &kXeroHeader, &kXeroAgedHeader,
                             &kQboAgingHeaderWithoutIndent}) {
    EXPECT_EQ(profile.recognise(rowOf(*header)), 0) << (*header)[0];
  }
}

TEST(FreshBooksProfile, readsTheInvoiceDetailsReportAsLinesDueWhenIssued) {
  FreshBooksProfile profile;
  ASSERT_TRUE(
      profile.start(rowOf({"Client Name", "Invoice #", "Date Issued", "Invoice Status", "Date Paid",
                           "Item Name", "Rate", "Quantity", "Line Total", "Currency"}),
                    {}));
  RecordingSink sink;
  profile.read(rowOf({"X-Men", "0000001", "2021-01-28", "sent", "", "Painting", "98.00", "5",
                      "490.00", "USD"}),
               sink);
  ASSERT_EQ(sink.invoices.size(), 1u);
  EXPECT_EQ(sink.invoices[0].amount, usd(49000));
  EXPECT_TRUE(sink.invoices[0].amountIsLine) << "the import adds the lines up";
  EXPECT_EQ(sink.invoices[0].dueDate.iso(), "2021-01-28");
  EXPECT_EQ(sink.invoices[0].dueDateFrom, DueDateFrom::IssueDate) << "and says it assumed so";
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
