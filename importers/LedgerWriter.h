// The import's writes to the ledger, each a statement prepared once and reused for every
// row. Used only inside ImportJob's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "importers/ImportJob.h"
#include "importers/KeyTable.h"
#include "importers/Records.h"
#include "store/DateKnown.h"
#include "store/PreparedStatement.h"

namespace kindly::importers {

enum class Outcome { Added, Updated, Unchanged };

class LedgerWriter {
 public:
  explicit LedgerWriter(store::Database& database);

  // Starts the record of one file's import in `format`; returns its id. The imports begun by
  // one LedgerWriter are one command's, undone together (store/ImportUndo.h); each keeps
  // what its undo needs as it writes.
  std::int64_t beginImport(const std::string& file, const std::string& format, dates::Date asOf);
  void finishImport(std::int64_t importId, const FileSummary& summary);
  void writeReject(std::int64_t importId, const Reject& reject);
  // Keeps the fingerprint of a file whose import had nothing to report beyond its counts.
  void keepFingerprint(std::int64_t importId, const std::string& fingerprint);
  struct LatestImport {
    std::string fingerprint;  // "" when none was kept
    std::size_t rows;
  };
  // The ledger's latest `count` imports, oldest first (fewer when it has fewer).
  std::vector<LatestImport> latestImports(std::size_t count);

  // Adds or updates the invoice and its client. A change of the invoice's fields is
  // Updated (the audit triggers keep the old values); the same fields again are Unchanged.
  Outcome writeInvoice(std::int64_t importId, const InvoiceRecord& invoice);

  struct InvoiceRef {
    std::int64_t id;
    money::Money amount;
  };
  std::optional<InvoiceRef> findInvoice(const std::string& number);
  struct PaymentsSoFar {
    std::int64_t total;   // minor units, inferred payments included
    std::int64_t listed;  // payments read from payment rows, not inferred
  };
  // What the ledger holds of payments on `invoice` in its currency.
  PaymentsSoFar paymentsSoFar(const InvoiceRef& invoice);
  // "INV-7 is now in JPY: its payment of USD 100.00 is kept in USD...": invoices whose
  // currency the import `importId` changed that have payments in another currency. A
  // payment keeps the currency it was received in; it is never re-denominated.
  std::vector<std::string> paymentsInAnotherCurrency(std::int64_t importId);
  // What import `importId` wrote that a person should check before it costs anything, one
  // sentence each: a listed payment dated before its invoice was issued; an invoice now paid
  // beyond its amount; a payment that is an earlier import's one read with day and month
  // swapped (another date order), so counted twice; a client's email changed.
  std::vector<std::string> slipsOf(std::int64_t importId);
  // Numbers of the invoices first imported from `format` that still have a balance.
  std::vector<std::string> openInvoicesOfFormat(const std::string& format);
  // "C12 Acme Ltd. <ap@acme.example> looks like C3 ACME LTD": clients added since the last
  // call whose name or email matches a known client's under another id.
  std::vector<std::string> takeSuspectedDuplicates();
  // Records a payment unless the same one (same invoice, day, amount, reference and
  // occurrence) is already there; how its date is known when it is new, nullopt when it was
  // there. A listed payment's date is exact; an inferred one's is exact when the export gives
  // it (`dateGiven`), else bounded by the export before, or unknown for an invoice first seen
  // already paid.
  // A listed (not inferred) payment replaces the invoice's inferred ones: the export's
  // balance only stood in for the payments the books had not yet listed.
  std::optional<store::DateKnown> writePayment(std::int64_t importId, std::int64_t invoiceId,
                                               dates::Date day, const money::Money& amount,
                                               const std::string& reference, int occurrence,
                                               bool inferred, bool dateGiven = false);
  // Applies a credit note to an invoice: a payment of the credit's amount on the invoice and
  // its opposite on the credit note, both dated `day`, referenced by the other's number. An
  // earlier application of the same credit note with other figures is replaced. True when
  // the ledger changed.
  bool applyCredit(std::int64_t importId, const InvoiceRef& creditNote,
                   const std::string& creditNumber, const InvoiceRef& invoice,
                   const std::string& invoiceNumber, dates::Date day);
  // Disputes, their resolutions and promises about an invoice the import `importId` moved to
  // another client go with the invoice: left with the old client, the disputed invoice was
  // chased as plain debt. Returns "INV-9 moved from client C1 to C2: its dispute and promise went
  // with it" for each invoice that had any.
  std::vector<std::string> moveInvoiceFacts(std::int64_t importId);

  // The absolute amounts of every invoice and payment written so far, saturating.
  std::uint64_t amountsWritten() const { return amountsWritten_; }
  // "USD": currencies whose invoices, or whose payments, add up in absolute value beyond
  // kExactSums minor units in the whole ledger. Below it every sum Kindly makes of one
  // currency's amounts (a client's balance, a bucket, a total) fits in 64 bits.
  std::vector<std::string> currenciesBeyondExactSums();
  static constexpr std::int64_t kExactSums = std::int64_t{1} << 62;

  // Inferred payments replaced by listed ones since the last call.
  std::size_t takeReplacedInferred() { return std::exchange(replacedInferred_, 0); }

 private:
  std::int64_t clientId(std::int64_t importId, const InvoiceRecord& invoice);

  struct Client {
    std::int64_t id;
    std::string name;
    std::string email;
    std::string contactName;
  };
  KeyTable clientNumbers_;       // client code -> 1 + its place in clients_
  std::vector<Client> clients_;  // those this import has met
  void noteIfDuplicate(const InvoiceRecord& invoice, const std::string& code);
  static std::vector<std::string> matchingKeys(const InvoiceRecord& invoice);
  std::unordered_map<std::string, std::string>& knownClients();
  std::string codeByName(const InvoiceRecord& invoice);
  // Known clients by matchingKey(name) and by lower-case email, loaded at the first new one.
  std::optional<std::unordered_map<std::string, std::string>> codesByKey_;
  std::vector<std::string> suspectedDuplicates_;
  store::Database& database_;

  store::PreparedStatement insertImport_;
  store::PreparedStatement finishImport_;
  store::PreparedStatement insertReject_;
  store::PreparedStatement findClient_;
  store::PreparedStatement insertClient_;
  store::PreparedStatement keepClient_;
  store::PreparedStatement updateClient_;
  store::PreparedStatement upsertInvoice_;
  store::PreparedStatement findInvoice_;
  store::PreparedStatement paymentsSoFar_;
  store::PreparedStatement keepInferred_;
  store::PreparedStatement dropInferred_;
  store::PreparedStatement insertPayment_;
  store::PreparedStatement previousExportDay_;
  store::PreparedStatement keepOtherApplications_;
  store::PreparedStatement dropOtherApplications_;
  // The import of the command's first file: the others name it, so that an undo takes back
  // the whole command.
  std::optional<std::int64_t> runFirstId_;
  std::size_t replacedInferred_ = 0;
  std::uint64_t amountsWritten_ = 0;
  void countWritten(const money::Money& amount);
  // Whether the ledger held inferred payments when the import began. An import infers its
  // own only once every file is in, so without any, no listed payment has one to replace.
  bool hasInferred_;
};

}  // namespace kindly::importers
