// Stripe writes amounts in major units ("120.00") and currencies in lower case ("usd").
// What is settled is the total less the amount remaining: a customer's credit balance
// applied to an invoice settles it as a payment would.
#include "importers/profiles/StripeProfile.h"

#include "base/Text.h"
#include "importers/Cells.h"
#include "importers/Columns.h"
#include "store/InvoiceStatus.h"

namespace kindly::importers {

int StripeProfile::recognise(const Row& row) const {
  const Columns columns(row);
  // Amount Due and Customer are generic names too: one of Stripe's own must be there.
  if (!columns.find({"Customer"}) || !columns.find({"Amount Due"}) ||
      !columns.find({"Amount Paid", "Amount Remaining"}) ||
      !columns.find({"Date (UTC)", "Created (UTC)", "Due Date (UTC)", "Amount Remaining"})) {
    return 0;
  }
  return 20 +
         columns.count({"id", "Number", "Customer", "Customer Name", "Customer Email", "Date (UTC)",
                        "Created (UTC)", "Due Date (UTC)", "Currency", "Amount Due", "Amount Paid",
                        "Amount Remaining", "Total", "Status", "Subscription"});
}

Result<bool> StripeProfile::start(const Row& header, const ParseSettings& settings) {
  const Columns columns(header);
  settings_ = settings;
  id_ = columns.find({"id", "Invoice ID"});
  number_ = columns.find({"Number", "Invoice Number"});
  customer_ = columns.find({"Customer", "Customer ID"});
  customerName_ = columns.find({"Customer Name"});
  email_ = columns.find({"Customer Email"});
  issueDate_ = columns.find({"Date (UTC)", "Created (UTC)", "Finalized At (UTC)", "Date"});
  dueDate_ = columns.find({"Due Date (UTC)", "Due Date"});
  currency_ = columns.find({"Currency"});
  total_ = columns.find({"Total", "Amount Due"});
  paid_ = columns.find({"Amount Paid"});
  remaining_ = columns.find({"Amount Remaining"});
  status_ = columns.find({"Status"});
  std::string missing;
  for (const auto& [column, name] : {std::pair{number_ ? number_ : id_, "Number"},
                                     {customer_, "Customer"},
                                     {issueDate_, "Date (UTC)"},
                                     {total_, "Total"}}) {
    if (!column) missing += (missing.empty() ? "" : ", ") + std::string(name);
  }
  if (!missing.empty()) {
    return Failure{"a Stripe invoice export, but with no " + missing + " column"};
  }
  return true;
}

std::vector<std::size_t> StripeProfile::dateColumns() const {
  std::vector<std::size_t> columns{*issueDate_};
  if (dueDate_) columns.push_back(*dueDate_);
  return columns;
}

void StripeProfile::read(const Row& row, RecordSink& sink) {
  Cells cells(row, sink, settings_);
  auto number = cells.text(number_);
  auto numberColumn = number_;
  if (number.empty()) {
    number = cells.text(id_);
    numberColumn = id_;
  }
  const auto customer = cells.required(customer_, "customer");
  auto name = cells.text(customerName_);
  const auto email = cells.text(email_);
  if (name.empty()) name = email.empty() ? customer : email;
  const auto status = toLower(cells.text(status_));
  const auto issued = cells.date(issueDate_, "invoice date");
  // Invoices charged automatically have no due date: they are due when made.
  const auto due = cells.date(dueDate_, "due date", true);
  const auto currency = cells.currency(currency_);
  if (cells.failed()) return;
  const auto total = cells.amount(total_, *currency, "total");
  const auto paid = cells.amount(paid_, *currency, "amount paid", true);
  const auto remaining = cells.amount(remaining_, *currency, "amount remaining", true);
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
