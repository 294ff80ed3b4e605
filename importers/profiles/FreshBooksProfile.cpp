// FreshBooks exports carry no client id, so the client's name is its code. What is paid is
// the total less what is outstanding when the file says both, so that credits applied in
// FreshBooks lower the balance as they do there.
#include "importers/profiles/FreshBooksProfile.h"

#include "base/Text.h"
#include "importers/Cells.h"
#include "store/InvoiceStatus.h"

namespace kindly::importers {

namespace {

const FormatTable& freshBooksFormat() {
  static const FormatTable format{
      .name = "freshbooks",
      .description = "FreshBooks invoice export",
      .kind = RecordKind::Invoices,
      .columns = {{Field::ClientName, {"Client Name", "Organization", "Client"}, Need::Required},
                  {Field::ClientEmail, {"Email", "Client Email"}},
                  {Field::InvoiceNumber, {"Invoice #", "Invoice Number"}, Need::Required},
                  {Field::IssueDate, {"Date Issued", "Issue Date"}, Need::Required},
                  {Field::DueDate, {"Due Date", "Date Due"}},
                  {Field::Status, {"Invoice Status", "Status"}},
                  {Field::Currency, {"Currency", "Currency Code"}},
                  {Field::Amount, {"Invoice Total", "Total", "Amount"}, Need::Either},
                  {Field::LineTotal, {"Line Total"}, Need::Either},
                  {Field::AmountPaid, {"Paid", "Amount Paid"}},
                  {Field::Balance, {"Outstanding", "Amount Due", "Balance"}},
                  {Field::PaymentDate, {"Date Paid"}}},
      // "Invoice #" reads as "invoice", a generic name: "Date Issued" decides.
      .own = {"Date Issued"},
      .fullExport = true};
  return format;
}

}  // namespace

FreshBooksProfile::FreshBooksProfile() : FormatProfile(freshBooksFormat()) {}

void FreshBooksProfile::read(const Row& row, RecordSink& sink) {
  Cells cells(row, sink, settings());
  const auto total = column(Field::Amount);
  const auto dueDate = column(Field::DueDate);
  const auto client = cells.required(column(Field::ClientName), "client name");
  const auto email = cells.text(column(Field::ClientEmail));
  const auto number = cells.required(column(Field::InvoiceNumber), "invoice number");
  const auto status = toLower(cells.text(column(Field::Status)));
  const auto issued = cells.date(column(Field::IssueDate), "issue date");
  const auto due = dueDate ? cells.date(dueDate, "due date") : issued;
  const auto paidOn = cells.date(column(Field::PaymentDate), "date paid", true);
  const auto currency = cells.currency(column(Field::Currency));
  if (cells.failed()) return;
  const auto amount = total ? cells.amount(total, *currency, "total")
                            : cells.amount(column(Field::LineTotal), *currency, "line total");
  const auto paid = cells.amount(column(Field::AmountPaid), *currency, "amount paid", true);
  const auto outstanding =
      cells.amount(column(Field::Balance), *currency, "amount outstanding", true);
  if (cells.failed()) return;
  InvoiceRecord record{.number = number,
                       .numberColumn = column(Field::InvoiceNumber),
                       .clientCode = {},  // no client ids in this export: matched by name
                       .clientName = client,
                       .clientEmail = email,
                       .issueDate = *issued,
                       .dueDate = *due,
                       .amount = *amount,
                       .status = status,
                       .paidSoFar = std::nullopt,
                       .dueDateFrom = dueDate ? DueDateFrom::File : DueDateFrom::IssueDate,
                       .amountIsLine = !total,
                       .lastPaidOn = paidOn};
  // A draft shows its whole total outstanding and a void nothing: neither says what is paid.
  if (store::isOwed(record.status) && outstanding) {
    // Outstanding is the whole invoice's, on each of its lines.
    if (record.amountIsLine) {
      record.openBalance = *outstanding;
    } else {
      record.paidSoFar = *amount - *outstanding;
    }
  } else if (store::isOwed(record.status) && paid) {
    record.paidSoFar = *paid;
  }
  sink.invoice(record);
}

}  // namespace kindly::importers
