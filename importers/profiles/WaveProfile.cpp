// In Accounts Receivable a debit is an invoice raised and a credit a payment received (or
// a credit applied) against it. Wave's export gives no due date, so an invoice is taken as
// due on the day it is dated, Wave's own default terms ("due on receipt"). Wave has no
// customer id in this export, so clients are matched by name.
#include "importers/profiles/WaveProfile.h"

#include <utility>

#include "base/Text.h"
#include "importers/Cells.h"
#include "importers/Columns.h"

namespace kindly::importers {

namespace {

bool isReceivable(std::string_view account) {
  return matchingKey(account).starts_with("accountsreceivable");
}

}  // namespace

int WaveProfile::recognise(const Row& row) const {
  const Columns columns(row);
  if (!columns.find({"Account Name"}) || !columns.find({"Transaction Date"}) ||
      !columns.find({"Amount (One column)", "Debit Amount (Two Column Approach)"})) {
    return 0;
  }
  return 20 + columns.count({"Transaction ID", "Transaction Date", "Account Name",
                             "Transaction Description", "Transaction Line Description",
                             "Amount (One column)", "Debit Amount (Two Column Approach)",
                             "Credit Amount (Two Column Approach)",
                             "Other Accounts for this Transaction", "Customer", "Vendor",
                             "Invoice Number", "Bill Number", "Account Group", "Account Type"});
}

Result<bool> WaveProfile::start(const Row& header, const ParseSettings& settings) {
  const Columns columns(header);
  settings_ = settings;
  transactionId_ = columns.find({"Transaction ID"});
  date_ = columns.find({"Transaction Date"});
  account_ = columns.find({"Account Name"});
  amount_ = columns.find({"Amount (One column)"});
  debit_ = columns.find({"Debit Amount (Two Column Approach)"});
  credit_ = columns.find({"Credit Amount (Two Column Approach)"});
  customer_ = columns.find({"Customer"});
  number_ = columns.find({"Invoice Number"});
  dueDate_ = columns.find({"Due Date"});
  std::string missing;
  for (const auto& [column, name] : {std::pair{date_, "Transaction Date"},
                                     {account_, "Account Name"},
                                     {customer_, "Customer"},
                                     {number_, "Invoice Number"}}) {
    if (!column) missing += (missing.empty() ? "" : ", ") + std::string(name);
  }
  if (!amount_ && !(debit_ && credit_)) {
    missing += (missing.empty() ? "" : ", ") + std::string("Amount (One column)");
  }
  if (!missing.empty()) {
    return Failure{"a Wave transactions export, but with no " + missing + " column"};
  }
  return true;
}

std::vector<std::size_t> WaveProfile::dateColumns() const {
  if (dueDate_) return {*date_, *dueDate_};
  return {*date_};
}

std::string WaveProfile::columnField(std::size_t column) const {
  for (const auto& [at, field] : {std::pair{transactionId_, "reference (of payments)"},
                                  {date_, "issue_date / payment_date"},
                                  {account_, "which rows count: Accounts Receivable"},
                                  {amount_, "amount (debit: invoice, credit: payment)"},
                                  {debit_, amount_ ? "" : "amount of an invoice"},
                                  {credit_, amount_ ? "" : "amount of a payment"},
                                  {customer_, "client_name"},
                                  {number_, "invoice_number"},
                                  {dueDate_, "due_date"}}) {
    if (at == column) return field;
  }
  return {};
}

void WaveProfile::read(const Row& row, RecordSink& sink) {
  if (!isReceivable(Columns::cell(row, account_))) return sink.skip("other transactions");
  Cells cells(row, sink, settings_);
  const auto currency = settings_.defaultCurrency;  // Wave exports in the business's currency
  const auto date = cells.date(date_, "transaction date");
  const std::string number = cells.required(number_, "invoice number");
  std::optional<money::Money> amount;
  std::optional<std::size_t> amountColumn = amount_;
  if (amount_) {
    amount = cells.amount(amount_, currency, "amount");
  } else {
    const auto debit = cells.amount(debit_, currency, "debit", true);
    const auto credit = cells.amount(credit_, currency, "credit", true);
    amountColumn = debit ? debit_ : credit_;
    if (!cells.failed())
      amount = debit.value_or(money::Money::zero(currency)) -
               credit.value_or(money::Money::zero(currency));
  }
  if (cells.failed()) return;
  if (!cells.check(!amount->isZero(), amountColumn, "an amount of zero")) return;

  if (amount->isNegative()) {
    // The payment's own text, unsigned: the import reads it in the file's decimal mark.
    auto text = std::string(Columns::cell(row, amountColumn));
    if (text.starts_with('-')) text.erase(0, 1);
    sink.payment(PaymentRecord{.invoiceNumber = number,
                               .paymentDate = *date,
                               .amountText = text,
                               .reference = cells.text(transactionId_),
                               .numberColumn = number_,
                               .amountColumn = amountColumn});
    return;
  }
  auto customer = cells.required(customer_, "customer");
  const auto due = cells.date(dueDate_, "due date", true);
  if (cells.failed()) return;
  sink.invoice(InvoiceRecord{.number = number,
                             .numberColumn = number_,
                             .clientCode = {},  // no ids: matched by name
                             .clientName = customer,
                             .clientEmail = {},
                             .issueDate = *date,
                             .dueDate = due.value_or(*date),
                             .amount = *amount,
                             .status = {},
                             .paidSoFar = std::nullopt});
}

}  // namespace kindly::importers
