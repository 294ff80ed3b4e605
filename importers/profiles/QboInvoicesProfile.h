// QuickBooks Online's "Invoice List" report saved as CSV: one row per invoice with its
// amount and open balance, under title rows and above a "TOTAL" row and a basis stamp.
#pragma once

#include <optional>

#include "importers/Profile.h"
#include "importers/profiles/QboReportRows.h"

namespace kindly::importers {

class QboInvoicesProfile : public Profile {
 public:
  std::string name() const override { return "qbo-invoices"; }
  std::string description() const override { return "QuickBooks Online Invoice List"; }
  RecordKind kind() const override { return RecordKind::Invoices; }
  // 70 for a header with Num, Customer, Due Date and Open Balance but no Transaction Type
  // (that is the aging report's).
  int recognise(const Row& row) const override;
  // Dates are read month first unless --date-order says otherwise: QBO's US layout.
  Result<bool> start(const Row& header, const ParseSettings& settings) override;
  // Gives the export date of the basis stamp at the foot of the report.
  void read(const Row& row, RecordSink& sink) override;
  // Day-first companies' reports are sniffed as such; month first when the dates leave it open.
  std::vector<std::size_t> dateColumns() const override { return columns_->dateColumns(); }
  dates::DateOrder usualDateOrder() const override { return dates::DateOrder::MDY; }
  // The list holds every invoice of its period, paid ones with a zero open balance.
  bool isFullExport() const override { return true; }

 private:
  ParseSettings settings_;
  std::optional<QboInvoiceColumns> columns_;
  std::optional<std::size_t> status_;
};

}  // namespace kindly::importers
