// Only invoices and credit memos are what a client owes; an unapplied payment or a journal
// entry in the report is refused with its type, for a person to apply in QuickBooks.
#include "importers/profiles/QboAgingProfile.h"

#include "base/Text.h"
#include "importers/Cells.h"
#include "importers/Columns.h"

namespace kindly::importers {

namespace {

const FormatTable& qboAgingFormat() {
  static const FormatTable format{
      .name = "qbo-aging",
      .description = "QuickBooks Online A/R Aging Detail",
      .kind = RecordKind::Invoices,
      .columns = qboInvoiceColumns({{Field::DocumentType,
                                     {"Transaction Type", "Type"},
                                     Need::Required,
                                     "which document: invoice or credit memo"}}),
      // The report lists every open invoice.
      .fullExport = true,
      // Day-first companies' reports are sniffed as such; month first when the dates leave it
      // open.
      .usualDateOrder = dates::DateOrder::MDY};
  return format;
}

}  // namespace

QboAgingProfile::QboAgingProfile() : FormatProfile(qboAgingFormat()) {}

int QboAgingProfile::recognise(const Row& row) const {
  const Columns columns(row);
  const bool aging = columns.count({"Transaction Type", "Num", "Due Date", "Open Balance"}) == 4 &&
                     FormatProfile::recognise(row) > 0;
  return aging ? 80 : 0;
}

Result<bool> QboAgingProfile::begin(const Row& /*header*/) {
  if (settings().dateOrder == dates::DateOrder::Unknown) {
    settings().dateOrder = dates::DateOrder::MDY;
  }
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
  Cells cells(row, sink, settings());
  const auto type = cells.required(column(Field::DocumentType), "transaction type");
  if (cells.failed()) return;
  const auto kind = toLower(type);
  if (kind != "invoice" && kind != "credit memo") {
    // "Payment" rows are money received but applied to no invoice.
    return sink.reject(column(Field::DocumentType),
                       "a " + type +
                           " is not an invoice or a credit memo: apply it to "
                           "an invoice in QuickBooks");
  }
  if (auto invoice = readQboInvoice(layout(), cells, kind == "credit memo")) {
    sink.invoice(*invoice);
  }
}

}  // namespace kindly::importers
