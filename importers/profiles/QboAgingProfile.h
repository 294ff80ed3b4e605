// QuickBooks Online's "A/R Aging Detail" report saved as CSV: every open invoice and credit
// memo under bucket headings, with totals, an "As of" title line and a basis stamp below.
#pragma once

#include "importers/profiles/FormatProfile.h"
#include "importers/profiles/QboReportRows.h"

namespace kindly::importers {

class QboAgingProfile : public FormatProfile {
 public:
  QboAgingProfile();
  // 80 for a header with Transaction Type, Num, Customer, Due Date and Open Balance.
  int recognise(const Row& row) const override;
  // Gives the export date of the "As of November 20, 2026" line.
  void title(const Row& row, RecordSink& sink) override;
  void read(const Row& row, RecordSink& sink) override;
};

}  // namespace kindly::importers
