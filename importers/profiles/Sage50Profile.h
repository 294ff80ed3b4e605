// Sage 50 Accounts (UK) audit-trail transactions exported as CSV: one row per transaction,
// its type a two-letter code (SI sales invoice, SC sales credit, SR sales receipt...).
#pragma once

#include "importers/Columns.h"
#include "importers/profiles/FormatProfile.h"

namespace kindly::importers {

class Sage50Profile : public FormatProfile {
 public:
  Sage50Profile();
  // 80 for a header with Type, Account, Date, Ref, Details, Net and Tax.
  int recognise(const Row& row) const override;
  void read(const Row& row, RecordSink& sink) override;
  // The audit trail's dates are day first: none is sniffed.
  std::vector<std::size_t> dateColumns() const override { return {}; }

 protected:
  // Amounts are in pounds unless a Currency column or --currency names another (--currency
  // USD cannot: USD is the default). Dates are day first unless --date-order says otherwise.
  Result<bool> begin(const Row& header) override;

 private:
  void readInvoice(const Row& row, RecordSink& sink, bool credit);
  void readReceipt(const Row& row, RecordSink& sink, std::string_view what);
};

}  // namespace kindly::importers
