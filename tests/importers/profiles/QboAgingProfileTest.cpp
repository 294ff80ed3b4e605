// QboAgingProfile: QuickBooks Online's A/R Aging Detail, its titles, buckets and totals.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "importers/profiles/QboAgingProfile.h"
#include "support/AmountsAndDays.h"
#include "support/ExportHeaders.h"
#include "support/RecordingSink.h"

namespace kindly::importers {
namespace {

using namespace kindly::testing;

// A started profile, and a data row of kQboAgingHeader.
QboAgingProfile started() {
  QboAgingProfile profile;
  EXPECT_TRUE(profile.start(rowOf(kQboAgingHeader), ParseSettings{}));
  return profile;
}
std::vector<std::string> line(std::string type, std::string number, std::string customer,
                              std::string amount, std::string open) {
  return {"", "11/10/2026", type, number, customer, "12/10/2026", amount, open};
}

TEST(QboAgingProfile, recognisesItsOwnHeaderOnly) {
  QboAgingProfile profile;
  EXPECT_GT(profile.recognise(rowOf(kQboAgingHeader)), 10);
  EXPECT_GT(profile.recognise(rowOf({"Date", "Transaction Type", "Num", "Customer full name",
                                     "Due Date", "Past Due", "Amount", "Open Balance"})),
            10);
  for (const auto& header : kEveryHeader) {
    if (header == kQboAgingHeader) continue;
    EXPECT_EQ(profile.recognise(rowOf(header)), 0);
  }
}

TEST(QboAgingProfile, totalQualityLogisticsIsACustomerNotATotal) {
  auto profile = started();
  RecordingSink sink;
  const auto row = line("Invoice", "1045", "Total Quality Logistics", "1,250.00", "1,250.00");
  profile.read(rowOf(row), sink);
  ASSERT_EQ(sink.invoices.size(), 1u);
  EXPECT_EQ(sink.invoices[0].clientCode, "") << "no ids in this export: the ledger matches by name";
  EXPECT_EQ(sink.invoices[0].amount, usd(125000));
}

TEST(QboAgingProfile, invoiceNumbersKeepTheirLeadingZeros) {
  auto profile = started();
  RecordingSink sink;
  const auto row = line("Invoice", "00123", "Acme", "$1,250.00", "$250.00");
  profile.read(rowOf(row), sink);
  ASSERT_EQ(sink.invoices.size(), 1u);
  EXPECT_EQ(sink.invoices[0].number, "00123");
  EXPECT_EQ(sink.invoices[0].issueDate, day(2026, 11, 10));
  EXPECT_EQ(sink.invoices[0].dueDate, day(2026, 12, 10));
  EXPECT_EQ(sink.invoices[0].paidSoFar, usd(100000));
}

TEST(QboAgingProfile, creditMemoIsANegativeInvoice) {
  auto profile = started();
  RecordingSink sink;
  const auto row = line("Credit Memo", "1047", "Acme", "-$150.00", "-$50.00");
  profile.read(rowOf(row), sink);
  ASSERT_EQ(sink.invoices.size(), 1u);
  EXPECT_EQ(sink.invoices[0].amount, usd(-15000));
  EXPECT_EQ(sink.invoices[0].paidSoFar, usd(-10000));
}

TEST(QboAgingProfile, titleHeadingTotalAndFooterRowsAreSkippedNotRejected) {
  auto profile = started();
  RecordingSink sink;
  profile.title(rowOf({"Harbor View Landscaping"}), sink);
  profile.title(rowOf({"A/R Aging Detail"}), sink);
  profile.title(rowOf({"As of November 20, 2026"}), sink);
  const std::vector<std::vector<std::string>> rows{
      {"Current", "", "", "", "", "", "", ""},
      {"91 or more days past due", "", "", "", "", "", "", ""},
      {"Total Quality Logistics", "", "", "", "", "", "", ""},  // a customer's group heading
      {"Total for Current", "", "", "", "", "", "$3,450.00", "$3,450.00"},
      {"Total for Total Quality Logistics", "", "", "", "", "", "$1,250.00", "$1,250.00"},
      {"TOTAL", "", "", "", "", "", "$19,790.00", "$18,590.00"},
      {"Accrual Basis Friday, November 20, 2026 09:15 AM GMT-05:00"}};
  for (const auto& row : rows) profile.read(rowOf(row), sink);
  EXPECT_EQ(sink.skips, (std::vector<std::string>{"title rows", "title rows", "title rows",
                                                  "headings", "headings", "headings", "total rows",
                                                  "total rows", "total rows", "footer rows"}));
  EXPECT_TRUE(sink.rejects.empty());
  EXPECT_EQ(sink.exported, day(2026, 11, 20));
}

TEST(QboAgingProfile, unappliedPaymentIsTheCustomersCreditOnAccount) {
  auto profile = started();
  RecordingSink sink;
  const auto row = line("Payment", "", "Bloom", "-200.00", "-200.00");
  profile.read(rowOf(row), sink);
  ASSERT_EQ(sink.payments.size(), 1u);
  EXPECT_EQ(sink.payments[0].invoiceNumber, "") << "applied to no invoice";
  EXPECT_EQ(sink.payments[0].clientName, "Bloom");
  EXPECT_EQ(sink.payments[0].amountText, "200.00") << "the money received, unsigned";
  EXPECT_EQ(sink.outcomes(), 1u);
}

TEST(QboAgingProfile, aJournalEntryIsRejectedWithItsType) {
  auto profile = started();
  RecordingSink sink;
  const auto row = line("Journal Entry", "", "Bloom", "-200.00", "-200.00");
  profile.read(rowOf(row), sink);
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].first, 2u);
  EXPECT_EQ(sink.outcomes(), 1u);
}

TEST(QboAgingProfile, openBalanceAboveTheAmountIsRejected) {
  auto profile = started();
  RecordingSink sink;
  const auto row = line("Invoice", "1", "Acme", "100.00", "150.00");
  profile.read(rowOf(row), sink);
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].first, 7u);
}

}  // namespace
}  // namespace kindly::importers
