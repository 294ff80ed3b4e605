// One block per currency: overdue, the weeks with their first and last days, later, at risk
// and the total, so that the column adds up to the last line.
#include <algorithm>

#include "reports/ForecastOutput.h"
#include "reports/TableText.h"

namespace kindly::reports {

std::string columnText(const aging::ExpectedPayment& payment) {
  switch (payment.column) {
    case aging::ForecastColumn::Overdue:
      return "overdue";
    case aging::ForecastColumn::Week:
      return "week " + std::to_string(payment.week);
    case aging::ForecastColumn::Later:
      return "later";
    case aging::ForecastColumn::AtRisk:
      return "at risk";
  }
  return "";
}

void writeForecastTable(std::ostream& out, const aging::Forecast& forecast) {
  out << "Expected collections as of " << forecast.asOf.iso() << "\n";
  if (forecast.currencies.empty()) {
    out << "\nNothing is owed.\n";
    return;
  }
  for (const auto& currency : forecast.currencies) {
    std::size_t width = 12;
    width = std::max(width, currency.total.toDecimal().size() + 2);
    const auto line = [&](const std::string& label, const std::string& days,
                          const money::Money& amount) {
      out << fitted(label, 9) << fitted(days, 24) << padLeft(amount.toDecimal(), width) << '\n';
    };
    out << '\n'
        << fitted(currency.currency.code(), 9) << fitted("Days", 24) << padLeft("Expected", width)
        << '\n'
        << std::string(33 + width, '-') << '\n';
    line("Overdue", "before " + forecast.asOf.iso(), currency.overdue);
    for (int week = 0; week < aging::kForecastWeeks; ++week) {
      const auto from = forecast.asOf.plusDays(7 * week);
      line("Week " + std::to_string(week + 1), from.iso() + " - " + from.plusDays(6).iso(),
           currency.weeks[static_cast<std::size_t>(week)]);
    }
    line("Later", "from " + forecast.asOf.plusDays(7 * aging::kForecastWeeks).iso(),
         currency.later);
    line("At risk", "no date worth expecting", currency.atRisk);
    out << std::string(33 + width, '-') << '\n';
    line("Total", "", currency.total);
  }
}

}  // namespace kindly::reports
