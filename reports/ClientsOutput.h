// Client behaviour as text for people (a table) and for other tools (CSV, JSON). Amounts are
// exact decimal strings; the JSON shape is documented in the README and kept stable.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "aging/ClientBehavior.h"
#include "dates/Date.h"

namespace kindly::reports {

// The table ends with DSO and ADD over every client of the ledger (`overall`), whichever
// clients are listed.
void writeClientsTable(std::ostream& out, dates::Date asOf,
                       const std::vector<aging::ClientBehavior>& clients,
                       const std::vector<aging::OverallBehavior>& overall);
void writeClientsCsv(std::ostream& out, const std::vector<aging::ClientBehavior>& clients);
void writeClientsJson(std::ostream& out, const std::vector<aging::ClientBehavior>& clients);

// The figures as every format prints them. Days to one decimal ("12.5"), a rate to two
// ("0.75"), whole days ("41"); "" when the figure is undefined.
std::string daysText(const std::optional<double>& days);
std::string rateText(const std::optional<double>& rate);
std::string wholeDaysText(const std::optional<int>& days);
// "USD 1234.50; EUR 10.00"; "" when nothing is owed.
std::string balancesText(const std::vector<money::Money>& balances);
// "overdue repeat-late".
std::string flagsText(const std::vector<std::string>& flags);

}  // namespace kindly::reports
