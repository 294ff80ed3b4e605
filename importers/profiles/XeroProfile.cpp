// Xero writes the contact's name, not an id, so the name is the client code. Amounts owed
// are read from InvoiceAmountDue: Total minus it is what payments, credit notes and
// overpayment allocations have settled, which is what the ledger's balance must follow.
#include "importers/profiles/XeroProfile.h"

#include <map>
#include <utility>

#include "base/Text.h"
#include "importers/Cells.h"
#include "store/InvoiceStatus.h"

namespace kindly::importers {

namespace {

enum class Document { Invoice, CreditNote, Overpayment };

std::optional<Document> documentOf(std::string_view type) {
  const auto key = matchingKey(type);
  if (key.empty() || key == "salesinvoice") return Document::Invoice;
  if (key == "salescreditnote") return Document::CreditNote;
  // A prepayment is money received before an invoice: a credit like an overpayment.
  if (key == "salesoverpayment" || key == "salesprepayment") return Document::Overpayment;
  return std::nullopt;
}

// Xero's API names (PAID, AUTHORISED) and its screen names (Awaiting Payment) both occur.
std::string statusOf(std::string_view status) {
  const auto key = matchingKey(status);
  if (key == "awaitingpayment") return "authorised";
  // Not yet approved: Xero itself leaves these out of its receivables, as Kindly's aging
  // leaves out drafts.
  if (key == "awaitingapproval" || key == "submitted") return "draft";
  if (key == "void") return "voided";
  return toLower(trim(status));
}

const FormatTable& xeroFormat() {
  static const FormatTable format{
      .name = "xero",
      .description = "Xero invoice export",
      .kind = RecordKind::Invoices,
      .columns = {{Field::ClientName, {"ContactName"}, Need::Required},
                  {Field::ClientEmail, {"EmailAddress"}},
                  {Field::InvoiceNumber, {"InvoiceNumber"}, Need::Required},
                  {Field::IssueDate, {"InvoiceDate"}, Need::Required},
                  {Field::DueDate, {"DueDate"}, Need::Required},
                  {Field::Amount, {"Total"}, Need::Required, "amount (repeated per line)"},
                  {Field::Balance, {"InvoiceAmountDue"}, Need::Either},
                  {Field::AmountPaid, {"InvoiceAmountPaid"}, Need::Either},
                  {Field::Currency, {"Currency"}},
                  {Field::DocumentType,
                   {"Type"},
                   Need::Optional,
                   "which document: sales invoice, credit note or overpayment"},
                  {Field::Status, {"Status"}}},
      // InvoiceNumber and DueDate are generic names too: only Xero's own names decide.
      .own = {"ContactName"},
      .fullExport = true};
  return format;
}

}  // namespace

XeroProfile::XeroProfile() : FormatProfile(xeroFormat()) {}

void XeroProfile::read(const Row& row, RecordSink& sink) {
  const std::string previousOverpayment = std::exchange(lastOverpayment_, {});
  Cells cells(row, sink, settings());
  const auto typeText = cells.text(column(Field::DocumentType));
  const auto document = documentOf(typeText);
  if (!cells.check(document.has_value(), column(Field::DocumentType),
                   "'" + typeText + "' is not a sales invoice, credit note or overpayment")) {
    return;
  }
  const auto contact = cells.required(column(Field::ClientName), "contact name");
  const auto email = cells.text(column(Field::ClientEmail));
  auto number = *document == Document::Overpayment
                    ? std::string()
                    : cells.required(column(Field::InvoiceNumber), "invoice number");
  const auto status = statusOf(cells.text(column(Field::Status)));
  const auto issued = cells.date(column(Field::IssueDate), "invoice date");
  // Credit notes and overpayments fall due at once, and Xero leaves their DueDate empty.
  const auto due = cells.date(column(Field::DueDate), "due date", *document != Document::Invoice);
  const auto currency = cells.currency(column(Field::Currency));
  if (cells.failed()) return;
  const auto total = cells.amount(column(Field::Amount), *currency, "total");
  const auto paid = cells.amount(column(Field::AmountPaid), *currency, "amount paid", true);
  const auto owing = cells.amount(column(Field::Balance), *currency, "amount due", true);
  if (cells.failed()) return;

  // Xero writes credits as positive totals; some exports sign them. Either way the size.
  const auto size = total->isNegative() ? -*total : *total;
  const bool credit = *document != Document::Invoice;
  if (*document == Document::Overpayment) {
    // An overpayment has no number, but the ledger needs one that stays the same from one
    // week's export to the next: its contact, date and total never change, while its amount
    // due falls as it is allocated.
    // Two overpayments alike in all three are told apart by their order in the file; rows
    // right below each other are lines of one.
    const std::string base =
        "OVERPAYMENT " + contact + " " + issued->iso() + " " + size.toDecimal();
    if (base != previousOverpayment) ++overpayments_[base];
    lastOverpayment_ = base;
    const int nth = overpayments_[base];
    number = nth > 1 ? base + " #" + std::to_string(nth) : base;
  }
  InvoiceRecord record{.number = number,
                       .numberColumn = column(Field::InvoiceNumber),
                       .clientCode = {},  // no client ids in this export: matched by name
                       .clientName = contact,
                       .clientEmail = email,
                       .issueDate = *issued,
                       .dueDate = due.value_or(*issued),
                       .amount = credit ? -size : size,
                       .status = status,
                       .paidSoFar = std::nullopt};
  // A voided invoice shows nothing due and nothing paid: Total minus InvoiceAmountDue would
  // invent a payment.
  if (store::isOwed(record.status) && (owing || paid)) {
    const auto settled = owing ? size - (owing->isNegative() ? -*owing : *owing)
                               : (paid->isNegative() ? -*paid : *paid);
    if (!cells.check(!settled.isNegative(),
                     owing ? column(Field::Balance) : column(Field::AmountPaid),
                     "more is due than the total " + size.toDecimal())) {
      return;
    }
    record.paidSoFar = credit ? -settled : settled;
  }
  sink.invoice(record);
}

}  // namespace kindly::importers
