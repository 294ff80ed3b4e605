// The import's writes to the ledger, each a prepared statement made once and reused for
// every row. Used only inside ImportJob's transaction.
#pragma once

#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Types.h>

#include <optional>
#include <string>
#include <unordered_map>

#include "importers/ImportJob.h"
#include "importers/Records.h"

namespace kindly::importers {

enum class Outcome { Added, Updated, Unchanged };

class LedgerWriter {
 public:
  explicit LedgerWriter(Poco::Data::Session& session);

  // Starts the record of one file's import; returns its id.
  Poco::Int64 beginImport(const std::string& file, const std::string& kind, dates::Date asOf);
  void finishImport(Poco::Int64 importId, const FileSummary& summary);
  void writeReject(Poco::Int64 importId, const Reject& reject);

  // True when `number` was already written by this import (a repeat within the file).
  bool writtenBy(Poco::Int64 importId, const std::string& number);
  // Adds or updates the invoice and its client. A change of the invoice's fields is
  // Updated (the audit triggers keep the old values); the same fields again are Unchanged.
  Outcome writeInvoice(Poco::Int64 importId, const InvoiceRecord& invoice);

  struct InvoiceRef {
    Poco::Int64 id;
    money::Currency currency;
  };
  std::optional<InvoiceRef> findInvoice(const std::string& number);
  // Sum of the payments recorded for an invoice.
  Poco::Int64 paidSoFar(Poco::Int64 invoiceId);
  // Records a payment unless the same one (same invoice, day, amount, reference and
  // occurrence) is already there; true when it is new.
  bool writePayment(Poco::Int64 importId, Poco::Int64 invoiceId, dates::Date day,
                    const money::Money& amount, const std::string& reference, int occurrence,
                    bool inferred);

 private:
  Poco::Int64 clientId(const InvoiceRecord& invoice);

  Poco::Data::Session& session_;
  struct Client {
    Poco::Int64 id;
    std::string name;
    std::string email;
  };
  std::unordered_map<std::string, Client> clients_;  // by client code

  // Bound variables of the reused statements (Poco's use() keeps references to them).
  std::string number_, currency_, status_, reference_;
  Poco::Int64 clientId_ = 0, issueDay_ = 0, dueDay_ = 0, amount_ = 0, importId_ = 0;
  Poco::Int64 invoiceId_ = 0, paymentDay_ = 0, occurrence_ = 0, inferred_ = 0;
  Poco::Int64 returnedId_ = 0, returnedFirstImport_ = 0;
  std::string foundCurrency_;
  Poco::Data::Statement upsertInvoice_;
  Poco::Data::Statement findInvoice_;
  Poco::Data::Statement insertPayment_;
};

}  // namespace kindly::importers
