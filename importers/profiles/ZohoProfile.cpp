// Zoho's Customer ID is a long internal number that never changes, so it is the client's code.
// The balance is what Zoho says is still owed: total less balance is what is paid, and a
// fall in it from one week's export to the next becomes an inferred payment.
#include "importers/profiles/ZohoProfile.h"

#include <utility>

#include "base/Text.h"
#include "importers/Cells.h"
#include "importers/Columns.h"
#include "store/InvoiceStatus.h"

namespace kindly::importers {

int ZohoProfile::recognise(const Row& row) const {
  const Columns columns(row);
  if (!columns.find({"Invoice Status"}) || !columns.find({"Customer Name"}) ||
      !columns.find({"Invoice Number"}) || !columns.find({"Balance"})) {
    return 0;
  }
  return 20 + columns.count({"Invoice Date", "Invoice ID", "Invoice Number", "Invoice Status",
                             "Customer ID", "Customer Name", "Due Date", "Currency Code",
                             "Exchange Rate", "SubTotal", "Total", "Balance", "Item Name",
                             "Item Total"});
}

Result<bool> ZohoProfile::start(const Row& header, const ParseSettings& settings) {
  const Columns columns(header);
  settings_ = settings;
  number_ = columns.find({"Invoice Number"});
  status_ = columns.find({"Invoice Status"});
  customerId_ = columns.find({"Customer ID"});
  customerName_ = columns.find({"Customer Name"});
  email_ = columns.find({"Primary Contact EmailID", "Email", "Customer Email"});
  issueDate_ = columns.find({"Invoice Date"});
  dueDate_ = columns.find({"Due Date"});
  currency_ = columns.find({"Currency Code"});
  total_ = columns.find({"Total"});
  balance_ = columns.find({"Balance"});
  lastPaid_ = columns.find({"Last Payment Date"});
  std::string missing;
  for (const auto& [column, name] : {std::pair{number_, "Invoice Number"},
                                     {customerName_, "Customer Name"},
                                     {issueDate_, "Invoice Date"},
                                     {dueDate_, "Due Date"},
                                     {total_, "Total"},
                                     {balance_, "Balance"}}) {
    if (!column) missing += (missing.empty() ? "" : ", ") + std::string(name);
  }
  if (!missing.empty()) return Failure{"a Zoho Books invoice export, but with no " + missing};
  return true;
}

std::vector<std::size_t> ZohoProfile::dateColumns() const {
  if (!lastPaid_) return {*issueDate_, *dueDate_};
  return {*issueDate_, *dueDate_, *lastPaid_};
}

std::string ZohoProfile::columnField(std::size_t column) const {
  for (const auto& [at, field] : {std::pair{number_, "invoice_number"},
                                  {status_, "status"},
                                  {customerId_, "client_id"},
                                  {customerName_, "client_name"},
                                  {email_, "client_email"},
                                  {issueDate_, "issue_date"},
                                  {dueDate_, "due_date"},
                                  {currency_, "currency"},
                                  {total_, "amount (repeated per line)"},
                                  {balance_, "balance (repeated per line)"},
                                  {lastPaid_, "payment_date (of the latest payment)"}}) {
    if (at == column) return field;
  }
  return {};
}

void ZohoProfile::read(const Row& row, RecordSink& sink) {
  Cells cells(row, sink, settings_);
  auto number = cells.required(number_, "invoice number");
  auto name = cells.required(customerName_, "customer name");
  auto code = cells.text(customerId_);
  auto email = cells.text(email_);
  // Zoho writes "PartiallyPaid"; stored as the words a person reads.
  auto status = toLower(cells.text(status_));
  if (status == "partiallypaid") status = "partially paid";
  const auto issued = cells.date(issueDate_, "invoice date");
  const auto due = cells.date(dueDate_, "due date");
  const auto lastPaid = cells.date(lastPaid_, "last payment date", true);
  const auto currency = cells.currency(currency_);
  if (cells.failed()) return;
  const auto total = cells.amount(total_, *currency, "total");
  const auto balance = cells.amount(balance_, *currency, "balance", true);
  if (cells.failed()) return;
  std::optional<money::Money> paid;
  // A draft shows its whole total as its balance and a void one nothing: neither says what
  // was paid.
  if (balance && store::isOwed(status)) paid = *total - *balance;
  sink.invoice(InvoiceRecord{.number = std::move(number),
                             .numberColumn = number_,
                             .clientCode = std::move(code),
                             .clientName = std::move(name),
                             .clientEmail = std::move(email),
                             .issueDate = *issued,
                             .dueDate = *due,
                             .amount = *total,
                             .status = std::move(status),
                             .paidSoFar = paid,
                             .lastPaidOn = lastPaid});
}

}  // namespace kindly::importers
