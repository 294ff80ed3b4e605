// The workbook's life: a temporary file, the sheets in order, the properties, the rename.
#include "reports/AgingWorkbook.h"

#include <Poco/Zip/ZipArchive.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "base/Error.h"
#include "files/PrivateFolder.h"
#include "reports/WorkbookDashboard.h"
#include "reports/WorkbookLayout.h"
#include "reports/WorkbookSheets.h"

namespace kindly::reports {
namespace {

namespace fs = std::filesystem;

using workbook::addSheet;
using workbook::check;
using workbook::Formats;
using workbook::LxwFailure;
using workbook::setUpPrinting;
using workbook::TableSheet;
using workbook::writeCell;

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

// libxlsxwriter never checks its writes to its temporary files: on a full disk (or past a
// limit on file size) it saves a workbook with rows missing and reports success. So, before
// saving: each sheet's rows so far, by the sheet's part in the zip, and whether they were all
// written (throws Error when not).
std::map<std::string, std::uint64_t> rowBytesWritten(lxw_workbook* workbook,
                                                     const std::string& path) {
  std::map<std::string, std::uint64_t> written;
  lxw_worksheet* sheet = nullptr;
  STAILQ_FOREACH(sheet, workbook->worksheets, list_pointers) {
    std::FILE* rows = sheet->optimize_tmpfile;
    if (rows == nullptr) continue;
    const long size = std::fflush(rows) == 0 && !std::ferror(rows) ? std::ftell(rows) : -1;
    if (size < 0) {
      throw Error("cannot write the aging workbook " + path +
                  ": its temporary files could not be written (a full disk?)");
    }
    written["xl/worksheets/sheet" + std::to_string(sheet->index + 1) + ".xml"] =
        static_cast<std::uint64_t>(size);
  }
  return written;
}

// After saving: every sheet in the saved file holds at least the rows written before.
void checkNothingCutShort(const fs::path& saved, const std::string& path,
                          const std::map<std::string, std::uint64_t>& rowBytes) {
  std::ifstream in(saved, std::ios::binary);
  const Poco::Zip::ZipArchive archive(in);
  for (const auto& [part, bytes] : rowBytes) {
    const auto header = archive.findHeader(part);
    if (header == archive.headerEnd() || header->second.getUncompressedSize() < bytes) {
      throw Error("cannot write the aging workbook " + path +
                  ": its temporary files could not be written in full (a full disk?)");
    }
  }
}

// The workbook is written in a private folder beside the destination (same file system, so
// the final rename is atomic), which goes away with what is left in it.
class PendingFile {
 public:
  explicit PendingFile(fs::path destination)
      : destination_(std::move(destination)),
        scratch_(destination_.parent_path(), "." + destination_.filename().string() + ".tmp-",
                 "the aging workbook " + destination_.string()),
        temporary_(scratch_.path() / destination_.filename()) {}
  PendingFile(const PendingFile&) = delete;
  PendingFile& operator=(const PendingFile&) = delete;

  const fs::path& temporary() const { return temporary_; }

  // Throws Error when the rename fails (for instance a folder sits at the destination).
  void moveOntoDestination() {
    std::error_code error;
    fs::rename(temporary_, destination_, error);
    if (error) {
      throw Error("cannot write the aging workbook " + destination_.string() + ": " +
                  error.message());
    }
  }

 private:
  fs::path destination_;
  files::PrivateFolder scratch_;
  fs::path temporary_;
};

void writeSummarySheet(lxw_workbook* workbook, Formats& formats, const OwnerReport& report,
                       const FollowUpIndex& followUps, const std::string& pageHeader) {
  lxw_worksheet* sheet = addSheet(workbook, "Summary");
  const aging::AgingReport& aging = report.aging;
  // Row 1: the company name, spilling over the empty Name column, and the as-of date.
  check(worksheet_set_row(sheet, 0, workbook::kTitlePoints, nullptr), "setting the title's height");
  writeCell(sheet, 0, 0, TableCell::ofText(report.companyName), formats, formats.title);
  writeCell(sheet, 0, 2, TableCell::ofText("Aging as of " + aging.asOf.iso()), formats,
            formats.title);

  const auto columns = summaryColumns(aging.edges);
  TableSheet table(sheet, formats, columns, 1);
  table.markRepeatLate(summaryFlagsColumn(aging.edges));
  const std::size_t buckets = aging.edges.bucketCount();
  if (buckets >= 3) {
    // Default edges: 61-90 orange, 90+ red. With other edges: the last two buckets.
    const std::size_t lastBucket = kSummaryFirstBucket + buckets - 1;
    table.colourWhenPositive(lastBucket - 1, formats.lateFill);
    table.colourWhenPositive(lastBucket, formats.veryLateFill);
  }
  for (const aging::ClientAging& client : aging.clients) {
    table.addRow(summaryRow(client, followUps));
  }
  // Totals stay apart from the clients (one empty row) so the autofilter and a column sum
  // over the client rows never take them in.
  table.skipRow();
  for (const aging::CurrencyTotal& total : aging.totals) {
    table.addRowApart(summaryTotalRow(total, columns.size()), formats.totalLabel);
  }
  // The Name column makes room for the company name, so that the as-of date never covers it.
  table.widen(1, workbook::titleWidth(report.companyName) - table.width(0));
  table.finish();
  setUpPrinting(sheet, pageHeader, 1, table.totalWidth());
}

std::size_t writeOpenInvoicesSheet(lxw_workbook* workbook, Formats& formats,
                                   const OwnerReport& report, const FollowUpIndex& followUps,
                                   const OpenInvoiceSource& openInvoices,
                                   const std::string& pageHeader) {
  lxw_worksheet* sheet = addSheet(workbook, "Open invoices");
  const std::vector<std::string> labels = report.aging.edges.labels();
  TableSheet table(sheet, formats, openInvoiceColumns(), 0);
  openInvoices([&](const aging::OpenInvoice& invoice) {
    table.addRow(openInvoiceRow(invoice, labels, followUps));
  });
  table.finish();
  setUpPrinting(sheet, pageHeader, 0, table.totalWidth());
  return table.dataRows();
}

// A sheet holding one table from the top row.
void writeTableSheet(lxw_workbook* workbook, Formats& formats, const std::string& name,
                     const std::vector<TableColumn>& columns, const std::vector<TableRow>& rows,
                     const std::string& pageHeader,
                     std::optional<std::size_t> flagsColumn = std::nullopt) {
  lxw_worksheet* sheet = addSheet(workbook, name);
  TableSheet table(sheet, formats, columns, 0);
  if (flagsColumn) table.markRepeatLate(*flagsColumn);
  for (const TableRow& row : rows) table.addRow(row);
  table.finish();
  setUpPrinting(sheet, pageHeader, 0, table.totalWidth());
}

std::vector<TableRow> clientRows(const std::vector<aging::ClientBehavior>& clients) {
  std::vector<TableRow> rows;
  rows.reserve(clients.size());
  for (const auto& client : clients) rows.push_back(clientRow(client));
  return rows;
}

void setProperties(lxw_workbook* workbook, const OwnerReport& report) {
  std::string title = "Aging report";
  std::string company = report.companyName;
  std::string comments = "Aging as of " + report.aging.asOf.iso();
  lxw_doc_properties properties{};
  properties.title = title.data();
  properties.company = company.data();
  properties.comments = comments.data();
  // Left at 0, libxlsxwriter would read the clock; the as-of date keeps the file reproducible.
  properties.created = static_cast<std::time_t>(report.aging.asOf.dayNumber()) * 86400;
  check(workbook_set_properties(workbook, &properties), "setting document properties");
  lxw_datetime asOf{
      report.aging.asOf.year(), report.aging.asOf.month(), report.aging.asOf.day(), 0, 0, 0.0};
  check(workbook_set_custom_property_datetime(workbook, "As of", &asOf),
        "setting the as-of property");
}

}  // namespace

std::size_t writeAgingWorkbook(const std::string& path, const OwnerReport& report,
                               const OpenInvoiceSource& openInvoices) {
  // libxlsxwriter finds a missing folder only when saving, and then speaks of permissions.
  const fs::path folder = fs::path(path).parent_path();
  if (!folder.empty() && !fs::is_directory(folder)) {
    throw Error("cannot write the aging workbook " + path + ": there is no folder " +
                folder.string());
  }
  PendingFile file{fs::path(path)};
  std::size_t invoiceCount = 0;
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
    const FollowUpIndex followUps(report);
    const std::string pageHeader = (report.companyName.empty() ? "" : report.companyName + " - ") +
                                   "aging as of " + report.aging.asOf.iso();
    workbook::writeDashboard(workbook.get(), formats, report, pageHeader);
    writeSummarySheet(workbook.get(), formats, report, followUps, pageHeader);
    invoiceCount = writeOpenInvoicesSheet(workbook.get(), formats, report, followUps, openInvoices,
                                          pageHeader);
    writeTableSheet(workbook.get(), formats, "Clients", clientColumns(), clientRows(report.clients),
                    pageHeader, kClientFlagsColumn);
    writeTableSheet(workbook.get(), formats, "Follow-up plan", planColumns(), planRows(report.plan),
                    pageHeader);
    writeTableSheet(workbook.get(), formats, "Forecast", forecastColumns(report.forecast),
                    forecastRows(report.forecast), pageHeader);
    setProperties(workbook.get(), report);

    const auto rowBytes = rowBytesWritten(workbook.get(), path);
    // workbook_close frees the workbook whether or not it succeeds.
    check(workbook_close(workbook.release()), "saving");
    checkNothingCutShort(file.temporary(), path, rowBytes);
  } catch (const LxwFailure& failure) {
    throw Error("cannot write the aging workbook " + path + ": " + failure.what());
  } catch (const Poco::Exception& failure) {
    throw Error("cannot write the aging workbook " + path + ": " + failure.displayText());
  }
  file.moveOntoDestination();
  return invoiceCount;
}

}  // namespace kindly::reports
