// The report lists open amounts only. A part payment shows as a lower amount (the invoice
// is updated, its old amount kept in the audit), and a paid invoice simply drops out of
// next week's report, which the import reports as missing for a person to confirm: the
// report never says when or how much was paid.
#include "importers/profiles/XeroAgedProfile.h"

#include "base/Text.h"
#include "importers/Cells.h"
#include "importers/Columns.h"

namespace kindly::importers {

namespace {

// The first cell with text, or "".
std::string_view firstText(const Row& row) {
  for (auto cell : row) {
    if (!trim(cell).empty()) return trim(cell);
  }
  return {};
}

bool startsWithWord(std::string_view text, std::string_view word) {
  return text.size() >= word.size() && toLower(text.substr(0, word.size())) == word &&
         (text.size() == word.size() || text[word.size()] == ' ');
}

const FormatTable& xeroAgedFormat() {
  static const FormatTable format{
      .name = "xero-aged",
      .description = "Xero aged receivables report",
      .kind = RecordKind::Invoices,
      .columns = {{Field::ClientName,
                   {"Contact", "Contact Name"},
                   Need::Optional,
                   "client_name (else the heading above)"},
                  {Field::IssueDate, {"Invoice Date", "Date"}, Need::Required},
                  {Field::InvoiceNumber, {"Invoice Number", "Number"}, Need::Required},
                  {Field::DueDate, {"Due Date"}, Need::Required},
                  {Field::Amount, {"Total"}, Need::Required, "balance (what is still open)"},
                  {Field::Currency, {"Currency"}}},
      .fullExport = true};
  return format;
}

}  // namespace

XeroAgedProfile::XeroAgedProfile() : FormatProfile(xeroAgedFormat()) {}

int XeroAgedProfile::recognise(const Row& row) const {
  const Columns columns(row);
  // "< 1 Month" and "1 Month" are one name once punctuation is dropped.
  const int ageing = columns.count({"Current", "1 Month", "2 Months", "3 Months", "Older"});
  if (ageing < 2 || !columns.find({"Invoice Number", "Number"}) || !columns.find({"Due Date"}) ||
      !columns.find({"Total"})) {
    return 0;
  }
  return 20 + ageing + columns.count({"Invoice Date", "Invoice Reference", "Outstanding Tax"});
}

Result<bool> XeroAgedProfile::begin(const Row& /*header*/) {
  contact_.clear();
  credits_.clear();
  return true;
}

void XeroAgedProfile::title(const Row& row, RecordSink& sink) {
  const auto text = firstText(row);
  for (std::string_view lead : {"as at", "as of"}) {
    if (!startsWithWord(text, lead)) continue;
    if (const auto date = dates::parseDate(trim(text.substr(lead.size())), settings().dateOrder)) {
      sink.exportDate(*date);
    }
  }
  sink.skip("title rows");
}

void XeroAgedProfile::read(const Row& row, RecordSink& sink) {
  const auto dateText = Columns::cell(row, column(Field::IssueDate));
  const auto totalText = Columns::cell(row, column(Field::Amount));
  // Layouts differ in the column that holds headings, so a row is a transaction by its
  // number or its date, not by where its text sits.
  const bool dated = !dateText.empty() && dates::parseDate(dateText, settings().dateOrder);
  if (!dated && Columns::cell(row, column(Field::InvoiceNumber)).empty()) {
    const auto text = firstText(row);
    // "Total Acme Ltd" and the closing "Total" carry amounts; a heading is a name alone, so
    // a contact called "Total Tyres" is still a heading.
    if (!totalText.empty() && startsWithWord(text, "total")) return sink.skip("total rows");
    if (totalText.empty()) {
      contact_ = std::string(text);
      return sink.skip("headings");
    }
    if (startsWithWord(text, "percentage")) return sink.skip("footer rows");
    return sink.reject(std::nullopt, "neither an invoice, a contact heading nor a total");
  }
  Cells cells(row, sink, settings());
  const auto contact = column(Field::ClientName) ? cells.text(column(Field::ClientName)) : contact_;
  const auto number = cells.text(column(Field::InvoiceNumber));
  const auto issued = cells.date(column(Field::IssueDate), "invoice date");
  // Credit notes and overpayments have no due date.
  const auto due = cells.date(column(Field::DueDate), "due date", true);
  const auto currency = cells.currency(column(Field::Currency));
  if (cells.failed()) return;
  const auto open = cells.amount(column(Field::Amount), *currency, "total");
  if (cells.failed()) return;
  InvoiceRecord record{.number = number,
                       .numberColumn = column(Field::InvoiceNumber),
                       .clientCode = {},  // no client ids in this export: matched by name
                       .clientName = contact,
                       .clientEmail = "",
                       .issueDate = *issued,
                       .dueDate = due.value_or(*issued),
                       .amount = *open,
                       .status = "",
                       .paidSoFar = std::nullopt,
                       .amountIsOpenBalance = true};
  if (record.number.empty() && open->isNegative()) {
    // Overpayments and prepayments have no number. Their open amount falls as they are
    // allocated, so the name is the contact and date only, counted when one contact has
    // several on one day.
    record.number = "CREDIT " + record.clientName + " " + record.issueDate.iso();
    const int seen = ++credits_[record.number];
    if (seen > 1) record.number += " #" + std::to_string(seen);
  }
  sink.invoice(record);
}

}  // namespace kindly::importers
