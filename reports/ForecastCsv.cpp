// Long form, one row per currency and column, so a spreadsheet can pivot it; the weeks carry
// their first and last days.
#include "reports/CsvWriter.h"
#include "reports/ForecastOutput.h"

namespace kindly::reports {

void writeForecastCsv(std::ostream& out, const aging::Forecast& forecast) {
  writeCsvRow(out, {"currency", "column", "from", "to", "amount"});
  for (const auto& currency : forecast.currencies) {
    const std::string code = currency.currency.code();
    writeCsvRow(
        out, {code, "overdue", "", forecast.asOf.plusDays(-1).iso(), currency.overdue.toDecimal()});
    for (int week = 0; week < aging::kForecastWeeks; ++week) {
      const auto from = forecast.asOf.plusDays(7 * week);
      writeCsvRow(out,
                  {code, "week " + std::to_string(week + 1), from.iso(), from.plusDays(6).iso(),
                   currency.weeks[static_cast<std::size_t>(week)].toDecimal()});
    }
    writeCsvRow(out, {code, "later", forecast.asOf.plusDays(7 * aging::kForecastWeeks).iso(), "",
                      currency.later.toDecimal()});
    writeCsvRow(out, {code, "at risk", "", "", currency.atRisk.toDecimal()});
    writeCsvRow(out, {code, "total", "", "", currency.total.toDecimal()});
  }
}

}  // namespace kindly::reports
