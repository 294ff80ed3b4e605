// Xero writes the contact's name, not an id, so the name is the client code. Amounts owed
// are read from InvoiceAmountDue: Total minus it is what payments, credit notes and
// overpayment allocations have settled, which is what the ledger's balance must follow.
#include "importers/profiles/XeroProfile.h"

#include <map>
#include <utility>

#include "base/Text.h"
#include "importers/Cells.h"
#include "importers/Columns.h"
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

}  // namespace

int XeroProfile::recognise(const Row& row) const {
  const Columns columns(row);
  // InvoiceNumber and DueDate are generic names too: only Xero's own names decide.
  if (!columns.find({"ContactName"}) || !columns.find({"InvoiceAmountDue", "InvoiceAmountPaid"})) {
    return 0;
  }
  return 20 + columns.count({"ContactName", "EmailAddress", "POAddressLine1", "InvoiceNumber",
                             "InvoiceDate", "DueDate", "PlannedDate", "Total", "TaxTotal",
                             "InvoiceAmountPaid", "InvoiceAmountDue", "LineAmount", "Type", "Sent",
                             "Status"});
}

Result<bool> XeroProfile::start(const Row& header, const ParseSettings& settings) {
  const Columns columns(header);
  settings_ = settings;
  contact_ = columns.find({"ContactName"});
  email_ = columns.find({"EmailAddress"});
  number_ = columns.find({"InvoiceNumber"});
  issueDate_ = columns.find({"InvoiceDate"});
  dueDate_ = columns.find({"DueDate"});
  total_ = columns.find({"Total"});
  amountPaid_ = columns.find({"InvoiceAmountPaid"});
  amountDue_ = columns.find({"InvoiceAmountDue"});
  currency_ = columns.find({"Currency"});
  type_ = columns.find({"Type"});
  status_ = columns.find({"Status"});
  std::string missing;
  const auto need = [&](const std::optional<std::size_t>& column, std::string_view name) {
    if (!column) missing += (missing.empty() ? "" : ", ") + std::string(name);
  };
  need(contact_, "ContactName");
  need(number_, "InvoiceNumber");
  need(issueDate_, "InvoiceDate");
  need(dueDate_, "DueDate");
  need(total_, "Total");
  if (!amountDue_ && !amountPaid_) need(amountDue_, "InvoiceAmountDue");
  if (!missing.empty()) return Failure{"a Xero invoice export, but with no " + missing + " column"};
  return true;
}

std::vector<std::size_t> XeroProfile::dateColumns() const { return {*issueDate_, *dueDate_}; }

void XeroProfile::read(const Row& row, RecordSink& sink) {
  const std::string previousOverpayment = std::exchange(lastOverpayment_, {});
  Cells cells(row, sink, settings_);
  const auto typeText = cells.text(type_);
  const auto document = documentOf(typeText);
  if (!cells.check(document.has_value(), type_,
                   "'" + typeText + "' is not a sales invoice, credit note or overpayment")) {
    return;
  }
  const auto contact = cells.required(contact_, "contact name");
  const auto email = cells.text(email_);
  auto number = *document == Document::Overpayment ? std::string()
                                                   : cells.required(number_, "invoice number");
  const auto status = statusOf(cells.text(status_));
  const auto issued = cells.date(issueDate_, "invoice date");
  // Credit notes and overpayments fall due at once, and Xero leaves their DueDate empty.
  const auto due = cells.date(dueDate_, "due date", *document != Document::Invoice);
  const auto currency = cells.currency(currency_);
  if (cells.failed()) return;
  const auto total = cells.amount(total_, *currency, "total");
  const auto paid = cells.amount(amountPaid_, *currency, "amount paid", true);
  const auto owing = cells.amount(amountDue_, *currency, "amount due", true);
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
                       .numberColumn = number_,
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
    if (!cells.check(!settled.isNegative(), owing ? amountDue_ : amountPaid_,
                     "more is due than the total " + size.toDecimal())) {
      return;
    }
    record.paidSoFar = credit ? -settled : settled;
  }
  sink.invoice(record);
}

}  // namespace kindly::importers
