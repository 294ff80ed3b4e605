// MYOB AccountRight's (and ABSS's) sales export, Item Sales or Service Sales: a tab-separated
// row per line of a sale, the sale's customer, date, terms and amount paid repeated on each,
// and a blank line after every sale.
#pragma once

#include <string>

#include "importers/profiles/FormatProfile.h"

namespace kindly::importers {

class MyobProfile : public FormatProfile {
 public:
  MyobProfile();
  // Invoices (sale status I open, C closed) are read; orders and quotes are skipped. An
  // invoice owes its lines' totals with tax, and its freight once.
  void read(const Row& row, RecordSink& sink) override;

 protected:
  Result<bool> begin(const Row& header) override;

 private:
  std::string lastInvoice_;  // of the row above: a sale's freight is added to its first line
};

// The due date MYOB's terms give: "Payment is Due" code 0 C.O.D. and 1 prepaid (when
// issued), 2 in `days` days, 3 on day `days` of the month, 4 `days` days after the end of
// the month, 5 on day `days` of the next month. nullopt for another code.
std::optional<dates::Date> myobDueDate(int code, int days, dates::Date issued);

}  // namespace kindly::importers
