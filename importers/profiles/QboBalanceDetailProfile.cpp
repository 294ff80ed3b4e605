// The report states balances as they are when it is run: its open balances are what each
// customer owes now, and an open payment is the customer's money applied to no invoice.
#include "importers/profiles/QboBalanceDetailProfile.h"

#include "importers/Columns.h"
#include "importers/profiles/QboReportRows.h"

namespace kindly::importers {

namespace {

const FormatTable& qboBalanceDetailFormat() {
  static const FormatTable format = [] {
    FormatTable table{.name = "qbo-balance-detail",
                      .description = "QuickBooks Online Customer Balance Detail",
                      .kind = RecordKind::Invoices,
                      .columns = qboInvoiceColumns({{Field::DocumentType,
                                                     {"Transaction Type", "Type"},
                                                     Need::Required,
                                                     "which document: invoice, credit memo or "
                                                     "payment"}}),
                      .fullExport = true,
                      .usualDateOrder = dates::DateOrder::MDY};
    // The customer is the heading above its rows.
    for (auto& rule : table.columns) {
      if (rule.field == Field::ClientName) rule.need = Need::Optional;
    }
    return table;
  }();
  return format;
}

}  // namespace

QboBalanceDetailProfile::QboBalanceDetailProfile() : FormatProfile(qboBalanceDetailFormat()) {}

int QboBalanceDetailProfile::recognise(const Row& row) const {
  const Columns columns(row);
  const bool detail =
      columns.count({"Transaction Type", "Num", "Due Date", "Open Balance", "Balance"}) == 5 &&
      !columns.find({"Customer", "Customer/Name", "Customer full name", "Customer name", "Name"}) &&
      FormatProfile::recognise(row) > 0;
  return detail ? 75 : 0;
}

Result<bool> QboBalanceDetailProfile::begin(const Row& /*header*/) {
  customer_.clear();
  return true;
}

void QboBalanceDetailProfile::title(const Row& row, RecordSink& sink) {
  for (auto cell : row) {
    if (const auto asOf = qboAsOfDate(cell)) sink.exportDate(*asOf);
  }
  sink.skip("title rows");
}

void QboBalanceDetailProfile::read(const Row& row, RecordSink& sink) {
  if (skipQboFrame(row, sink, true, &customer_)) return;
  readQboTransaction(row, layout(), settings(), sink, customer_);
}

}  // namespace kindly::importers
