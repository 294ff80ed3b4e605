// QuickBooks Desktop's IIF transactions: tab-separated rows whose first cell says what they
// are. "!TRNS", "!SPL" and "!ENDTRNS" name the columns of the TRNS, SPL and ENDTRNS rows
// below; one TRNS row, its SPL lines and an ENDTRNS row make a transaction.
#pragma once

#include <optional>
#include <string>

#include "importers/Columns.h"
#include "importers/Profile.h"

namespace kindly::importers {

class IifProfile : public Profile {
 public:
  std::string name() const override { return "iif"; }
  std::string description() const override { return "QuickBooks Desktop IIF transactions"; }
  // Invoices, credit memos and payments in one file.
  RecordKind kind() const override { return RecordKind::Mixed; }
  // 100 for a "!TRNS" row: no other format starts a row so.
  int recognise(const Row& row) const override;
  // Needs TRNSTYPE, DATE, NAME, AMOUNT and DOCNUM. IIF dates are US ones (11/20/26), read
  // month first unless --date-order says otherwise.
  Result<bool> start(const Row& header, const ParseSettings& settings) override;
  // Rows above the first !TRNS: list headings and list entries (accounts, customers).
  void title(const Row& row, RecordSink& sink) override;
  // A TRNS row is the transaction; its SPL and ENDTRNS rows are skipped as its lines.
  void read(const Row& row, RecordSink& sink) override;

 private:
  void readTransaction(const Row& row, RecordSink& sink);
  void readInvoice(const Row& row, RecordSink& sink, bool creditMemo);
  void readPayment(const Row& row, RecordSink& sink);

  ParseSettings settings_;
  Columns columns_;  // of the TRNS rows
  std::optional<std::size_t> type_, date_, dueDate_, name_, amount_, docNumber_, memo_;
};

}  // namespace kindly::importers
