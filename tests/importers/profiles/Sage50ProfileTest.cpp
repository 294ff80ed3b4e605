// Sage50Profile: Sage 50 audit-trail invoices, credits and receipts.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "importers/profiles/Sage50Profile.h"

namespace kindly::importers {
namespace {

const std::vector<std::string> kGenericHeader{"invoice_number", "client_id",  "client_name",
                                              "client_email",   "issue_date", "due_date",
                                              "amount",         "currency",   "amount_paid"};
const std::vector<std::string> kXeroHeader{"ContactName",
                                           "EmailAddress",
                                           "InvoiceNumber",
                                           "Reference",
                                           "InvoiceDate",
                                           "DueDate",
                                           "Total",
                                           "TaxTotal",
                                           "InvoiceAmountPaid",
                                           "InvoiceAmountDue",
                                           "Currency",
                                           "Type",
                                           "Sent",
                                           "Status"};
const std::vector<std::string> kXeroAgedHeader{
    "Invoice Date", "Invoice Number", "Invoice Reference", "Due Date", "Current", "< 1 Month",
    "1 Month",      "2 Months",       "3 Months",          "Older",    "Total"};
const std::vector<std::string> kQboAgingHeader{
    "", "Date", "Transaction Type", "Num", "Customer", "Due Date", "Amount", "Open Balance"};
const std::vector<std::string> kQboInvoicesHeader{"Date",   "Num",          "Customer", "Due Date",
                                                  "Amount", "Open Balance", "Status"};
const std::vector<std::string> kIifHeader{"!TRNS", "TRNSID", "TRNSTYPE", "DATE", "ACCNT",
                                          "NAME",  "AMOUNT", "DOCNUM",   "MEMO", "DUEDATE"};
const std::vector<std::string> kSageHeader{
    "No",   "Type",           "Account", "Nominal", "Dept", "Details", "Date",
    "Ref",  "Ex.Ref",         "Net",     "Tax",     "T/C",  "Paid",    "Amount Paid",
    "Bank", "Bank Rec. Date", "VAT"};
const std::vector<std::vector<std::string>> kEveryHeader{
    kGenericHeader,     kXeroHeader, kXeroAgedHeader, kQboAgingHeader,
    kQboInvoicesHeader, kIifHeader,  kSageHeader};

Row rowOf(const std::vector<std::string>& cells) { return Row(cells.begin(), cells.end()); }

// Keeps what a profile makes of each row.
class RecordingSink : public RecordSink {
 public:
  void invoice(const InvoiceRecord& record) override { invoices.push_back(record); }
  void payment(const PaymentRecord& record) override { payments.push_back(record); }
  void skip(std::string_view kind) override { skips.emplace_back(kind); }
  void reject(std::optional<std::size_t> column, std::string reason) override {
    rejects.emplace_back(column, std::move(reason));
  }
  void exportDate(dates::Date date) override { exported = date; }

  std::size_t outcomes() const {
    return invoices.size() + payments.size() + skips.size() + rejects.size();
  }

  std::vector<InvoiceRecord> invoices;
  std::vector<PaymentRecord> payments;
  std::vector<std::string> skips;
  std::vector<std::pair<std::optional<std::size_t>, std::string>> rejects;
  std::optional<dates::Date> exported;
};

dates::Date day(int year, int month, int date) { return *dates::Date::fromYmd(year, month, date); }
money::Money money(std::string_view code, std::int64_t minor) {
  return money::Money(minor, *money::Currency::fromCode(code));
}

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
  EXPECT_EQ(sink.invoices[0].amount, money("GBP", 96000));
}

TEST(Sage50Profile, salesCreditIsANegativeInvoice) {
  auto profile = started();
  RecordingSink sink;
  const auto row = line("SC", "KEST002", "Overcharge", "05/11/2026", "CN015", "100.00", "20.00");
  profile.read(rowOf(row), sink);
  ASSERT_EQ(sink.invoices.size(), 1u);
  EXPECT_EQ(sink.invoices[0].amount, money("GBP", -12000));
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
