// Sage 50 Accounts (UK) audit-trail transactions exported as CSV: one row per transaction,
// its type a two-letter code (SI sales invoice, SC sales credit, SR sales receipt...).
#pragma once

#include <optional>

#include "importers/Columns.h"
#include "importers/Profile.h"

namespace kindly::importers {

class Sage50Profile : public Profile {
 public:
  std::string name() const override { return "sage50"; }
  std::string description() const override { return "Sage 50 audit trail"; }
  // Invoices, credit notes and receipts in one file.
  RecordKind kind() const override { return RecordKind::Mixed; }
  // 80 for a header with Type, Account, Date, Ref, Details, Net and Tax.
  int recognise(const Row& row) const override;
  // Dates are day first unless --date-order says otherwise; amounts are in pounds unless a
  // Currency column or --currency names another (--currency USD cannot: USD is the default).
  Result<bool> start(const Row& header, const ParseSettings& settings) override;
  void read(const Row& row, RecordSink& sink) override;

 private:
  void readInvoice(const Row& row, RecordSink& sink, bool credit);
  void readReceipt(const Row& row, RecordSink& sink, std::string_view what);

  ParseSettings settings_;
  std::optional<std::size_t> type_, account_, date_, dueDate_, reference_, details_, net_, tax_,
      gross_, currency_;
};

}  // namespace kindly::importers
