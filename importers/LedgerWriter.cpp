// An invoice is keyed by its number, a client by its code, a payment by everything that
// makes it itself; so importing the same export again finds every row already there.
#include "importers/LedgerWriter.h"

#include <Poco/Data/RecordSet.h>

using namespace Poco::Data::Keywords;

namespace kindly::importers {

LedgerWriter::LedgerWriter(Poco::Data::Session& session)
    : session_(session), upsertInvoice_(session), findInvoice_(session), insertPayment_(session) {
  upsertInvoice_ << R"sql(
      INSERT INTO invoices (number, client_id, issue_day, due_day, currency, amount, status,
                            first_import_id, last_import_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (number) DO UPDATE SET
        client_id = excluded.client_id, issue_day = excluded.issue_day,
        due_day = excluded.due_day, currency = excluded.currency, amount = excluded.amount,
        status = excluded.status, last_import_id = excluded.last_import_id
      WHERE client_id IS NOT excluded.client_id OR issue_day IS NOT excluded.issue_day
         OR due_day IS NOT excluded.due_day OR currency IS NOT excluded.currency
         OR amount IS NOT excluded.amount OR status IS NOT excluded.status
      RETURNING id, first_import_id)sql",
      use(number_), use(clientId_), use(issueDay_), use(dueDay_), use(currency_), use(amount_),
      use(status_), use(importId_), use(importId_), into(returnedId_),
      into(returnedFirstImport_);
  findInvoice_ << "SELECT id, currency FROM invoices WHERE number = ?", use(number_),
      into(returnedId_), into(foundCurrency_);
  insertPayment_ << R"sql(
      INSERT INTO payments (invoice_id, payment_day, amount, reference, occurrence, inferred,
                            import_id)
      VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING)sql",
      use(invoiceId_), use(paymentDay_), use(amount_), use(reference_), use(occurrence_),
      use(inferred_), use(importId_);
}

Poco::Int64 LedgerWriter::beginImport(const std::string& file, const std::string& kind,
                                      dates::Date asOf) {
  Poco::Int64 id = 0;
  session_ << "INSERT INTO imports (file, layout, as_of_day) VALUES (?, ?, ?)", bind(file),
      bind(kind), bind(static_cast<Poco::Int64>(asOf.dayNumber())), now;
  session_ << "SELECT last_insert_rowid()", into(id), now;
  return id;
}

void LedgerWriter::finishImport(Poco::Int64 importId, const FileSummary& s) {
  const auto n = [](std::size_t v) { return static_cast<Poco::Int64>(v); };
  session_ << "UPDATE imports SET rows_read = ?, rows_new = ?, rows_updated = ?, "
              "rows_unchanged = ?, rows_rejected = ? WHERE id = ?",
      bind(n(s.read)), bind(n(s.added)), bind(n(s.updated)), bind(n(s.unchanged)),
      bind(n(s.rejected)), bind(importId), now;
}

void LedgerWriter::writeReject(Poco::Int64 importId, const Reject& r) {
  session_ << "INSERT INTO rejects (import_id, line, column_number, column_name, reason, raw) "
              "VALUES (?, ?, ?, ?, ?, ?)",
      bind(importId), bind(static_cast<Poco::Int64>(r.line)),
      bind(static_cast<Poco::Int64>(r.column)), bind(r.columnName), bind(r.reason),
      bind(r.text), now;
}

bool LedgerWriter::writtenBy(Poco::Int64 importId, const std::string& number) {
  Poco::Int64 lastImport = 0;
  session_ << "SELECT last_import_id FROM invoices WHERE number = ?", bind(number),
      into(lastImport), now;
  return lastImport == importId;
}

Poco::Int64 LedgerWriter::clientId(const InvoiceRecord& invoice) {
  auto found = clients_.find(invoice.clientCode);
  if (found == clients_.end()) {
    Client client{0, "", ""};
    session_ << "SELECT id, name, email FROM clients WHERE code = ?", bind(invoice.clientCode),
        into(client.id), into(client.name), into(client.email), now;
    if (client.id == 0) {
      session_ << "INSERT INTO clients (code, name, email) VALUES (?, ?, ?)",
          bind(invoice.clientCode), bind(invoice.clientName), bind(invoice.clientEmail), now;
      session_ << "SELECT last_insert_rowid()", into(client.id), now;
      client.name = invoice.clientName;
      client.email = invoice.clientEmail;
    }
    found = clients_.emplace(invoice.clientCode, client).first;
  }
  Client& client = found->second;
  // The newest export knows the client's current name and email.
  if (client.name != invoice.clientName || client.email != invoice.clientEmail) {
    session_ << "UPDATE clients SET name = ?, email = ? WHERE id = ?", bind(invoice.clientName),
        bind(invoice.clientEmail), bind(client.id), now;
    client.name = invoice.clientName;
    client.email = invoice.clientEmail;
  }
  return client.id;
}

Outcome LedgerWriter::writeInvoice(Poco::Int64 importId, const InvoiceRecord& invoice) {
  number_ = invoice.number;
  clientId_ = clientId(invoice);
  issueDay_ = invoice.issueDate.dayNumber();
  dueDay_ = invoice.dueDate.dayNumber();
  currency_ = invoice.amount.currency().code();
  amount_ = invoice.amount.minorUnits();
  status_ = invoice.status;
  importId_ = importId;
  returnedFirstImport_ = 0;
  if (upsertInvoice_.execute() == 0) return Outcome::Unchanged;
  return returnedFirstImport_ == importId ? Outcome::Added : Outcome::Updated;
}

std::optional<LedgerWriter::InvoiceRef> LedgerWriter::findInvoice(const std::string& number) {
  number_ = number;
  if (findInvoice_.execute() == 0) return std::nullopt;
  return InvoiceRef{returnedId_, *money::Currency::fromCode(foundCurrency_)};
}

Poco::Int64 LedgerWriter::paidSoFar(Poco::Int64 invoiceId) {
  Poco::Int64 paid = 0;
  session_ << "SELECT COALESCE(SUM(amount), 0) FROM payments WHERE invoice_id = ?",
      bind(invoiceId), into(paid), now;
  return paid;
}

bool LedgerWriter::writePayment(Poco::Int64 importId, Poco::Int64 invoiceId, dates::Date day,
                                const money::Money& amount, const std::string& reference,
                                int occurrence, bool inferred) {
  importId_ = importId;
  invoiceId_ = invoiceId;
  paymentDay_ = day.dayNumber();
  amount_ = amount.minorUnits();
  reference_ = reference;
  occurrence_ = occurrence;
  inferred_ = inferred ? 1 : 0;
  return insertPayment_.execute() == 1;
}

}  // namespace kindly::importers
