// Invoices and credit memos are what a client owes, less its unapplied payments (kept as its
// credit on account); a journal entry in the report is refused with its type.
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
                                     "which document: invoice, credit memo or payment"}}),
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

void QboAgingProfile::title(const Row& row, RecordSink& sink) {
  for (auto cell : row) {
    if (const auto asOf = qboAsOfDate(cell)) sink.exportDate(*asOf);
  }
  sink.skip("title rows");
}

void QboAgingProfile::read(const Row& row, RecordSink& sink) {
  if (skipQboFrame(row, sink, false)) return;
  readQboTransaction(row, layout(), settings(), sink);
}

}  // namespace kindly::importers
