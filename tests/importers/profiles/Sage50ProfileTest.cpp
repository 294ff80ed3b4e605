// Sage50Profile: Sage 50 audit-trail invoices, credits and receipts.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "importers/profiles/Sage50Profile.h"
#include "support/AmountsAndDays.h"
#include "support/ExportHeaders.h"
#include "support/RecordingSink.h"

namespace kindly::importers {
namespace {

using namespace kindly::testing;

Sage50Profile started() {
  Sage50Profile profile;
  EXPECT_TRUE(profile.start(rowOf(kSageHeader), ParseSettings{}));
  return profile;
}
// A row of kSageHeader from the cells that matter here.
std::vector<std::string> line(std::string type, std::string account, std::string details,
                              std::string date, std::string ref, std::string net, std::string tax) {
  return {"1", type, account, "4000", "0",    details, date, ref, "",
          net, tax,  "T1",    "N",    "0.00", "",      "",   "N"};
}

TEST(Sage50Profile, recognisesItsOwnHeaderOnly) {
  Sage50Profile profile;
  EXPECT_GT(profile.recognise(rowOf(kSageHeader)), 10);
  for (const auto& header : kEveryHeader) {
    if (header == kSageHeader) continue;
    EXPECT_EQ(profile.recognise(rowOf(header)), 0);
  }
}

TEST(Sage50Profile, salesInvoiceIsDueThirtyDaysOnInPounds) {
  auto profile = started();
  RecordingSink sink;
  const auto row = line("SI", "TQL001", "Haulage", "31/10/2026", "010232", "800.00", "160.00");
  profile.read(rowOf(row), sink);
  ASSERT_EQ(sink.invoices.size(), 1u);
  EXPECT_EQ(sink.invoices[0].number, "010232");
  EXPECT_EQ(sink.invoices[0].clientCode, "TQL001");
  EXPECT_EQ(sink.invoices[0].issueDate, day(2026, 10, 31));
  EXPECT_EQ(sink.invoices[0].dueDate, day(2026, 11, 30));
  EXPECT_EQ(sink.invoices[0].amount, gbp(96000));
}

TEST(Sage50Profile, salesCreditIsANegativeInvoice) {
  auto profile = started();
  RecordingSink sink;
  const auto row = line("SC", "KEST002", "Overcharge", "05/11/2026", "CN015", "100.00", "20.00");
  profile.read(rowOf(row), sink);
  ASSERT_EQ(sink.invoices.size(), 1u);
  EXPECT_EQ(sink.invoices[0].amount, gbp(-12000));
}

TEST(Sage50Profile, receiptIsLinkedByItsDetailsBeforeItsRef) {
  auto profile = started();
  RecordingSink sink;
  const auto byDetails =
      line("SR", "HARB001", "Payment for Inv 10231", "14/10/2026", "BACS", "1,500.00", "0.00");
  const auto byRef =
      line("SR", "KEST002", "Sales Receipt", "20/11/2026", "10232", "500.00", "0.00");
  profile.read(rowOf(byDetails), sink);
  profile.read(rowOf(byRef), sink);
  ASSERT_EQ(sink.payments.size(), 2u);
  EXPECT_EQ(sink.payments[0].invoiceNumber, "10231");
  EXPECT_EQ(sink.payments[0].reference, "BACS");
  EXPECT_EQ(sink.payments[0].amountText, "1,500.00");
  EXPECT_EQ(sink.payments[1].invoiceNumber, "10232");
  EXPECT_EQ(sink.payments[1].paymentDate, day(2026, 11, 20));
}

TEST(Sage50Profile, receiptNamingNoInvoiceAndMoneyOnAccountAreRejected) {
  auto profile = started();
  RecordingSink sink;
  const auto receipt = line("SR", "OLDC004", "Sales Receipt", "21/11/2026", "", "75.00", "0.00");
  const auto onAccount =
      line("SA", "MOOR003", "Payment on Account", "21/11/2026", "CHQ 4471", "300.00", "0.00");
  profile.read(rowOf(receipt), sink);
  profile.read(rowOf(onAccount), sink);
  ASSERT_EQ(sink.rejects.size(), 2u);
  EXPECT_NE(sink.rejects[0].second.find("applied to no invoice"), std::string::npos);
  EXPECT_EQ(sink.outcomes(), 2u);
}

TEST(Sage50Profile, otherTransactionsAreSkipped) {
  auto profile = started();
  RecordingSink sink;
  const auto purchase = line("PI", "SUPP01", "Stationery", "06/11/2026", "P-778", "45.00", "9.00");
  profile.read(rowOf(purchase), sink);
  EXPECT_EQ(sink.skips, (std::vector<std::string>{"other transactions"}));
}

}  // namespace
}  // namespace kindly::importers
