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

}  // namespace

int Sage50Profile::recognise(const Row& row) const {
  const Columns columns(row);
  const bool audit =
      columns.find({"Type", "Tp"}) && columns.find({"Account", "A/C", "Account Ref"}) &&
      columns.count({"Date", "Ref", "Details", "Net"}) == 4 && columns.find({"Tax", "VAT"});
  return audit ? 80 : 0;
}

Result<bool> Sage50Profile::start(const Row& header, const ParseSettings& settings) {
  const Columns columns(header);
  type_ = columns.find({"Type", "Tp"});
  account_ = columns.find({"Account", "A/C", "Account Ref"});
  date_ = columns.find({"Date"});
  dueDate_ = columns.find({"Due Date", "Due On", "Due"});
  reference_ = columns.find({"Ref", "Reference"});
  details_ = columns.find({"Details"});
  net_ = columns.find({"Net", "Net Amount"});
  tax_ = columns.find({"Tax", "VAT", "Tax Amount"});
  gross_ = columns.find({"Gross", "Gross Amount"});
  currency_ = columns.find({"Currency"});
  std::string missing;
  for (const auto& [column, label] :
       {std::pair{type_, "Type"}, std::pair{account_, "Account"}, std::pair{date_, "Date"},
        std::pair{reference_, "Ref"}, std::pair{net_, "Net"}}) {
    if (!column) missing += std::string(missing.empty() ? "" : ", ") + label;
  }
  if (!missing.empty()) return Failure{"a Sage 50 audit trail needs the columns " + missing};
  settings_ = settings;
  if (settings_.dateOrder == dates::DateOrder::Unknown) settings_.dateOrder = dates::DateOrder::DMY;
  // ParseSettings' own default is USD: a --currency other than that is the user's word.
  if (settings_.defaultCurrency.code() == "USD") {
    settings_.defaultCurrency = *money::Currency::fromCode("GBP");
  }
  return true;
}

void Sage50Profile::read(const Row& row, RecordSink& sink) {
  const auto type = toLower(Columns::cell(row, type_));
  if (type == "si") return readInvoice(row, sink, false);
  if (type == "sc") return readInvoice(row, sink, true);
  if (type == "sr") return readReceipt(row, sink, "sales receipt");
  // A discount given on a receipt lowers what the invoice owes, as the receipt does.
  if (type == "sd") return readReceipt(row, sink, "receipt discount");
  if (type == "sa") {
    // Money on account lowers the client's balance; left out, the aging would overstate it.
    return sink.reject(type_,
                       "a payment on account (SA) applied to no invoice: allocate it in Sage");
  }
  sink.skip("other transactions");  // purchases, bank, journals: not what clients owe
}

void Sage50Profile::readInvoice(const Row& row, RecordSink& sink, bool credit) {
  Cells cells(row, sink, settings_);
  auto number = cells.required(reference_, "invoice reference (Ref)");
  auto account = cells.required(account_, "customer account");
  const auto issued = cells.date(date_, "date");
  const auto due = cells.date(dueDate_, "due date", true);
  const auto currency = cells.currency(currency_);
  if (cells.failed()) return;
  std::optional<money::Money> amount;
  if (gross_) {
    amount = cells.amount(gross_, *currency, "gross amount");
  } else {
    const auto net = cells.amount(net_, *currency, "net amount");
    const auto tax = cells.amount(tax_, *currency, "tax amount", true);
    if (!cells.failed()) amount = tax ? *net + *tax : *net;
  }
  if (cells.failed()) return;
  // The audit trail writes credit notes positive: their type makes them credits.
  if (amount->isNegative() != credit) amount = -*amount;
  sink.invoice(InvoiceRecord{.number = std::move(number),
                             .numberColumn = reference_,
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
  Cells cells(row, sink, settings_);
  const auto reference = cells.text(reference_);
  const auto details = cells.text(details_);
  const auto paid = cells.date(date_, "date");
  auto amount = cells.text(gross_ ? gross_ : net_);
  if (cells.failed()) return;
  // Details naming an invoice ("Payment for Inv 10023") beat the Ref, which is often the
  // bank's reference ("BACS"); a Ref alone is taken as the invoice it pays.
  auto invoice = invoiceNamedIn(details);
  auto column = details_;
  if (invoice.empty()) {
    invoice = reference;
    column = reference_;
  }
  if (invoice.empty()) {
    return sink.reject(reference_, "a " + std::string(what) +
                                       " applied to no invoice: neither its Ref nor its Details "
                                       "names one");
  }
  if (amount.starts_with('-')) amount.erase(0, 1);
  // A Ref that is the invoice's own number says nothing of the payment itself.
  auto paymentReference = reference == invoice ? std::string(what) : reference;
  sink.payment(PaymentRecord{.invoiceNumber = std::move(invoice),
                             .paymentDate = *paid,
                             .amountText = amount,
                             .reference = std::move(paymentReference),
                             .numberColumn = column,
                             .amountColumn = gross_ ? gross_ : net_});
}

}  // namespace kindly::importers
