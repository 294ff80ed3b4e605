// Xero's Aged Receivables Detail report exported to CSV or Excel: a title block with the
// "As at" date, then each contact's heading, its open invoices and its "Total" row.
#pragma once

#include <map>
#include <string>

#include "importers/profiles/FormatProfile.h"

namespace kindly::importers {

class XeroAgedProfile : public FormatProfile {
 public:
  XeroAgedProfile();
  // Needs an invoice number, Due Date and Total beside two or more of the ageing columns
  // (Current, < 1 Month, 1 Month, 2 Months, 3 Months, Older).
  int recognise(const Row& row) const override;
  // Gives the "As at 20 November 2026" line as the export's date.
  void title(const Row& row, RecordSink& sink) override;
  // An invoice's amount is its open balance, the row's Total: the report shows nothing of
  // what was invoiced or paid. A credit with no number is named "CREDIT <contact> <date>".
  void read(const Row& row, RecordSink& sink) override;

 protected:
  Result<bool> begin(const Row& header) override;

 private:
  std::string contact_;                 // the heading above the rows being read
  std::map<std::string, int> credits_;  // unnumbered credits named so far, by name
};

}  // namespace kindly::importers
