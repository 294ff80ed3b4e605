// The Clients, Follow-up plan and Forecast tables.
#include <algorithm>
#include <tuple>

#include "reports/ClientsOutput.h"
#include "reports/ForecastOutput.h"
#include "reports/PlanOutput.h"
#include "reports/ReportTables.h"

namespace kindly::reports {

namespace {

// A spreadsheet sums a column only when it holds one currency: the first amount becomes a
// number cell, the rest stay as text beside it ("EUR 10.00").
struct SplitBalance {
  TableCell currency;
  TableCell amount;
  TableCell others;
};

SplitBalance splitBalance(const std::vector<money::Money>& balances,
                          const std::optional<money::Currency>& preferred) {
  auto first = balances.begin();
  if (preferred) {
    first = std::find_if(balances.begin(), balances.end(), [&](const money::Money& balance) {
      return balance.currency() == *preferred;
    });
  }
  if (first == balances.end()) first = balances.begin();
  if (first == balances.end()) {
    return {preferred ? TableCell::ofText(preferred->code()) : TableCell::empty(),
            TableCell::empty(), TableCell::empty()};
  }
  std::vector<money::Money> others;
  for (auto balance = balances.begin(); balance != balances.end(); ++balance) {
    if (balance != first) others.push_back(*balance);
  }
  return {TableCell::ofText(first->currency().code()), TableCell::ofAmount(*first),
          others.empty() ? TableCell::empty() : TableCell::ofText(balancesText(others))};
}

}  // namespace

std::vector<TableColumn> clientColumns() {
  return {{"client", "Client"},
          {"name", "Name"},
          {"main_currency", "Main currency"},
          {"balance", "Balance"},
          {"other_balances", "Other balances"},
          {"invoices_paid", "Invoices paid"},
          {"late_paid", "Paid late"},
          {"timing_unknown", "Paid, timing unknown"},
          {"open_late", "Open and late"},
          {"avg_days_late", "Average days late"},
          {"avg_days_to_pay", "Average days to pay"},
          {"on_time_rate", "Paid on time"},
          {"trend", "Trend"},
          {"dso", "DSO (days)"},
          {"add", "ADD (days)"},
          {"last_payment", "Last payment"},
          {"flags", "Flags"}};
}

TableRow clientRow(const aging::ClientBehavior& client) {
  const SplitBalance balance = splitBalance(client.balances, client.mainCurrency);
  return {TableCell::ofText(client.clientCode),
          TableCell::ofText(client.clientName),
          balance.currency,
          balance.amount,
          balance.others,
          TableCell::ofCount(client.invoicesPaid),
          TableCell::ofCount(client.latePaid),
          TableCell::ofCount(client.timingUnknown),
          TableCell::ofCount(client.openLate),
          TableCell::ofDays(client.avgDaysLate),
          TableCell::ofDays(client.avgDaysToPay),
          TableCell::ofShare(client.onTimeRate),
          client.trend.empty() ? TableCell::empty() : TableCell::ofText(client.trend),
          client.dso ? TableCell::ofCount(*client.dso) : TableCell::empty(),
          client.add ? TableCell::ofCount(*client.add) : TableCell::empty(),
          TableCell::ofDate(client.lastPayment),
          TableCell::ofText(flagsText(client.flags))};
}

std::vector<TableColumn> planColumns() {
  return {{"date", "Date"},         {"client", "Client"},   {"name", "Name"},
          {"step", "Step"},         {"purpose", "Purpose"}, {"channel", "Channel"},
          {"currency", "Currency"}, {"balance", "Balance"}, {"other_balances", "Other balances"},
          {"reason", "Reason"}};
}

std::vector<TableRow> planRows(const std::vector<followup::PlannedFollowUp>& plan) {
  std::vector<const followup::PlannedFollowUp*> ordered;
  for (const auto& planned : plan) ordered.push_back(&planned);
  // By date, then client; a client with nothing to chase (only write-offs) goes last.
  std::stable_sort(ordered.begin(), ordered.end(), [](const auto* a, const auto* b) {
    const auto key = [](const followup::PlannedFollowUp* row) {
      return std::make_tuple(!row->next, row->next ? row->next->date.dayNumber() : 0,
                             row->clientCode);
    };
    return key(a) < key(b);
  });

  std::vector<TableRow> rows;
  for (const auto* planned : ordered) {
    std::vector<money::Money> balances;
    for (const auto& [currency, amount] : planned->balance) balances.push_back(amount);
    const SplitBalance balance = splitBalance(balances, std::nullopt);
    const auto& next = planned->next;
    rows.push_back({next ? TableCell::ofDate(next->date) : TableCell::empty(),
                    TableCell::ofText(planned->clientCode), TableCell::ofText(planned->clientName),
                    next ? TableCell::ofText(next->step) : TableCell::empty(),
                    next ? TableCell::ofText(std::string(followup::purposeName(next->purpose)))
                         : TableCell::empty(),
                    next ? TableCell::ofText(channelsText(next->channels)) : TableCell::empty(),
                    balance.currency, balance.amount, balance.others,
                    TableCell::ofText(reasonText(*planned))});
  }
  return rows;
}

std::vector<TableColumn> forecastColumns(const aging::Forecast& forecast) {
  std::vector<TableColumn> columns = {{"column", "Expected"}, {"from", "From"}, {"to", "To"}};
  for (const auto& currency : forecast.currencies) {
    columns.push_back({currency.currency.code(), currency.currency.code()});
  }
  return columns;
}

std::vector<TableRow> forecastRows(const aging::Forecast& forecast) {
  std::vector<TableRow> rows;
  const auto add = [&](const std::string& label, TableCell from, TableCell to,
                       const std::function<money::Money(const aging::CurrencyForecast&)>& pick) {
    TableRow row = {TableCell::ofText(label), std::move(from), std::move(to)};
    for (const auto& currency : forecast.currencies)
      row.push_back(TableCell::ofAmount(pick(currency)));
    rows.push_back(std::move(row));
  };
  const dates::Date asOf = forecast.asOf;
  add("overdue", TableCell::empty(), TableCell::ofDate(asOf.plusDays(-1)),
      [](const auto& currency) { return currency.overdue; });
  for (int week = 0; week < aging::kForecastWeeks; ++week) {
    const auto index = static_cast<std::size_t>(week);
    add("week " + std::to_string(week + 1), TableCell::ofDate(asOf.plusDays(7 * week)),
        TableCell::ofDate(asOf.plusDays(7 * week + 6)),
        [index](const auto& currency) { return currency.weeks[index]; });
  }
  add("later", TableCell::ofDate(asOf.plusDays(7 * aging::kForecastWeeks)), TableCell::empty(),
      [](const auto& currency) { return currency.later; });
  add("at risk", TableCell::empty(), TableCell::empty(),
      [](const auto& currency) { return currency.atRisk; });
  add("total", TableCell::empty(), TableCell::empty(),
      [](const auto& currency) { return currency.total; });
  return rows;
}

}  // namespace kindly::reports
