// The owner's report gathered from the engines, plus two small queries of its own.
#include "reports/ReportTablesLedger.h"

#include <utility>

#include "aging/ClientBehavior.h"
#include "aging/Forecast.h"
#include "aging/LedgerAsOf.h"
#include "followup/PlanReader.h"
#include "store/InvoiceStatus.h"
#include "store/PreparedStatement.h"

namespace kindly::reports {

namespace {

// A contact or a promise (given in a conversation) is a contact made; notes, disputes and
// resolutions are not, as for the planner.
std::map<std::string, dates::Date> lastContacts(store::Database& ledger, dates::Date asOf) {
  store::PreparedStatement select(ledger,
                                  "SELECT c.code, MAX(k.day) FROM contacts k"
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

// Sales as client DSO counts them: invoices (not credit notes, void or draft ones) issued in
// the lateWindowDays up to the as-of date, written off or not.
std::vector<money::Money> invoicedInWindow(store::Database& ledger,
                                           const aging::AgingOptions& options) {
  store::PreparedStatement select(ledger,
                                  "SELECT currency, SUM(amount) FROM invoices"
                                  " WHERE status NOT IN " +
                                      store::notOwedSqlList() +
                                      " AND amount > 0 AND issue_day > ?1 - ?2"
                                      " AND issue_day <= ?1 GROUP BY currency ORDER BY currency");
  select.bind(1, options.asOf.dayNumber()).bind(2, options.lateWindowDays);
  std::vector<money::Money> invoiced;
  while (select.step()) {
    const auto currency = money::Currency::fromCode(select.columnText(0));
    if (!currency) throw store::StoreError("unknown currency in the ledger");
    invoiced.emplace_back(select.columnInt(1), *currency);
  }
  return invoiced;
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
  report.invoicedInWindow = invoicedInWindow(ledger, options);
  report.windowDays = options.lateWindowDays;
  return report;
}

}  // namespace kindly::reports
