// The cells, the follow-up index, and the Summary and Open invoices tables.
#include "reports/ReportTables.h"

#include <cassert>
#include <cmath>
#include <utility>

#include "reports/ClientsOutput.h"

namespace kindly::reports {

TableCell TableCell::ofText(std::string value) {
  TableCell cell;
  cell.kind = CellKind::Text;
  cell.text = std::move(value);
  return cell;
}

TableCell TableCell::ofAmount(const money::Money& value) {
  TableCell cell;
  cell.kind = CellKind::Amount;
  cell.amount = value;
  return cell;
}

TableCell TableCell::ofDate(dates::Date value) {
  TableCell cell;
  cell.kind = CellKind::Date;
  cell.date = value;
  return cell;
}

TableCell TableCell::ofDate(const std::optional<dates::Date>& value) {
  return value ? ofDate(*value) : empty();
}

TableCell TableCell::ofCount(long long value) {
  TableCell cell;
  cell.kind = CellKind::Count;
  cell.number = static_cast<double>(value);
  return cell;
}

// Rounded as `kindly clients` shows them, so every output agrees to the digit.
TableCell TableCell::ofDays(const std::optional<double>& value) {
  if (!value) return empty();
  TableCell cell;
  cell.kind = CellKind::Days;
  cell.number = std::round(*value * 10) / 10;
  return cell;
}

TableCell TableCell::ofShare(const std::optional<double>& value) {
  if (!value) return empty();
  TableCell cell;
  cell.kind = CellKind::Share;
  cell.number = std::round(*value * 100) / 100;
  return cell;
}

OpenInvoiceSource openInvoicesFrom(const std::vector<aging::OpenInvoice>& invoices) {
  return [&invoices](const std::function<void(const aging::OpenInvoice&)>& visit) {
    for (const auto& invoice : invoices) visit(invoice);
  };
}

FollowUpIndex::FollowUpIndex(const OwnerReport& report) : lastContacts_(report.lastContacts) {
  for (const auto& planned : report.plan) {
    if (planned.next) next_[planned.clientCode] = &*planned.next;
  }
}

std::optional<dates::Date> FollowUpIndex::lastContact(const std::string& client) const {
  auto found = lastContacts_.find(client);
  if (found == lastContacts_.end()) return std::nullopt;
  return found->second;
}

const followup::FollowUp* FollowUpIndex::next(const std::string& client) const {
  auto found = next_.find(client);
  return found == next_.end() ? nullptr : found->second;
}

std::vector<TableColumn> summaryColumns(const aging::BucketEdges& edges) {
  std::vector<TableColumn> columns = {
      {"client", "Client"}, {"name", "Name"}, {"currency", "Currency"}, {"balance", "Balance"}};
  for (const auto& label : edges.labels()) columns.push_back({label, label});
  columns.insert(columns.end(), {{"credits", "Credits"},
                                 {"not_yet_issued", "Not yet issued"},
                                 {"open_invoices", "Open invoices"},
                                 {"oldest_days_overdue", "Oldest days overdue"},
                                 {"flags", "Flags"},
                                 {"next_date", "Next follow-up"},
                                 {"next_step", "Next step"}});
  return columns;
}

std::size_t summaryFlagsColumn(const aging::BucketEdges& edges) {
  return kSummaryFirstBucket + edges.bucketCount() + 4;
}

TableRow summaryRow(const aging::ClientAging& client, const FollowUpIndex& followUps) {
  TableRow row = {TableCell::ofText(client.clientCode), TableCell::ofText(client.clientName),
                  TableCell::ofText(client.balance.currency().code()),
                  TableCell::ofAmount(client.balance)};
  for (const auto& bucket : client.buckets) row.push_back(TableCell::ofAmount(bucket));
  const followup::FollowUp* next = followUps.next(client.clientCode);
  row.insert(row.end(),
             {TableCell::ofAmount(client.credits), TableCell::ofAmount(client.notYetIssued),
              TableCell::ofCount(client.openInvoices), TableCell::ofCount(client.oldestDaysOverdue),
              TableCell::ofText(flagsText(client.flags)),
              next ? TableCell::ofDate(next->date) : TableCell::empty(),
              next ? TableCell::ofText(next->step) : TableCell::empty()});
  return row;
}

TableRow summaryTotalRow(const aging::CurrencyTotal& total, std::size_t columnCount) {
  TableRow row = {TableCell::empty(), TableCell::ofText("Total"),
                  TableCell::ofText(total.balance.currency().code()),
                  TableCell::ofAmount(total.balance)};
  for (const auto& bucket : total.buckets) row.push_back(TableCell::ofAmount(bucket));
  row.push_back(TableCell::ofAmount(total.credits));
  row.push_back(TableCell::ofAmount(total.notYetIssued));
  assert(row.size() <= columnCount);
  row.resize(columnCount);
  return row;
}

std::vector<TableColumn> openInvoiceColumns() {
  return {{"client", "Client"},
          {"name", "Name"},
          {"invoice", "Invoice"},
          {"issue_date", "Issue date"},
          {"due_date", "Due date"},
          {"currency", "Currency"},
          {"amount", "Amount"},
          {"paid", "Paid"},
          {"balance", "Balance"},
          {"days_overdue", "Days overdue"},
          {"bucket", "Bucket"},
          {"last_contact", "Last contact"},
          {"next_date", "Next follow-up"},
          {"next_step", "Next step"}};
}

TableRow openInvoiceRow(const aging::OpenInvoice& invoice, const std::vector<std::string>& labels,
                        const FollowUpIndex& followUps) {
  assert(invoice.bucket < labels.size());
  const followup::FollowUp* next = followUps.next(invoice.clientCode);
  return {TableCell::ofText(invoice.clientCode),
          TableCell::ofText(invoice.clientName),
          TableCell::ofText(invoice.number),
          TableCell::ofDate(invoice.issueDate),
          TableCell::ofDate(invoice.dueDate),
          TableCell::ofText(invoice.balance.currency().code()),
          TableCell::ofAmount(invoice.amount),
          TableCell::ofAmount(invoice.paid),
          TableCell::ofAmount(invoice.balance),
          TableCell::ofCount(invoice.daysOverdue),
          TableCell::ofText(invoice.notYetIssued ? aging::kNotYetIssued : labels[invoice.bucket]),
          TableCell::ofDate(followUps.lastContact(invoice.clientCode)),
          next ? TableCell::ofDate(next->date) : TableCell::empty(),
          next ? TableCell::ofText(next->step) : TableCell::empty()};
}

}  // namespace kindly::reports
