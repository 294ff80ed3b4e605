// XeroAgedProfile: Xero's Aged Receivables Detail report, headings, totals and open amounts.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "importers/profiles/XeroAgedProfile.h"
#include "support/AmountsAndDays.h"
#include "support/ExportHeaders.h"
#include "support/RecordingSink.h"

namespace kindly::importers {
namespace {

using namespace kindly::testing;

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
  InvoicesOnlySink read(const std::vector<std::string>& cells) {
    InvoicesOnlySink sink;
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
  for (const auto* header : {&kGenericHeader, &kStripeHeader, &kFreshBooksHeader, &kXeroHeader,
                             &kQboAgingHeaderWithoutIndent}) {
    EXPECT_EQ(profile.recognise(rowOf(*header)), 0) << (*header)[0];
  }
}

TEST_F(XeroAgedRows, asAtLineGivesTheExportDate) {
  InvoicesOnlySink sink;
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
