// The cash forecast as text for people (a table) and for other tools (CSV, JSON). Amounts are
// exact decimal strings; the JSON shape is documented in the README and kept stable.
#pragma once

#include <ostream>
#include <string>

#include "aging/Forecast.h"

namespace kindly::reports {

void writeForecastTable(std::ostream& out, const aging::Forecast& forecast);
// One row per currency and column: currency, column, from, to, amount.
void writeForecastCsv(std::ostream& out, const aging::Forecast& forecast);
void writeForecastJson(std::ostream& out, const aging::Forecast& forecast);

// Where a payment landed, as every format names it: "overdue", "week 3", "later", "at risk".
std::string columnText(const aging::ExpectedPayment& payment);

}  // namespace kindly::reports
