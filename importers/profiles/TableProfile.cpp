// The tables below are each format's header as its software writes it, taken from sample
// exports (tests/fixtures/real/README.md names them). A new format of this kind is a table.
#include "importers/profiles/TableProfile.h"

namespace kindly::importers {

const std::vector<FormatTable>& formatTables() {
  static const std::vector<FormatTable> tables = {
      {.name = "invoicely",
       .description = "Invoicely invoice export",
       .kind = RecordKind::Invoices,
       .columns = {{Field::IssueDate, {"Date"}, true},
                   {Field::DueDate, {"Due"}, true},
                   {Field::InvoiceNumber, {"Details"}, true},
                   {Field::ClientName, {"Client"}, true},
                   {Field::Status, {"Status"}, true},
                   {Field::Amount, {"Total"}, true}}},
      {.name = "invoice2go",
       .description = "Invoice2go invoice export",
       .kind = RecordKind::Invoices,
       .columns = {{Field::InvoiceNumber, {"DocumentNumber"}, true},
                   {Field::ClientName, {"Name"}, true},
                   {Field::ClientEmail, {"EmailRecipient"}},
                   {Field::IssueDate, {"DocumentDate"}, true},
                   {Field::Status, {"DocumentStatus"}},
                   {Field::Terms, {"TermsOld"}},  // days from issue to due
                   {Field::Currency, {"CurrencyCode"}},
                   {Field::Amount, {"TotalAmount"}, true},
                   {Field::Balance, {"BalanceDueAmount"}, true}}},
      {.name = "invoiceninja",
       .description = "Invoice Ninja invoice export",
       .kind = RecordKind::Invoices,
       .columns = {{Field::ClientName, {"Client", "Client Name"}, true},
                   {Field::ClientEmail, {"Email", "Client Email"}},
                   {Field::InvoiceNumber, {"Invoice Number"}, true},
                   {Field::Amount, {"Amount"}, true},  // the invoice's, on each of its lines
                   {Field::AmountPaid, {"Paid"}, true},
                   {Field::Status, {"Status"}},
                   {Field::IssueDate, {"Invoice Date"}, true},
                   {Field::DueDate, {"Due Date"}, true}}},
      {.name = "invoiceninja-payments",
       .description = "Invoice Ninja payment export",
       .kind = RecordKind::Payments,
       .columns = {{Field::ClientName, {"Client", "Client Name"}, true},
                   {Field::InvoiceNumber, {"Invoice Number", "Invoice"}, true},
                   {Field::Amount, {"Amount"}, true},
                   {Field::PaymentDate, {"Date", "Payment Date"}, true},
                   {Field::Reference, {"Transaction Reference"}}}},
  };
  return tables;
}

int TableProfile::recognise(const Row& row) const {
  const auto layout = GenericLayout::fromTable(row, format_);
  if (!layout) return 0;
  int found = 0;
  for (const auto& rule : format_.columns) found += layout->column(rule.field).has_value();
  return 20 + found;
}

Result<bool> TableProfile::start(const Row& header, const ParseSettings& settings) {
  auto layout = GenericLayout::fromTable(header, format_);
  if (!layout) return Failure{layout.error()};
  begin(*layout, header, settings);
  return true;
}

}  // namespace kindly::importers
