// The Dashboard: headline figures, totals by bucket, the ten largest overdue balances, and a
// chart of each of the last two, reading the cells above them.
#include "reports/WorkbookDashboard.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "reports/WorkbookLayout.h"

namespace kindly::reports {

namespace {

// Bucket i (from 2) starts the day after edge i-2; bucket 1 starts at day 1.
bool startsAfter(const aging::BucketEdges& edges, std::size_t bucket, int days) {
  return bucket >= 2 && edges.edges()[bucket - 2] >= days;
}

struct OverdueBalance {
  const aging::ClientAging* client;
  money::Money overdue;
};

// What is past due once the credits are used against the oldest first, never below zero.
money::Money overdueNetOfCredits(const std::vector<money::Money>& buckets,
                                 const money::Money& credits) {
  money::Money overdue = credits;
  for (std::size_t i = 1; i < buckets.size(); ++i) overdue += buckets[i];
  return overdue.isNegative() ? money::Money::zero(credits.currency()) : overdue;
}

// The clients owing the most past due in `currency`, largest first, at most ten; a client
// whose credits cover what is past due owes nothing past due.
std::vector<OverdueBalance> largestOverdue(const aging::AgingReport& report,
                                           const money::Currency& currency) {
  std::vector<OverdueBalance> balances;
  for (const auto& client : report.clients) {
    if (client.balance.currency() != currency) continue;
    const money::Money overdue = overdueNetOfCredits(client.buckets, client.credits);
    if (overdue.minorUnits() > 0) balances.push_back({&client, overdue});
  }
  std::stable_sort(balances.begin(), balances.end(), [](const auto& a, const auto& b) {
    return a.overdue.minorUnits() > b.overdue.minorUnits();
  });
  if (balances.size() > 10) balances.erase(balances.begin() + 10, balances.end());
  return balances;
}

}  // namespace

std::vector<CurrencyHeadline> headlines(const OwnerReport& report) {
  std::vector<CurrencyHeadline> result;
  for (const auto& total : report.aging.totals) {
    const money::Currency currency = total.balance.currency();
    // Past due less credits client by client: one client's credit pays nothing of another's.
    money::Money overdue = money::Money::zero(currency);
    for (const auto& client : report.aging.clients) {
      if (client.balance.currency() == currency) {
        overdue += overdueNetOfCredits(client.buckets, client.credits);
      }
    }
    CurrencyHeadline headline{total.balance, overdue, std::nullopt, std::nullopt, std::nullopt};
    std::int64_t inBuckets = 0, overDays = 0;
    for (std::size_t i = 0; i < total.buckets.size(); ++i) {
      inBuckets += total.buckets[i].minorUnits();
      if (startsAfter(report.aging.edges, i, kOverDays)) overDays += total.buckets[i].minorUnits();
    }
    if (inBuckets > 0) {
      headline.shareOverDays = static_cast<double>(overDays) / static_cast<double>(inBuckets);
    }
    for (const auto& overall : report.overall) {
      if (overall.currency != currency) continue;
      headline.dso = overall.dso;
      headline.add = overall.add;
    }
    result.push_back(headline);
  }
  return result;
}

std::optional<money::Currency> chartCurrency(const aging::AgingReport& report) {
  std::map<std::string, std::pair<int, money::Currency>> counts;
  for (const auto& client : report.clients) {
    const money::Currency currency = client.balance.currency();
    auto [entry, added] = counts.try_emplace(currency.code(), 0, currency);
    ++entry->second.first;
  }
  std::optional<money::Currency> chosen;
  int most = 0;
  for (const auto& [code, count] : counts) {
    if (count.first > most) {
      most = count.first;
      chosen = count.second;
    }
  }
  return chosen;
}

namespace workbook {

namespace {

// A chart's size as libxlsxwriter draws it by default (480 pixels), in character widths.
constexpr double kChartWidth = 480.0 / 7;

lxw_chart* newChart(lxw_workbook* workbook, uint8_t type, const std::string& title) {
  lxw_chart* chart = workbook_add_chart(workbook, type);
  if (chart == nullptr) throw LxwFailure("adding a chart", LXW_ERROR_MEMORY_MALLOC_FAILED);
  chart_title_set_name(chart, title.c_str());
  // Small enough to stay on one line across the chart.
  lxw_chart_font font{};
  font.size = 12;
  chart_title_set_name_font(chart, &font);
  chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
  return chart;
}

// The Dashboard's cells, each column as wide as the widest value written in it. Lines of a
// single cell (titles, captions) run on over the empty cells beside them and are not counted.
class DashboardCells {
 public:
  DashboardCells(lxw_worksheet* sheet, Formats& formats) : sheet_(sheet), formats_(formats) {}

  void writeRow(lxw_row_t row, const TableRow& cells, lxw_format* textFormat = nullptr) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      writeCell(sheet_, row, static_cast<lxw_col_t>(i), cells[i], formats_, textFormat);
      if (cells.size() > 1) {
        const bool bold = cells[i].kind == CellKind::Text && Formats::isBold(textFormat);
        widen(i, std::min(kMaxColumnWidth, cellWidth(cells[i], bold)));
      }
    }
  }

  void writeTitle(lxw_row_t row, const std::string& title) {
    check(worksheet_set_row(sheet_, row, kTitlePoints, nullptr), "setting the title's height");
    writeRow(row, {TableCell::ofText(title)}, formats_.title);
  }

  void writeHeader(lxw_row_t row, const std::vector<std::string>& titles) {
    int lines = 1;
    TableRow cells;
    for (std::size_t i = 0; i < titles.size(); ++i) {
      const HeaderLayout layout = headerLayout(titles[i]);
      widen(i, layout.width);
      lines = std::max(lines, layout.lines);
      cells.push_back(TableCell::ofText(titles[i]));
    }
    // Before the row's cells: constant-memory mode writes a row out once the next begins.
    check(worksheet_set_row(sheet_, row, lines * kLinePoints, nullptr),
          "setting the header's height");
    for (std::size_t i = 0; i < cells.size(); ++i) {
      writeCell(sheet_, row, static_cast<lxw_col_t>(i), cells[i], formats_, formats_.header);
    }
  }

  // Sets the widths; returns them added up.
  double setWidths() {
    double total = 0;
    for (std::size_t i = 0; i < widths_.size(); ++i) {
      const auto column = static_cast<lxw_col_t>(i);
      check(worksheet_set_column(sheet_, column, column, widths_[i], nullptr),
            "setting a column width");
      total += widths_[i];
    }
    return total;
  }

  lxw_col_t columns() const { return static_cast<lxw_col_t>(widths_.size()); }

 private:
  void widen(std::size_t column, double width) {
    if (widths_.size() <= column) widths_.resize(column + 1, 0);
    widths_[column] = std::max(widths_[column], width);
  }

  lxw_worksheet* sheet_;
  Formats& formats_;
  std::vector<double> widths_;
};

}  // namespace

void writeDashboard(lxw_workbook* workbook, Formats& formats, const OwnerReport& report,
                    const std::string& pageHeader) {
  const std::string name = "Dashboard";
  lxw_worksheet* sheet = addSheet(workbook, name);
  const aging::AgingReport& aging = report.aging;
  const std::vector<std::string> labels = aging.edges.labels();
  DashboardCells cells(sheet, formats);

  cells.writeTitle(0, report.companyName);
  cells.writeRow(1, {TableCell::ofText("Aging as of " + aging.asOf.iso())});

  lxw_row_t row = 3;
  cells.writeHeader(row++,
                    {"Currency", "Total receivable", "Overdue",
                     "% over " + std::to_string(kOverDays) + " days", "DSO (days)", "ADD (days)"});
  const auto figures = headlines(report);
  for (const auto& headline : figures) {
    cells.writeRow(row++,
                   {TableCell::ofText(headline.receivable.currency().code()),
                    TableCell::ofAmount(headline.receivable), TableCell::ofAmount(headline.overdue),
                    TableCell::ofShare(headline.shareOverDays),
                    headline.dso ? TableCell::ofCount(*headline.dso) : TableCell::empty(),
                    headline.add ? TableCell::ofCount(*headline.add) : TableCell::empty()});
  }
  if (figures.empty()) cells.writeRow(row++, {TableCell::ofText("Nothing is owed.")});

  ++row;
  cells.writeRow(row++, {TableCell::ofText("Totals by bucket")}, formats.totalLabel);
  std::vector<std::string> bucketTitles = {"Currency"};
  bucketTitles.insert(bucketTitles.end(), labels.begin(), labels.end());
  bucketTitles.insert(bucketTitles.end(), {"Credits", "Not yet issued"});
  const lxw_row_t bucketHeaderRow = row;
  cells.writeHeader(row++, bucketTitles);
  const auto chosen = chartCurrency(aging);
  std::optional<lxw_row_t> chosenBucketRow;
  for (const auto& total : aging.totals) {
    if (chosen && total.balance.currency() == *chosen) chosenBucketRow = row;
    TableRow bucketCells = {TableCell::ofText(total.balance.currency().code())};
    for (const auto& bucket : total.buckets) bucketCells.push_back(TableCell::ofAmount(bucket));
    bucketCells.push_back(TableCell::ofAmount(total.credits));
    bucketCells.push_back(TableCell::ofAmount(total.notYetIssued));
    cells.writeRow(row++, bucketCells);
  }

  std::vector<OverdueBalance> largest;
  lxw_row_t largestHeaderRow = 0;
  if (chosen) {
    largest = largestOverdue(aging, *chosen);
    ++row;
    cells.writeRow(row++,
                   {TableCell::ofText("Ten largest overdue balances (" + chosen->code() + ")")},
                   formats.totalLabel);
    largestHeaderRow = row;
    cells.writeHeader(row++, {"Client", "Name", "Overdue"});
    for (const auto& balance : largest) {
      cells.writeRow(row++, {TableCell::ofText(balance.client->clientCode),
                             TableCell::ofText(balance.client->clientName),
                             TableCell::ofAmount(balance.overdue)});
    }
  }

  // The charts stand right of the widest table, whatever the number of buckets.
  const lxw_col_t chartColumn = cells.columns();
  const double width = cells.setWidths();
  setUpPrinting(sheet, pageHeader, 0, width + (chosen ? kChartWidth : 0));

  if (chosenBucketRow) {
    lxw_chart* chart =
        newChart(workbook, LXW_CHART_COLUMN, "Totals by bucket (" + chosen->code() + ")");
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    const auto lastBucket = static_cast<lxw_col_t>(labels.size());
    chart_series_set_categories(series, name.c_str(), bucketHeaderRow, 1, bucketHeaderRow,
                                lastBucket);
    chart_series_set_values(series, name.c_str(), *chosenBucketRow, 1, *chosenBucketRow,
                            lastBucket);
    check(worksheet_insert_chart(sheet, 3, chartColumn, chart), "inserting a chart");
  }
  if (!largest.empty()) {
    lxw_chart* chart =
        newChart(workbook, LXW_CHART_BAR, "Ten largest overdue balances (" + chosen->code() + ")");
    lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
    const lxw_row_t first = largestHeaderRow + 1;
    const lxw_row_t last = largestHeaderRow + static_cast<lxw_row_t>(largest.size());
    chart_series_set_categories(series, name.c_str(), first, 1, last, 1);
    chart_series_set_values(series, name.c_str(), first, 2, last, 2);
    // A bar chart draws its first category at the bottom; the largest belongs on top.
    chart_axis_set_reverse(chart->y_axis);
    check(worksheet_insert_chart(sheet, 19, chartColumn, chart), "inserting a chart");
  }
}

}  // namespace workbook
}  // namespace kindly::reports
