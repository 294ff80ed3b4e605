// The Invoice List states balances as they are when it is run, whatever its date range, so
// its export date is the day of its footer stamp, not a title line.
#include "importers/profiles/QboInvoicesProfile.h"

#include "base/Text.h"
#include "importers/Cells.h"
#include "importers/Columns.h"

namespace kindly::importers {

namespace {

const FormatTable& qboInvoicesFormat() {
  static const FormatTable format{
      .name = "qbo-invoices",
      .description = "QuickBooks Online Invoice List",
      .kind = RecordKind::Invoices,
      .columns = qboInvoiceColumns({{Field::Status, {"Status"}}}),
      // The list holds every invoice of its period, paid ones with a zero open balance.
      .fullExport = true,
      .usualDateOrder = dates::DateOrder::MDY};
  return format;
}

}  // namespace

QboInvoicesProfile::QboInvoicesProfile() : FormatProfile(qboInvoicesFormat()) {}

int QboInvoicesProfile::recognise(const Row& row) const {
  const Columns columns(row);
  const bool list = !columns.find({"Transaction Type"}) && columns.find({"Open Balance"}) &&
                    FormatProfile::recognise(row) > 0;
  return list ? 70 : 0;
}

void QboInvoicesProfile::read(const Row& row, RecordSink& sink) {
  if (skipQboFrame(row, sink, true)) return;
  Cells cells(row, sink, settings());
  const auto status = toLower(cells.text(column(Field::Status)));
  if (auto invoice = readQboInvoice(layout(), cells, false)) {
    invoice->status = status;
    sink.invoice(*invoice);
  }
}

}  // namespace kindly::importers
