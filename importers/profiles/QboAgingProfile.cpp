// Only invoices and credit memos are what a client owes; an unapplied payment or a journal
// entry in the report is refused with its type, for a person to apply in QuickBooks.
#include "importers/profiles/QboAgingProfile.h"

#include "base/Text.h"
#include "importers/Cells.h"
#include "importers/Columns.h"

namespace kindly::importers {

int QboAgingProfile::recognise(const Row& row) const {
  const Columns columns(row);
  const bool aging = columns.count({"Transaction Type", "Num", "Due Date", "Open Balance"}) == 4 &&
                     QboInvoiceColumns(columns).missing().empty();
  return aging ? 80 : 0;
}

Result<bool> QboAgingProfile::start(const Row& header, const ParseSettings& settings) {
  const Columns columns(header);
  columns_.emplace(columns);
  type_ = columns.find({"Transaction Type", "Type"});
  auto missing = columns_->missing();
  if (!type_) missing += missing.empty() ? "Transaction Type" : ", Transaction Type";
  if (!missing.empty()) return Failure{"an A/R Aging Detail report needs the columns " + missing};
  settings_ = settings;
  if (settings_.dateOrder == dates::DateOrder::Unknown) settings_.dateOrder = dates::DateOrder::MDY;
  return true;
}

void QboAgingProfile::title(const Row& row, RecordSink& sink) {
  for (auto cell : row) {
    if (const auto asOf = qboAsOfDate(cell)) sink.exportDate(*asOf);
  }
  sink.skip("title rows");
}

void QboAgingProfile::read(const Row& row, RecordSink& sink) {
  switch (qboRowKind(row)) {
    case QboRowKind::Heading:
      return sink.skip("headings");
    case QboRowKind::Total:
      return sink.skip("total rows");
    case QboRowKind::Footer:
      return sink.skip("footer rows");
    case QboRowKind::Data:
      break;
  }
  Cells cells(row, sink, settings_);
  const auto type = cells.required(type_, "transaction type");
  if (cells.failed()) return;
  const auto kind = toLower(type);
  if (kind != "invoice" && kind != "credit memo") {
    // "Payment" rows are money received but applied to no invoice.
    return sink.reject(type_, "a " + type +
                                  " is not an invoice or a credit memo: apply it to "
                                  "an invoice in QuickBooks");
  }
  if (auto invoice = readQboInvoice(*columns_, cells, kind == "credit memo")) {
    sink.invoice(*invoice);
  }
}

}  // namespace kindly::importers
