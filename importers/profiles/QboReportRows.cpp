// QuickBooks writes its report dates in words ("November 20, 2026"), whatever the order of
// its numeric dates, so they are read without one.
#include "importers/profiles/QboReportRows.h"

#include <algorithm>

#include "base/Text.h"
#include "dates/DateParser.h"

namespace kindly::importers {

namespace {

std::optional<dates::Date> wordDate(std::string_view text) {
  const auto parsed = dates::parseDate(trim(text), dates::DateOrder::MDY);
  if (!parsed) return std::nullopt;
  return *parsed;
}

}  // namespace

QboRowKind qboRowKind(const Row& row) {
  const auto first = row.empty() ? std::string_view{} : trim(row[0]);
  // Only the first cell decides: QBO writes its totals there, never in the customer column.
  if (first == "TOTAL" || first.starts_with("Total for ")) return QboRowKind::Total;
  if (qboStampDate(first)) return QboRowKind::Footer;
  const bool restEmpty = std::all_of(row.begin() + (row.empty() ? 0 : 1), row.end(),
                                     [](auto cell) { return trim(cell).empty(); });
  return restEmpty ? QboRowKind::Heading : QboRowKind::Data;
}

bool skipQboFrame(const Row& row, RecordSink& sink, bool stampDates, std::string* heading) {
  switch (qboRowKind(row)) {
    case QboRowKind::Heading:
      if (!heading) {
        sink.skip("headings");
        return true;
      }
      *heading = std::string(trim(row[0]));
      sink.skip("customer headings");
      return true;
    case QboRowKind::Total:
      sink.skip("total rows");
      return true;
    case QboRowKind::Footer:
      if (const auto stamped = qboStampDate(row[0]); stamped && stampDates) {
        sink.exportDate(*stamped);
      }
      sink.skip("footer rows");
      return true;
    case QboRowKind::Data:
      return false;
  }
  return false;
}

std::optional<dates::Date> qboAsOfDate(std::string_view cell) {
  cell = trim(cell);
  constexpr std::string_view kAsOf = "As of ";
  if (!cell.starts_with(kAsOf)) return std::nullopt;
  return wordDate(cell.substr(kAsOf.size()));
}

std::optional<dates::Date> qboStampDate(std::string_view cell) {
  cell = trim(cell);
  for (std::string_view basis : {"Accrual Basis ", "Cash Basis "}) {
    if (!cell.starts_with(basis)) continue;
    auto stamp = cell.substr(basis.size());
    // "Friday, November 20, 2026 09:15 AM GMT-05:00": the weekday before the first comma,
    // the time from the last space before the first colon.
    const auto comma = stamp.find(',');
    if (comma == std::string_view::npos) return std::nullopt;
    stamp = stamp.substr(comma + 1);
    const auto colon = stamp.find(':');
    if (colon != std::string_view::npos) {
      const auto space = stamp.rfind(' ', colon);
      if (space == std::string_view::npos) return std::nullopt;
      stamp = stamp.substr(0, space);
    }
    return wordDate(stamp);
  }
  return std::nullopt;
}

std::vector<ColumnRule> qboInvoiceColumns(std::vector<ColumnRule> more) {
  std::vector<ColumnRule> columns = {
      {Field::IssueDate, {"Date", "Invoice Date", "Transaction Date"}, Need::Required},
      // Numbers are text: "00123" keeps its zeros.
      {Field::InvoiceNumber,
       {"Num", "No.", "Invoice No.", "Number", "Invoice Number"},
       Need::Required},
      {Field::ClientName,
       {"Customer", "Customer/Name", "Customer full name", "Customer name", "Name"},
       Need::Required},
      {Field::DueDate, {"Due Date"}, Need::Required},
      {Field::Amount, {"Amount", "Total", "Total Amount"}, Need::Required},
      {Field::Balance, {"Open Balance", "Balance"}, Need::Required},
      {Field::Currency, {"Currency"}}};
  columns.insert(columns.end(), more.begin(), more.end());
  return columns;
}

std::optional<InvoiceRecord> readQboInvoice(const GenericLayout& layout, Cells& cells,
                                            bool creditMemo, std::string_view heading) {
  // Numbers are text: "00123" keeps its zeros.
  auto number = cells.required(layout.column(Field::InvoiceNumber), "invoice number (Num)");
  auto customer = layout.column(Field::ClientName)
                      ? cells.required(layout.column(Field::ClientName), "customer")
                      : std::string(heading);
  if (!cells.check(!customer.empty(), std::nullopt, "no customer heading above the row")) {
    return std::nullopt;
  }
  const auto issued = cells.date(layout.column(Field::IssueDate), "date");
  // A credit memo or an invoice entered without terms has no due date: due when issued.
  const auto due = cells.date(layout.column(Field::DueDate), "due date", true);
  const auto currency = cells.currency(layout.column(Field::Currency));
  if (cells.failed()) return std::nullopt;
  auto amount = cells.amount(layout.column(Field::Amount), *currency, "amount");
  auto open = cells.amount(layout.column(Field::Balance), *currency, "open balance");
  if (cells.failed()) return std::nullopt;
  if (creditMemo) {
    if (!amount->isNegative()) amount = -*amount;
    if (!open->isNegative()) open = -*open;
  }
  // The open balance lies between zero and the amount: more open than billed, or open the
  // other way, is not what QuickBooks reports.
  const auto billed = amount->minorUnits(), owed = open->minorUnits();
  const bool openFits = creditMemo ? (owed >= billed && owed <= 0) : (owed <= billed && owed >= 0);
  if (!cells.check(openFits, layout.column(Field::Balance),
                   "the open balance is not between zero and the amount")) {
    return std::nullopt;
  }
  return InvoiceRecord{.number = std::move(number),
                       .numberColumn = layout.column(Field::InvoiceNumber),
                       .clientCode = {},  // no client ids in this export: matched by name
                       .clientName = customer,
                       .clientEmail = {},
                       .issueDate = *issued,
                       .dueDate = due.value_or(*issued),
                       .amount = *amount,
                       .status = {},
                       .paidSoFar = *amount - *open};
}

void readQboTransaction(const Row& row, const GenericLayout& layout, const ParseSettings& settings,
                        RecordSink& sink, std::string_view heading) {
  Cells cells(row, sink, settings);
  const auto typeColumn = layout.column(Field::DocumentType);
  const auto type = cells.required(typeColumn, "transaction type");
  if (cells.failed()) return;
  const auto kind = toLower(type);
  if (kind == "invoice" || kind == "credit memo") {
    if (auto invoice = readQboInvoice(layout, cells, kind == "credit memo", heading)) {
      sink.invoice(*invoice);
    }
    return;
  }
  if (kind != "payment") {
    return sink.reject(typeColumn, "a " + type + " is not an invoice, a credit memo or a payment");
  }
  // A payment still open is money received and applied to no invoice: the customer's credit
  // until it is applied, as QuickBooks itself holds it.
  auto customer = layout.column(Field::ClientName)
                      ? cells.required(layout.column(Field::ClientName), "customer")
                      : std::string(heading);
  const auto paid = cells.date(layout.column(Field::IssueDate), "date");
  const auto currency = cells.currency(layout.column(Field::Currency));
  if (cells.failed()) return;
  const auto open = cells.amount(layout.column(Field::Balance), *currency, "open balance");
  if (cells.failed()) return;
  if (open->isZero()) return sink.skip("payments applied in full");
  if (!cells.check(!customer.empty(), std::nullopt, "no customer heading above the row")) return;
  sink.payment(
      PaymentRecord{.invoiceNumber = {},
                    .clientCode = {},
                    .clientName = std::move(customer),
                    .paymentDate = *paid,
                    .amountText = unsignedAmount(Columns::cell(row, layout.column(Field::Balance))),
                    .reference = cells.text(layout.column(Field::InvoiceNumber)),
                    .currency = *currency,
                    .numberColumn = layout.column(Field::InvoiceNumber),
                    .amountColumn = layout.column(Field::Balance)});
}

}  // namespace kindly::importers
