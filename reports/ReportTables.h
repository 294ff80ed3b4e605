// The owner's report as tables: the same columns and rows for the Excel workbook and for the
// CSV and JSON files other tools read. Cells keep their kind (an amount, a date, a count), so
// each output shows them its own way: a number cell in Excel, an exact decimal in CSV.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "aging/Aging.h"
#include "aging/ClientBehavior.h"
#include "aging/Forecast.h"
#include "dates/Date.h"
#include "followup/PlanReader.h"
#include "money/Money.h"

namespace kindly::reports {

enum class CellKind {
  Empty,   // nothing to say: an empty cell, "" in CSV, null in JSON
  Text,    // text
  Amount,  // money, in its currency's decimals
  Date,    // a civil date
  Count,   // a whole number: invoices, days
  Days,    // days to one decimal (an average)
  Share,   // a fraction from 0 to 1, shown as a percentage in Excel
};

struct TableCell {
  CellKind kind = CellKind::Empty;
  std::string text;                    // Text
  std::optional<money::Money> amount;  // Amount
  dates::Date date;                    // Date
  double number = 0;                   // Count, Days, Share

  static TableCell empty() { return {}; }
  static TableCell ofText(std::string value);
  static TableCell ofAmount(const money::Money& value);
  static TableCell ofDate(dates::Date value);
  static TableCell ofCount(long long value);
  // Empty when the figure is undefined.
  static TableCell ofDays(const std::optional<double>& value);
  static TableCell ofShare(const std::optional<double>& value);
  static TableCell ofDate(const std::optional<dates::Date>& value);
};

using TableRow = std::vector<TableCell>;

struct TableColumn {
  std::string key;    // the CSV header and JSON key: "days_overdue"
  std::string title;  // the spreadsheet header: "Days overdue"
};

// Everything the owner's report shows, read from the ledger as of one date. The open invoices
// are not here: there may be a million of them, so they are streamed (OpenInvoiceSource).
struct OwnerReport {
  std::string companyName;  // [company] name: titles, page headers, document properties
  aging::AgingReport aging;
  std::vector<aging::ClientBehavior> clients;
  std::vector<followup::PlannedFollowUp> plan;
  aging::Forecast forecast;
  // The latest contact or promise made with each client (by code) on or before the as-of date.
  std::map<std::string, dates::Date> lastContacts;
  // DSO and ADD over every client, per currency (ordered by code).
  std::vector<aging::OverallBehavior> overall;
};

// Calls its argument once per open invoice, in AgingEngine::openInvoices() order.
using OpenInvoiceSource =
    std::function<void(const std::function<void(const aging::OpenInvoice&)>&)>;
// A source over invoices already in memory (they must outlive the source).
OpenInvoiceSource openInvoicesFrom(const std::vector<aging::OpenInvoice>& invoices);

// What the report knows of each client's follow-ups: the last contact and the plan's next step.
class FollowUpIndex {
 public:
  explicit FollowUpIndex(const OwnerReport& report);
  std::optional<dates::Date> lastContact(const std::string& client) const;
  // The plan's next follow-up for the client, or nullptr when it has none.
  const followup::FollowUp* next(const std::string& client) const;

 private:
  const std::map<std::string, dates::Date>& lastContacts_;
  std::map<std::string, const followup::FollowUp*> next_;
};

// Summary: one row per client and currency, then one totals row per currency (its client cell
// empty, its name "Total").
std::vector<TableColumn> summaryColumns(const aging::BucketEdges& edges);
TableRow summaryRow(const aging::ClientAging& client, const FollowUpIndex& followUps);
TableRow summaryTotalRow(const aging::CurrencyTotal& total, std::size_t columnCount);
// The columns holding the buckets, and the flags, in summaryColumns().
inline constexpr std::size_t kSummaryFirstBucket = 4;
std::size_t summaryFlagsColumn(const aging::BucketEdges& edges);

// Open invoices: one row per open invoice.
std::vector<TableColumn> openInvoiceColumns();
TableRow openInvoiceRow(const aging::OpenInvoice& invoice, const std::vector<std::string>& labels,
                        const FollowUpIndex& followUps);

// Clients: `kindly clients`, one row per client; the balance in its main currency as an amount,
// other currencies as text.
std::vector<TableColumn> clientColumns();
TableRow clientRow(const aging::ClientBehavior& client);
inline constexpr std::size_t kClientFlagsColumn = 16;

// Follow-up plan: every planned follow-up by date (then client); clients shown only for their
// write-offs last.
std::vector<TableColumn> planColumns();
std::vector<TableRow> planRows(const std::vector<followup::PlannedFollowUp>& plan);

// Forecast: one row per forecast column (overdue, week 1..13, later, at risk, total), one
// amount column per currency.
std::vector<TableColumn> forecastColumns(const aging::Forecast& forecast);
std::vector<TableRow> forecastRows(const aging::Forecast& forecast);

}  // namespace kindly::reports
