// RowParser: one row of a generic export, read into a record or refused with its column.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "importers/RowParser.h"

namespace kindly::importers {
namespace {

using Fields = std::vector<std::string_view>;

// Splits a row written with '|' between fields (amounts and names hold commas).
Fields splitRow(std::string_view row) {
  Fields fields;
  for (;;) {
    const auto bar = row.find('|');
    fields.push_back(row.substr(0, bar));
    if (bar == std::string_view::npos) return fields;
    row.remove_prefix(bar + 1);
  }
}

GenericLayout layoutOf(std::string_view header) {
  const auto layout = GenericLayout::match(splitRow(header));
  EXPECT_TRUE(layout) << header << ": " << layout.error();
  return *layout;
}

const char* const kInvoiceHeader =
    "invoice_number|client_id|client_name|client_email|issue_date|due_date|amount|currency|"
    "balance|status";

std::string written(const money::Money& m) { return m.toDecimal() + " " + m.currency().code(); }

struct InvoiceRow {
  const char* what;
  const char* row;
  // Accepted: these are checked. Refused: `field` and a part of the reason.
  std::optional<Field> field = std::nullopt;
  const char* reason = "";
  const char* number = "";
  const char* clientCode = "";
  const char* clientName = "";
  const char* issue = "";
  const char* due = "";
  const char* amount = "";
  const char* paidSoFar = "";  // "" when the row says nothing about payment
  const char* status = "";
};

void expectInvoice(const RowParser& parser, const InvoiceRow& c) {
  const auto parsed = parser.invoice(splitRow(c.row));
  if (c.field) {
    const auto* problem = std::get_if<FieldProblem>(&parsed);
    ASSERT_NE(problem, nullptr) << c.what << ": the row was accepted";
    EXPECT_EQ(fieldName(problem->field), fieldName(*c.field)) << c.what;
    EXPECT_NE(problem->reason.find(c.reason), std::string::npos)
        << c.what << ": '" << problem->reason << "' does not say '" << c.reason << "'";
    return;
  }
  const auto* problem = std::get_if<FieldProblem>(&parsed);
  ASSERT_EQ(problem, nullptr) << c.what << ": refused in " << fieldName(problem->field) << ": "
                              << problem->reason;
  const auto& invoice = std::get<InvoiceRecord>(parsed);
  EXPECT_EQ(invoice.number, c.number) << c.what;
  EXPECT_EQ(invoice.clientCode, c.clientCode) << c.what;
  EXPECT_EQ(invoice.clientName, c.clientName) << c.what;
  EXPECT_EQ(invoice.issueDate.iso(), c.issue) << c.what;
  EXPECT_EQ(invoice.dueDate.iso(), c.due) << c.what;
  EXPECT_EQ(written(invoice.amount), c.amount) << c.what;
  EXPECT_EQ(invoice.paidSoFar ? written(*invoice.paidSoFar) : "", c.paidSoFar) << c.what;
  EXPECT_EQ(invoice.status, c.status) << c.what;
}

TEST(RowParser, readsAGoodInvoiceRow) {
  const RowParser parser(layoutOf(kInvoiceHeader), {});
  const auto parsed = parser.invoice(splitRow(
      "INV-1001| C002 |Northgate Dental|ap@northgate.example|2026-03-01|2026-03-31|1,800.00|"
      "USD||"));
  ASSERT_TRUE(std::holds_alternative<InvoiceRecord>(parsed));
  const auto& invoice = std::get<InvoiceRecord>(parsed);
  EXPECT_EQ(invoice.number, "INV-1001");
  EXPECT_EQ(invoice.clientCode, "C002");
  EXPECT_EQ(invoice.clientName, "Northgate Dental");
  EXPECT_EQ(invoice.clientEmail, "ap@northgate.example");
  EXPECT_EQ(invoice.issueDate.iso(), "2026-03-01");
  EXPECT_EQ(invoice.dueDate.iso(), "2026-03-31");
  EXPECT_EQ(written(invoice.amount), "1800.00 USD");
  EXPECT_EQ(invoice.status, "");
  EXPECT_FALSE(invoice.paidSoFar);
}

TEST(RowParser, readsOrRefusesEachInvoiceRow) {
  const RowParser parser(layoutOf(kInvoiceHeader), {});
  const InvoiceRow cases[] = {
      {.what = "a good row",
       .row = "INV-1|C1|Acme|a@acme.example|2026-03-01|2026-03-31|1800.00|USD||",
       .number = "INV-1",
       .clientCode = "C1",
       .clientName = "Acme",
       .issue = "2026-03-01",
       .due = "2026-03-31",
       .amount = "1800.00 USD"},
      {.what = "due on the issue date",
       .row = "INV-1|C1|Acme||2026-03-01|2026-03-01|5|USD||",
       .number = "INV-1",
       .clientCode = "C1",
       .clientName = "Acme",
       .issue = "2026-03-01",
       .due = "2026-03-01",
       .amount = "5.00 USD"},
      {.what = "an empty invoice number",
       .row = "|C1|Acme||2026-03-01|2026-03-31|10|USD||",
       .field = Field::InvoiceNumber,
       .reason = "the invoice number is empty"},
      {.what = "an invoice number of spaces",
       .row = "   |C1|Acme||2026-03-01|2026-03-31|10|USD||",
       .field = Field::InvoiceNumber,
       .reason = "the invoice number is empty"},
      {.what = "no client at all",
       .row = "INV-1| | ||2026-03-01|2026-03-31|10|USD||",
       .field = Field::ClientId,
       .reason = "no client"},
      {.what = "a client id alone is also its name",
       .row = "INV-1|C7|||2026-03-01|2026-03-31|10|USD||",
       .number = "INV-1",
       .clientCode = "C7",
       .clientName = "C7",
       .issue = "2026-03-01",
       .due = "2026-03-31",
       .amount = "10.00 USD"},
      {.what = "a client name alone leaves the id empty: the ledger matches by name",
       .row = "INV-1||Acme Ltd||2026-03-01|2026-03-31|10|USD||",
       .number = "INV-1",
       .clientCode = "",
       .clientName = "Acme Ltd",
       .issue = "2026-03-01",
       .due = "2026-03-31",
       .amount = "10.00 USD"},
      {.what = "not a currency code",
       .row = "INV-1|C1|Acme||2026-03-01|2026-03-31|10|QQQ||",
       .field = Field::Currency,
       .reason = "'QQQ' is not an ISO 4217 currency code"},
      {.what = "a currency written as a symbol",
       .row = "INV-1|C1|Acme||2026-03-01|2026-03-31|10|$||",
       .field = Field::Currency,
       .reason = "not an ISO 4217 currency code"},
      {.what = "a lower-case currency code",
       .row = "INV-1|C1|Acme||2026-03-01|2026-03-31|10|eur||",
       .number = "INV-1",
       .clientCode = "C1",
       .clientName = "Acme",
       .issue = "2026-03-01",
       .due = "2026-03-31",
       .amount = "10.00 EUR"},
      {.what = "an amount in another currency than the currency column",
       .row = "INV-1|C1|Acme||2026-03-01|2026-03-31|€1800.00|USD||",
       .field = Field::Amount,
       .reason = "the amount is in EUR but the currency column says USD"},
      {.what = "an amount naming the currency column's currency",
       .row = "INV-1|C1|Acme||2026-03-01|2026-03-31|EUR 1800.00|EUR||",
       .number = "INV-1",
       .clientCode = "C1",
       .clientName = "Acme",
       .issue = "2026-03-01",
       .due = "2026-03-31",
       .amount = "1800.00 EUR"},
      {.what = "an amount that is not a number",
       .row = "INV-1|C1|Acme||2026-03-01|2026-03-31|lots|USD||",
       .field = Field::Amount},
      {.what = "an empty amount",
       .row = "INV-1|C1|Acme||2026-03-01|2026-03-31||USD||",
       .field = Field::Amount},
      {.what = "a credit note",
       .row = "CN-1|C1|Acme||2026-03-01|2026-03-31|-450.00|USD||",
       .number = "CN-1",
       .clientCode = "C1",
       .clientName = "Acme",
       .issue = "2026-03-01",
       .due = "2026-03-31",
       .amount = "-450.00 USD"},
      {.what = "due before it was issued: kept as it says, for the import to warn of",
       .row = "INV-1|C1|Acme||2026-03-31|2026-03-01|10|USD||",
       .number = "INV-1",
       .clientCode = "C1",
       .clientName = "Acme",
       .issue = "2026-03-31",
       .due = "2026-03-01",
       .amount = "10.00 USD"},
      {.what = "an empty due date: due when issued, as the import says",
       .row = "INV-1|C1|Acme||2026-03-01||10|USD||",
       .number = "INV-1",
       .clientCode = "C1",
       .clientName = "Acme",
       .issue = "2026-03-01",
       .due = "2026-03-01",
       .amount = "10.00 USD"},
      {.what = "a due date that is not a date",
       .row = "INV-1|C1|Acme||2026-03-01|soon|10|USD||",
       .field = Field::DueDate,
       .reason = "not a date"},
      {.what = "an impossible due date",
       .row = "INV-1|C1|Acme||2026-02-01|2026-02-30|10|USD||",
       .field = Field::DueDate},
      {.what = "an empty issue date when the file has the column",
       .row = "INV-1|C1|Acme|||2026-03-31|10|USD||",
       .field = Field::IssueDate,
       .reason = "the issue date is empty"},
      {.what = "an ambiguous issue date with no date order",
       .row = "INV-1|C1|Acme||03/04/2026|2026-05-31|10|USD||",
       .field = Field::IssueDate,
       .reason = "ambiguous"},
      {.what = "an ambiguous due date with no date order",
       .row = "INV-1|C1|Acme||2026-01-01|03/04/2026|10|USD||",
       .field = Field::DueDate,
       .reason = "ambiguous"},
      {.what = "a day above 12 settles day-month-year",
       .row = "INV-1|C1|Acme||13/04/2026|2026-05-13|10|USD||",
       .number = "INV-1",
       .clientCode = "C1",
       .clientName = "Acme",
       .issue = "2026-04-13",
       .due = "2026-05-13",
       .amount = "10.00 USD"},
      {.what = "a balance tells what is paid",
       .row = "INV-1|C1|Acme||2026-03-01|2026-03-31|1800.00|USD|600.00|",
       .number = "INV-1",
       .clientCode = "C1",
       .clientName = "Acme",
       .issue = "2026-03-01",
       .due = "2026-03-31",
       .amount = "1800.00 USD",
       .paidSoFar = "1200.00 USD"},
      {.what = "a zero balance is paid in full",
       .row = "INV-1|C1|Acme||2026-03-01|2026-03-31|1800.00|USD|0.00|Open",
       .number = "INV-1",
       .clientCode = "C1",
       .clientName = "Acme",
       .issue = "2026-03-01",
       .due = "2026-03-31",
       .amount = "1800.00 USD",
       .paidSoFar = "1800.00 USD",
       .status = "open"},
      {.what = "status Paid with no balance is paid in full",
       .row = "INV-1|C1|Acme||2026-03-01|2026-03-31|1800.00|USD||Paid",
       .number = "INV-1",
       .clientCode = "C1",
       .clientName = "Acme",
       .issue = "2026-03-01",
       .due = "2026-03-31",
       .amount = "1800.00 USD",
       .paidSoFar = "1800.00 USD",
       .status = "paid"},
      {.what = "the balance outweighs a Paid status",
       .row = "INV-1|C1|Acme||2026-03-01|2026-03-31|1800.00|USD|600.00|PAID",
       .number = "INV-1",
       .clientCode = "C1",
       .clientName = "Acme",
       .issue = "2026-03-01",
       .due = "2026-03-31",
       .amount = "1800.00 USD",
       .paidSoFar = "1200.00 USD",
       .status = "paid"},
      {.what = "an open status says nothing about payment",
       .row = "INV-1|C1|Acme||2026-03-01|2026-03-31|1800.00|USD||Sent",
       .number = "INV-1",
       .clientCode = "C1",
       .clientName = "Acme",
       .issue = "2026-03-01",
       .due = "2026-03-31",
       .amount = "1800.00 USD",
       .status = "sent"},
      {.what = "a balance in another currency",
       .row = "INV-1|C1|Acme||2026-03-01|2026-03-31|1800.00|USD|€600.00|",
       .field = Field::Balance,
       .reason = "not in the invoice's USD"},
      {.what = "a balance that is not a number",
       .row = "INV-1|C1|Acme||2026-03-01|2026-03-31|1800.00|USD|n/a|",
       .field = Field::Balance},
      {.what = "a client name that is not UTF-8 (Windows-1252 e acute)",
       .row = "INV-1|C1|Caf\xE9 Lumi\xE8re||2026-03-01|2026-03-31|10|EUR||",
       .field = Field::ClientName,
       .reason = "not valid UTF-8"},
      {.what = "an invoice number that is not UTF-8",
       .row = "INV-\xFF|C1|Acme||2026-03-01|2026-03-31|10|EUR||",
       .field = Field::InvoiceNumber,
       .reason = "not valid UTF-8"},
      {.what = "a UTF-8 client name",
       .row = "INV-1|C1|Caf\xC3\xA9 Lumi\xC3\xA8re||2026-03-01|2026-03-31|10|EUR||",
       .number = "INV-1",
       .clientCode = "C1",
       .clientName = "Caf\xC3\xA9 Lumi\xC3\xA8re",
       .issue = "2026-03-01",
       .due = "2026-03-31",
       .amount = "10.00 EUR"},
  };
  for (const InvoiceRow& c : cases) expectInvoice(parser, c);
}

TEST(RowParser, readsDatesInTheOrderTheFileUses) {
  const RowParser dmy(layoutOf(kInvoiceHeader), {.dateOrder = dates::DateOrder::DMY});
  const RowParser mdy(layoutOf(kInvoiceHeader), {.dateOrder = dates::DateOrder::MDY});
  const char* row = "INV-1|C1|Acme||03/04/2026|05/06/2026|10|USD||";
  expectInvoice(dmy, {.what = "day first",
                      .row = row,
                      .number = "INV-1",
                      .clientCode = "C1",
                      .clientName = "Acme",
                      .issue = "2026-04-03",
                      .due = "2026-06-05",
                      .amount = "10.00 USD"});
  expectInvoice(mdy, {.what = "month first",
                      .row = row,
                      .number = "INV-1",
                      .clientCode = "C1",
                      .clientName = "Acme",
                      .issue = "2026-03-04",
                      .due = "2026-05-06",
                      .amount = "10.00 USD"});
}

TEST(RowParser, takesAmountPaidBeforeTheBalance) {
  const RowParser parser(layoutOf("invoice_number|client_name|due_date|amount|amount_paid|balance"),
                         {});
  expectInvoice(parser, {.what = "amount paid and balance disagree",
                         .row = "INV-1|Acme|2026-03-31|100.00|30.00|50.00",
                         .number = "INV-1",
                         .clientCode = "",
                         .clientName = "Acme",
                         .issue = "2026-03-31",
                         .due = "2026-03-31",
                         .amount = "100.00 USD",
                         .paidSoFar = "30.00 USD"});
  expectInvoice(parser, {.what = "only a balance",
                         .row = "INV-1|Acme|2026-03-31|100.00||50.00",
                         .number = "INV-1",
                         .clientCode = "",
                         .clientName = "Acme",
                         .issue = "2026-03-31",
                         .due = "2026-03-31",
                         .amount = "100.00 USD",
                         .paidSoFar = "50.00 USD"});
}

// A draft shows its whole total as its balance, a void or cancelled one nothing: neither says
// what was paid. A status run together is stored in words.
TEST(RowParser, readsNothingPaidFromADraftOrVoidInvoice) {
  const RowParser parser(layoutOf("invoice_number|client_name|due_date|amount|balance|status"), {});
  for (const char* status : {"Draft", "Void", "Cancelled"}) {
    const std::string row = std::string("INV-1|Acme|2026-03-31|100.00|0.00|") + status;
    const auto parsed = parser.invoice(splitRow(row));
    ASSERT_TRUE(std::holds_alternative<InvoiceRecord>(parsed)) << status;
    EXPECT_FALSE(std::get<InvoiceRecord>(parsed).paidSoFar) << status;
  }
  expectInvoice(parser, {.what = "Zoho's PartiallyPaid",
                         .row = "INV-2|Acme|2026-03-31|100.00|40.00|PartiallyPaid",
                         .number = "INV-2",
                         .clientCode = "",
                         .clientName = "Acme",
                         .issue = "2026-03-31",
                         .due = "2026-03-31",
                         .amount = "100.00 USD",
                         .paidSoFar = "60.00 USD",
                         .status = "partially paid"});
}

TEST(RowParser, issuesOnTheDueDateWhenTheFileHasNoIssueDate) {
  const RowParser parser(layoutOf("invoice_number|client_name|due_date|amount"), {});
  expectInvoice(parser, {.what = "no issue date column",
                         .row = "INV-1|Acme|2026-03-31|10",
                         .number = "INV-1",
                         .clientCode = "",
                         .clientName = "Acme",
                         .issue = "2026-03-31",
                         .due = "2026-03-31",
                         .amount = "10.00 USD"});
}

TEST(RowParser, takesTheCurrencyFromTheAmountOrTheDefaultWithoutACurrencyColumn) {
  const GenericLayout layout = layoutOf("invoice_number|client_name|due_date|amount");
  const RowParser usd(layout, {});
  const RowParser eur(layout, {.defaultCurrency = *money::Currency::fromCode("EUR")});
  expectInvoice(usd, {.what = "a euro sign",
                      .row = "INV-1|Acme|2026-03-31|€12.50",
                      .number = "INV-1",
                      .clientCode = "",
                      .clientName = "Acme",
                      .issue = "2026-03-31",
                      .due = "2026-03-31",
                      .amount = "12.50 EUR"});
  expectInvoice(eur, {.what = "the default currency",
                      .row = "INV-1|Acme|2026-03-31|12.50",
                      .number = "INV-1",
                      .clientCode = "",
                      .clientName = "Acme",
                      .issue = "2026-03-31",
                      .due = "2026-03-31",
                      .amount = "12.50 EUR"});
}

TEST(RowParser, readsCommaDecimalsWhenTheFileUsesThem) {
  const RowParser parser(layoutOf(kInvoiceHeader), {.decimalMark = money::DecimalMark::Comma});
  expectInvoice(parser, {.what = "1.234,56",
                         .row = "INV-1|C1|Acme||2026-03-01|2026-03-31|"
                                "1.234,56|EUR|234,56|",
                         .number = "INV-1",
                         .clientCode = "C1",
                         .clientName = "Acme",
                         .issue = "2026-03-01",
                         .due = "2026-03-31",
                         .amount = "1234.56 EUR",
                         .paidSoFar = "1000.00 EUR"});
}

struct PaymentRow {
  const char* what;
  const char* row;
  std::optional<Field> field = std::nullopt;
  const char* reason = "";
  const char* number = "";
  const char* date = "";
  const char* amountText = "";
  const char* reference = "";
};

TEST(RowParser, readsOrRefusesEachPaymentRow) {
  const RowParser parser(layoutOf("invoice_number|payment_date|amount|reference"), {});
  const PaymentRow cases[] = {
      {.what = "a good payment",
       .row = "INV-1|2026-03-05| 950.00 |ACH 31016",
       .number = "INV-1",
       .date = "2026-03-05",
       .amountText = "950.00",
       .reference = "ACH 31016"},
      {.what = "no reference",
       .row = "INV-1|2026-03-05|950.00|",
       .number = "INV-1",
       .date = "2026-03-05",
       .amountText = "950.00"},
      {.what = "an empty payment date",
       .row = "INV-1||950.00|x",
       .field = Field::PaymentDate,
       .reason = "the payment date is empty"},
      {.what = "a payment date that is not a date",
       .row = "INV-1|last Tuesday|950.00|x",
       .field = Field::PaymentDate,
       .reason = "not a date"},
      {.what = "an impossible payment date",
       .row = "INV-1|2026-13-01|950.00|x",
       .field = Field::PaymentDate},
      {.what = "an ambiguous payment date",
       .row = "INV-1|03/04/2026|950.00|x",
       .field = Field::PaymentDate,
       .reason = "ambiguous"},
      {.what = "an empty invoice number",
       .row = " |2026-03-05|950.00|x",
       .field = Field::InvoiceNumber,
       .reason = "the invoice number is empty"},
      {.what = "an empty amount",
       .row = "INV-1|2026-03-05||x",
       .field = Field::Amount,
       .reason = "the amount is empty"},
      {.what = "a reference that is not UTF-8",
       .row = "INV-1|2026-03-05|950.00|Ch\xE8que",
       .field = Field::Reference,
       .reason = "not valid UTF-8"},
  };
  for (const PaymentRow& c : cases) {
    const auto parsed = parser.payment(splitRow(c.row));
    if (c.field) {
      const auto* problem = std::get_if<FieldProblem>(&parsed);
      ASSERT_NE(problem, nullptr) << c.what << ": the row was accepted";
      EXPECT_EQ(fieldName(problem->field), fieldName(*c.field)) << c.what;
      EXPECT_NE(problem->reason.find(c.reason), std::string::npos)
          << c.what << ": '" << problem->reason << "' does not say '" << c.reason << "'";
      continue;
    }
    const auto* problem = std::get_if<FieldProblem>(&parsed);
    ASSERT_EQ(problem, nullptr) << c.what << ": " << problem->reason;
    const auto& payment = std::get<PaymentRecord>(parsed);
    EXPECT_EQ(payment.invoiceNumber, c.number) << c.what;
    EXPECT_EQ(payment.paymentDate.iso(), c.date) << c.what;
    EXPECT_EQ(payment.amountText, c.amountText) << c.what;
    EXPECT_EQ(payment.reference, c.reference) << c.what;
  }
}

TEST(RowParser, findsTheColumnOfAField) {
  const RowParser parser(layoutOf("reference|amount|payment_date|invoice_number"), {});
  EXPECT_EQ(parser.columnOf(Field::InvoiceNumber), 3u);
  EXPECT_EQ(parser.columnOf(Field::Amount), 1u);
}

}  // namespace
}  // namespace kindly::importers
