// Xero's invoice export (Business > Invoices > Export): one row per line item with the
// invoice's totals repeated, credit notes and overpayments listed among the invoices.
#pragma once

#include <map>
#include <string>

#include "importers/profiles/FormatProfile.h"

namespace kindly::importers {

class XeroProfile : public FormatProfile {
 public:
  XeroProfile();
  // Credit notes and overpayments become negative invoices; an overpayment, which has no
  // invoice number, is given one: "OVERPAYMENT <contact> <date> <total>".
  void read(const Row& row, RecordSink& sink) override;

 private:
  std::map<std::string, int> overpayments_;  // overpayments read, by contact, date and total
  std::string lastOverpayment_;              // of the row above, "" when it was none
};

}  // namespace kindly::importers
