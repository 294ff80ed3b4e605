// The rows are read through the profile exactly as an import reads them, into a sink that
// prints instead of writing: what --inspect shows is what an import would do.
#include "cli/ImportInspection.h"

#include <algorithm>
#include <sstream>

#include "base/Error.h"
#include "base/Text.h"
#include "dates/DateParser.h"

namespace kindly::cli {

namespace {

using importers::InvoiceRecord;
using importers::PaymentRecord;

// Data rows shown per file.
constexpr std::size_t kSampleRows = 5;

class PrintingSink : public importers::RecordSink {
 public:
  PrintingSink(std::ostream& out, const std::vector<std::string>& header)
      : sink_(out), header_(header) {}

  void startRow(std::size_t line) { prefix_ = "    line " + std::to_string(line) + ": "; }

  void invoice(const InvoiceRecord& r) override {
    out_ << prefix_ << "invoice " << r.number << ", client "
         << (r.clientCode.empty() || r.clientCode == r.clientName
                 ? r.clientName
                 : r.clientCode + " " + r.clientName)
         << (r.clientEmail.empty() ? "" : " <" + r.clientEmail + ">") << ", issued "
         << r.issueDate.iso() << ", due " << r.dueDate.iso() << ", " << r.amount.toDecimal() << ' '
         << r.amount.currency().code();
    if (r.paidSoFar) out_ << ", paid " << r.paidSoFar->toDecimal();
    if (!r.status.empty()) out_ << ", " << r.status;
    if (r.dueDate < r.issueDate) out_ << ", due before it was issued (kept with a warning)";
    emit();
  }
  void payment(const PaymentRecord& r) override {
    out_ << prefix_ << "payment of " << r.amountText
         << (r.invoiceNumber.empty() ? " on account of " + oneLine(r.clientName)
                                     : " to invoice " + oneLine(r.invoiceNumber))
         << " on " << r.paymentDate.iso()
         << (r.reference.empty() ? "" : ", reference " + oneLine(r.reference)) << '\n';
    emit();
  }
  void skip(std::string_view kind) override {
    out_ << prefix_ << "skipped, one of the " << kind << '\n';
    emit();
  }
  void reject(std::optional<std::size_t> column, std::string reason) override {
    out_ << prefix_ << "rejected";
    if (column) {
      out_ << " at column " << *column + 1;
      if (*column < header_.size()) out_ << " (" << header_[*column] << ")";
    }
    out_ << ": " << reason << '\n';
    emit();
  }
  void exportDate(dates::Date date) override {
    out_ << prefix_ << "the export is as of " << date.iso() << '\n';
    emit();
  }

 private:
  // A row's line as written so far goes out as one line: an export's names and cells hold
  // line breaks and escapes of their own.
  void emit() {
    const std::string line = out_.str();
    out_.str("");
    const std::size_t indent = line.starts_with(prefix_) ? prefix_.size() : 0;
    sink_ << line.substr(0, indent) << oneLine(line.substr(indent)) << '\n';
  }

  std::ostream& sink_;
  std::ostringstream out_;
  const std::vector<std::string>& header_;
  std::string prefix_;
};

void printColumns(std::ostream& out, const importers::SourceFile& source) {
  out << "  columns:\n";
  for (std::size_t c = 0; c < source.header.size(); ++c) {
    const std::string field = source.profile->columnField(c);
    out << "    " << c + 1 << " " << oneLine(source.header[c]) << " -> "
        << (field.empty() ? "(not read)" : field) << '\n';
  }
}

void printRows(std::ostream& out, importers::SourceFile& source) {
  out << "  first rows:\n";
  PrintingSink sink(out, source.header);
  importers::Table& table = *source.table;
  std::size_t shown = 0;
  for (std::size_t row = 0; shown < kSampleRows && table.next(); ++row) {
    sink.startRow(table.line());
    if (!table.problem().empty()) {
      sink.reject(std::nullopt, table.problem());
    } else if (std::all_of(table.fields().begin(), table.fields().end(),
                           [](auto cell) { return trim(cell).empty(); })) {
      sink.skip("blank rows");
    } else if (row < source.titleRows) {
      source.profile->title(table.fields(), sink);
      continue;  // titles are not data rows
    } else {
      source.profile->read(table.fields(), sink);
    }
    ++shown;
  }
  if (shown == 0) out << "    (none)\n";
}

void inspectFile(const std::string& path, const importers::SourceOptions& options,
                 std::ostream& out) {
  // Each sheet of a workbook is read on its own, as the import reads it.
  if (const auto sheets = options.table.sheet.empty() ? importers::workbookSheets(path)
                                                      : std::vector<std::string>{};
      sheets.size() > 1) {
    for (const auto& sheet : sheets) {
      auto sheetOptions = options;
      sheetOptions.table.sheet = sheet;
      inspectFile(path, sheetOptions, out);
    }
    return;
  }
  out << path << '\n';
  // Opened first on its own: a file that cannot be read at all is an error, not a finding.
  auto table = importers::openTable(path, options.table);
  out << "  read as: " << table->describe() << '\n';
  try {
    auto source = importers::openSource(path, options);
    out << "  header: line " << source.headerLine << '\n';
    out << "  format: " << source.profile->name() << " (" << source.profile->description() << ")\n";
    printColumns(out, source);
    const auto order = source.settings.dateOrder;
    out << "  date order: "
        << (order == dates::DateOrder::Unknown ? std::string("none needed (ISO dates or names)")
                                               : dates::dateOrderName(order))
        << '\n';
    printRows(out, source);
  } catch (const InputError& e) {
    out << "  format: none: " << oneLine(e.what()) << '\n';
    out << "  first rows as read:\n";
    for (std::size_t shown = 0; shown < kSampleRows + 1 && table->next(); ++shown) {
      out << "    line " << table->line() << ": " << oneLine(table->text()) << '\n';
    }
  }
}

}  // namespace

void inspectFiles(const std::vector<std::string>& paths, const importers::SourceOptions& options,
                  std::ostream& out) {
  for (const auto& path : paths) inspectFile(path, options, out);
}

}  // namespace kindly::cli
