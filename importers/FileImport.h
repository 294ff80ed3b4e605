// Reads one recognised file into the ledger: the RecordSink its profile reports to, which
// keeps the tally of every row.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "importers/ImportJob.h"
#include "importers/KeyTable.h"
#include "importers/LedgerWriter.h"
#include "importers/SourceFile.h"

namespace kindly::importers {

// What an export says is paid on an invoice, checked once every file is in.
struct PaidClaim {
  std::string invoiceNumber;
  money::Money paid;
  std::optional<dates::Date> lastPaidOn;  // the export's date of the latest payment
  std::int64_t importId;
  std::size_t summaryIndex;  // the file that said so
};

// A credit note issued against an invoice, applied once every file is in (the invoice may
// come later in the file, or in another file of the import).
struct CreditForInvoice {
  std::string creditNote;
  std::string invoiceNumber;
  dates::Date issued;  // the credit note's date: the day it settles the invoice
  std::int64_t importId;
  std::size_t summaryIndex;
};

// What the import settles once every file is in.
struct Settlements {
  std::vector<PaidClaim> paidClaims;
  std::vector<CreditForInvoice> credits;
};

// A file's summary before any row is read: what it is and how it is read.
FileSummary summaryBeforeReading(const SourceFile& source);

class FileImport : private RecordSink {
 public:
  FileImport(SourceFile& source, LedgerWriter& ledger, const ImportOptions& options,
             Settlements& settlements, std::size_t summaryIndex);

  // Reads every row; the summary adds up.
  FileSummary run();

 private:
  struct CurrentRow {
    std::size_t line = 0;
    // The row as read, kept only for a row whose writing waits; else the table still has it.
    std::optional<std::string> text;
  };

  void invoice(const InvoiceRecord& given) override;
  void payment(const PaymentRecord& record) override;
  void skip(std::string_view kind) override;
  void reject(std::optional<std::size_t> column, std::string reason) override;
  void exportDate(dates::Date date) override { summary_.exportDate = date; }

  // The current row, at `column` (nullopt: the whole row), for the rejects and warnings.
  Reject here(std::optional<std::size_t> column, std::string reason) const;
  void writeInvoice(const InvoiceRecord& record);
  // Writes `record` to the ledger, noting what a person should know of it.
  void storeInvoice(const InvoiceRecord& record);
  // Stores the invoice whose lines were being added up, if any.
  void storePending();
  void writePayment(const PaymentRecord& record);
  void writeOnAccount(const PaymentRecord& record);
  void count(Outcome outcome);
  void reportMissing();

  SourceFile& source_;
  LedgerWriter& ledger_;
  const ImportOptions& options_;
  Settlements& settlements_;
  std::size_t summaryIndex_;
  FileSummary summary_;
  std::int64_t importId_ = 0;
  CurrentRow row_;
  int outcomes_ = 0;  // calls of the sink for the current row: must end at exactly one
  std::optional<InvoiceRecord> previous_;  // the invoice of the row above, for line items
  // An invoice whose lines give only their own amounts, added up until its last line.
  struct PendingInvoice {
    InvoiceRecord record;
    CurrentRow row;  // its first line
  };
  std::optional<PendingInvoice> pending_;
  bool rowIsInvoice_ = false;
  KeyTable seenNumbers_;  // invoice numbers read so far in this file, with their count
  KeyTable payments_;     // the identity of each payment read so far, with its count
  KeyTable onAccount_;    // payments on account read so far, by day and reference
  std::string paymentKey_;
  // Payments of a mixed file wait for the end of it: their invoice may come later.
  std::vector<std::pair<CurrentRow, PaymentRecord>> waitingPayments_;
};

}  // namespace kindly::importers
