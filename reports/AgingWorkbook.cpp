// Renders an AgingReport with libxlsxwriter. Money becomes a double only here, at the last
// step, because a spreadsheet can sum nothing else.
#include "reports/AgingWorkbook.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "base/Error.h"

namespace kindly::reports {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kRepeatLateFlag = "repeat-late";

// A libxlsxwriter call failed; writeAgingWorkbook adds the path and turns it into an Error.
class LxwFailure : public std::runtime_error {
 public:
  LxwFailure(const std::string& step, lxw_error error)
      : std::runtime_error(step + ": " + lxw_strerror(error)) {}
};

void check(lxw_error error, const char* step) {
  if (error != LXW_NO_ERROR) throw LxwFailure(step, error);
}

// Frees a workbook that will not be written. lxw_workbook_free leaves the temporary files of
// constant-memory worksheets open (workbook_close would have consumed them), so close them
// first.
struct AbandonWorkbook {
  void operator()(lxw_workbook* workbook) const noexcept {
    lxw_worksheet* sheet = nullptr;
    STAILQ_FOREACH(sheet, workbook->worksheets, list_pointers) {
      if (sheet->optimize_tmpfile != nullptr) {
        std::fclose(sheet->optimize_tmpfile);
        sheet->optimize_tmpfile = nullptr;
        sheet->file = nullptr;
      }
    }
    lxw_workbook_free(workbook);
  }
};
using WorkbookHandle = std::unique_ptr<lxw_workbook, AbandonWorkbook>;

// A temporary name beside the destination (same folder, so the final rename is atomic).
// Removed on destruction unless moveOntoDestination() succeeded.
class PendingFile {
 public:
  explicit PendingFile(fs::path destination) : destination_(std::move(destination)) {
    static std::atomic<unsigned> counter{0};
    temporary_ = destination_;
    temporary_.replace_filename("." + destination_.filename().string() + ".tmp-" +
                                std::to_string(::getpid()) + "-" + std::to_string(++counter));
  }
  PendingFile(const PendingFile&) = delete;
  PendingFile& operator=(const PendingFile&) = delete;
  ~PendingFile() {
    if (!moved_) {
      std::error_code ignored;
      fs::remove(temporary_, ignored);
    }
  }

  const fs::path& temporary() const { return temporary_; }

  // Throws Error when the rename fails (for instance a folder sits at the destination).
  void moveOntoDestination() {
    std::error_code error;
    fs::rename(temporary_, destination_, error);
    if (error) {
      throw Error("cannot write the aging workbook " + destination_.string() + ": " +
                  error.message());
    }
    moved_ = true;
  }

 private:
  fs::path destination_;
  fs::path temporary_;
  bool moved_ = false;
};

lxw_format* newFormat(lxw_workbook* workbook) {
  lxw_format* format = workbook_add_format(workbook);
  if (format == nullptr) throw LxwFailure("adding a cell format", LXW_ERROR_MEMORY_MALLOC_FAILED);
  return format;
}

// Every cell format of the workbook, made once; the workbook owns them.
struct Formats {
  explicit Formats(lxw_workbook* workbook) : workbook_(workbook) {
    title = newFormat(workbook);
    format_set_bold(title);
    format_set_font_size(title, 14);

    header = newFormat(workbook);
    format_set_bold(header);
    format_set_text_wrap(header);
    format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bottom(header, LXW_BORDER_THIN);
    format_set_bg_color(header, 0xDDEBF7);

    totalLabel = newFormat(workbook);
    format_set_bold(totalLabel);

    repeatLate = newFormat(workbook);
    format_set_bold(repeatLate);
    format_set_font_color(repeatLate, 0x9C0006);

    date = newFormat(workbook);
    format_set_num_format(date, "yyyy-mm-dd");

    days = newFormat(workbook);
    format_set_num_format(days, "0");

    lateFill = newFormat(workbook);
    format_set_bg_color(lateFill, 0xFFD8A8);

    veryLateFill = newFormat(workbook);
    format_set_bg_color(veryLateFill, 0xFFC7CE);
    format_set_font_color(veryLateFill, 0x9C0006);
  }

  // "#,##0.00" for two decimals, "#,##0" for none, "#,##0.000" for three; negatives take a
  // minus sign (Excel's default section), the same in every currency.
  lxw_format* amount(int exponent) {
    auto found = amounts_.find(exponent);
    if (found != amounts_.end()) return found->second;
    std::string pattern = "#,##0";
    if (exponent > 0) pattern += "." + std::string(static_cast<std::size_t>(exponent), '0');
    lxw_format* format = newFormat(workbook_);
    format_set_num_format(format, pattern.c_str());
    amounts_.emplace(exponent, format);
    return format;
  }

  lxw_format* title;
  lxw_format* header;
  lxw_format* totalLabel;
  lxw_format* repeatLate;
  lxw_format* date;
  lxw_format* days;
  lxw_format* lateFill;      // conditional: the last closed bucket (61-90) above zero
  lxw_format* veryLateFill;  // conditional: the open-ended bucket (90+) above zero

 private:
  lxw_workbook* workbook_;
  std::map<int, lxw_format*> amounts_;
};

// The one place minor units become a spreadsheet number. Dividing by an exact power of ten
// gives the double nearest the decimal amount, exact to the cent below 2^53 minor units
// (about 90 trillion dollars), which is also where Excel's own precision ends.
double spreadsheetNumber(const money::Money& amount) {
  double scale = 1;
  for (int i = 0; i < amount.currency().exponent(); ++i) scale *= 10;
  return static_cast<double>(amount.minorUnits()) / scale;
}

lxw_datetime spreadsheetDate(const dates::Date& date) {
  return lxw_datetime{date.year(), date.month(), date.day(), 0, 0, 0.0};
}

// Writes one row strictly left to right, as constant-memory mode requires: a cell behind
// the cursor, or a row above the current one, would be silently lost.
class RowWriter {
 public:
  RowWriter(lxw_worksheet* sheet, lxw_row_t row) : sheet_(sheet), row_(row) {}

  void text(const std::string& value, lxw_format* format = nullptr) {
    check(worksheet_write_string(sheet_, row_, column_++, value.c_str(), format),
          "writing a text cell");
  }
  void number(double value, lxw_format* format) {
    check(worksheet_write_number(sheet_, row_, column_++, value, format), "writing a number");
  }
  void amount(const money::Money& value, Formats& formats) {
    number(spreadsheetNumber(value), formats.amount(value.currency().exponent()));
  }
  void date(const dates::Date& value, Formats& formats) {
    lxw_datetime cell = spreadsheetDate(value);
    check(worksheet_write_datetime(sheet_, row_, column_++, &cell, formats.date), "writing a date");
  }
  void skip() { ++column_; }

 private:
  lxw_worksheet* sheet_;
  lxw_row_t row_;
  lxw_col_t column_ = 0;
};

lxw_worksheet* addSheet(lxw_workbook* workbook, const char* name) {
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, name);
  // In constant-memory mode this also fails when no temporary file can be created.
  if (sheet == nullptr)
    throw LxwFailure(std::string("adding sheet ") + name, LXW_ERROR_CREATING_TMPFILE);
  return sheet;
}

void writeHeader(lxw_worksheet* sheet, lxw_row_t row, const std::vector<std::string>& titles,
                 Formats& formats) {
  RowWriter writer(sheet, row);
  for (const std::string& title : titles) writer.text(title, formats.header);
}

// The last data row below `headerRow` for `rowCount` rows; throws when a sheet cannot hold
// them (1,048,576 rows in all).
lxw_row_t lastDataRow(lxw_row_t headerRow, std::size_t rowCount, const char* what) {
  if (rowCount >= LXW_ROW_MAX - headerRow) {
    throw LxwFailure(std::to_string(rowCount) + " " + what + " do not fit in one sheet",
                     LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE);
  }
  return headerRow + static_cast<lxw_row_t>(rowCount);
}

// Freezes everything above the first data row and filters the header's columns down to
// `lastDataRow` (the header itself when there are no data rows).
void freezeAndFilter(lxw_worksheet* sheet, lxw_row_t headerRow, lxw_row_t lastDataRow,
                     lxw_col_t lastColumn) {
  worksheet_freeze_panes(sheet, headerRow + 1, 0);
  check(worksheet_autofilter(sheet, headerRow, 0, lastDataRow, lastColumn), "adding an autofilter");
}

void setWidth(lxw_worksheet* sheet, lxw_col_t first, lxw_col_t last, double width) {
  check(worksheet_set_column(sheet, first, last, width, nullptr), "setting a column width");
}

void colourWhenPositive(lxw_worksheet* sheet, lxw_row_t firstRow, lxw_row_t lastRow,
                        lxw_col_t column, lxw_format* format) {
  lxw_conditional_format rule{};
  rule.type = LXW_CONDITIONAL_TYPE_CELL;
  rule.criteria = LXW_CONDITIONAL_CRITERIA_GREATER_THAN;
  rule.value = 0;
  rule.format = format;
  check(worksheet_conditional_format_range(sheet, firstRow, column, lastRow, column, &rule),
        "adding a conditional format");
}

std::string joinFlags(const std::vector<std::string>& flags) {
  std::string joined;
  for (const std::string& flag : flags) {
    if (!joined.empty()) joined += ", ";
    joined += flag;
  }
  return joined;
}

bool isRepeatLate(const aging::ClientAging& client) {
  return std::find(client.flags.begin(), client.flags.end(), kRepeatLateFlag) != client.flags.end();
}

void writeSummarySheet(lxw_workbook* workbook, Formats& formats, const aging::AgingReport& report,
                       const WorkbookDetails& details) {
  lxw_worksheet* sheet = addSheet(workbook, "Summary");
  const std::vector<std::string> labels = report.edges.labels();
  const auto bucketCount = static_cast<lxw_col_t>(labels.size());
  constexpr lxw_col_t kFirstBucket = 4;
  const lxw_col_t creditsColumn = kFirstBucket + bucketCount;
  const lxw_col_t flagsColumn = creditsColumn + 4;
  constexpr lxw_row_t kHeaderRow = 1;
  const lxw_row_t lastClientRow = lastDataRow(kHeaderRow, report.clients.size(), "client rows");

  // Layout first: constant-memory mode refuses ranges over rows already written.
  freezeAndFilter(sheet, kHeaderRow, lastClientRow, flagsColumn);
  if (!report.clients.empty() && bucketCount >= 3) {
    // Default edges: 61-90 orange, 90+ red. With other edges: the last two buckets.
    const lxw_col_t lastBucket = kFirstBucket + bucketCount - 1;
    colourWhenPositive(sheet, kHeaderRow + 1, lastClientRow, lastBucket - 1, formats.lateFill);
    colourWhenPositive(sheet, kHeaderRow + 1, lastClientRow, lastBucket, formats.veryLateFill);
  }
  setWidth(sheet, 0, 0, 12);
  setWidth(sheet, 1, 1, 30);
  setWidth(sheet, 2, 2, 9);
  setWidth(sheet, 3, creditsColumn + 1, 14);
  setWidth(sheet, creditsColumn + 2, creditsColumn + 3, 10);
  setWidth(sheet, flagsColumn, flagsColumn, 24);

  // The company name spills over the empty Name column; the as-of date sits after it.
  RowWriter title(sheet, 0);
  title.text(details.companyName, formats.title);
  title.skip();
  title.text("Aging as of " + report.asOf.iso(), formats.title);

  std::vector<std::string> titles = {"Client", "Name", "Currency", "Balance"};
  titles.insert(titles.end(), labels.begin(), labels.end());
  titles.insert(titles.end(),
                {"Credits", "Not yet issued", "Open invoices", "Oldest days overdue", "Flags"});
  writeHeader(sheet, kHeaderRow, titles, formats);

  lxw_row_t row = kHeaderRow + 1;
  for (const aging::ClientAging& client : report.clients) {
    assert(client.buckets.size() == labels.size());
    RowWriter writer(sheet, row++);
    writer.text(client.clientCode);
    writer.text(client.clientName);
    writer.text(client.balance.currency().code());
    writer.amount(client.balance, formats);
    for (const money::Money& bucket : client.buckets) writer.amount(bucket, formats);
    writer.amount(client.credits, formats);
    writer.amount(client.notYetIssued, formats);
    writer.number(client.openInvoices, formats.days);
    writer.number(client.oldestDaysOverdue, formats.days);
    writer.text(joinFlags(client.flags), isRepeatLate(client) ? formats.repeatLate : nullptr);
  }

  // Totals stay apart from the clients (one empty row) so the autofilter and a column sum
  // over the client rows never take them in.
  ++row;
  for (const aging::CurrencyTotal& total : report.totals) {
    assert(total.buckets.size() == labels.size());
    RowWriter writer(sheet, row++);
    writer.text("Total", formats.totalLabel);
    writer.skip();
    writer.text(total.balance.currency().code(), formats.totalLabel);
    writer.amount(total.balance, formats);
    for (const money::Money& bucket : total.buckets) writer.amount(bucket, formats);
    writer.amount(total.credits, formats);
    writer.amount(total.notYetIssued, formats);
  }
}

void writeOpenInvoicesSheet(lxw_workbook* workbook, Formats& formats,
                            const aging::AgingReport& report,
                            const std::vector<aging::OpenInvoice>& openInvoices) {
  lxw_worksheet* sheet = addSheet(workbook, "Open invoices");
  const std::vector<std::string> labels = report.edges.labels();

  constexpr lxw_row_t kHeaderRow = 0;
  const std::vector<std::string> titles = {"Client",   "Name",         "Invoice", "Issue date",
                                           "Due date", "Currency",     "Amount",  "Paid",
                                           "Balance",  "Days overdue", "Bucket"};

  // Layout first: constant-memory mode refuses ranges over rows already written.
  freezeAndFilter(sheet, kHeaderRow, lastDataRow(kHeaderRow, openInvoices.size(), "open invoices"),
                  static_cast<lxw_col_t>(titles.size() - 1));
  setWidth(sheet, 0, 0, 12);
  setWidth(sheet, 1, 1, 30);
  setWidth(sheet, 2, 2, 14);
  setWidth(sheet, 3, 4, 12);
  setWidth(sheet, 5, 5, 9);
  setWidth(sheet, 6, 8, 14);
  setWidth(sheet, 9, 10, 10);

  writeHeader(sheet, kHeaderRow, titles, formats);
  lxw_row_t row = kHeaderRow + 1;
  for (const aging::OpenInvoice& invoice : openInvoices) {
    assert(invoice.bucket < labels.size());
    RowWriter writer(sheet, row++);
    writer.text(invoice.clientCode);
    writer.text(invoice.clientName);
    writer.text(invoice.number);
    writer.date(invoice.issueDate, formats);
    writer.date(invoice.dueDate, formats);
    writer.text(invoice.balance.currency().code());
    writer.amount(invoice.amount, formats);
    writer.amount(invoice.paid, formats);
    writer.amount(invoice.balance, formats);
    writer.number(invoice.daysOverdue, formats.days);
    writer.text(invoice.notYetIssued ? aging::kNotYetIssued : labels.at(invoice.bucket));
  }
}

void setProperties(lxw_workbook* workbook, const aging::AgingReport& report,
                   const WorkbookDetails& details) {
  std::string title = "Aging report";
  std::string company = details.companyName;
  std::string comments = "Aging as of " + report.asOf.iso();
  lxw_doc_properties properties{};
  properties.title = title.data();
  properties.company = company.data();
  properties.comments = comments.data();
  // Left at 0, libxlsxwriter would read the clock; the as-of date keeps the file reproducible.
  properties.created = static_cast<std::time_t>(report.asOf.dayNumber()) * 86400;
  check(workbook_set_properties(workbook, &properties), "setting document properties");
}

}  // namespace

void writeAgingWorkbook(const std::string& path, const aging::AgingReport& report,
                        const std::vector<aging::OpenInvoice>& openInvoices,
                        const WorkbookDetails& details) {
  // libxlsxwriter finds a missing folder only when saving, and then speaks of permissions.
  const fs::path folder = fs::path(path).parent_path();
  if (!folder.empty() && !fs::is_directory(folder)) {
    throw Error("cannot write the aging workbook " + path + ": there is no folder " +
                folder.string());
  }
  PendingFile file{fs::path(path)};
  try {
    // Constant-memory mode always, not only for large ledgers: one code path, tested by
    // every test, and memory stays flat however many invoices there are. Its constraint
    // (rows strictly in order, each left to right) is one the sheets meet anyway; its cost,
    // inline rather than shared strings, is a slightly larger file.
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    WorkbookHandle workbook(workbook_new_opt(file.temporary().c_str(), &options));
    if (!workbook) throw LxwFailure("creating the workbook", LXW_ERROR_MEMORY_MALLOC_FAILED);

    Formats formats(workbook.get());
    writeSummarySheet(workbook.get(), formats, report, details);
    writeOpenInvoicesSheet(workbook.get(), formats, report, openInvoices);
    setProperties(workbook.get(), report, details);

    // workbook_close frees the workbook whether or not it succeeds.
    check(workbook_close(workbook.release()), "saving");
  } catch (const LxwFailure& failure) {
    throw Error("cannot write the aging workbook " + path + ": " + failure.what());
  }
  file.moveOntoDestination();
}

}  // namespace kindly::reports
