// GenericLayout: which column is which, from the header names bookkeepers' exports use.
#include <gtest/gtest.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "importers/GenericLayout.h"

namespace kindly::importers {
namespace {

using Header = std::vector<std::string_view>;

struct Matched {
  const char* what;
  Header header;
  RecordKind kind;
  std::vector<std::pair<Field, std::size_t>> columns;  // fields expected at 0-based columns
  std::vector<Field> absent;                           // fields expected to have no column
};

void expectMatched(const Matched& c) {
  const auto layout = GenericLayout::match(c.header);
  ASSERT_TRUE(layout) << c.what << ": " << layout.error();
  EXPECT_EQ(layout->kind(), c.kind) << c.what;
  for (const auto& [field, column] : c.columns) {
    EXPECT_EQ(layout->column(field), std::optional<std::size_t>(column))
        << c.what << ": " << fieldName(field);
  }
  for (Field field : c.absent) {
    EXPECT_EQ(layout->column(field), std::nullopt) << c.what << ": " << fieldName(field);
  }
}

struct Refused {
  const char* what;
  Header header;
  std::vector<std::string> reasonNames;  // each must appear in the reason
};

void expectRefused(const Refused& c) {
  const auto layout = GenericLayout::match(c.header);
  ASSERT_FALSE(layout) << c.what << " was matched";
  for (const auto& name : c.reasonNames) {
    EXPECT_NE(layout.error().find(name), std::string::npos)
        << c.what << ": '" << layout.error() << "' does not mention '" << name << "'";
  }
}

TEST(GenericLayout, readsKindlysOwnInvoiceHeader) {
  expectMatched({"the generic invoice layout",
                 {"invoice_number", "client_id", "client_name", "client_email", "issue_date",
                  "due_date", "amount", "currency"},
                 RecordKind::Invoices,
                 {{Field::InvoiceNumber, 0},
                  {Field::ClientId, 1},
                  {Field::ClientName, 2},
                  {Field::ClientEmail, 3},
                  {Field::IssueDate, 4},
                  {Field::DueDate, 5},
                  {Field::Amount, 6},
                  {Field::Currency, 7}},
                 {Field::AmountPaid, Field::Balance, Field::Status, Field::PaymentDate}});
}

TEST(GenericLayout, knowsTheSynonymsSpreadsheetsUse) {
  const Matched cases[] = {
      {"accounting-tool names",
       {"Invoice No.", "Customer", "Invoice Date", "Due Date", "Total", "Balance Due", "Status"},
       RecordKind::Invoices,
       {{Field::InvoiceNumber, 0},
        {Field::ClientName, 1},
        {Field::IssueDate, 2},
        {Field::DueDate, 3},
        {Field::Amount, 4},
        {Field::Balance, 5},
        {Field::Status, 6}},
       {Field::ClientId, Field::Currency, Field::AmountPaid}},
      {"short names",
       {"Invoice #", "Contact", "Email", "Date", "Due", "Invoice Amount", "Paid", "Currency Code"},
       RecordKind::Invoices,
       {{Field::InvoiceNumber, 0},
        {Field::ClientName, 1},
        {Field::ClientEmail, 2},
        {Field::IssueDate, 3},
        {Field::DueDate, 4},
        {Field::Amount, 5},
        {Field::AmountPaid, 6},
        {Field::Currency, 7}},
       {}},
      {"a client id alone names the client",
       {"number", "account", "date due", "amount", "amount due"},
       RecordKind::Invoices,
       {{Field::InvoiceNumber, 0},
        {Field::ClientId, 1},
        {Field::DueDate, 2},
        {Field::Amount, 3},
        {Field::Balance, 4}},
       {Field::ClientName, Field::IssueDate}},
      {"the generic payment layout",
       {"invoice_number", "payment_date", "amount", "reference"},
       RecordKind::Payments,
       {{Field::InvoiceNumber, 0},
        {Field::PaymentDate, 1},
        {Field::Amount, 2},
        {Field::Reference, 3}},
       {Field::DueDate, Field::IssueDate}},
      {"'date' in a payment list is the payment date",
       {"Invoice", "Date", "Amount", "Memo"},
       RecordKind::Payments,
       {{Field::InvoiceNumber, 0},
        {Field::PaymentDate, 1},
        {Field::Amount, 2},
        {Field::Reference, 3}},
       {Field::IssueDate}},
      {"bank-style payment names",
       {"Invoice No", "Paid On", "Payment Amount", "Ref"},
       RecordKind::Payments,
       {{Field::InvoiceNumber, 0},
        {Field::PaymentDate, 1},
        {Field::Amount, 2},
        {Field::Reference, 3}},
       {}},
      {"a payment list without a reference",
       {"invoice", "date paid", "amount paid"},
       RecordKind::Payments,
       {{Field::InvoiceNumber, 0}, {Field::PaymentDate, 1}, {Field::Amount, 2}},
       {Field::Reference}},
  };
  for (const Matched& c : cases) expectMatched(c);
}

TEST(GenericLayout, ignoresCaseSpacesUnderscoresAndHyphensInNames) {
  const Matched cases[] = {
      {"upper case",
       {"INVOICE_NUMBER", "CLIENT_NAME", "DUE_DATE", "AMOUNT"},
       RecordKind::Invoices,
       {{Field::InvoiceNumber, 0}, {Field::ClientName, 1}, {Field::DueDate, 2}, {Field::Amount, 3}},
       {}},
      {"spaces instead of underscores, padded",
       {"  Invoice   Number ", "Client Name", " due date", "Amount\t"},
       RecordKind::Invoices,
       {{Field::InvoiceNumber, 0}, {Field::ClientName, 1}, {Field::DueDate, 2}, {Field::Amount, 3}},
       {}},
      {"hyphens and doubled underscores",
       {"invoice-number", "client__name", "Due-Date", "amount"},
       RecordKind::Invoices,
       {{Field::InvoiceNumber, 0}, {Field::ClientName, 1}, {Field::DueDate, 2}, {Field::Amount, 3}},
       {}},
      {"mixed-case payment header",
       {"Invoice_Number", "Payment_DATE", "aMoUnT"},
       RecordKind::Payments,
       {{Field::InvoiceNumber, 0}, {Field::PaymentDate, 1}, {Field::Amount, 2}},
       {}},
  };
  for (const Matched& c : cases) expectMatched(c);
}

TEST(GenericLayout, ignoresColumnsItDoesNotKnow) {
  expectMatched(
      {"extra columns",
       {"Notes", "invoice_number", "Project", "client_name", "due_date", "amount", ""},
       RecordKind::Invoices,
       {{Field::InvoiceNumber, 1}, {Field::ClientName, 3}, {Field::DueDate, 4}, {Field::Amount, 5}},
       {Field::ClientEmail}});
}

TEST(GenericLayout, namesTheRequiredColumnsAnInvoiceListLacks) {
  const Refused cases[] = {
      {"no amount", {"invoice_number", "client_name", "due_date"}, {"invoice list", "amount"}},
      {"no invoice number", {"client_name", "due_date", "amount"}, {"invoice_number"}},
      {"no client", {"invoice_number", "due_date", "amount"}, {"client_id (or client_name)"}},
      {"no due date", {"invoice_number", "client_name", "issue_date", "amount"}, {"due_date"}},
      {"no due date nor terms",
       {"invoice_number", "client_name", "issue_date", "amount"},
       {"due_date (or terms)"}},
      {"a quantity without a unit price",
       {"invoice_number", "client_name", "due_date", "qty"},
       {"amount (or line_total, or quantity and unit_price)"}},
      {"several missing", {"client_name"}, {"invoice_number", "due_date", "amount"}},
  };
  for (const Refused& c : cases) expectRefused(c);
}

TEST(GenericLayout, namesTheRequiredColumnsAPaymentListLacks) {
  const Refused cases[] = {
      {"no amount", {"invoice_number", "payment_date", "reference"}, {"payment list", "amount"}},
      {"no invoice number", {"payment_date", "amount"}, {"payment list", "invoice_number"}},
  };
  for (const Refused& c : cases) expectRefused(c);
}

TEST(GenericLayout, refusesTwoColumnsForOneField) {
  const Refused cases[] = {
      {"two client names",
       {"invoice_number", "customer", "contact", "due_date", "amount"},
       {"columns 2 and 3", "client_name"}},
      {"two amounts",
       {"invoice_number", "client_id", "due_date", "amount", "total"},
       {"columns 4 and 5", "amount"}},
      {"two payment dates",
       {"invoice_number", "payment_date", "date paid", "amount"},
       {"columns 2 and 3", "payment_date"}},
  };
  for (const Refused& c : cases) expectRefused(c);
}

// Regression: an invoice list with a plain "Date" column (its issue date) also fits the payment
// layout, and one with a doubled column was read as a list of payments.
TEST(GenericLayout, refusesAnInvoiceListWithTwoColumnsForOneFieldEvenWithADateColumn) {
  expectRefused({"two client names and a date",
                 {"Invoice", "Customer", "Contact", "Date", "Due Date", "Amount"},
                 {"columns 2 and 3", "client_name"}});
}

TEST(GenericLayout, refusesAnUnknownLayout) {
  const Refused cases[] = {
      {"a product list", {"sku", "description", "qty", "price"}, {"unknown layout"}},
      {"an empty header", {}, {"unknown layout"}},
      {"invoice number and amount only", {"invoice_number", "amount"}, {"unknown layout"}},
  };
  for (const Refused& c : cases) expectRefused(c);
}

// A format described as a table: the first of a rule's names the header has is taken, a
// required column or a group of stand-ins missing is named, and its own names decide.
const FormatTable kFormat{.name = "tested",
                          .description = "a tested export",
                          .kind = RecordKind::Invoices,
                          .columns = {{Field::InvoiceNumber, {"Doc No", "Number"}, Need::Required},
                                      {Field::ClientName, {"Customer"}, Need::Required},
                                      {Field::Amount, {"Total"}, Need::Either, "total"},
                                      {Field::LineTotal, {"Line Total"}, Need::Either},
                                      {Field::DueDate, {"Due"}}},
                          .own = {"Doc No"}};

TEST(GenericLayout, findsAFormatsColumnsByTheFirstNameItHas) {
  const auto layout = GenericLayout::fromTable({"Number", "Customer", "Doc No", "Total"}, kFormat);
  ASSERT_TRUE(layout) << layout.error();
  EXPECT_EQ(layout->column(Field::InvoiceNumber), std::optional<std::size_t>(2))
      << "Doc No is listed first";
  EXPECT_EQ(layout->column(Field::DueDate), std::nullopt);
  EXPECT_EQ(layout->meaningOf(3, &kFormat), "total") << "the rule's own meaning";
  EXPECT_EQ(layout->meaningOf(1, &kFormat), "client_name") << "else the field's name";
  EXPECT_EQ(layout->meaningOf(0, &kFormat), "") << "a column the format does not read";
}

TEST(GenericLayout, namesExactlyTheColumnsAFormatsHeaderLacks) {
  const auto noClient = GenericLayout::fromTable({"Doc No", "Line Total"}, kFormat);
  ASSERT_FALSE(noClient);
  EXPECT_EQ(noClient.error(), "the header lacks Customer");
  const auto noAmount = GenericLayout::fromTable({"Doc No", "Due"}, kFormat);
  ASSERT_FALSE(noAmount);
  EXPECT_EQ(noAmount.error(), "the header lacks Customer, Total or Line Total");
}

TEST(GenericLayout, takesAHeaderForAFormatOnlyWithOneOfItsOwnNames) {
  EXPECT_EQ(recogniseFormat({"Doc No", "Customer", "Total"}, kFormat), 23);
  EXPECT_EQ(recogniseFormat({"Doc No", "Customer", "Total", "Due"}, kFormat), 24);
  EXPECT_EQ(recogniseFormat({"Number", "Customer", "Total"}, kFormat), 0)
      << "every name generic: another format's, or Kindly's own";
  EXPECT_EQ(recogniseFormat({"Doc No", "Total"}, kFormat), 0) << "a required column missing";
}

// A map names what Kindly does not recognise; the other columns are found by their names.
TEST(GenericLayout, findsTheColumnsAMapLeavesOut) {
  const Header header{"Beleg", "Customer", "Issued", "Fällig", "Betrag"};
  const auto layout = GenericLayout::assigned(
      {{Field::InvoiceNumber, 0}, {Field::DueDate, 3}, {Field::Amount, 4}}, header);
  ASSERT_TRUE(layout) << layout.error();
  EXPECT_EQ(layout->kind(), RecordKind::Invoices);
  EXPECT_EQ(layout->column(Field::ClientName), std::optional<std::size_t>(1));
  EXPECT_EQ(layout->column(Field::IssueDate), std::optional<std::size_t>(2));
  // A name the map gives a field is not also read as another: "Amount" mapped to the balance.
  const auto remapped = GenericLayout::assigned({{Field::InvoiceNumber, 0}, {Field::Balance, 2}},
                                                Header{"Nr", "Customer", "Amount", "Due"});
  ASSERT_FALSE(remapped) << "no amount left once Amount is the balance";
  EXPECT_NE(remapped.error().find("amount"), std::string::npos) << remapped.error();
}

}  // namespace
}  // namespace kindly::importers
