// The owner's report gathered from the engines, plus a small query of its own.
#include "reports/ReportTablesLedger.h"

#include <utility>

#include "aging/ClientBehavior.h"
#include "aging/Forecast.h"
#include "aging/LedgerAsOf.h"
#include "followup/PlanReader.h"
#include "store/PreparedStatement.h"

namespace kindly::reports {

namespace {

// A contact or a promise (given in a conversation) is a contact made; notes, disputes and
// resolutions are not, as for the planner.
std::map<std::string, dates::Date> lastContacts(store::Database& ledger, dates::Date asOf) {
  store::PreparedStatement select(ledger,
                                  "SELECT c.code, MAX(k.day) FROM contacts_in_effect k"
                                  " JOIN clients c ON c.id = k.client_id"
                                  " WHERE k.kind IN ('contact', 'promise') AND k.day <= ?1"
                                  " GROUP BY c.code ORDER BY c.code");
  select.bind(1, asOf.dayNumber());
  std::map<std::string, dates::Date> days;
  while (select.step()) {
    days.emplace(std::string(select.columnText(0)),
                 dates::Date::fromDayNumber(static_cast<std::int32_t>(select.columnInt(1))));
  }
  return days;
}

}  // namespace

OwnerReport readOwnerReport(store::Database& ledger, const aging::AgingOptions& options,
                            const followup::Cadence& cadence, std::string companyName) {
  return readOwnerReport(ledger, aging::LedgerAsOf(ledger, options), options, cadence,
                         std::move(companyName));
}

OwnerReport readOwnerReport(store::Database& ledger, const aging::LedgerAsOf& invoices,
                            const aging::AgingOptions& options, const followup::Cadence& cadence,
                            std::string companyName) {
  // Every engine tallies the same reading of the invoices: the ledger is read once.
  OwnerReport report;
  report.companyName = std::move(companyName);
  report.aging = aging::age(invoices, options);
  report.clients = aging::clientBehaviors(ledger, invoices, options);
  report.plan = followup::planFollowUps(ledger, invoices, options, cadence);
  // The report shows the forecast per currency only; the per-invoice list can be large.
  report.forecast =
      aging::forecast(ledger, invoices, options, aging::ForecastDetail::CurrencyTotals);
  report.lastContacts = lastContacts(ledger, options.asOf);
  report.overall = aging::overallBehavior(invoices, options);
  return report;
}

}  // namespace kindly::reports
