// Report tables as CSV or JSON files, written whole or not at all.
#include "reports/ReportTablesFiles.h"

#include <Poco/JSON/Object.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <system_error>
#include <utility>
#include <vector>

#include "base/Error.h"
#include "files/PrivateFolder.h"
#include "reports/ClientsOutput.h"
#include "reports/CsvWriter.h"

namespace kindly::reports {

namespace {

namespace fs = std::filesystem;

std::string csvText(const TableCell& cell) {
  switch (cell.kind) {
    case CellKind::Empty:
      return "";
    case CellKind::Text:
      return cell.text;
    case CellKind::Amount:
      return cell.amount->toDecimal();
    case CellKind::Date:
      return cell.date.iso();
    case CellKind::Count:
      return std::to_string(static_cast<long long>(cell.number));
    case CellKind::Days:
      return daysText(cell.number);
    case CellKind::Share:
      return rateText(cell.number);
  }
  return "";
}

Poco::Dynamic::Var jsonValue(const TableCell& cell) {
  switch (cell.kind) {
    case CellKind::Empty:
      return {};
    case CellKind::Count:
      return static_cast<long long>(cell.number);
    case CellKind::Days:
    case CellKind::Share:
      return cell.number;
    default:
      return csvText(cell);
  }
}

// One table being written to its file, one row at a time.
class TableFile {
 public:
  TableFile(const fs::path& path, TableFileFormat format, std::vector<TableColumn> columns,
            const dates::Date& asOf)
      : out_(path, std::ios::binary), format_(format), columns_(std::move(columns)) {
    if (format_ == TableFileFormat::Csv) {
      std::vector<std::string> keys;
      for (const auto& column : columns_) keys.push_back(column.key);
      writeCsvRow(out_, keys);
    } else {
      out_ << "{\"as_of\":\"" << asOf.iso() << "\",\"rows\":[";
    }
  }

  void add(const TableRow& row) {
    if (format_ == TableFileFormat::Csv) {
      std::vector<std::string> cells;
      for (const auto& cell : row) cells.push_back(csvText(cell));
      writeCsvRow(out_, cells);
    } else {
      writeObject(row, false);
    }
  }

  // Summary totals: CSV rows like the clients' (no client code, name "Total"); in JSON a list
  // of their own, without the empty keys.
  void addTotals(const std::vector<TableRow>& totals) {
    if (format_ == TableFileFormat::Csv) {
      for (const auto& row : totals) add(row);
      return;
    }
    out_ << "],\"totals\":[";
    first_ = true;
    for (TableRow row : totals) {
      row[1] = TableCell::empty();  // the "Total" label says nothing a list of totals does not
      writeObject(row, true);
    }
  }

  // Ends the file; throws Error when anything failed to reach the disk.
  void close(const fs::path& path) {
    if (format_ == TableFileFormat::Json) out_ << "]}\n";
    out_.close();
    if (!out_) throw Error("cannot write " + path.string());
  }

 private:
  void writeObject(const TableRow& row, bool skipEmpty) {
    Poco::JSON::Object object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (std::size_t i = 0; i < row.size() && i < columns_.size(); ++i) {
      if (skipEmpty && row[i].kind == CellKind::Empty) continue;
      object.set(columns_[i].key, jsonValue(row[i]));
    }
    if (!first_) out_ << ',';
    first_ = false;
    object.stringify(out_);
  }

  std::ofstream out_;
  TableFileFormat format_;
  std::vector<TableColumn> columns_;
  bool first_ = true;
};

// The files of one run, under temporary names until all are written.
class PendingFolder {
 public:
  explicit PendingFolder(fs::path folder) : folder_(std::move(folder)) {
    const fs::path parent = folder_.parent_path();
    if (!parent.empty() && !fs::is_directory(parent)) {
      throw Error("cannot write the report to " + folder_.string() + ": there is no folder " +
                  parent.string());
    }
    std::error_code error;
    if (!fs::exists(folder_)) {
      created_ = fs::create_directory(folder_, error);
    } else if (!fs::is_directory(folder_)) {
      throw Error("cannot write the report to " + folder_.string() + ": it is not a folder");
    }
    if (error) {
      throw Error("cannot write the report to " + folder_.string() + ": " + error.message());
    }
  }
  PendingFolder(const PendingFolder&) = delete;
  PendingFolder& operator=(const PendingFolder&) = delete;
  ~PendingFolder() {
    scratch_.reset();  // with the files not moved into place
    if (done_) return;
    std::error_code ignored;
    if (created_) fs::remove(folder_, ignored);
  }

  // A temporary path for the file `name`, in a private folder inside the report's, renamed
  // onto it by commit().
  fs::path add(const std::string& name) {
    if (!scratch_) {
      scratch_.emplace(folder_, ".report.tmp-", "the report to " + folder_.string());
    }
    fs::path temporary = scratch_->path() / name;
    files_.emplace_back(temporary, folder_ / name);
    return temporary;
  }

  void commit() {
    for (const auto& [temporary, final] : files_) {
      std::error_code error;
      fs::rename(temporary, final, error);
      if (error) {
        throw Error("cannot write the report to " + folder_.string() + ": " + final.string() +
                    ": " + error.message());
      }
    }
    done_ = true;
  }

  const fs::path& folder() const { return folder_; }

 private:
  fs::path folder_;
  bool created_ = false;
  bool done_ = false;
  std::vector<std::pair<fs::path, fs::path>> files_;
  std::optional<files::PrivateFolder> scratch_;
};

void writeTable(PendingFolder& folder, const std::string& name, TableFileFormat format,
                const std::vector<TableColumn>& columns, const std::vector<TableRow>& rows,
                dates::Date asOf) {
  const fs::path path = folder.add(name);
  TableFile file(path, format, columns, asOf);
  for (const auto& row : rows) file.add(row);
  file.close(folder.folder() / name);
}

}  // namespace

std::size_t writeReportTables(const std::string& folderName, TableFileFormat format,
                              const OwnerReport& report, const OpenInvoiceSource& openInvoices) {
  PendingFolder folder{fs::path(folderName)};
  const std::string extension = format == TableFileFormat::Csv ? ".csv" : ".json";
  const dates::Date asOf = report.aging.asOf;
  const FollowUpIndex followUps(report);

  {
    const auto columns = summaryColumns(report.aging.edges);
    const std::string name = "summary" + extension;
    TableFile file(folder.add(name), format, columns, asOf);
    for (const auto& client : report.aging.clients) file.add(summaryRow(client, followUps));
    std::vector<TableRow> totals;
    for (const auto& total : report.aging.totals) {
      totals.push_back(summaryTotalRow(total, columns.size()));
    }
    file.addTotals(totals);
    file.close(folder.folder() / name);
  }

  std::size_t invoiceCount = 0;
  {
    const std::string name = "open-invoices" + extension;
    const std::vector<std::string> labels = report.aging.edges.labels();
    TableFile file(folder.add(name), format, openInvoiceColumns(), asOf);
    openInvoices([&](const aging::OpenInvoice& invoice) {
      file.add(openInvoiceRow(invoice, labels, followUps));
      ++invoiceCount;
    });
    file.close(folder.folder() / name);
  }

  std::vector<TableRow> clients;
  for (const auto& client : report.clients) clients.push_back(clientRow(client));
  writeTable(folder, "clients" + extension, format, clientColumns(), clients, asOf);
  writeTable(folder, "plan" + extension, format, planColumns(), planRows(report.plan), asOf);
  writeTable(folder, "forecast" + extension, format, forecastColumns(report.forecast),
             forecastRows(report.forecast), asOf);
  folder.commit();
  return invoiceCount;
}

}  // namespace kindly::reports
