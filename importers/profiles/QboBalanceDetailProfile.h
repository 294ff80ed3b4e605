// QuickBooks Online's Customer Balance Detail report exported to CSV or Excel: each
// customer's heading, its open transactions with their open and running balances, and its
// "Total for ..." row; no customer column.
#pragma once

#include <string>

#include "importers/profiles/FormatProfile.h"

namespace kindly::importers {

class QboBalanceDetailProfile : public FormatProfile {
 public:
  QboBalanceDetailProfile();
  // 75 for a header with Transaction Type, Num, Due Date, Open Balance and Balance but no
  // customer column (that is the aging report's).
  int recognise(const Row& row) const override;
  // Gives the export date of an "As of November 20, 2026" line.
  void title(const Row& row, RecordSink& sink) override;
  // A heading names the customer of the rows below it; the footer stamp dates the export.
  void read(const Row& row, RecordSink& sink) override;

 protected:
  Result<bool> begin(const Row& header) override;

 private:
  std::string customer_;  // the heading above the rows being read
};

}  // namespace kindly::importers
