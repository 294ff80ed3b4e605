// IifProfile: QuickBooks Desktop IIF transactions, their headers, lines and payments.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "importers/profiles/IifProfile.h"
#include "support/AmountsAndDays.h"
#include "support/ExportHeaders.h"
#include "support/RecordingSink.h"

namespace kindly::importers {
namespace {

using namespace kindly::testing;

IifProfile started() {
  IifProfile profile;
  EXPECT_TRUE(profile.start(rowOf(kIifHeader), ParseSettings{}));
  return profile;
}

TEST(IifProfile, recognisesItsOwnHeaderOnly) {
  IifProfile profile;
  EXPECT_GT(profile.recognise(rowOf(kIifHeader)), 10);
  EXPECT_EQ(profile.recognise(rowOf({"!SPL", "SPLID", "TRNSTYPE"})), 0);
  for (const auto& header : kEveryHeader) {
    if (header == kIifHeader) continue;
    EXPECT_EQ(profile.recognise(rowOf(header)), 0);
  }
}

TEST(IifProfile, invoiceWithTwoDigitYearsAndLeadingZeros) {
  auto profile = started();
  RecordingSink sink;
  profile.read(rowOf({"TRNS", "", "INVOICE", "11/10/26", "Accounts Receivable",
                      "Total Quality Logistics", "640.00", "02043", "", "12/10/26"}),
               sink);
  ASSERT_EQ(sink.invoices.size(), 1u);
  EXPECT_EQ(sink.invoices[0].number, "02043");
  EXPECT_EQ(sink.invoices[0].clientCode, "") << "no ids in this export: the ledger matches by name";
  EXPECT_EQ(sink.invoices[0].issueDate, day(2026, 11, 10));
  EXPECT_EQ(sink.invoices[0].dueDate, day(2026, 12, 10));
  EXPECT_EQ(sink.invoices[0].amount, usd(64000));
}

TEST(IifProfile, creditMemoIsANegativeInvoice) {
  auto profile = started();
  RecordingSink sink;
  profile.read(rowOf({"TRNS", "", "CREDIT MEMO", "11/12/26", "Accounts Receivable", "Acme",
                      "-200.00", "CM-7", "", ""}),
               sink);
  ASSERT_EQ(sink.invoices.size(), 1u);
  EXPECT_EQ(sink.invoices[0].amount, usd(-20000));
  EXPECT_EQ(sink.invoices[0].dueDate, day(2026, 11, 12));
}

TEST(IifProfile, paymentIsLinkedByTheInvoiceItsMemoNames) {
  auto profile = started();
  RecordingSink sink;
  profile.read(rowOf({"TRNS", "", "PAYMENT", "11/15/26", "Undeposited Funds", "Acme", "1000.00",
                      "5521", "Inv #02043", ""}),
               sink);
  ASSERT_EQ(sink.payments.size(), 1u);
  EXPECT_EQ(sink.payments[0].invoiceNumber, "02043");
  EXPECT_EQ(sink.payments[0].paymentDate, day(2026, 11, 15));
  EXPECT_EQ(sink.payments[0].amountText, "1000.00");
  EXPECT_EQ(sink.payments[0].reference, "5521");
}

TEST(IifProfile, paymentNamingNoInvoiceIsTheCustomersPaymentOnAccount) {
  auto profile = started();
  RecordingSink sink;
  profile.read(rowOf({"TRNS", "", "PAYMENT", "11/18/26", "Undeposited Funds", "Acme", "300.00",
                      "5530", "Thanks!", ""}),
               sink);
  EXPECT_TRUE(sink.rejects.empty());
  ASSERT_EQ(sink.payments.size(), 1u);
  EXPECT_EQ(sink.payments[0].invoiceNumber, "");
  EXPECT_EQ(sink.payments[0].clientName, "Acme");
  EXPECT_EQ(sink.payments[0].amountText, "300.00");
  EXPECT_EQ(sink.payments[0].reference, "5530");
}

TEST(IifProfile, headingsListsAndLinesAreSkippedNotRejected) {
  auto profile = started();
  RecordingSink sink;
  profile.title(rowOf({"!ACCNT", "NAME", "ACCNTTYPE"}), sink);
  profile.title(rowOf({"ACCNT", "Accounts Receivable", "AR"}), sink);
  profile.read(rowOf({"!SPL", "SPLID", "TRNSTYPE"}), sink);
  profile.read(rowOf({"!ENDTRNS"}), sink);
  profile.read(rowOf({"SPL", "", "INVOICE", "11/10/26", "Sales", "", "-640.00"}), sink);
  profile.read(rowOf({"ENDTRNS"}), sink);
  profile.read(rowOf({"TRNS", "", "BILL", "11/16/26", "Accounts Payable", "Mill", "-120.00", "B-88",
                      "", ""}),
               sink);
  EXPECT_EQ(sink.skips,
            (std::vector<std::string>{"headings", "list rows", "headings", "headings",
                                      "lines of a transaction above",
                                      "lines of a transaction above", "other transactions"}));
  EXPECT_TRUE(sink.rejects.empty());
}

}  // namespace
}  // namespace kindly::importers
