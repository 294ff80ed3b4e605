// An undo is set-based SQL over what the run's imports kept (store/Schema.cpp, migration 13):
// the payments it wrote deleted and those it replaced put back, the invoices and clients it
// changed given their values from before its first change, what it added deleted. Every
// statement names the run through the same common table expressions, so that "the run" and
// "what it added" mean one thing everywhere.
#include "store/ImportUndo.h"

#include <Poco/Data/Transaction.h>

#include <algorithm>
#include <tuple>

#include "store/PreparedStatement.h"

namespace kindly::store {

namespace {

// ?1: the run's first import; ?2: 1 when the run kept no record of the clients it added (an
// import of an earlier Kindly, undone only as the first import in effect): then every client
// with no first import recorded is one it added.
constexpr std::string_view kRun = R"sql(
    WITH run(id) AS (SELECT id FROM imports WHERE id = ?1 OR run_first_id = ?1),
    added_clients(id) AS (
      SELECT id FROM clients
      WHERE first_import_id IN run OR (?2 = 1 AND first_import_id IS NULL)),
    added_invoices(id) AS (SELECT id FROM invoices WHERE first_import_id IN run),
    moved_back(id) AS (SELECT contact_id FROM contact_moves WHERE import_id IN run)
)sql";

// A statement of the run: kRun, then `sql`, with ?1 and ?2 bound.
class RunStatement {
 public:
  RunStatement(Database& database, const ImportRun& run, std::string_view sql)
      : statement_(database, std::string(kRun) + std::string(sql)) {
    statement_.bind(1, run.firstId()).bind(2, std::int64_t{run.recordedForUndo ? 0 : 1});
  }
  PreparedStatement& operator*() { return statement_; }
  PreparedStatement* operator->() { return &statement_; }

  // Runs a statement that changes rows; how many it changed.
  std::size_t run() {
    statement_.step();
    return static_cast<std::size_t>(statement_.changes());
  }
  // Runs a statement that counts.
  std::size_t count() {
    statement_.step();
    return static_cast<std::size_t>(statement_.columnInt(0));
  }

 private:
  PreparedStatement statement_;
};

dates::Date dayOf(std::int64_t dayNumber) {
  return dates::Date::fromDayNumber(static_cast<std::int32_t>(dayNumber));
}

}  // namespace

std::optional<ImportRun> ImportUndo::latestInEffect() {
  PreparedStatement latest(database_,
                           "SELECT COALESCE(run_first_id, id) FROM imports_in_effect "
                           "ORDER BY id DESC LIMIT 1");
  if (!latest.step()) return std::nullopt;
  const std::int64_t first = latest.columnInt(0);

  PreparedStatement files(database_, R"sql(
      SELECT id, file, as_of_day, recorded_for_undo, contacts_before, writeoffs_before
      FROM imports_in_effect WHERE id = ?1 OR run_first_id = ?1 ORDER BY id)sql");
  files.bind(1, first);
  ImportRun run;
  while (files.step()) {
    run.files.push_back({files.columnInt(0), std::string(files.columnText(1))});
    if (run.files.size() == 1) {
      run.asOf = dayOf(files.columnInt(2));
      run.contactsBefore = files.columnInt(4);
      run.writeOffsBefore = files.columnInt(5);
    }
    run.recordedForUndo = run.recordedForUndo && files.columnInt(3) == 1;
  }
  PreparedStatement before(database_,
                           "SELECT EXISTS (SELECT 1 FROM imports_in_effect WHERE id < ?)");
  before.bind(1, first);
  before.step();
  run.anyBefore = before.columnInt(0) == 1;
  return run;
}

UndoResult ImportUndo::undoLatest(dates::Date day, const std::string& reason, bool dryRun) {
  Poco::Data::Transaction transaction(database_.session());
  // The write lock first, as an import takes it: a transaction that has read and then wants
  // to write fails at once when another program writes, one that starts by writing waits.
  database_.session() << "UPDATE imports SET id = id WHERE 0", Poco::Data::Keywords::now;
  UndoResult result;
  result.run = latestInEffect();
  if (!result.run) {
    PreparedStatement any(database_, "SELECT EXISTS (SELECT 1 FROM imports)");
    any.step();
    result.anyImport = any.columnInt(0) == 1;
    return result;
  }
  // Without the values it overwrote, an import can be undone only where it overwrote nothing.
  if (!result.run->recordedForUndo && result.run->anyBefore) {
    result.outcome = UndoResult::Outcome::NotRecorded;
    return result;
  }
  result.dependents = dependents(*result.run);
  if (!result.dependents.empty()) {
    result.outcome = UndoResult::Outcome::Depended;
    return result;
  }
  result.counts = undo(*result.run, day, reason);
  result.outcome = UndoResult::Outcome::Undone;
  if (dryRun) {
    transaction.rollback();
  } else {
    transaction.commit();
  }
  return result;
}

std::vector<DependentAct> ImportUndo::dependents(const ImportRun& run) {
  std::vector<DependentAct> acts;
  ContactLog contacts(database_);

  // Contacts standing about what the run added: the ones it moved to a client it added go
  // back with their invoice.
  RunStatement aboutAdded(database_, run, R"sql(
      SELECT k.id, c.code, c.name, COALESCE(i.number, ''), k.invoice_id IN added_invoices
      FROM contacts_in_effect k JOIN clients c ON c.id = k.client_id
      LEFT JOIN invoices i ON i.id = k.invoice_id
      WHERE (k.client_id IN added_clients AND k.id NOT IN moved_back)
         OR k.invoice_id IN added_invoices)sql");
  while (aboutAdded->step()) {
    DependentAct act;
    act.kind = aboutAdded->columnInt(4) == 1 ? DependentAct::Kind::ContactAboutAddedInvoice
                                             : DependentAct::Kind::ContactAboutAddedClient;
    act.contact = *contacts.find(aboutAdded->columnInt(0));
    act.id = act.contact.id;
    act.day = act.contact.day;
    act.clientCode = aboutAdded->columnText(1);
    act.clientName = aboutAdded->columnText(2);
    act.invoiceNumber = aboutAdded->columnText(3);
    acts.push_back(std::move(act));
  }

  // Contacts logged after the run about an invoice it moved to another client, with that
  // client: undone, the invoice goes back and they would stay behind.
  RunStatement afterMove(database_, run, R"sql(
      , moved(invoice_id, client_id) AS (
        SELECT b.invoice_id, b.client_id FROM invoices_before_import b
        JOIN invoices i ON i.id = b.invoice_id
        WHERE b.import_id = (SELECT MIN(import_id) FROM invoices_before_import
                             WHERE invoice_id = b.invoice_id AND import_id IN run)
          AND b.client_id <> i.client_id)
      SELECT k.id, c.code, c.name, i.number, back.code
      FROM contacts_in_effect k JOIN moved m ON m.invoice_id = k.invoice_id
      JOIN clients c ON c.id = k.client_id JOIN invoices i ON i.id = k.invoice_id
      JOIN clients back ON back.id = m.client_id
      WHERE k.id > ?3 AND k.client_id <> m.client_id AND k.id NOT IN moved_back)sql");
  afterMove->bind(3, run.contactsBefore);
  while (afterMove->step()) {
    DependentAct act;
    act.kind = DependentAct::Kind::ContactAfterMove;
    act.contact = *contacts.find(afterMove->columnInt(0));
    act.id = act.contact.id;
    act.day = act.contact.day;
    act.clientCode = afterMove->columnText(1);
    act.clientName = afterMove->columnText(2);
    act.invoiceNumber = afterMove->columnText(3);
    act.fromClientCode = afterMove->columnText(4);
    acts.push_back(std::move(act));
  }

  // Write-offs standing of an invoice the run added, or made after it changed what an invoice
  // owes (its fields, or its payments): a write-off is a decision about the balance of its day.
  RunStatement writeOffs(database_, run, R"sql(
      , changed(id) AS (
        SELECT invoice_id FROM invoices_before_import WHERE import_id IN run
        UNION SELECT invoice_id FROM payments WHERE import_id IN run
        UNION SELECT invoice_id FROM payments_replaced WHERE replaced_by IN run)
      SELECT w.id, w.day, c.code, c.name, i.number, i.id IN added_invoices
      FROM writeoffs w JOIN invoices i ON i.id = w.invoice_id
      JOIN clients c ON c.id = i.client_id
      WHERE w.undone_day IS NULL
        AND (i.id IN added_invoices OR (w.id > ?3 AND i.id IN changed)))sql");
  writeOffs->bind(3, run.writeOffsBefore);
  while (writeOffs->step()) {
    DependentAct act;
    act.kind = writeOffs->columnInt(5) == 1 ? DependentAct::Kind::WriteOffOfAddedInvoice
                                            : DependentAct::Kind::WriteOffAfterChange;
    act.id = writeOffs->columnInt(0);
    act.day = dayOf(writeOffs->columnInt(1));
    act.clientCode = writeOffs->columnText(2);
    act.clientName = writeOffs->columnText(3);
    act.invoiceNumber = writeOffs->columnText(4);
    acts.push_back(std::move(act));
  }

  // An email that may have reached a client the run added cannot be taken back. One still
  // queued, or failed before it went out, never left: it goes with the client.
  RunStatement sendings(database_, run, R"sql(
      SELECT c.code, c.name, s.state, s.batch, s.file FROM sendings s
      JOIN clients c ON c.id = s.client_id
      WHERE s.client_id IN added_clients AND s.state NOT IN ('queued', 'failed')
      ORDER BY s.rowid)sql");
  while (sendings->step()) {
    DependentAct act;
    act.kind = DependentAct::Kind::SendingToAddedClient;
    act.day = run.asOf;
    act.clientCode = sendings->columnText(0);
    act.clientName = sendings->columnText(1);
    act.sendingState = sendings->columnText(2);
    act.batch = std::string(sendings->columnText(3)) + "/" + std::string(sendings->columnText(4));
    acts.push_back(std::move(act));
  }

  std::stable_sort(acts.begin(), acts.end(), [](const auto& a, const auto& b) {
    const bool aSent = a.kind == DependentAct::Kind::SendingToAddedClient;
    const bool bSent = b.kind == DependentAct::Kind::SendingToAddedClient;
    return std::tie(aSent, a.day, a.id) < std::tie(bSent, b.day, b.id);
  });
  return acts;
}

UndoCounts ImportUndo::undo(const ImportRun& run, dates::Date day, const std::string& reason) {
  const auto count = [&](std::string_view sql) {
    return RunStatement(database_, run, sql).count();
  };
  const auto change = [&](std::string_view sql) { return RunStatement(database_, run, sql).run(); };

  UndoCounts counts;
  counts.invoicesRemoved = count("SELECT COUNT(*) FROM added_invoices");
  counts.paymentsRemoved = count("SELECT COUNT(*) FROM payments WHERE import_id IN run");
  counts.invoicesRestored = count(R"sql(
      SELECT COUNT(DISTINCT b.invoice_id) FROM invoices_before_import b
      JOIN invoices i ON i.id = b.invoice_id
      WHERE b.import_id IN run AND i.first_import_id < ?1)sql");
  counts.clientsRemoved = count("SELECT COUNT(*) FROM added_clients");
  counts.clientsRestored = count(R"sql(
      SELECT COUNT(DISTINCT client_id) FROM clients_before_import
      WHERE import_id IN run AND client_id NOT IN added_clients)sql");
  counts.paymentsPutBack =
      count("SELECT COUNT(*) FROM payments_replaced WHERE replaced_by IN run AND import_id < ?1");
  counts.contactsMovedBack = count("SELECT COUNT(*) FROM moved_back");

  {
    RunStatement mark(database_, run,
                      "UPDATE imports SET undone_day = ?3, undo_reason = NULLIF(?4, '') "
                      "WHERE id IN run");
    mark->bind(3, std::int64_t{day.dayNumber()}).bind(4, reason);
    mark.run();
  }
  // Disputes and promises that went with an invoice go back with it, to the client they were
  // with before the run's first move of them.
  change(R"sql(
      UPDATE contacts SET client_id = (
        SELECT m.client_id FROM contact_moves m
        WHERE m.contact_id = contacts.id AND m.import_id IN run ORDER BY m.import_id LIMIT 1)
      WHERE id IN moved_back)sql");
  change("DELETE FROM payments WHERE import_id IN run");
  // The payments the run replaced that were there before it (not those its own files wrote).
  change(R"sql(
      INSERT INTO payments (id, invoice_id, payment_day, currency, amount, reference, occurrence,
                            inferred, import_id, date_known, paid_after_day)
      SELECT id, invoice_id, payment_day, currency, amount, reference, occurrence, inferred,
             import_id, date_known, paid_after_day
      FROM payments_replaced WHERE replaced_by IN run AND import_id < ?1 ORDER BY id)sql");
  // Each invoice and client as it was before the run's first change of it. Moving
  // last_import_id back, the invoices' update is no import's change: no audit row.
  change(R"sql(
      , before AS (
        SELECT b.* FROM invoices_before_import b
        WHERE b.import_id = (SELECT MIN(import_id) FROM invoices_before_import
                             WHERE invoice_id = b.invoice_id AND import_id IN run))
      UPDATE invoices SET client_id = before.client_id, issue_day = before.issue_day,
        due_day = before.due_day, currency = before.currency, amount = before.amount,
        status = before.status, last_import_id = before.last_import_id
      FROM before WHERE before.invoice_id = invoices.id AND invoices.first_import_id < ?1)sql");
  change(R"sql(
      , before AS (
        SELECT b.* FROM clients_before_import b
        WHERE b.import_id = (SELECT MIN(import_id) FROM clients_before_import
                             WHERE client_id = b.client_id AND import_id IN run))
      UPDATE clients SET name = before.name, email = before.email,
        contact_name = before.contact_name
      FROM before WHERE before.client_id = clients.id AND clients.id NOT IN added_clients)sql");

  // What the run added goes, with what is about it and counts nowhere (dependents() refused
  // the rest): its audit trail, write-offs undone, contacts withdrawn, emails that never left.
  change("DELETE FROM invoice_changes WHERE invoice_id IN added_invoices");
  counts.undoneWriteOffsRemoved =
      change("DELETE FROM writeoffs WHERE invoice_id IN added_invoices");
  counts.withdrawnContactsRemoved = change(
      "DELETE FROM contacts WHERE invoice_id IN added_invoices OR client_id IN added_clients");
  counts.unsentEmailsRemoved = change("DELETE FROM sendings WHERE client_id IN added_clients");
  change("DELETE FROM invoices WHERE id IN added_invoices");
  change("DELETE FROM clients WHERE id IN added_clients");

  // What the run kept for its undo has served.
  change("DELETE FROM invoices_before_import WHERE import_id IN run");
  change("DELETE FROM clients_before_import WHERE import_id IN run");
  change("DELETE FROM payments_replaced WHERE replaced_by IN run");
  change("DELETE FROM contact_moves WHERE import_id IN run");
  return counts;
}

}  // namespace kindly::store
