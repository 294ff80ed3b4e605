// XeroProfile: Xero's invoice export, line items, credit notes and overpayments.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "importers/profiles/XeroProfile.h"
#include "support/AmountsAndDays.h"
#include "support/ExportHeaders.h"
#include "support/RecordingSink.h"

namespace kindly::importers {
namespace {

using namespace kindly::testing;

// A row of kXeroHeader from the cells that matter here.
std::vector<std::string> line(std::string contact, std::string number, std::string date,
                              std::string due, std::string total, std::string paid,
                              std::string owing, std::string type, std::string status) {
  return {contact,
          "ap@acme.example",
          "1 Wharf Road",
          number,
          "",
          date,
          due,
          "",
          total,
          "0.00",
          paid,
          owing,
          "Consulting",
          "1",
          total,
          total,
          "GBP",
          type,
          "Sent",
          status};
}

class XeroRows : public ::testing::Test {
 protected:
  void SetUp() override {
    ParseSettings settings;
    settings.dateOrder = dates::DateOrder::DMY;
    ASSERT_TRUE(profile_.start(rowOf(kXeroHeader), settings));
  }
  InvoicesOnlySink read(const std::vector<std::string>& cells) {
    InvoicesOnlySink sink;
    profile_.read(rowOf(cells), sink);
    EXPECT_EQ(sink.outcomes(), 1u);
    return sink;
  }
  XeroProfile profile_;
};

TEST(XeroProfile, recognisesItsOwnHeaderAboveTheGenericLayouts) {
  EXPECT_GT(XeroProfile().recognise(rowOf(kXeroHeader)), 10);
}

TEST(XeroProfile, recognisesTheStarredHeaderOfOlderExports) {
  EXPECT_GT(XeroProfile().recognise(rowOf({"*ContactName", "*InvoiceNumber", "*InvoiceDate",
                                           "*DueDate", "Total", "InvoiceAmountDue"})),
            10);
}

TEST(XeroProfile, leavesOtherHeadersAlone) {
  const XeroProfile profile;
  for (const auto* header : {&kGenericHeader, &kStripeHeader, &kFreshBooksHeader, &kXeroAgedHeader,
                             &kQboAgingHeaderWithoutIndent}) {
    EXPECT_EQ(profile.recognise(rowOf(*header)), 0) << (*header)[0];
  }
}

TEST(XeroProfile, namesTheColumnsAForcedHeaderLacks) {
  XeroProfile profile;
  const auto started = profile.start(rowOf({"ContactName", "InvoiceNumber", "Total"}), {});
  ASSERT_FALSE(started);
  EXPECT_NE(
      started.error().find("lacks InvoiceDate, DueDate, InvoiceAmountDue or InvoiceAmountPaid"),
      std::string::npos)
      << started.error();
}

TEST_F(XeroRows, salesInvoiceOwesItsTotalLessWhatIsDue) {
  const auto sink = read(line("Acme Ltd", "INV-0102", "15/10/2026", "14/11/2026", "600.00",
                              "250.00", "350.00", "Sales invoice", "AUTHORISED"));
  ASSERT_EQ(sink.invoices.size(), 1u);
  const auto& invoice = sink.invoices[0];
  EXPECT_EQ(invoice.number, "INV-0102");
  EXPECT_EQ(invoice.clientCode, "") << "no ids in this export: the ledger matches by name";
  EXPECT_EQ(invoice.clientEmail, "ap@acme.example");
  EXPECT_EQ(invoice.issueDate.iso(), "2026-10-15");
  EXPECT_EQ(invoice.dueDate.iso(), "2026-11-14");
  EXPECT_EQ(invoice.amount, gbp(60000));
  EXPECT_EQ(invoice.paidSoFar, gbp(25000));
  EXPECT_EQ(invoice.status, "authorised");
}

TEST_F(XeroRows, creditNoteIsANegativeInvoiceDueWhenIssued) {
  const auto sink = read(line("Bloom & Petals", "CN-0007", "20/10/2026", "", "150.00", "0.00",
                              "150.00", "Sales credit note", "AUTHORISED"));
  ASSERT_EQ(sink.invoices.size(), 1u);
  EXPECT_EQ(sink.invoices[0].amount, gbp(-15000));
  EXPECT_EQ(sink.invoices[0].paidSoFar, gbp(0));
  EXPECT_EQ(sink.invoices[0].dueDate.iso(), "2026-10-20");
}

TEST_F(XeroRows, overpaymentGetsANumberThatStaysTheSameAsItIsAllocated) {
  const auto open = read(line("Dune Surf Co", "", "12/11/2026", "", "75.00", "0.00", "75.00",
                              "Sales overpayment", "AUTHORISED"));
  const auto allocated = read(line("Dune Surf Co", "", "12/11/2026", "", "75.00", "75.00", "0.00",
                                   "Sales overpayment", "PAID"));
  ASSERT_EQ(open.invoices.size(), 1u);
  ASSERT_EQ(allocated.invoices.size(), 1u);
  EXPECT_EQ(open.invoices[0].number, "OVERPAYMENT Dune Surf Co 2026-11-12 75.00");
  EXPECT_EQ(allocated.invoices[0].number, open.invoices[0].number);
  EXPECT_EQ(open.invoices[0].amount, gbp(-7500));
  EXPECT_EQ(allocated.invoices[0].paidSoFar, gbp(-7500));
}

// Regression: two overpayments of one contact, day and total got one number, so the second
// merged into the first as "another line" and half the credit was lost.
TEST_F(XeroRows, twoAlikeOverpaymentsApartInTheFileAreTwoCredits) {
  const auto overpayment = line("Dune Surf Co", "", "12/11/2026", "", "75.00", "0.00", "75.00",
                                "Sales overpayment", "AUTHORISED");
  const auto first = read(overpayment);
  read(line("Acme Ltd", "INV-1", "01/10/2026", "31/10/2026", "10.00", "0.00", "10.00",
            "Sales invoice", "AUTHORISED"));
  const auto second = read(overpayment);
  ASSERT_EQ(second.invoices.size(), 1u);
  EXPECT_EQ(second.invoices[0].number, first.invoices[0].number + " #2");
}

TEST_F(XeroRows, voidedInvoiceClaimsNoPayment) {
  const auto sink = read(line("Harbour Books", "INV-0105", "03/11/2026", "03/12/2026", "300.00",
                              "0.00", "0.00", "Sales invoice", "VOIDED"));
  ASSERT_EQ(sink.invoices.size(), 1u);
  EXPECT_EQ(sink.invoices[0].status, "voided");
  EXPECT_EQ(sink.invoices[0].paidSoFar, std::nullopt);
}

TEST_F(XeroRows, screenStatusNamesAreReadAsXerosOwn) {
  const auto awaiting = read(line("Acme Ltd", "INV-1", "01/10/2026", "31/10/2026", "10.00", "0.00",
                                  "10.00", "Sales invoice", "Awaiting Payment"));
  const auto approval = read(line("Acme Ltd", "INV-2", "01/10/2026", "31/10/2026", "10.00", "0.00",
                                  "10.00", "Sales invoice", "Awaiting Approval"));
  ASSERT_EQ(awaiting.invoices.size(), 1u);
  ASSERT_EQ(approval.invoices.size(), 1u);
  EXPECT_EQ(awaiting.invoices[0].status, "authorised");
  EXPECT_EQ(approval.invoices[0].status, "draft");
}

TEST_F(XeroRows, billIsRefusedAtItsType) {
  const auto sink = read(line("Paper Co", "BILL-9", "01/10/2026", "31/10/2026", "10.00", "0.00",
                              "10.00", "Bill", "AUTHORISED"));
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].first, std::optional<std::size_t>(17));
}

TEST_F(XeroRows, invoiceWithoutDueDateIsRefusedAtThatColumn) {
  const auto sink = read(line("Acme Ltd", "INV-3", "01/10/2026", "", "10.00", "0.00", "10.00",
                              "Sales invoice", "AUTHORISED"));
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].first, std::optional<std::size_t>(6));
}

TEST_F(XeroRows, moreDueThanTheTotalIsRefused) {
  const auto sink = read(line("Acme Ltd", "INV-4", "01/10/2026", "31/10/2026", "10.00", "0.00",
                              "12.00", "Sales invoice", "AUTHORISED"));
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].first, std::optional<std::size_t>(11));
}

}  // namespace
}  // namespace kindly::importers
