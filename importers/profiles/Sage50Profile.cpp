// The audit trail carries no allocations and no due dates: a receipt is linked to the
// invoice its Details or Ref names, and an invoice is due after Sage's default 30 days of
// credit unless the file has a due date column.
#include "importers/profiles/Sage50Profile.h"

#include "base/Text.h"
#include "importers/Cells.h"
#include "importers/profiles/InvoiceMention.h"

namespace kindly::importers {

namespace {

// Sage 50's default customer credit terms.
constexpr int kDefaultCreditDays = 30;

const FormatTable& sage50Format() {
  static const FormatTable format{
      .name = "sage50",
      .description = "Sage 50 audit trail",
      // Invoices, credit notes and receipts in one file.
      .kind = RecordKind::Mixed,
      .columns = {{Field::DocumentType,
                   {"Type", "Tp"},
                   Need::Required,
                   "which transaction: SI invoice, SC credit, SR receipt, SD discount"},
                  {Field::ClientId, {"Account", "A/C", "Account Ref"}, Need::Required},
                  {Field::IssueDate, {"Date"}, Need::Required, "issue_date / payment_date"},
                  {Field::DueDate, {"Due Date", "Due On", "Due"}},
                  {Field::InvoiceNumber,
                   {"Ref", "Reference"},
                   Need::Required,
                   "invoice_number (of a receipt: unless its Details name one)"},
                  {Field::Memo, {"Details"}, Need::Optional, "the invoice a receipt pays"},
                  {Field::Net, {"Net", "Net Amount"}, Need::Required},
                  {Field::Tax, {"Tax", "VAT", "Tax Amount"}},
                  {Field::Amount, {"Gross", "Gross Amount"}},
                  {Field::Currency, {"Currency"}}},
      .usualDateOrder = dates::DateOrder::DMY};
  return format;
}

}  // namespace

Sage50Profile::Sage50Profile() : FormatProfile(sage50Format()) {}

int Sage50Profile::recognise(const Row& row) const {
  const Columns columns(row);
  const bool audit =
      columns.find({"Type", "Tp"}) && columns.find({"Account", "A/C", "Account Ref"}) &&
      columns.count({"Date", "Ref", "Details", "Net"}) == 4 && columns.find({"Tax", "VAT"});
  return audit ? 80 : 0;
}

Result<bool> Sage50Profile::begin(const Row& /*header*/) {
  // ParseSettings' own default is USD: a --currency other than that is the user's word.
  if (settings().defaultCurrency.code() == "USD") {
    settings().defaultCurrency = *money::Currency::fromCode("GBP");
  }
  return true;
}

void Sage50Profile::read(const Row& row, RecordSink& sink) {
  const auto type = toLower(Columns::cell(row, column(Field::DocumentType)));
  if (type == "si") return readInvoice(row, sink, false);
  if (type == "sc") return readInvoice(row, sink, true);
  if (type == "sr") return readReceipt(row, sink, "sales receipt");
  // A discount given on a receipt lowers what the invoice owes, as the receipt does.
  if (type == "sd") return readReceipt(row, sink, "receipt discount");
  if (type == "sa") {
    // Money on account lowers the client's balance; left out, the aging would overstate it.
    return sink.reject(column(Field::DocumentType),
                       "a payment on account (SA) applied to no invoice: allocate it in Sage");
  }
  sink.skip("other transactions");  // purchases, bank, journals: not what clients owe
}

void Sage50Profile::readInvoice(const Row& row, RecordSink& sink, bool credit) {
  Cells cells(row, sink, settings());
  auto number = cells.required(column(Field::InvoiceNumber), "invoice reference (Ref)");
  auto account = cells.required(column(Field::ClientId), "customer account");
  const auto issued = cells.date(column(Field::IssueDate), "date");
  const auto due = cells.date(column(Field::DueDate), "due date", true);
  const auto currency = cells.currency(column(Field::Currency));
  if (cells.failed()) return;
  std::optional<money::Money> amount;
  if (column(Field::Amount)) {
    amount = cells.amount(column(Field::Amount), *currency, "gross amount");
  } else {
    const auto net = cells.amount(column(Field::Net), *currency, "net amount");
    const auto tax = cells.amount(column(Field::Tax), *currency, "tax amount", true);
    if (!cells.failed()) amount = tax ? *net + *tax : *net;
  }
  if (cells.failed()) return;
  // The audit trail writes credit notes positive: their type makes them credits.
  if (amount->isNegative() != credit) amount = -*amount;
  sink.invoice(InvoiceRecord{.number = std::move(number),
                             .numberColumn = column(Field::InvoiceNumber),
                             .clientCode = account,
                             .clientName = account,
                             .clientEmail = {},
                             .issueDate = *issued,
                             .dueDate = due.value_or(issued->plusDays(kDefaultCreditDays)),
                             .amount = *amount,
                             .status = {},
                             .paidSoFar = std::nullopt});
}

void Sage50Profile::readReceipt(const Row& row, RecordSink& sink, std::string_view what) {
  Cells cells(row, sink, settings());
  const auto reference = cells.text(column(Field::InvoiceNumber));
  const auto details = cells.text(column(Field::Memo));
  const auto paid = cells.date(column(Field::IssueDate), "date");
  const auto amount =
      cells.text(column(Field::Amount) ? column(Field::Amount) : column(Field::Net));
  if (cells.failed()) return;
  // Details naming an invoice ("Payment for Inv 10023") beat the Ref, which is often the
  // bank's reference ("BACS"); a Ref alone is taken as the invoice it pays.
  auto invoice = invoiceNamedIn(details);
  auto numberColumn = column(Field::Memo);
  if (invoice.empty()) {
    invoice = reference;
    numberColumn = column(Field::InvoiceNumber);
  }
  if (invoice.empty()) {
    return sink.reject(column(Field::InvoiceNumber),
                       "a " + std::string(what) +
                           " applied to no invoice: neither its Ref nor its Details "
                           "names one");
  }
  // A Ref that is the invoice's own number says nothing of the payment itself.
  auto paymentReference = reference == invoice ? std::string(what) : reference;
  sink.payment(PaymentRecord{
      .invoiceNumber = std::move(invoice),
      .paymentDate = *paid,
      .amountText = unsignedAmount(amount),
      .reference = std::move(paymentReference),
      .numberColumn = numberColumn,
      .amountColumn = column(Field::Amount) ? column(Field::Amount) : column(Field::Net)});
}

}  // namespace kindly::importers
