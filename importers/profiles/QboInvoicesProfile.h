// QuickBooks Online's "Invoice List" report saved as CSV: one row per invoice with its
// amount and open balance, under title rows and above a "TOTAL" row and a basis stamp.
#pragma once

#include "importers/profiles/FormatProfile.h"
#include "importers/profiles/QboReportRows.h"

namespace kindly::importers {

class QboInvoicesProfile : public FormatProfile {
 public:
  QboInvoicesProfile();
  // 70 for a header with Num, Customer, Due Date and Open Balance but no Transaction Type
  // (that is the aging report's).
  int recognise(const Row& row) const override;
  // Gives the export date of the basis stamp at the foot of the report.
  void read(const Row& row, RecordSink& sink) override;
};

}  // namespace kindly::importers
