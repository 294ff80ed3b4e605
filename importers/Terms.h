// Payment terms as invoice lists write them, for the invoices whose due date is not given.
#pragma once

#include <optional>
#include <string_view>

#include "dates/Date.h"

namespace kindly::importers {

// The due date that `terms` give an invoice issued on `issued`: "Net 30", "Net30", "N30",
// "30 days", "30" and "2/10 Net 30" (the discount aside) are 30 days after; "Due on receipt",
// "Upon receipt" and "Immediate" the issue date; "EOM" and "Net EOM" the month's last day.
// Nullopt when the text is none of these, or more than 3650 days.
std::optional<dates::Date> dueFromTerms(std::string_view terms, dates::Date issued);

}  // namespace kindly::importers
