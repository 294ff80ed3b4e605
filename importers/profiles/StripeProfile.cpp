// Stripe writes amounts in major units ("120.00") and currencies in lower case ("usd").
// What is settled is the total less the amount remaining: a customer's credit balance
// applied to an invoice settles it as a payment would.
#include "importers/profiles/StripeProfile.h"

#include "base/Text.h"
#include "importers/Cells.h"
#include "store/InvoiceStatus.h"

namespace kindly::importers {

namespace {

const FormatTable& stripeFormat() {
  static const FormatTable format{
      .name = "stripe",
      .description = "Stripe invoice export",
      .kind = RecordKind::Invoices,
      .columns = {{Field::DocumentId,
                   {"id", "Invoice ID"},
                   Need::Either,
                   "invoice_number (of a draft, which has none yet)"},
                  {Field::InvoiceNumber, {"Number", "Invoice Number"}, Need::Either},
                  {Field::ClientId, {"Customer", "Customer ID"}, Need::Required},
                  {Field::ClientName, {"Customer Name"}},
                  {Field::ClientEmail, {"Customer Email"}},
                  {Field::IssueDate,
                   {"Date (UTC)", "Created (UTC)", "Finalized At (UTC)", "Date"},
                   Need::Required},
                  {Field::DueDate, {"Due Date (UTC)", "Due Date"}},
                  {Field::Currency, {"Currency"}},
                  {Field::Amount, {"Total", "Amount Due"}, Need::Required},
                  {Field::AmountPaid, {"Amount Paid"}},
                  {Field::Balance, {"Amount Remaining"}},
                  {Field::Status, {"Status"}}},
      // Amount Due and Customer are generic names too: one of Stripe's own must be there.
      .own = {"Date (UTC)", "Created (UTC)", "Due Date (UTC)", "Amount Remaining"},
      .fullExport = true};
  return format;
}

}  // namespace

StripeProfile::StripeProfile() : FormatProfile(stripeFormat()) {}

void StripeProfile::read(const Row& row, RecordSink& sink) {
  Cells cells(row, sink, settings());
  auto number = cells.text(column(Field::InvoiceNumber));
  auto numberColumn = column(Field::InvoiceNumber);
  if (number.empty()) {
    number = cells.text(column(Field::DocumentId));
    numberColumn = column(Field::DocumentId);
  }
  const auto customer = cells.required(column(Field::ClientId), "customer");
  auto name = cells.text(column(Field::ClientName));
  const auto email = cells.text(column(Field::ClientEmail));
  if (name.empty()) name = email.empty() ? customer : email;
  const auto status = toLower(cells.text(column(Field::Status)));
  const auto issued = cells.date(column(Field::IssueDate), "invoice date");
  // Invoices charged automatically have no due date: they are due when made.
  const auto due = cells.date(column(Field::DueDate), "due date", true);
  const auto currency = cells.currency(column(Field::Currency));
  if (cells.failed()) return;
  const auto total = cells.amount(column(Field::Amount), *currency, "total");
  const auto paid = cells.amount(column(Field::AmountPaid), *currency, "amount paid", true);
  const auto remaining = cells.amount(column(Field::Balance), *currency, "amount remaining", true);
  if (cells.failed()) return;
  InvoiceRecord record{.number = number,
                       .numberColumn = numberColumn,
                       .clientCode = customer,
                       .clientName = name,
                       .clientEmail = email,
                       .issueDate = *issued,
                       .dueDate = due.value_or(*issued),
                       .amount = *total,
                       .status = status,
                       .paidSoFar = std::nullopt};
  // A void invoice shows nothing remaining: the total less it would invent a payment.
  if (store::isOwed(record.status) && (remaining || paid)) {
    record.paidSoFar = remaining ? *total - *remaining : *paid;
  }
  sink.invoice(record);
}

}  // namespace kindly::importers
