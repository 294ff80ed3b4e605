// Reading happens in two phases so that an unreadable file stops the whole import before
// a single row is written: open and recognise every file, then write them all.
#include "importers/ImportJob.h"

#include <Poco/Data/Transaction.h>

#include <algorithm>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "base/Error.h"
#include "base/Text.h"
#include "importers/CsvReader.h"
#include "importers/GenericLayout.h"
#include "importers/LedgerWriter.h"

namespace kindly::importers {

namespace {

// A file recognised and ready to be read row by row.
struct SourceFile {
  std::unique_ptr<CsvReader> reader;
  std::vector<std::string> header;
  GenericLayout layout;
  ParseSettings settings;
};

// Rows sampled before deciding a file's dates are ISO and need no order.
constexpr std::size_t kDateSampleRows = 100;

std::vector<Field> dateFields(RecordKind kind) {
  if (kind == RecordKind::Payments) return {Field::PaymentDate};
  return {Field::IssueDate, Field::DueDate};
}

// Decides how a file's numeric dates are ordered, reading it a first time when the first
// rows are not plainly ISO. Throws InputError when the file leaves it open.
dates::DateOrder sniffDateOrder(const std::string& path, const GenericLayout& layout,
                                const std::vector<std::string>& header) {
  CsvReader reader(path);
  reader.next();  // the header
  const auto fields = dateFields(layout.kind());
  std::vector<std::pair<std::size_t, dates::DateOrderSniffer>> columns;
  for (Field field : fields) {
    if (auto column = layout.column(field))
      columns.emplace_back(*column, dates::DateOrderSniffer{});
  }
  dates::DateOrderSniffer allColumns;  // one file writes all its dates one way
  std::size_t rows = 0;
  bool needsWholeFile = false;
  while (reader.next()) {
    for (auto& [column, sniffer] : columns) {
      if (column >= reader.fields().size()) continue;
      sniffer.observe(reader.fields()[column]);
      allColumns.observe(reader.fields()[column]);
    }
    if (++rows == kDateSampleRows && !needsWholeFile) {
      needsWholeFile = std::any_of(columns.begin(), columns.end(), [](const auto& c) {
        auto verdict = c.second.verdict();
        return !verdict || *verdict != dates::DateOrder::Unknown;
      });
      if (!needsWholeFile) return dates::DateOrder::Unknown;
    }
  }
  // A day above 12 in one column settles another whose dates are all ambiguous (03/05/2026).
  if (const auto verdict = allColumns.verdict()) return *verdict;
  // Otherwise name the column at fault, or say that the columns disagree.
  dates::DateOrder order = dates::DateOrder::Unknown;
  for (const auto& [column, sniffer] : columns) {
    auto verdict = sniffer.verdict();
    if (!verdict) throw InputError(path + ": column '" + header[column] + "': " + verdict.error());
    if (*verdict == dates::DateOrder::Unknown) continue;
    if (order != dates::DateOrder::Unknown && order != *verdict) {
      throw InputError(path +
                       ": the date columns disagree on day and month order; say "
                       "--date-order DMY or MDY");
    }
    order = *verdict;
  }
  return order;
}

SourceFile openSource(const std::string& path, const ImportOptions& options) {
  SourceFile source{std::make_unique<CsvReader>(path), {}, {}, options.parse};
  if (!source.reader->next()) throw InputError(path + ": the file has no header row");
  for (auto name : source.reader->fields()) source.header.emplace_back(name);
  auto layout = GenericLayout::match(source.reader->fields());
  if (!layout) {
    throw InputError(path + ":" + std::to_string(source.reader->line()) + ": " + layout.error());
  }
  source.layout = *layout;
  if (source.settings.dateOrder == dates::DateOrder::Unknown) {
    source.settings.dateOrder = sniffDateOrder(path, source.layout, source.header);
  }
  return source;
}

// What an export says is paid on an invoice, checked once every file is in.
struct PaidClaim {
  std::string invoiceNumber;
  money::Money paid;
  std::int64_t importId;
  std::size_t summaryIndex;  // the file that said so
};

// When an export says more is paid than the ledger knows, and the ledger has no payment
// rows of its own for the invoice, the difference is a payment received by the export's
// date. Runs after the payment files, so a payment listed there is never counted twice.
void inferPayments(LedgerWriter& ledger, const std::vector<PaidClaim>& claims, dates::Date asOf,
                   std::vector<FileSummary>& summaries) {
  for (const auto& claim : claims) {
    const auto invoice = ledger.findInvoice(claim.invoiceNumber);
    const auto known = ledger.paymentsSoFar(invoice->id);
    const auto missing = claim.paid.minorUnits() - known.total;
    if (known.listed > 0 || missing <= 0) continue;
    const money::Money amount(missing, claim.paid.currency());
    if (ledger.writePayment(claim.importId, invoice->id, asOf, amount, "inferred from balance", 1,
                            true)) {
      ++summaries[claim.summaryIndex].inferredPayments;
    }
  }
}

// Reads one file's rows into the ledger, tallying what happened to each.
class FileImport {
 public:
  FileImport(SourceFile& source, LedgerWriter& ledger, const ImportOptions& options,
             std::vector<PaidClaim>& claims, std::size_t summaryIndex)
      : source_(source),
        ledger_(ledger),
        options_(options),
        parser_(source.layout, source.settings),
        claims_(claims),
        summaryIndex_(summaryIndex) {
    summary_.file = source.reader->path();
    summary_.kind = source.layout.kind() == RecordKind::Invoices ? "invoices" : "payments";
  }

  FileSummary run() {
    importId_ = ledger_.beginImport(summary_.file, summary_.kind, options_.asOf);
    CsvReader& reader = *source_.reader;
    while (reader.next()) {
      if (isBlank(reader.fields())) continue;
      ++summary_.read;
      if (!reader.problem().empty()) {
        reject(0, reader.problem());
      } else if (reader.fields().size() < source_.header.size()) {
        reject(0, "the row has " + std::to_string(reader.fields().size()) +
                      " fields but the header has " + std::to_string(source_.header.size()));
      } else if (hasExtraValues(reader.fields())) {
        reject(source_.header.size() + 1,
               "the row has more fields than the header (an unquoted comma?)");
      } else if (source_.layout.kind() == RecordKind::Invoices) {
        importInvoice(reader.fields());
      } else {
        importPayment(reader.fields());
      }
    }
    ledger_.finishImport(importId_, summary_);
    return std::move(summary_);
  }

 private:
  static bool isBlank(const std::vector<std::string_view>& fields) {
    return std::all_of(fields.begin(), fields.end(), [](auto f) { return trim(f).empty(); });
  }
  bool hasExtraValues(const std::vector<std::string_view>& fields) const {
    return std::any_of(fields.begin() + source_.header.size(), fields.end(),
                       [](auto f) { return !trim(f).empty(); });
  }

  void reject(std::size_t column, std::string reason) {
    Reject r{.file = summary_.file,
             .line = source_.reader->line(),
             .column = column,
             .columnName =
                 column > 0 && column <= source_.header.size() ? source_.header[column - 1] : "",
             .reason = std::move(reason),
             .text = source_.reader->text()};
    ledger_.writeReject(importId_, r);
    summary_.rejects.push_back(std::move(r));
    ++summary_.rejected;
  }
  void reject(const FieldProblem& problem) {
    reject(parser_.columnOf(problem.field) + 1, problem.reason);
  }

  void count(Outcome outcome) {
    switch (outcome) {
      case Outcome::Added:
        ++summary_.added;
        break;
      case Outcome::Updated:
        ++summary_.updated;
        break;
      case Outcome::Unchanged:
        ++summary_.unchanged;
        break;
    }
  }

  void importInvoice(const std::vector<std::string_view>& fields) {
    auto parsed = parser_.invoice(fields);
    if (auto* problem = std::get_if<FieldProblem>(&parsed)) return reject(*problem);
    const auto& invoice = std::get<InvoiceRecord>(parsed);
    // Asking the ledger would miss a repeat of an invoice the import left unchanged.
    if (!seenNumbers_.insert(invoice.number).second) {
      return reject(parser_.columnOf(Field::InvoiceNumber) + 1,
                    "invoice " + invoice.number + " appears earlier in this file");
    }
    count(ledger_.writeInvoice(importId_, invoice));
    if (invoice.paidSoFar) {
      claims_.push_back({invoice.number, *invoice.paidSoFar, importId_, summaryIndex_});
    }
  }

  void importPayment(const std::vector<std::string_view>& fields) {
    auto parsed = parser_.payment(fields);
    if (auto* problem = std::get_if<FieldProblem>(&parsed)) return reject(*problem);
    const auto& payment = std::get<PaymentRecord>(parsed);
    const auto invoice = ledger_.findInvoice(payment.invoiceNumber);
    if (!invoice) {
      return reject({Field::InvoiceNumber, "no invoice " + payment.invoiceNumber +
                                               " in the ledger (import the invoices first)"});
    }
    const auto amount =
        money::parseAmount(payment.amountText, invoice->currency, source_.settings.decimalMark);
    if (!amount) return reject({Field::Amount, amount.error()});
    if (amount->money.currency() != invoice->currency) {
      return reject({Field::Amount, "in " + amount->money.currency().code() + ", but invoice " +
                                        payment.invoiceNumber + " is in " +
                                        invoice->currency.code()});
    }
    if (amount->money.isZero()) return reject({Field::Amount, "a payment of zero"});
    // Two identical payments in one file are both real: the occurrence tells them apart. The
    // key is the payment's identity in the ledger, so "950" and "950.00" are the same amount.
    const std::string key = payment.invoiceNumber + '\x1f' +
                            std::to_string(payment.paymentDate.dayNumber()) + '\x1f' +
                            std::to_string(amount->money.minorUnits()) + '\x1f' + payment.reference;
    const int occurrence = ++occurrences_[key];
    const bool added = ledger_.writePayment(importId_, invoice->id, payment.paymentDate,
                                            amount->money, payment.reference, occurrence, false);
    count(added ? Outcome::Added : Outcome::Unchanged);
  }

  SourceFile& source_;
  LedgerWriter& ledger_;
  const ImportOptions& options_;
  RowParser parser_;
  std::vector<PaidClaim>& claims_;
  std::size_t summaryIndex_;
  FileSummary summary_;
  std::int64_t importId_ = 0;
  std::unordered_map<std::string, int> occurrences_;
  std::unordered_set<std::string> seenNumbers_;  // invoice numbers read so far in this file
};

}  // namespace

std::vector<FileSummary> ImportJob::run(const std::vector<std::string>& paths) {
  std::vector<SourceFile> sources;
  for (const auto& path : paths) sources.push_back(openSource(path, options_));
  // Payments name their invoices, so invoices go in first.
  std::stable_sort(sources.begin(), sources.end(), [](const auto& a, const auto& b) {
    return a.layout.kind() == RecordKind::Invoices && b.layout.kind() == RecordKind::Payments;
  });

  auto& session = database_.session();
  Poco::Data::Transaction transaction(session);
  LedgerWriter ledger(database_);
  std::vector<FileSummary> summaries;
  std::vector<PaidClaim> claims;
  for (auto& source : sources) {
    summaries.push_back(FileImport(source, ledger, options_, claims, summaries.size()).run());
  }
  inferPayments(ledger, claims, options_.asOf, summaries);
  if (options_.dryRun) {
    transaction.rollback();
  } else {
    transaction.commit();
  }
  return summaries;
}

}  // namespace kindly::importers
