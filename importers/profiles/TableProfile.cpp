// The tables below are each format's header as its software writes it, taken from sample
// exports (tests/fixtures/real/README.md names them). A new format of this kind is a table.
#include "importers/profiles/TableProfile.h"

#include "importers/Columns.h"

namespace kindly::importers {

const std::vector<FormatTable>& formatTables() {
  static const std::vector<FormatTable> tables = {
      {.name = "zoho",
       .description = "Zoho Books invoice export",
       .kind = RecordKind::Invoices,
       // One row per line item, the invoice's totals repeated on each.
       .columns = {{Field::InvoiceNumber, {"Invoice Number"}, Need::Required},
                   {Field::Status, {"Invoice Status"}},
                   // A long internal number that never changes: the client's code.
                   {Field::ClientId, {"Customer ID"}},
                   {Field::ClientName, {"Customer Name"}, Need::Required},
                   {Field::ClientEmail, {"Primary Contact EmailID", "Email", "Customer Email"}},
                   {Field::IssueDate, {"Invoice Date"}, Need::Required},
                   {Field::DueDate, {"Due Date"}, Need::Required},
                   {Field::Currency, {"Currency Code"}},
                   {Field::Amount, {"Total"}, Need::Required, "amount (repeated per line)"},
                   {Field::Balance, {"Balance"}, Need::Required, "balance (repeated per line)"},
                   {Field::PaymentDate,
                    {"Last Payment Date"},
                    Need::Optional,
                    "payment_date (of the latest payment)"}},
       .own = {"Invoice Status"},
       // Exported with "All Invoices", the file lists every invoice the organisation has.
       .fullExport = true},
      {.name = "invoicely",
       .description = "Invoicely invoice export",
       .kind = RecordKind::Invoices,
       .columns = {{Field::IssueDate, {"Date"}, Need::Required},
                   {Field::DueDate, {"Due"}, Need::Required},
                   {Field::InvoiceNumber, {"Details"}, Need::Required},
                   {Field::ClientName, {"Client"}, Need::Required},
                   {Field::Status, {"Status"}, Need::Required},
                   {Field::Amount, {"Total"}, Need::Required}}},
      {.name = "invoice2go",
       .description = "Invoice2go invoice export",
       .kind = RecordKind::Invoices,
       .columns = {{Field::InvoiceNumber, {"DocumentNumber"}, Need::Required},
                   {Field::ClientName, {"Name"}, Need::Required},
                   {Field::ClientEmail, {"EmailRecipient"}},
                   {Field::IssueDate, {"DocumentDate"}, Need::Required},
                   {Field::Status, {"DocumentStatus"}},
                   {Field::Terms, {"TermsOld"}},  // days from issue to due
                   {Field::Currency, {"CurrencyCode"}},
                   {Field::Amount, {"TotalAmount"}, Need::Required},
                   {Field::Balance, {"BalanceDueAmount"}, Need::Required}}},
      {.name = "invoiceninja",
       .description = "Invoice Ninja invoice export",
       .kind = RecordKind::Invoices,
       .columns = {{Field::ClientName, {"Client", "Client Name"}, Need::Required},
                   {Field::ClientEmail, {"Email", "Client Email"}},
                   {Field::InvoiceNumber, {"Invoice Number"}, Need::Required},
                   {Field::Amount,
                    {"Amount"},
                    Need::Required},  // the invoice's, on each of its lines
                   {Field::AmountPaid, {"Paid"}, Need::Required},
                   {Field::Status, {"Status"}},
                   {Field::IssueDate, {"Invoice Date"}, Need::Required},
                   {Field::DueDate, {"Due Date"}, Need::Required}}},
      // Version 5 names its columns after the company's language, here English; its terms are
      // free text, not read.
      {.name = "invoiceninja5",
       .description = "Invoice Ninja v5 invoice export",
       .kind = RecordKind::Invoices,
       .columns = {{Field::ClientName, {"Name", "Client Name"}, Need::Required},
                   {Field::Currency, {"Currency"}},
                   {Field::InvoiceNumber, {"Invoice Number"}, Need::Required},
                   {Field::Amount, {"Amount"}, Need::Required},
                   {Field::Balance, {"Balance"}, Need::Required},
                   {Field::IssueDate, {"Date"}, Need::Required},
                   {Field::DueDate, {"Due Date"}, Need::Required},
                   {Field::Status, {"Status"}},
                   {Field::ClientEmail, {"Client Email"}}},
       .own = {"Paid to Date"}},
      {.name = "invoiceninja-payments",
       .description = "Invoice Ninja payment export",
       .kind = RecordKind::Payments,
       .columns = {{Field::ClientName, {"Client", "Client Name"}, Need::Required},
                   {Field::InvoiceNumber, {"Invoice Number", "Invoice"}, Need::Required},
                   {Field::Amount, {"Amount"}, Need::Required},
                   {Field::PaymentDate, {"Date", "Payment Date"}, Need::Required},
                   {Field::Reference, {"Transaction Reference"}}}},
      // Akaunting's invoice export, a workbook: its "invoices" sheet, and the payments of its
      // "invoice_transactions" sheet (the items, taxes, histories and totals are not read).
      {.name = "akaunting",
       .description = "Akaunting invoice export",
       .kind = RecordKind::Invoices,
       .columns = {{Field::InvoiceNumber, {"invoice_number"}, Need::Required},
                   {Field::Status, {"status", "invoice_status_code"}},
                   {Field::IssueDate, {"invoiced_at"}, Need::Required},
                   {Field::DueDate, {"due_at"}, Need::Required},
                   {Field::Amount, {"amount"}, Need::Required},
                   {Field::Currency, {"currency_code"}},
                   {Field::ClientId, {"customer_id"}},
                   {Field::ClientName, {"contact_name", "customer_name"}, Need::Required},
                   {Field::ClientEmail, {"contact_email", "customer_email"}}},
       .own = {"invoiced_at"}},
      {.name = "akaunting-payments",
       .description = "Akaunting invoice payments",
       .kind = RecordKind::Payments,
       .columns = {{Field::InvoiceNumber, {"invoice_number"}, Need::Required},
                   {Field::Reference, {"reference", "transaction_number"}},
                   {Field::PaymentDate, {"paid_at"}, Need::Required},
                   {Field::Amount, {"amount"}, Need::Required}},
       .own = {"transaction_number"}},
      // Its older revenues export: money received from a customer (account_id is the bank
      // account it went to, not the customer).
      {.name = "akaunting-revenues",
       .description = "Akaunting revenues",
       .kind = RecordKind::Payments,
       .columns = {{Field::ClientId, {"customer_id"}, Need::Required},
                   {Field::PaymentDate, {"paid_at"}, Need::Required},
                   {Field::Amount, {"amount"}, Need::Required},
                   {Field::Reference, {"reference"}}},
       .own = {"account_id"}},
  };
  return tables;
}

Result<bool> TableProfile::begin(const Row& header) {
  parser_.emplace(layout(), settings());
  width_ = headerWidth(header);
  return true;
}

}  // namespace kindly::importers
