// QboInvoicesProfile: QuickBooks Online's Invoice List, its titles, total and stamp.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "importers/profiles/QboInvoicesProfile.h"

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
  EXPECT_EQ(sink.invoices[0].paidSoFar, money("USD", 110000));
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
