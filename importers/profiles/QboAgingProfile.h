// QuickBooks Online's "A/R Aging Detail" report saved as CSV: every open invoice and credit
// memo under bucket headings, with totals, an "As of" title line and a basis stamp below.
#pragma once

#include <optional>

#include "importers/Profile.h"
#include "importers/profiles/QboReportRows.h"

namespace kindly::importers {

class QboAgingProfile : public Profile {
 public:
  std::string name() const override { return "qbo-aging"; }
  std::string description() const override { return "QuickBooks Online A/R Aging Detail"; }
  RecordKind kind() const override { return RecordKind::Invoices; }
  // 80 for a header with Transaction Type, Num, Customer, Due Date and Open Balance.
  int recognise(const Row& row) const override;
  // Dates are read month first unless --date-order says otherwise: QBO's US layout.
  Result<bool> start(const Row& header, const ParseSettings& settings) override;
  // Gives the export date of the "As of November 20, 2026" line.
  void title(const Row& row, RecordSink& sink) override;
  void read(const Row& row, RecordSink& sink) override;
  // Day-first companies' reports are sniffed as such; month first when the dates leave it open.
  std::vector<std::size_t> dateColumns() const override { return columns_->dateColumns(); }
  dates::DateOrder usualDateOrder() const override { return dates::DateOrder::MDY; }
  // The report lists every open invoice.
  bool isFullExport() const override { return true; }

 private:
  ParseSettings settings_;
  std::optional<QboInvoiceColumns> columns_;
  std::optional<std::size_t> type_;
};

}  // namespace kindly::importers
