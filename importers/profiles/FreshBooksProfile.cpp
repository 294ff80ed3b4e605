// FreshBooks exports carry no client id, so the client's name is its code. What is paid is
// the total less what is outstanding when the file says both, so that credits applied in
// FreshBooks lower the balance as they do there.
#include "importers/profiles/FreshBooksProfile.h"

#include "base/Text.h"
#include "importers/Cells.h"
#include "importers/Columns.h"
#include "store/InvoiceStatus.h"

namespace kindly::importers {

int FreshBooksProfile::recognise(const Row& row) const {
  const Columns columns(row);
  // "Invoice #" reads as "invoice", a generic name: "Date Issued" decides.
  if (!columns.find({"Date Issued"}) || !columns.find({"Client Name", "Client", "Organization"}) ||
      !columns.find({"Invoice #", "Invoice Number"})) {
    return 0;
  }
  return 20 +
         columns.count({"Client Name", "Organization", "Invoice #", "Date Issued", "Due Date",
                        "Invoice Status", "Date Paid", "Outstanding", "Line Total", "Currency"});
}

Result<bool> FreshBooksProfile::start(const Row& header, const ParseSettings& settings) {
  const Columns columns(header);
  settings_ = settings;
  client_ = columns.find({"Client Name", "Organization", "Client"});
  email_ = columns.find({"Email", "Client Email"});
  number_ = columns.find({"Invoice #", "Invoice Number"});
  issueDate_ = columns.find({"Date Issued", "Issue Date"});
  dueDate_ = columns.find({"Due Date", "Date Due"});
  status_ = columns.find({"Invoice Status", "Status"});
  currency_ = columns.find({"Currency", "Currency Code"});
  total_ = columns.find({"Invoice Total", "Total", "Amount"});
  lineTotal_ = columns.find({"Line Total"});
  paid_ = columns.find({"Paid", "Amount Paid"});
  outstanding_ = columns.find({"Outstanding", "Amount Due", "Balance"});
  datePaid_ = columns.find({"Date Paid"});
  std::string missing;
  // The Invoice Details report gives line totals and no due date: the lines add up to the
  // invoice, due when issued unless a person says otherwise.
  for (const auto& [column, name] : {std::pair{client_, "Client Name"},
                                     {number_, "Invoice #"},
                                     {issueDate_, "Date Issued"},
                                     {total_ ? total_ : lineTotal_, "Total"}}) {
    if (!column) missing += (missing.empty() ? "" : ", ") + std::string(name);
  }
  if (!missing.empty()) return Failure{"a FreshBooks invoice export, but with no " + missing};
  return true;
}

std::vector<std::size_t> FreshBooksProfile::dateColumns() const {
  std::vector<std::size_t> columns{*issueDate_};
  for (const auto& column : {dueDate_, datePaid_}) {
    if (column) columns.push_back(*column);
  }
  return columns;
}

void FreshBooksProfile::read(const Row& row, RecordSink& sink) {
  Cells cells(row, sink, settings_);
  const auto client = cells.required(client_, "client name");
  const auto email = cells.text(email_);
  const auto number = cells.required(number_, "invoice number");
  const auto status = toLower(cells.text(status_));
  const auto issued = cells.date(issueDate_, "issue date");
  const auto due = dueDate_ ? cells.date(dueDate_, "due date") : issued;
  const auto paidOn = cells.date(datePaid_, "date paid", true);
  const auto currency = cells.currency(currency_);
  if (cells.failed()) return;
  const auto total = total_ ? cells.amount(total_, *currency, "total")
                            : cells.amount(lineTotal_, *currency, "line total");
  const auto paid = cells.amount(paid_, *currency, "amount paid", true);
  const auto outstanding = cells.amount(outstanding_, *currency, "amount outstanding", true);
  if (cells.failed()) return;
  InvoiceRecord record{.number = number,
                       .numberColumn = number_,
                       .clientCode = {},  // no client ids in this export: matched by name
                       .clientName = client,
                       .clientEmail = email,
                       .issueDate = *issued,
                       .dueDate = *due,
                       .amount = *total,
                       .status = status,
                       .paidSoFar = std::nullopt,
                       .dueDateFrom = dueDate_ ? DueDateFrom::File : DueDateFrom::IssueDate,
                       .amountIsLine = !total_,
                       .lastPaidOn = paidOn};
  // A draft shows its whole total outstanding and a void nothing: neither says what is paid.
  if (store::isOwed(record.status) && (outstanding || paid)) {
    record.paidSoFar = outstanding ? *total - *outstanding : *paid;
  }
  sink.invoice(record);
}

}  // namespace kindly::importers
