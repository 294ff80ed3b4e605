// The follow-up plan as text for people (a table) and for other tools (CSV, JSON). Amounts
// are exact decimal strings; the JSON shape is DESIGN §10's, documented in the README.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "followup/PlanReader.h"

namespace kindly::reports {

void writePlanTable(std::ostream& out, dates::Date asOf,
                    const std::vector<followup::PlannedFollowUp>& plan);
void writePlanCsv(std::ostream& out, const std::vector<followup::PlannedFollowUp>& plan);
void writePlanJson(std::ostream& out, const std::vector<followup::PlannedFollowUp>& plan);

// "letter+email": a step's channels as every format names them.
std::string channelsText(const std::vector<followup::Channel>& channels);
// The follow-up's reason, "nothing to chase" without one, then the write-offs shown.
std::string reasonText(const followup::PlannedFollowUp& row);
// "EUR 10.00; USD 1234.50": by currency code.
std::string totalsText(const money::Totals& totals);

}  // namespace kindly::reports
