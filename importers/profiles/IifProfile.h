// QuickBooks Desktop's IIF transactions: tab-separated rows whose first cell says what they
// are. "!TRNS", "!SPL" and "!ENDTRNS" name the columns of the TRNS, SPL and ENDTRNS rows
// below; one TRNS row, its SPL lines and an ENDTRNS row make a transaction.
#pragma once

#include "importers/Columns.h"
#include "importers/profiles/FormatProfile.h"

namespace kindly::importers {

class IifProfile : public FormatProfile {
 public:
  IifProfile();
  // 100 for a "!TRNS" row: no other format starts a row so.
  int recognise(const Row& row) const override;
  // Rows above the first !TRNS: list headings and list entries (accounts, customers).
  void title(const Row& row, RecordSink& sink) override;
  // A TRNS row is the transaction; its SPL and ENDTRNS rows are skipped as its lines.
  void read(const Row& row, RecordSink& sink) override;
  // IIF dates are US ones (11/20/26), read month first unless --date-order says otherwise:
  // none is sniffed, as the rows below a header are of several kinds.
  std::vector<std::size_t> dateColumns() const override { return {}; }

 private:
  void readTransaction(const Row& row, RecordSink& sink);
  void readInvoice(const Row& row, RecordSink& sink, bool creditMemo);
  void readPayment(const Row& row, RecordSink& sink);
};

}  // namespace kindly::importers
