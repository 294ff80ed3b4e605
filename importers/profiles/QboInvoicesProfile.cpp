// The Invoice List states balances as they are when it is run, whatever its date range, so
// its export date is the day of its footer stamp, not a title line.
#include "importers/profiles/QboInvoicesProfile.h"

#include "base/Text.h"
#include "importers/Cells.h"
#include "importers/Columns.h"

namespace kindly::importers {

int QboInvoicesProfile::recognise(const Row& row) const {
  const Columns columns(row);
  const bool list = !columns.find({"Transaction Type"}) && columns.find({"Open Balance"}) &&
                    QboInvoiceColumns(columns).missing().empty();
  return list ? 70 : 0;
}

Result<bool> QboInvoicesProfile::start(const Row& header, const ParseSettings& settings) {
  const Columns columns(header);
  columns_.emplace(columns);
  status_ = columns.find({"Status"});
  if (const auto missing = columns_->missing(); !missing.empty()) {
    return Failure{"an Invoice List report needs the columns " + missing};
  }
  settings_ = settings;
  if (settings_.dateOrder == dates::DateOrder::Unknown) settings_.dateOrder = dates::DateOrder::MDY;
  return true;
}

void QboInvoicesProfile::read(const Row& row, RecordSink& sink) {
  switch (qboRowKind(row)) {
    case QboRowKind::Heading:
      return sink.skip("headings");
    case QboRowKind::Total:
      return sink.skip("total rows");
    case QboRowKind::Footer:
      if (const auto stamped = qboStampDate(row[0])) sink.exportDate(*stamped);
      return sink.skip("footer rows");
    case QboRowKind::Data:
      break;
  }
  Cells cells(row, sink, settings_);
  const auto status = toLower(cells.text(status_));
  if (auto invoice = readQboInvoice(*columns_, cells, false)) {
    invoice->status = status;
    sink.invoice(*invoice);
  }
}

}  // namespace kindly::importers
