// One file's rows: each ends as new, updated, unchanged, skipped or rejected, and the
// reasons for skips and rejects are kept so that the summary can show them.
#include "importers/FileImport.h"

#include <algorithm>

#include "base/Text.h"
#include "importers/Cells.h"
#include "store/InvoiceStatus.h"

namespace kindly::importers {

// Rows between two progress reports: often enough to move, rarely enough to cost nothing.
constexpr std::size_t kProgressEvery = 1 << 16;

// The most of a row the rejects list keeps: a real row is a few hundred bytes, and with its
// file and line this is plenty to find it. A crafted row can be megabytes long, and each
// reject is kept in the ledger and in the summary.
constexpr std::size_t kRejectTextBytes = 4096;

namespace {

// The current row as the rejects list shows it: cut to kRejectTextBytes at a character's
// start, saying how much was left out.
std::string rejectText(const Table& table) {
  std::string text = table.text();
  if (text.size() <= kRejectTextBytes) return text;
  std::size_t cut = kRejectTextBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  const std::size_t left = text.size() - cut;
  text.resize(cut);
  return text + "... (" + std::to_string(left) + " more bytes)";
}

}  // namespace

std::size_t FileSummary::skipped() const {
  std::size_t total = 0;
  for (const auto& [kind, count] : skips) total += count;
  return total;
}

bool FileSummary::againOnlyCounts() const {
  return rejected == 0 && warnings.empty() && dueFromTerms == 0 && dueOnIssue == 0 &&
         skips.empty() && !exportDate && balanceDisagreements.empty() && unappliedCredits.empty() &&
         missingFromExport.empty() && paymentsInAnotherCurrency.empty();
}

FileSummary summaryBeforeReading(const SourceFile& source) {
  FileSummary summary;
  summary.file = source.table->path();
  summary.format = source.profile->name();
  summary.description = source.profile->description();
  summary.table = source.table->describe();
  summary.sheetsNotRead = source.sheetsNotRead;
  if (source.settings.decimalMark == money::DecimalMark::Comma) summary.table += ", decimal comma";
  return summary;
}

FileImport::FileImport(SourceFile& source, LedgerWriter& ledger, const ImportOptions& options,
                       Settlements& settlements, std::size_t summaryIndex)
    : source_(source),
      ledger_(ledger),
      options_(options),
      settlements_(settlements),
      summaryIndex_(summaryIndex),
      summary_(summaryBeforeReading(source)) {}

FileSummary FileImport::run() {
  importId_ = ledger_.beginImport(summary_.file, summary_.format, options_.asOf);
  summary_.importId = importId_;
  Table& table = *source_.table;
  Profile& profile = *source_.profile;
  for (std::size_t row = 0; table.next(); ++row) {
    ++summary_.read;
    if (options_.progress && row % kProgressEvery == 0) {
      options_.progress(summary_.file, table.progress());
    }
    row_ = {table.line(), std::nullopt};
    outcomes_ = 0;
    rowIsInvoice_ = false;
    if (!table.problem().empty()) {
      reject(std::nullopt, table.problem());
    } else if (std::all_of(table.fields().begin(), table.fields().end(),
                           [](auto cell) { return trim(cell).empty(); })) {
      skip("blank rows");  // ",,,," as spreadsheets save an emptied row
    } else if (row < source_.titleRows) {
      profile.title(table.fields(), *this);
    } else {
      profile.read(table.fields(), *this);
    }
    // A profile that says nothing about a row would lose it: refuse it visibly instead.
    if (outcomes_ == 0) reject(std::nullopt, "the row was not understood");
    if (!rowIsInvoice_) {  // only adjacent rows are lines of one invoice
      storePending();
      previous_.reset();
    }
  }
  storePending();
  for (auto& [row, payment] : waitingPayments_) {
    row_ = std::move(row);
    writePayment(payment);
  }
  if (source_.profile->isFullExport()) reportMissing();
  summary_.suspectedDuplicates = ledger_.takeSuspectedDuplicates();
  summary_.replacedInferred = ledger_.takeReplacedInferred();
  // Described again once every row is read: it counts the rows read as Windows-1252.
  summary_.table = summaryBeforeReading(source_).table;
  ledger_.finishImport(importId_, summary_);
  return std::move(summary_);
}

void FileImport::count(Outcome outcome) {
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

void FileImport::skip(std::string_view kind) {
  ++outcomes_;
  ++summary_.skips[std::string(kind)];
}

Reject FileImport::here(std::optional<std::size_t> column, std::string reason) const {
  const auto& header = source_.header;
  return Reject{.file = summary_.file,
                .line = row_.line,
                .column = column ? *column + 1 : 0,
                .columnName = column && *column < header.size() ? header[*column] : "",
                .reason = std::move(reason),
                .text = row_.text ? *row_.text : rejectText(*source_.table)};
}

void FileImport::reject(std::optional<std::size_t> column, std::string reason) {
  ++outcomes_;
  Reject r = here(column, std::move(reason));
  ledger_.writeReject(importId_, r);
  summary_.rejects.push_back(std::move(r));
  ++summary_.rejected;
}

void FileImport::invoice(const InvoiceRecord& given) {
  if (given.amountIsOpenBalance) {
    // What an aged report shows open of an invoice the ledger knows tells what is paid.
    if (const auto known = ledger_.findInvoice(given.number);
        known && known->amount.currency() == given.amount.currency()) {
      InvoiceRecord record = given;
      record.paidSoFar = known->amount - record.amount;
      record.amount = known->amount;
      return writeInvoice(record);
    }
  }
  writeInvoice(given);
}

void FileImport::writeInvoice(const InvoiceRecord& record) {
  if (const auto problem = invoiceProblem(record)) return reject(std::nullopt, *problem);
  // Line-item exports repeat the invoice on every line: one invoice, however many lines.
  // Where each line gives only its own amount, the lines add up to the invoice's.
  if (previous_ && previous_->number == record.number) {
    rowIsInvoice_ = true;
    InvoiceRecord sameBut = *previous_;
    sameBut.amount = record.amount;
    if (record.amountIsLine && pending_ && sameBut == record) {
      if (pending_->record.amount.currency() == record.amount.currency()) {
        pending_->record.amount += record.amount;
        return skip("more lines of an invoice above");
      }
    } else if (*previous_ == record) {
      return skip("more lines of an invoice above");
    }
    return reject(std::nullopt, "another line of invoice " + record.number +
                                    " with other totals, dates or client than the line above");
  }
  storePending();
  ++outcomes_;
  // Asking the ledger would miss a repeat of an invoice the import left unchanged.
  if (++seenNumbers_[record.number] > 1) {
    --outcomes_;
    return reject(record.numberColumn,
                  "invoice " + record.number + " appears earlier in this file");
  }
  previous_ = record;
  rowIsInvoice_ = true;
  if (record.amountIsLine) {
    // Stored once its last line is read: the row is kept, for a warning about it.
    pending_ = PendingInvoice{record, CurrentRow{row_.line, rejectText(*source_.table)}};
    return;
  }
  storeInvoice(record);
}

void FileImport::storePending() {
  if (!pending_) return;
  PendingInvoice pending = std::move(*pending_);
  pending_.reset();
  std::swap(row_, pending.row);
  storeInvoice(pending.record);
  std::swap(row_, pending.row);
}

void FileImport::storeInvoice(const InvoiceRecord& record) {
  if (record.openBalance) {  // its lines are added up: what is paid is now known
    InvoiceRecord known = record;
    known.paidSoFar = known.amount - *known.openBalance;
    known.openBalance.reset();
    return storeInvoice(known);
  }
  // A slip at the source ("due on receipt" typed as an earlier date) does not make the
  // money less owed: the invoice is kept and aged from the due date it states.
  if (record.dueDate < record.issueDate) {
    summary_.warnings.push_back(
        here(record.dueDateColumn, "due " + record.dueDate.iso() + " is before the issue date " +
                                       record.issueDate.iso() + "; kept, aged from its due date"));
  }
  if (!store::isOwed(record.status)) ++summary_.notOwed;
  if (record.dueDateFrom == DueDateFrom::Terms) ++summary_.dueFromTerms;
  if (record.dueDateFrom == DueDateFrom::IssueDate) ++summary_.dueOnIssue;
  count(ledger_.writeInvoice(importId_, record));
  if (record.paidSoFar) {
    settlements_.paidClaims.push_back(
        {record.number, *record.paidSoFar, record.lastPaidOn, importId_, summaryIndex_});
  }
  if (!record.appliesTo.empty()) {
    settlements_.credits.push_back(
        {record.number, record.appliesTo, record.issueDate, importId_, summaryIndex_});
  }
}

void FileImport::payment(const PaymentRecord& record) {
  ++outcomes_;
  if (source_.profile->kind() == RecordKind::Mixed) {
    waitingPayments_.emplace_back(CurrentRow{row_.line, rejectText(*source_.table)}, record);
    return;
  }
  writePayment(record);
}

void FileImport::writePayment(const PaymentRecord& record) {
  const auto fail = [&](std::optional<std::size_t> column, std::string reason) {
    --outcomes_;  // reject() counts the row again
    reject(column, std::move(reason));
  };
  if (record.invoiceNumber.empty()) return writeOnAccount(record);
  const auto invoice = ledger_.findInvoice(record.invoiceNumber);
  if (!invoice && record.invoiceMayBeEarlier) return writeOnAccount(record);
  if (!invoice) {
    return fail(record.numberColumn, "no invoice " + record.invoiceNumber +
                                         " in the ledger (import the invoices first)");
  }
  const auto amount = money::parseAmount(record.amountText, invoice->amount.currency(),
                                         source_.settings.decimalMark);
  if (!amount) return fail(record.amountColumn, amount.error());
  if (amount->money.currency() != invoice->amount.currency() ||
      record.currency.value_or(invoice->amount.currency()) != invoice->amount.currency()) {
    const auto currency = record.currency.value_or(amount->money.currency());
    return fail(record.amountColumn, "in " + currency.code() + ", but invoice " +
                                         record.invoiceNumber + " is in " +
                                         invoice->amount.currency().code());
  }
  if (amount->money.isZero()) return fail(record.amountColumn, "a payment of zero");
  // Two identical payments in one file are both real: the occurrence tells them apart. The
  // key is the payment's identity in the ledger, so "950" and "950.00" are the same amount.
  const auto append = [this](auto number) {
    paymentKey_.append(reinterpret_cast<const char*>(&number), sizeof number);
  };
  paymentKey_.clear();
  append(invoice->id);
  append(record.paymentDate.dayNumber());
  append(amount->money.minorUnits());
  paymentKey_ += record.reference;
  const int occurrence = static_cast<int>(++payments_[paymentKey_]);
  const bool added = ledger_
                         .writePayment(importId_, invoice->id, record.paymentDate, amount->money,
                                       record.reference, occurrence, false)
                         .has_value();
  count(added ? Outcome::Added : Outcome::Unchanged);
}

// A payment naming no invoice (QuickBooks' "received on account", a transfer with no
// reference) is the client's money all the same: it stands as the client's credit, shown in
// the aging's credits, until a person or a later export applies it. Kept as a credit dated
// the day it was paid, named after that day and the payment's reference.
void FileImport::writeOnAccount(const PaymentRecord& record) {
  --outcomes_;  // writeInvoice() or reject() counts the row
  const auto amount = money::parseAmount(record.amountText,
                                         record.currency.value_or(source_.settings.defaultCurrency),
                                         source_.settings.decimalMark);
  if (!amount) return reject(record.amountColumn, amount.error());
  if (amount->money.isZero() || amount->money.isNegative()) {
    return reject(record.amountColumn,
                  "a payment on account (naming no invoice) must be more than zero");
  }
  std::string number = "paid on account " + record.paymentDate.iso() +
                       (record.invoiceNumber.empty() ? "" : " for " + record.invoiceNumber) +
                       (record.reference.empty() ? "" : " " + record.reference);
  if (const auto repeat = ++onAccount_[number]; repeat > 1) {
    number += " (" + std::to_string(repeat) + ")";  // two such payments the same day are both real
  }
  ++(record.invoiceNumber.empty() ? summary_.paidOnAccount : summary_.paidEarlierInvoice);
  writeInvoice(InvoiceRecord{.number = std::move(number),
                             .numberColumn = record.numberColumn,
                             .clientCode = record.clientCode,
                             .clientName = record.clientName,
                             .clientEmail = {},
                             .issueDate = record.paymentDate,
                             .dueDate = record.paymentDate,
                             .amount = -amount->money,
                             .status = "paid on account",
                             .paidSoFar = std::nullopt});
}

void FileImport::reportMissing() {
  for (auto& number : ledger_.openInvoicesOfFormat(summary_.format)) {
    if (!seenNumbers_.contains(number)) summary_.missingFromExport.push_back(std::move(number));
  }
}

}  // namespace kindly::importers
