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

}  // namespace

int IifProfile::recognise(const Row& row) const {
  return !row.empty() && trim(row[0]) == "!TRNS" ? 100 : 0;
}

Result<bool> IifProfile::start(const Row& header, const ParseSettings& settings) {
  columns_ = Columns(header);
  type_ = columns_.find({"TRNSTYPE"});
  date_ = columns_.find({"DATE"});
  dueDate_ = columns_.find({"DUEDATE"});
  name_ = columns_.find({"NAME"});
  amount_ = columns_.find({"AMOUNT"});
  docNumber_ = columns_.find({"DOCNUM"});
  memo_ = columns_.find({"MEMO"});
  std::string missing;
  for (const auto& [column, label] :
       {std::pair{type_, "TRNSTYPE"}, std::pair{date_, "DATE"}, std::pair{name_, "NAME"},
        std::pair{amount_, "AMOUNT"}, std::pair{docNumber_, "DOCNUM"}}) {
    if (!column) missing += std::string(missing.empty() ? "" : ", ") + label;
  }
  if (!missing.empty()) return Failure{"the !TRNS row lacks " + missing};
  settings_ = settings;
  if (settings_.dateOrder == dates::DateOrder::Unknown) settings_.dateOrder = dates::DateOrder::MDY;
  return true;
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
    if (auto restarted = start(row, settings_); !restarted) {
      return sink.reject(std::nullopt, restarted.error());
    }
  }
  if (kind.starts_with('!')) return sink.skip("headings");
  sink.skip("list rows");  // accounts, customers, items: lists, not transactions
}

void IifProfile::readTransaction(const Row& row, RecordSink& sink) {
  const auto type = toLower(Columns::cell(row, type_));
  if (type == "invoice") return readInvoice(row, sink, false);
  if (type == "credit memo") return readInvoice(row, sink, true);
  if (type == "payment") return readPayment(row, sink);
  sink.skip("other transactions");  // bills, checks, deposits: not what clients owe
}

void IifProfile::readInvoice(const Row& row, RecordSink& sink, bool creditMemo) {
  Cells cells(row, sink, settings_);
  auto number = cells.required(docNumber_, "invoice number (DOCNUM)");
  auto customer = cells.required(name_, "customer (NAME)");
  const auto issued = cells.date(date_, "date");
  // Without DUEDATE the invoice is due when issued: IIF keeps terms on the customer.
  const auto due = cells.date(dueDate_, "due date", true);
  auto amount = cells.amount(amount_, settings_.defaultCurrency, "amount");
  if (cells.failed()) return;
  // The TRNS line of an invoice debits A/R (positive); of a credit memo, credits it.
  if (amount->isNegative() != creditMemo) amount = -*amount;
  sink.invoice(InvoiceRecord{.number = std::move(number),
                             .numberColumn = docNumber_,
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
  Cells cells(row, sink, settings_);
  const auto memo = cells.text(memo_);
  const auto paid = cells.date(date_, "date");
  const auto amount = cells.text(amount_);
  const auto reference = cells.text(docNumber_);
  auto customer = cells.required(name_, "customer (NAME)");
  if (cells.failed()) return;
  // A memo naming no invoice leaves the payment on the customer's account, as QuickBooks
  // itself holds it until it is applied.
  auto invoice = invoiceNamedIn(memo);
  // The TRNS line of a payment debits the bank or Undeposited Funds: the amount received.
  const std::string received = amount.starts_with('-') ? amount.substr(1) : amount;
  sink.payment(PaymentRecord{.invoiceNumber = std::move(invoice),
                             .clientCode = {},
                             .clientName = std::move(customer),
                             .paymentDate = *paid,
                             .amountText = received,
                             .reference = reference,
                             .numberColumn = memo_,
                             .amountColumn = amount_});
}

}  // namespace kindly::importers
