// An invoice is keyed by its number, a client by its code, a payment by everything that
// makes it itself; so importing the same export again finds every row already there.
#include "importers/LedgerWriter.h"

#include <utility>

#include "base/Text.h"
#include "store/ClientLedger.h"
#include "store/DateKnown.h"
#include "store/InvoiceStatus.h"

namespace kindly::importers {

namespace {

// Runs a statement that returns nothing, ready for the next use afterwards.
void run(store::PreparedStatement& statement) {
  statement.step();
  statement.reset();
}

// A payment the import removes is kept first, as it was, for the import's undo: the same
// condition selects what is kept and what is deleted.
const std::string kKeepReplaced =
    "INSERT INTO payments_replaced (replaced_by, id, invoice_id, payment_day, currency, amount, "
    "reference, occurrence, inferred, import_id, date_known, paid_after_day) "
    "SELECT ?9, id, invoice_id, payment_day, currency, amount, reference, occurrence, inferred, "
    "import_id, date_known, paid_after_day FROM payments ";

const std::string kInferredOfInvoice = "WHERE invoice_id = ?1 AND inferred = 1";

// Another application of the credit note ?1 (referenced so on invoices) than the one on
// invoice ?3 of amount ?5 on day ?6, or another credit used up on the credit note ?4 than
// ?2's.
const std::string kOtherApplications = R"sql(
    WHERE ((reference = ?1 AND NOT (invoice_id = ?3 AND amount = ?5 AND payment_day = ?6))
        OR (invoice_id = ?4 AND reference LIKE 'applied to %'
            AND NOT (reference = ?2 AND amount = -?5 AND payment_day = ?6))))sql";

}  // namespace

LedgerWriter::LedgerWriter(store::Database& database)
    : database_(database),
      // The latest contact and write-off before the import: what is recorded after it is
      // known, for its undo.
      insertImport_(database, R"sql(
          INSERT INTO imports (file, layout, as_of_day, recorded_for_undo, run_first_id,
                               contacts_before, writeoffs_before)
          VALUES (?, ?, ?, 1, ?, (SELECT COALESCE(MAX(id), 0) FROM contacts),
                  (SELECT COALESCE(MAX(id), 0) FROM writeoffs))
          RETURNING id)sql"),
      finishImport_(database,
                    "UPDATE imports SET rows_read = ?, rows_new = ?, rows_updated = ?, "
                    "rows_unchanged = ?, rows_rejected = ?, rows_skipped = ?, export_day = ? "
                    "WHERE id = ?"),
      insertReject_(database,
                    "INSERT INTO rejects (import_id, line, column_number, column_name, reason, "
                    "raw) VALUES (?, ?, ?, ?, ?, ?)"),
      findClient_(database, "SELECT id, name, email, contact_name FROM clients WHERE code = ?"),
      insertClient_(database,
                    "INSERT INTO clients (code, name, email, contact_name, first_import_id) "
                    "VALUES (?, ?, ?, ?, ?) RETURNING id"),
      // A client's values before the import first changed them, for its undo; one it added
      // has none before.
      keepClient_(database,
                  "INSERT OR IGNORE INTO clients_before_import (import_id, client_id, name, "
                  "email, contact_name) SELECT ?1, id, name, email, contact_name FROM clients "
                  "WHERE id = ?2 AND first_import_id IS NOT ?1"),
      updateClient_(database,
                    "UPDATE clients SET name = ?, email = ?, contact_name = ? WHERE id = ?"),
      upsertInvoice_(database, R"sql(
          INSERT INTO invoices (number, client_id, issue_day, due_day, currency, amount, status,
                                first_import_id, last_import_id)
          VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)
          ON CONFLICT (number) DO UPDATE SET
            client_id = excluded.client_id, issue_day = excluded.issue_day,
            due_day = excluded.due_day, currency = excluded.currency, amount = excluded.amount,
            status = excluded.status, last_import_id = excluded.last_import_id
          WHERE client_id IS NOT excluded.client_id OR issue_day IS NOT excluded.issue_day
             OR due_day IS NOT excluded.due_day OR currency IS NOT excluded.currency
             OR amount IS NOT excluded.amount OR status IS NOT excluded.status
          RETURNING first_import_id)sql"),
      findInvoice_(database, "SELECT id, currency, amount FROM invoices WHERE number = ?"),
      paymentsSoFar_(
          database,
          "SELECT COALESCE(SUM(amount), 0), COALESCE(SUM(inferred = 0), 0) FROM payments "
          "WHERE invoice_id = ? AND currency = ?"),
      keepInferred_(database, kKeepReplaced + kInferredOfInvoice),
      dropInferred_(database, "DELETE FROM payments " + kInferredOfInvoice),
      insertPayment_(database, R"sql(
          INSERT INTO payments (invoice_id, payment_day, amount, reference, occurrence, inferred,
                                import_id, currency, date_known, paid_after_day)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING)sql"),
      // The latest export before this import that showed the invoice: the first that did, or
      // a later one of the same format (a weekly export lists what is open). NULL when this
      // import is the first to show it.
      previousExportDay_(database, R"sql(
          SELECT MAX(COALESCE(m.export_day, m.as_of_day)) FROM imports_in_effect m, invoices i
          WHERE i.id = ?2 AND m.id < ?1 AND m.id >= i.first_import_id
            AND (m.id = i.first_import_id
                 OR m.layout = (SELECT layout FROM imports WHERE id = ?1)))sql"),
      keepOtherApplications_(database, kKeepReplaced + kOtherApplications),
      dropOtherApplications_(database, "DELETE FROM payments " + kOtherApplications) {
  store::PreparedStatement anyInferred(database,
                                       "SELECT EXISTS (SELECT 1 FROM payments WHERE inferred = 1)");
  anyInferred.step();
  hasInferred_ = anyInferred.columnInt(0) == 1;
}

std::int64_t LedgerWriter::beginImport(const std::string& file, const std::string& kind,
                                       dates::Date asOf) {
  insertImport_.bind(1, file).bind(2, kind).bind(3, std::int64_t{asOf.dayNumber()});
  insertImport_.bind(4, runFirstId_);
  insertImport_.step();
  const std::int64_t id = insertImport_.columnInt(0);
  insertImport_.reset();
  if (!runFirstId_) runFirstId_ = id;
  return id;
}

void LedgerWriter::finishImport(std::int64_t importId, const FileSummary& s) {
  const auto n = [](std::size_t v) { return static_cast<std::int64_t>(v); };
  finishImport_.bind(1, n(s.read)).bind(2, n(s.added)).bind(3, n(s.updated));
  finishImport_.bind(4, n(s.unchanged)).bind(5, n(s.rejected)).bind(6, n(s.skipped()));
  std::optional<std::int64_t> exportDay;
  if (s.exportDate) exportDay = s.exportDate->dayNumber();
  finishImport_.bind(7, exportDay).bind(8, importId);
  run(finishImport_);
}

void LedgerWriter::keepFingerprint(std::int64_t importId, const std::string& fingerprint) {
  store::PreparedStatement keep(database_, "UPDATE imports SET fingerprint = ? WHERE id = ?");
  keep.bind(1, fingerprint).bind(2, importId);
  run(keep);
}

std::vector<LedgerWriter::LatestImport> LedgerWriter::latestImports(std::size_t count) {
  store::PreparedStatement latest(
      database_, "SELECT fingerprint, rows_read FROM imports_in_effect ORDER BY id DESC LIMIT ?");
  latest.bind(1, static_cast<std::int64_t>(count));
  std::vector<LatestImport> imports;
  while (latest.step()) {
    imports.insert(imports.begin(), {std::string(latest.columnText(0)),
                                     static_cast<std::size_t>(latest.columnInt(1))});
  }
  return imports;
}

void LedgerWriter::writeReject(std::int64_t importId, const Reject& r) {
  insertReject_.bind(1, importId).bind(2, static_cast<std::int64_t>(r.line));
  insertReject_.bind(3, static_cast<std::int64_t>(r.column)).bind(4, r.columnName);
  insertReject_.bind(5, r.reason).bind(6, r.text);
  run(insertReject_);
}

std::int64_t LedgerWriter::clientId(std::int64_t importId, const InvoiceRecord& invoice) {
  // An export without client ids names its clients: they are matched by name. A shared email
  // alone is no proof (branches of one group share an accounts address): noted, not merged.
  const std::string code = invoice.clientCode.empty() ? codeByName(invoice) : invoice.clientCode;
  std::uint32_t& number = clientNumbers_[code];
  if (number == 0) {
    Client client{0, invoice.clientName, invoice.clientEmail, invoice.contactName};
    findClient_.bind(1, code);
    if (findClient_.step()) {
      client = {findClient_.columnInt(0), std::string(findClient_.columnText(1)),
                std::string(findClient_.columnText(2)), std::string(findClient_.columnText(3))};
    } else {
      insertClient_.bind(1, code).bind(2, invoice.clientName).bind(3, invoice.clientEmail);
      insertClient_.bind(4, invoice.contactName).bind(5, importId);
      insertClient_.step();
      client.id = insertClient_.columnInt(0);
      insertClient_.reset();
      noteIfDuplicate(invoice, code);
    }
    findClient_.reset();
    clients_.push_back(std::move(client));
    number = static_cast<std::uint32_t>(clients_.size());
  }
  Client& client = clients_[number - 1];
  // The newest export knows the client's current name, email and contact person; an export
  // that carries no email or contact (many reports do not) leaves the known one alone.
  const std::string& email = invoice.clientEmail.empty() ? client.email : invoice.clientEmail;
  const std::string& contact =
      invoice.contactName.empty() ? client.contactName : invoice.contactName;
  if (client.name != invoice.clientName || client.email != email || client.contactName != contact) {
    client.name = invoice.clientName;
    client.email = email;
    client.contactName = contact;
    keepClient_.bind(1, importId).bind(2, client.id);
    run(keepClient_);
    updateClient_.bind(1, client.name).bind(2, client.email).bind(3, client.contactName);
    updateClient_.bind(4, client.id);
    run(updateClient_);
  }
  return client.id;
}

std::vector<std::string> LedgerWriter::matchingKeys(const InvoiceRecord& invoice) {
  std::vector<std::string> keys{"name:" + matchingKey(invoice.clientName)};
  if (!invoice.clientEmail.empty()) keys.push_back("email:" + toLower(invoice.clientEmail));
  return keys;
}

std::unordered_map<std::string, std::string>& LedgerWriter::knownClients() {
  if (!codesByKey_) {
    codesByKey_.emplace();
    store::PreparedStatement all(database_, "SELECT code, name, email FROM clients ORDER BY id");
    while (all.step()) {
      const std::string code(all.columnText(0));
      codesByKey_->emplace("name:" + matchingKey(all.columnText(1)), code);
      if (!all.columnText(2).empty()) {
        codesByKey_->emplace("email:" + toLower(all.columnText(2)), code);
      }
    }
  }
  return *codesByKey_;
}

std::string LedgerWriter::codeByName(const InvoiceRecord& invoice) {
  const auto& known = knownClients();
  const auto found = known.find(matchingKeys(invoice).front());
  return found != known.end() ? found->second : invoice.clientName;
}

std::vector<std::string> LedgerWriter::moveInvoiceFacts(std::int64_t importId) {
  // The latest move of each invoice this import made: where it came from, where it is now.
  store::PreparedStatement moved(database_, R"sql(
      SELECT i.id, i.number, ch.old_value, c.code, i.client_id
      FROM invoice_changes ch JOIN invoices i ON i.id = ch.invoice_id
      JOIN clients c ON c.id = i.client_id
      WHERE ch.import_id = ? AND ch.field = 'client'
        AND ch.id = (SELECT MAX(id) FROM invoice_changes
                     WHERE invoice_id = ch.invoice_id AND field = 'client')
      ORDER BY i.number)sql");
  // A withdrawn record counts nowhere: it stays where it was logged.
  const std::string going =
      "SELECT id FROM contacts_in_effect WHERE invoice_id = ?1 AND client_id <> ?2 "
      "AND kind IN ('dispute', 'resolved', 'promise')";
  store::PreparedStatement facts(database_, "SELECT kind FROM contacts WHERE id IN (" + going +
                                                ") GROUP BY kind ORDER BY kind");
  // Where each went from, for the import's undo.
  store::PreparedStatement keepMove(
      database_,
      "INSERT OR IGNORE INTO contact_moves (import_id, contact_id, client_id) "
      "SELECT ?3, id, client_id FROM contacts WHERE id IN (" +
          going + ")");
  store::PreparedStatement move(database_,
                                "UPDATE contacts SET client_id = ?2 WHERE id IN (" + going + ")");
  moved.bind(1, importId);
  std::vector<std::string> notes;
  while (moved.step()) {
    const std::int64_t invoiceId = moved.columnInt(0), clientId = moved.columnInt(4);
    facts.bind(1, invoiceId).bind(2, clientId);
    std::string kinds;
    while (facts.step()) {
      kinds += std::string(kinds.empty() ? "" : " and ") + std::string(facts.columnText(0));
    }
    facts.reset();
    if (kinds.empty()) continue;
    keepMove.bind(1, invoiceId).bind(2, clientId).bind(3, importId);
    run(keepMove);
    move.bind(1, invoiceId).bind(2, clientId);
    run(move);
    notes.push_back(std::string(moved.columnText(1)) + " moved from client " +
                    std::string(moved.columnText(2)) + " to " + std::string(moved.columnText(3)) +
                    ": its " + kinds + " went with it");
  }
  return notes;
}

void LedgerWriter::countWritten(const money::Money& amount) {
  // Amounts are read up to kLargestAmount, so the magnitude of each fits.
  const auto magnitude = static_cast<std::uint64_t>(amount.minorUnits() < 0 ? -amount.minorUnits()
                                                                            : amount.minorUnits());
  if (__builtin_add_overflow(amountsWritten_, magnitude, &amountsWritten_)) {
    amountsWritten_ = UINT64_MAX;
  }
}

std::vector<std::string> LedgerWriter::currenciesBeyondExactSums() {
  // TOTAL() sums in floating point: it cannot overflow, and is exact enough for a limit.
  store::PreparedStatement select(database_, R"sql(
      SELECT currency FROM invoices GROUP BY currency HAVING TOTAL(abs(amount)) > ?1
      UNION
      SELECT currency FROM payments GROUP BY currency HAVING TOTAL(abs(amount)) > ?1
      ORDER BY 1)sql");
  select.bind(1, kExactSums);
  std::vector<std::string> currencies;
  while (select.step()) currencies.emplace_back(select.columnText(0));
  return currencies;
}

Outcome LedgerWriter::writeInvoice(std::int64_t importId, const InvoiceRecord& invoice) {
  countWritten(invoice.amount);
  upsertInvoice_.bind(1, invoice.number).bind(2, clientId(importId, invoice));
  upsertInvoice_.bind(3, std::int64_t{invoice.issueDate.dayNumber()});
  upsertInvoice_.bind(4, std::int64_t{invoice.dueDate.dayNumber()});
  upsertInvoice_.bind(5, invoice.amount.currency().code());
  upsertInvoice_.bind(6, invoice.amount.minorUnits()).bind(7, invoice.status).bind(8, importId);
  Outcome outcome = Outcome::Unchanged;
  if (upsertInvoice_.step()) {
    outcome = upsertInvoice_.columnInt(0) == importId ? Outcome::Added : Outcome::Updated;
    while (upsertInvoice_.step()) {
    }
  }
  upsertInvoice_.reset();
  return outcome;
}

std::optional<LedgerWriter::InvoiceRef> LedgerWriter::findInvoice(const std::string& number) {
  findInvoice_.bind(1, number);
  std::optional<InvoiceRef> found;
  if (findInvoice_.step()) {
    const auto currency = *money::Currency::fromCode(findInvoice_.columnText(1));
    found =
        InvoiceRef{findInvoice_.columnInt(0), money::Money(findInvoice_.columnInt(2), currency)};
  }
  findInvoice_.reset();
  return found;
}

LedgerWriter::PaymentsSoFar LedgerWriter::paymentsSoFar(const InvoiceRef& invoice) {
  paymentsSoFar_.bind(1, invoice.id).bind(2, invoice.amount.currency().code());
  paymentsSoFar_.step();
  const PaymentsSoFar known{paymentsSoFar_.columnInt(0), paymentsSoFar_.columnInt(1)};
  paymentsSoFar_.reset();
  return known;
}

std::optional<store::DateKnown> LedgerWriter::writePayment(
    std::int64_t importId, std::int64_t invoiceId, dates::Date day, const money::Money& amount,
    const std::string& reference, int occurrence, bool inferred, bool dateGiven) {
  countWritten(amount);
  insertPayment_.bind(1, invoiceId).bind(2, std::int64_t{day.dayNumber()});
  insertPayment_.bind(3, amount.minorUnits()).bind(4, reference);
  insertPayment_.bind(5, std::int64_t{occurrence}).bind(6, std::int64_t{inferred ? 1 : 0});
  insertPayment_.bind(7, importId).bind(8, amount.currency().code());
  // A payment inferred from a fall in balance was made after the export before, by this one;
  // one the ledger sees for an invoice first shown already paid has no known date.
  std::optional<std::int64_t> paidAfter;
  if (inferred && !dateGiven) {
    previousExportDay_.bind(1, importId).bind(2, invoiceId);
    if (previousExportDay_.step()) paidAfter = previousExportDay_.columnOptionalInt(0);
    previousExportDay_.reset();
  }
  const auto known = !inferred || dateGiven ? store::DateKnown::Exact
                     : paidAfter            ? store::DateKnown::Bounded
                                            : store::DateKnown::Unknown;
  insertPayment_.bind(9, static_cast<std::int64_t>(known));
  insertPayment_.bind(10, paidAfter);
  insertPayment_.step();
  const bool added = insertPayment_.changes() == 1;
  insertPayment_.reset();
  // A payment guessed from a fall in balance gives way to the payments the books list.
  if (added && !inferred && hasInferred_) {
    keepInferred_.bind(1, invoiceId).bind(9, importId);
    keepInferred_.step();
    const bool any = keepInferred_.changes() > 0;
    keepInferred_.reset();
    if (any) {
      dropInferred_.bind(1, invoiceId);
      dropInferred_.step();
      replacedInferred_ += dropInferred_.changes();
      dropInferred_.reset();
    }
  }
  return added ? std::optional(known) : std::nullopt;
}

bool LedgerWriter::applyCredit(std::int64_t importId, const InvoiceRef& creditNote,
                               const std::string& creditNumber, const InvoiceRef& invoice,
                               const std::string& invoiceNumber, dates::Date day) {
  const std::string onInvoice = std::string(store::kCreditNoteReference) + creditNumber;
  const std::string onCreditNote = std::string(store::kAppliedToReference) + invoiceNumber;
  const money::Money credit = -creditNote.amount;  // > 0
  // A credit note changed since (amount, date, invoice) must not count twice.
  const auto others = [&](store::PreparedStatement& statement) {
    statement.bind(1, onInvoice).bind(2, onCreditNote).bind(3, invoice.id);
    statement.bind(4, creditNote.id).bind(5, credit.minorUnits());
    statement.bind(6, std::int64_t{day.dayNumber()});
    statement.step();
    const int changed = statement.changes();
    statement.reset();
    return changed;
  };
  keepOtherApplications_.bind(9, importId);
  const bool replaced = others(keepOtherApplications_) > 0;
  if (replaced) others(dropOtherApplications_);
  const bool settled =
      writePayment(importId, invoice.id, day, credit, onInvoice, 1, false).has_value();
  const bool usedUp =
      writePayment(importId, creditNote.id, day, creditNote.amount, onCreditNote, 1, false)
          .has_value();
  return replaced || settled || usedUp;
}

std::vector<std::string> LedgerWriter::openInvoicesOfFormat(const std::string& format) {
  store::PreparedStatement select(database_, R"sql(
      SELECT i.number FROM invoices i JOIN imports m ON m.id = i.first_import_id
      WHERE m.layout = ? AND i.status NOT IN )sql" +
                                                 store::notOwedSqlList() + R"sql(
        AND i.amount <> (SELECT COALESCE(SUM(amount), 0) FROM payments
                         WHERE invoice_id = i.id AND currency = i.currency)
      ORDER BY i.number)sql");
  select.bind(1, format);
  std::vector<std::string> numbers;
  while (select.step()) numbers.emplace_back(select.columnText(0));
  return numbers;
}

std::vector<std::string> LedgerWriter::paymentsInAnotherCurrency(std::int64_t importId) {
  store::PreparedStatement select(database_, R"sql(
      SELECT i.number, i.currency, p.currency, SUM(p.amount), COUNT(*)
      FROM invoices i JOIN payments p ON p.invoice_id = i.id
      WHERE i.id IN (SELECT invoice_id FROM invoice_changes
                     WHERE import_id = ? AND field = 'currency')
        AND p.currency <> i.currency
      GROUP BY i.id, p.currency ORDER BY i.number, p.currency)sql");
  select.bind(1, importId);
  std::vector<std::string> notes;
  while (select.step()) {
    const auto currency = money::Currency::fromCode(select.columnText(2));
    const std::string paid =
        currency ? money::Money(select.columnInt(3), *currency).toDecimal() : "?";
    const std::int64_t count = select.columnInt(4);
    const std::string code(select.columnText(2));
    const std::string what =
        count == 1 ? "its payment of " + code + " " + paid + " is"
                   : "its " + std::to_string(count) + " payments of " + code + " " + paid + " are";
    notes.push_back(std::string(select.columnText(0)) + " is now in " +
                    std::string(select.columnText(1)) + ": " + what + " kept in " + code +
                    " as the client's credit, not applied to it");
  }
  return notes;
}

std::vector<std::string> LedgerWriter::slipsOf(std::int64_t importId) {
  std::vector<std::string> slips;
  const auto money = [](std::int64_t minor, std::string_view code) {
    const auto currency = money::Currency::fromCode(code);
    return std::string(code) + " " + (currency ? money::Money(minor, *currency).toDecimal() : "?");
  };
  const auto day = [](std::int64_t number) {
    return dates::Date::fromDayNumber(static_cast<std::int32_t>(number));
  };
  store::PreparedStatement early(database_, R"sql(
      SELECT i.number, p.payment_day, i.issue_day FROM payments p
      JOIN invoices i ON i.id = p.invoice_id
      WHERE p.import_id = ? AND p.inferred = 0 AND p.payment_day < i.issue_day
      ORDER BY i.number, p.payment_day)sql");
  early.bind(1, importId);
  while (early.step()) {
    slips.push_back(std::string(early.columnText(0)) + " was paid on " +
                    day(early.columnInt(1)).iso() + ", before it was issued on " +
                    day(early.columnInt(2)).iso() + ": is the date order right?");
  }
  store::PreparedStatement overpaid(database_, R"sql(
      SELECT i.number, i.amount, SUM(p.amount), i.currency FROM invoices i
      JOIN payments p ON p.invoice_id = i.id AND p.currency = i.currency
      WHERE i.id IN (SELECT invoice_id FROM payments WHERE import_id = ?) AND i.amount > 0
      GROUP BY i.id HAVING SUM(p.amount) > i.amount ORDER BY i.number)sql");
  overpaid.bind(1, importId);
  while (overpaid.step()) {
    const std::string code(overpaid.columnText(3));
    slips.push_back(std::string(overpaid.columnText(0)) + ": " +
                    money(overpaid.columnInt(2), code) + " paid on an invoice of " +
                    money(overpaid.columnInt(1), code) +
                    ": a payment counted twice, or meant for another invoice?");
  }
  // The same amount on the same invoice from an earlier import, on the day whose day and month
  // are this one's swapped: one payment read twice with different date orders.
  store::PreparedStatement twins(database_, R"sql(
      SELECT i.number, p.payment_day, q.payment_day, p.amount, p.currency FROM payments p
      JOIN payments q ON q.invoice_id = p.invoice_id AND q.amount = p.amount
                     AND q.currency = p.currency AND q.payment_day <> p.payment_day
                     AND q.import_id <> p.import_id
      JOIN invoices i ON i.id = p.invoice_id
      WHERE p.import_id = ? AND p.inferred = 0 AND q.inferred = 0
      ORDER BY i.number, p.payment_day)sql");
  twins.bind(1, importId);
  // A first import has no earlier payment to be read twice.
  store::PreparedStatement earlier(
      database_, "SELECT 1 FROM payments WHERE import_id <> ? AND inferred = 0 LIMIT 1");
  earlier.bind(1, importId);
  const bool anyEarlier = earlier.step();
  while (anyEarlier && twins.step()) {
    const auto now = day(twins.columnInt(1));
    const auto before = day(twins.columnInt(2));
    if (dates::Date::fromYmd(now.year(), now.day(), now.month()) != before) continue;
    slips.push_back(std::string(twins.columnText(0)) + ": the payment of " +
                    money(twins.columnInt(3), twins.columnText(4)) + " on " + now.iso() +
                    " looks like the one of " + before.iso() +
                    " read with another date order, and is now counted twice");
  }
  store::PreparedStatement emails(database_, R"sql(
      SELECT c.code, c.name, b.email, c.email FROM clients_before_import b
      JOIN clients c ON c.id = b.client_id
      WHERE b.import_id = ? AND b.email <> c.email ORDER BY c.code)sql");
  emails.bind(1, importId);
  while (emails.step()) {
    const std::string was(emails.columnText(2));
    const std::string now(emails.columnText(3));
    slips.push_back(std::string(emails.columnText(0)) + " " + std::string(emails.columnText(1)) +
                    ": email " + (was.empty() ? "added, " : "changed from " + was + " to ") +
                    (now.empty() ? "none" : now) + "; drafts now go there");
  }
  return slips;
}

void LedgerWriter::noteIfDuplicate(const InvoiceRecord& invoice, const std::string& code) {
  auto& known = knownClients();
  for (const auto& key : matchingKeys(invoice)) {
    const auto [found, fresh] = known.emplace(key, code);
    if (!fresh && found->second != code) {
      suspectedDuplicates_.push_back(code + " " + invoice.clientName + " looks like " +
                                     found->second + " (same " + key.substr(0, key.find(':')) +
                                     ")");
      return;
    }
  }
}

std::vector<std::string> LedgerWriter::takeSuspectedDuplicates() {
  return std::exchange(suspectedDuplicates_, {});
}

}  // namespace kindly::importers
