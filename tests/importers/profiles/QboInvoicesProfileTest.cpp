// QboInvoicesProfile: QuickBooks Online's Invoice List, its titles, total and stamp.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "importers/profiles/QboInvoicesProfile.h"
#include "support/AmountsAndDays.h"
#include "support/ExportHeaders.h"
#include "support/RecordingSink.h"

namespace kindly::importers {
namespace {

using namespace kindly::testing;

QboInvoicesProfile started() {
  QboInvoicesProfile profile;
  EXPECT_TRUE(profile.start(rowOf(kQboInvoicesHeader), ParseSettings{}));
  return profile;
}

TEST(QboInvoicesProfile, recognisesItsOwnHeaderOnly) {
  QboInvoicesProfile profile;
  EXPECT_GT(profile.recognise(rowOf(kQboInvoicesHeader)), 10);
  for (const auto& header : kEveryHeader) {
    if (header == kQboInvoicesHeader) continue;
    EXPECT_EQ(profile.recognise(rowOf(header)), 0);
  }
}

TEST(QboInvoicesProfile, totalQualityLogisticsIsACustomerAndZerosStay) {
  auto profile = started();
  RecordingSink sink;
  const std::vector<std::string> row{
      "09/14/2026", "00045", "Total Quality Logistics", "10/14/2026", "1,100.00", "0.00", "Paid"};
  profile.read(rowOf(row), sink);
  ASSERT_EQ(sink.invoices.size(), 1u);
  EXPECT_EQ(sink.invoices[0].number, "00045");
  EXPECT_EQ(sink.invoices[0].clientCode, "") << "no ids in this export: the ledger matches by name";
  EXPECT_EQ(sink.invoices[0].status, "paid");
  EXPECT_EQ(sink.invoices[0].paidSoFar, usd(110000));
}

TEST(QboInvoicesProfile, totalAndFooterRowsAreSkippedAndTheStampDatesTheExport) {
  auto profile = started();
  RecordingSink sink;
  profile.title(rowOf({"Invoice List"}), sink);
  profile.read(rowOf({"TOTAL", "", "", "", "$9,770.75", "$8,990.75", ""}), sink);
  profile.read(rowOf({"Accrual Basis Friday, November 27, 2026 08:02 AM GMT-05:00"}), sink);
  EXPECT_EQ(sink.skips, (std::vector<std::string>{"title rows", "total rows", "footer rows"}));
  EXPECT_EQ(sink.exported, day(2026, 11, 27));
}

TEST(QboInvoicesProfile, impossibleDateRejectsTheRowAtItsColumn) {
  auto profile = started();
  RecordingSink sink;
  const std::vector<std::string> row{"11/31/2026", "00049",  "Meadow Dental", "12/19/2026",
                                     "640.00",     "640.00", "Open"};
  profile.read(rowOf(row), sink);
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].first, 0u);
}

}  // namespace
}  // namespace kindly::importers
