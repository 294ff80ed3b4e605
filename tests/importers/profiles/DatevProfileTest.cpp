// DatevProfile: DATEV booking batches, their batch line, sides and debtor accounts.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "importers/profiles/DatevProfile.h"
#include "support/RecordingSink.h"

namespace kindly::importers {
namespace {

using namespace kindly::testing;

const std::vector<std::string> kHeader = {"Umsatz (ohne Soll/Haben-Kz)",
                                          "Soll/Haben-Kennzeichen",
                                          "WKZ Umsatz",
                                          "Konto",
                                          "Gegenkonto (ohne BU-Schlüssel)",
                                          "Belegdatum",
                                          "Belegfeld 1",
                                          "Buchungstext"};

// A profile started on kHeader below the batch line of a period from `from` to `to`.
DatevProfile started(const std::string& from, const std::string& to) {
  DatevProfile profile;
  RecordingSink titles;
  profile.title(rowOf({"EXTF",     "510",
                       "21",       "Buchungsstapel",
                       "7",        "20261120081502117",
                       "",         "SV",
                       "Admin",    "",
                       "29098",    "1042",
                       "20260101", "4",
                       from,       to,
                       "Batch",    "",
                       "1",        "0",
                       "0",        "EUR"}),
                titles);
  EXPECT_TRUE(profile.start(rowOf(kHeader), ParseSettings{}));
  return profile;
}

TEST(DatevProfile, aDebtorDebitedOwesAndCreditedHasPaid) {
  auto profile = started("20261001", "20261130");
  RecordingSink sink;
  profile.read(rowOf({"1190,00", "H", "", "8400", "10010", "0510", "RE-1", "Rechnung"}), sink);
  profile.read(rowOf({"1190,00", "S", "", "1200", "10010", "2810", "RE-1", "Zahlung"}), sink);
  profile.read(rowOf({"250,00", "S", "", "4930", "1200", "1610", "", "Büro"}), sink);
  ASSERT_EQ(sink.invoices.size(), 1u);
  EXPECT_EQ(sink.invoices[0].clientCode, "10010") << "the Gegenkonto, debited by an H booking";
  EXPECT_EQ(sink.invoices[0].issueDate.iso(), "2026-10-05");
  EXPECT_EQ(sink.invoices[0].amount.toDecimal(), "1190.00");
  ASSERT_EQ(sink.payments.size(), 1u);
  EXPECT_EQ(sink.payments[0].invoiceNumber, "RE-1");
  EXPECT_EQ(sink.payments[0].paymentDate.iso(), "2026-10-28");
  EXPECT_EQ(sink.outcomes(), 3u) << "the booking between G/L accounts is skipped";
}

TEST(DatevProfile, aDayBeforeThePeriodStartsIsInTheYearItEnds) {
  auto profile = started("20261201", "20270131");
  RecordingSink sink;
  profile.read(rowOf({"10,00", "S", "", "10010", "8400", "1512", "A", ""}), sink);
  profile.read(rowOf({"10,00", "S", "", "10010", "8400", "1501", "B", ""}), sink);
  profile.read(rowOf({"10,00", "S", "", "10010", "8400", "902", "C", ""}), sink);
  ASSERT_EQ(sink.invoices.size(), 3u);
  EXPECT_EQ(sink.invoices[0].issueDate.iso(), "2026-12-15");
  EXPECT_EQ(sink.invoices[1].issueDate.iso(), "2027-01-15");
  EXPECT_EQ(sink.invoices[2].issueDate.iso(), "2027-02-09") << "a day without its leading zero";
}

TEST(DatevProfile, refusesWhatIsNoBooking) {
  auto profile = started("20261001", "20261130");
  RecordingSink sink;
  profile.read(rowOf({"10,00", "X", "", "10010", "8400", "0510", "A", ""}), sink);
  profile.read(rowOf({"10,00", "S", "", "10010", "8400", "3102", "B", ""}), sink);
  profile.read(rowOf({"0,00", "S", "", "10010", "8400", "0510", "C", ""}), sink);
  ASSERT_EQ(sink.rejects.size(), 3u);
  EXPECT_EQ(sink.rejects[0].first, 1u) << "neither S nor H";
  EXPECT_EQ(sink.rejects[1].first, 5u) << "no 31 February";
  EXPECT_EQ(sink.rejects[2].first, 0u) << "an amount of zero";
}

TEST(DatevProfile, aPaymentNamingNoDocumentIsOnAccountAndOneNamingAnEarlierInvoiceMayBe) {
  auto profile = started("20261001", "20261130");
  RecordingSink sink;
  profile.read(rowOf({"150,00", "H", "CHF", "10030", "1200", "0511", "0", "ohne Beleg"}), sink);
  ASSERT_EQ(sink.payments.size(), 1u);
  EXPECT_EQ(sink.payments[0].invoiceNumber, "") << "Belegfeld 1 '0' names no document";
  EXPECT_EQ(sink.payments[0].clientCode, "10030");
  ASSERT_TRUE(sink.payments[0].currency);
  EXPECT_EQ(sink.payments[0].currency->code(), "CHF");
  EXPECT_TRUE(sink.payments[0].invoiceMayBeEarlier);
}

}  // namespace
}  // namespace kindly::importers
