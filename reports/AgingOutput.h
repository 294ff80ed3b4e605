// The aging report as text for people (a table) and for other tools (CSV, JSON). Amounts
// are exact decimal strings; the JSON shape is documented in the README and kept stable.
#pragma once

#include <ostream>

#include "aging/Aging.h"

namespace kindly::reports {

void writeAgingTable(std::ostream& out, const aging::AgingReport& report);
void writeAgingCsv(std::ostream& out, const aging::AgingReport& report);
void writeAgingJson(std::ostream& out, const aging::AgingReport& report);

}  // namespace kindly::reports
