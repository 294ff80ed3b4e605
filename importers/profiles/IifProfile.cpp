// IIF has no field that applies a payment to an invoice: QuickBooks applies an imported
// payment itself. A payment is therefore linked only when its memo names the invoice, and
// otherwise kept as the customer's credit on account, never guessed onto its oldest invoice.
#include "importers/profiles/IifProfile.h"

#include "base/Text.h"
#include "importers/Cells.h"
#include "importers/profiles/InvoiceMention.h"

namespace kindly::importers {

namespace {

std::string firstCell(const Row& row) {
  return row.empty() ? std::string() : toLower(trim(row[0]));
}

const FormatTable& iifFormat() {
  static const FormatTable format{
      .name = "iif",
      .description = "QuickBooks Desktop IIF transactions",
      // Invoices, credit memos and payments in one file.
      .kind = RecordKind::Mixed,
      .columns = {{Field::DocumentType,
                   {"TRNSTYPE"},
                   Need::Required,
                   "which transaction: INVOICE, CREDIT MEMO or PAYMENT"},
                  {Field::IssueDate, {"DATE"}, Need::Required, "issue_date / payment_date"},
                  {Field::DueDate, {"DUEDATE"}},
                  {Field::ClientName, {"NAME"}, Need::Required},
                  {Field::Amount, {"AMOUNT"}, Need::Required},
                  {Field::InvoiceNumber,
                   {"DOCNUM"},
                   Need::Required,
                   "invoice_number (of a payment: its check number)"},
                  {Field::Memo, {"MEMO"}, Need::Optional, "the invoice a payment pays"}},
      // IIF dates are US ones (11/20/26).
      .usualDateOrder = dates::DateOrder::MDY};
  return format;
}

}  // namespace

IifProfile::IifProfile() : FormatProfile(iifFormat()) {}

int IifProfile::recognise(const Row& row) const {
  return !row.empty() && trim(row[0]) == "!TRNS" ? 100 : 0;
}

void IifProfile::title(const Row& row, RecordSink& sink) {
  sink.skip(firstCell(row).starts_with('!') ? "headings" : "list rows");
}

void IifProfile::read(const Row& row, RecordSink& sink) {
  const auto kind = firstCell(row);
  if (kind == "trns") return readTransaction(row, sink);
  if (kind == "spl" || kind == "endtrns") return sink.skip("lines of a transaction above");
  if (kind == "!trns") {
    // A file may repeat its headers before each group of transactions, in another order.
    if (auto restarted = start(row, ParseSettings(settings())); !restarted) {
      return sink.reject(std::nullopt, restarted.error());
    }
  }
  if (kind.starts_with('!')) return sink.skip("headings");
  sink.skip("list rows");  // accounts, customers, items: lists, not transactions
}

void IifProfile::readTransaction(const Row& row, RecordSink& sink) {
  const auto type = toLower(Columns::cell(row, column(Field::DocumentType)));
  if (type == "invoice") return readInvoice(row, sink, false);
  if (type == "credit memo") return readInvoice(row, sink, true);
  if (type == "payment") return readPayment(row, sink);
  sink.skip("other transactions");  // bills, checks, deposits: not what clients owe
}

void IifProfile::readInvoice(const Row& row, RecordSink& sink, bool creditMemo) {
  Cells cells(row, sink, settings());
  auto number = cells.required(column(Field::InvoiceNumber), "invoice number (DOCNUM)");
  auto customer = cells.required(column(Field::ClientName), "customer (NAME)");
  const auto issued = cells.date(column(Field::IssueDate), "date");
  // Without DUEDATE the invoice is due when issued: IIF keeps terms on the customer.
  const auto due = cells.date(column(Field::DueDate), "due date", true);
  auto amount = cells.amount(column(Field::Amount), settings().defaultCurrency, "amount");
  if (cells.failed()) return;
  // The TRNS line of an invoice debits A/R (positive); of a credit memo, credits it.
  if (amount->isNegative() != creditMemo) amount = -*amount;
  sink.invoice(InvoiceRecord{.number = std::move(number),
                             .numberColumn = column(Field::InvoiceNumber),
                             .clientCode = {},  // no client ids in this export: matched by name
                             .clientName = customer,
                             .clientEmail = {},
                             .issueDate = *issued,
                             .dueDate = due.value_or(*issued),
                             .amount = *amount,
                             .status = {},
                             .paidSoFar = std::nullopt});
}

void IifProfile::readPayment(const Row& row, RecordSink& sink) {
  Cells cells(row, sink, settings());
  const auto memo = cells.text(column(Field::Memo));
  const auto paid = cells.date(column(Field::IssueDate), "date");
  const auto amount = cells.text(column(Field::Amount));
  const auto reference = cells.text(column(Field::InvoiceNumber));
  auto customer = cells.required(column(Field::ClientName), "customer (NAME)");
  if (cells.failed()) return;
  // A memo naming no invoice leaves the payment on the customer's account, as QuickBooks
  // itself holds it until it is applied.
  auto invoice = invoiceNamedIn(memo);
  // The TRNS line of a payment debits the bank or Undeposited Funds: the amount received.
  const std::string received = unsignedAmount(amount);
  sink.payment(PaymentRecord{.invoiceNumber = std::move(invoice),
                             .clientCode = {},
                             .clientName = std::move(customer),
                             .paymentDate = *paid,
                             .amountText = received,
                             .reference = reference,
                             .numberColumn = column(Field::Memo),
                             .amountColumn = column(Field::Amount)});
}

}  // namespace kindly::importers
