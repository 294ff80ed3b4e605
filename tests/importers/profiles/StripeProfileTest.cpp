// StripeProfile: Stripe's invoice export, its versions' column names, drafts and voids.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "importers/profiles/StripeProfile.h"
#include "support/AmountsAndDays.h"
#include "support/ExportHeaders.h"
#include "support/RecordingSink.h"

namespace kindly::importers {
namespace {

using namespace kindly::testing;

// A row of kStripeHeader.
std::vector<std::string> cellsOf(std::string number, std::string due, std::string currency,
                                 std::string paid, std::string remaining, std::string total,
                                 std::string status) {
  return {"in_1Qs1Lum0001",
          number,
          "cus_Q1aaaLumen",
          "Lumen Analytics",
          "billing@lumen.example",
          "2026-10-02 09:15",
          due,
          currency,
          total,
          paid,
          remaining,
          total,
          status};
}

class StripeRows : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(profile_.start(rowOf(kStripeHeader), {})); }
  InvoicesOnlySink read(const std::vector<std::string>& cells) {
    InvoicesOnlySink sink;
    profile_.read(rowOf(cells), sink);
    EXPECT_EQ(sink.outcomes(), 1u);
    return sink;
  }
  StripeProfile profile_;
};

TEST(StripeProfile, recognisesItsOwnHeaderAboveTheGenericLayouts) {
  EXPECT_GT(StripeProfile().recognise(rowOf(kStripeHeader)), 10);
}

TEST(StripeProfile, recognisesTheOlderHeaderWithCreatedAndNoRemaining) {
  StripeProfile profile;
  // The cells outlive the row of views into them.
  const std::vector<std::string> cells = {
      "id",         "Customer",    "Customer Email", "Created (UTC)", "Currency",
      "Amount Due", "Amount Paid", "Paid",           "Status"};
  const auto header = rowOf(cells);
  EXPECT_GT(profile.recognise(header), 10);
  EXPECT_TRUE(profile.start(header, {}));
}

TEST(StripeProfile, leavesOtherHeadersAlone) {
  const StripeProfile profile;
  for (const auto* header : {&kGenericHeader, &kFreshBooksHeader, &kXeroHeader, &kXeroAgedHeader,
                             &kQboAgingHeaderWithoutIndent}) {
    EXPECT_EQ(profile.recognise(rowOf(*header)), 0) << (*header)[0];
  }
}

TEST_F(StripeRows, customerIdIsTheClientAndTheTimeIsDropped) {
  const auto sink = read(
      cellsOf("8F2C1A0-0001", "2026-11-01 09:15", "usd", "0.00", "1200.00", "1200.00", "open"));
  ASSERT_EQ(sink.invoices.size(), 1u);
  const auto& invoice = sink.invoices[0];
  EXPECT_EQ(invoice.number, "8F2C1A0-0001");
  EXPECT_EQ(invoice.clientCode, "cus_Q1aaaLumen");
  EXPECT_EQ(invoice.clientName, "Lumen Analytics");
  EXPECT_EQ(invoice.issueDate.iso(), "2026-10-02");
  EXPECT_EQ(invoice.dueDate.iso(), "2026-11-01");
  EXPECT_EQ(invoice.amount, usd(120000));
  EXPECT_EQ(invoice.paidSoFar, usd(0));
  EXPECT_EQ(invoice.status, "open");
}

TEST_F(StripeRows, automaticChargeWithoutDueDateIsDueWhenMade) {
  const auto sink = read(cellsOf("3D9E77B-0002", "", "usd", "349.00", "0.00", "349.00", "paid"));
  ASSERT_EQ(sink.invoices.size(), 1u);
  EXPECT_EQ(sink.invoices[0].dueDate.iso(), "2026-10-02");
  EXPECT_EQ(sink.invoices[0].paidSoFar, usd(34900));
}

TEST_F(StripeRows, draftWithoutNumberGoesByItsId) {
  const auto sink =
      read(cellsOf("", "2026-11-01 09:15", "usd", "0.00", "500.00", "500.00", "draft"));
  ASSERT_EQ(sink.invoices.size(), 1u);
  EXPECT_EQ(sink.invoices[0].number, "in_1Qs1Lum0001");
  EXPECT_EQ(sink.invoices[0].paidSoFar, std::nullopt);
}

TEST_F(StripeRows, voidInvoiceClaimsNoPayment) {
  const auto sink =
      read(cellsOf("5A1B2C3-0001", "2026-11-14", "usd", "0.00", "0.00", "250.00", "void"));
  ASSERT_EQ(sink.invoices.size(), 1u);
  EXPECT_EQ(sink.invoices[0].paidSoFar, std::nullopt);
}

TEST_F(StripeRows, lowerCaseCurrencyIsRead) {
  const auto sink =
      read(cellsOf("5A1B2C3-0002", "2026-11-19", "eur", "0.00", "680.00", "780.00", "open"));
  ASSERT_EQ(sink.invoices.size(), 1u);
  EXPECT_EQ(sink.invoices[0].amount.currency().code(), "EUR");
  EXPECT_EQ(sink.invoices[0].paidSoFar->minorUnits(), 10000);
}

TEST_F(StripeRows, unknownCurrencyIsRefusedAtIt) {
  const auto sink = read(cellsOf("X-1", "", "usdollars", "0.00", "1.00", "1.00", "open"));
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].first, std::optional<std::size_t>(7));
}

}  // namespace
}  // namespace kindly::importers
