// Dates are stored as whole days since 1970-01-01 (aging is then integer arithmetic) and
// money as integer minor units beside its currency code.
#include "store/Schema.h"

namespace kindly::store {

namespace {

constexpr std::string_view kLedger = R"sql(
CREATE TABLE clients (
  id    INTEGER PRIMARY KEY,
  code  TEXT NOT NULL UNIQUE,
  name  TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT ''
);

CREATE TABLE imports (
  id             INTEGER PRIMARY KEY,
  file           TEXT NOT NULL,
  layout         TEXT NOT NULL,
  as_of_day      INTEGER NOT NULL,
  rows_read      INTEGER NOT NULL DEFAULT 0,
  rows_new       INTEGER NOT NULL DEFAULT 0,
  rows_updated   INTEGER NOT NULL DEFAULT 0,
  rows_unchanged INTEGER NOT NULL DEFAULT 0,
  rows_rejected  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE invoices (
  id              INTEGER PRIMARY KEY,
  number          TEXT NOT NULL UNIQUE,
  client_id       INTEGER NOT NULL REFERENCES clients(id),
  issue_day       INTEGER NOT NULL,
  due_day         INTEGER NOT NULL,
  currency        TEXT NOT NULL,
  amount          INTEGER NOT NULL,
  status          TEXT NOT NULL DEFAULT '',
  first_import_id INTEGER NOT NULL REFERENCES imports(id),
  last_import_id  INTEGER NOT NULL REFERENCES imports(id)
);
CREATE INDEX invoices_by_client ON invoices(client_id);

CREATE TABLE payments (
  id          INTEGER PRIMARY KEY,
  invoice_id  INTEGER NOT NULL REFERENCES invoices(id),
  payment_day INTEGER NOT NULL,
  amount      INTEGER NOT NULL,
  reference   TEXT NOT NULL DEFAULT '',
  occurrence  INTEGER NOT NULL DEFAULT 1,
  inferred    INTEGER NOT NULL DEFAULT 0,
  import_id   INTEGER NOT NULL REFERENCES imports(id),
  UNIQUE (invoice_id, payment_day, amount, reference, occurrence)
);

-- Every change an import makes to a known invoice, kept forever.
CREATE TABLE invoice_changes (
  id         INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL REFERENCES invoices(id),
  import_id  INTEGER NOT NULL REFERENCES imports(id),
  field      TEXT NOT NULL,
  old_value  TEXT NOT NULL,
  new_value  TEXT NOT NULL
);

CREATE TABLE rejects (
  id          INTEGER PRIMARY KEY,
  import_id   INTEGER NOT NULL REFERENCES imports(id),
  line        INTEGER NOT NULL,
  column_number INTEGER NOT NULL,
  column_name   TEXT NOT NULL,
  reason      TEXT NOT NULL,
  raw         TEXT NOT NULL
);
)sql";

// One trigger per audited field, so that no path can change an invoice unseen.
constexpr std::string_view kInvoiceAudit = R"sql(
CREATE TRIGGER audit_invoice_amount AFTER UPDATE OF amount ON invoices
WHEN old.amount IS NOT new.amount BEGIN
  INSERT INTO invoice_changes (invoice_id, import_id, field, old_value, new_value)
  VALUES (new.id, new.last_import_id, 'amount', old.amount, new.amount);
END;
CREATE TRIGGER audit_invoice_currency AFTER UPDATE OF currency ON invoices
WHEN old.currency IS NOT new.currency BEGIN
  INSERT INTO invoice_changes (invoice_id, import_id, field, old_value, new_value)
  VALUES (new.id, new.last_import_id, 'currency', old.currency, new.currency);
END;
CREATE TRIGGER audit_invoice_issue AFTER UPDATE OF issue_day ON invoices
WHEN old.issue_day IS NOT new.issue_day BEGIN
  INSERT INTO invoice_changes (invoice_id, import_id, field, old_value, new_value)
  VALUES (new.id, new.last_import_id, 'issue_date',
          date(old.issue_day * 86400, 'unixepoch'), date(new.issue_day * 86400, 'unixepoch'));
END;
CREATE TRIGGER audit_invoice_due AFTER UPDATE OF due_day ON invoices
WHEN old.due_day IS NOT new.due_day BEGIN
  INSERT INTO invoice_changes (invoice_id, import_id, field, old_value, new_value)
  VALUES (new.id, new.last_import_id, 'due_date',
          date(old.due_day * 86400, 'unixepoch'), date(new.due_day * 86400, 'unixepoch'));
END;
CREATE TRIGGER audit_invoice_client AFTER UPDATE OF client_id ON invoices
WHEN old.client_id IS NOT new.client_id BEGIN
  INSERT INTO invoice_changes (invoice_id, import_id, field, old_value, new_value)
  VALUES (new.id, new.last_import_id, 'client',
          (SELECT code FROM clients WHERE id = old.client_id),
          (SELECT code FROM clients WHERE id = new.client_id));
END;
CREATE TRIGGER audit_invoice_status AFTER UPDATE OF status ON invoices
WHEN old.status IS NOT new.status BEGIN
  INSERT INTO invoice_changes (invoice_id, import_id, field, old_value, new_value)
  VALUES (new.id, new.last_import_id, 'status', old.status, new.status);
END;
)sql";

// Reports have title, heading and total rows: counted, neither imported nor rejected.
constexpr std::string_view kSkippedRows = R"sql(
ALTER TABLE imports ADD COLUMN rows_skipped INTEGER NOT NULL DEFAULT 0;
)sql";

// What people tell Kindly, kept forever: contacts and their outcome, promises to pay,
// disputes and their resolution, notes; and write-offs, a person's explicit act, undone by
// another act rather than by deleting the first.
constexpr std::string_view kPeopleSay = R"sql(
CREATE TABLE contacts (
  id           INTEGER PRIMARY KEY,
  client_id    INTEGER NOT NULL REFERENCES clients(id),
  invoice_id   INTEGER REFERENCES invoices(id),  -- when it is about one invoice
  day          INTEGER NOT NULL,                 -- when it happened
  kind         TEXT NOT NULL,     -- contact | promise | dispute | resolved | note
  channel      TEXT NOT NULL DEFAULT '',  -- email | call | letter | visit | other
  outcome      TEXT NOT NULL DEFAULT '',  -- reached | voicemail | no-answer | promised | disputed | paid-already
  promised_day INTEGER,                   -- a promise: the day the client said it would pay
  text         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contacts_by_client ON contacts(client_id, day);

CREATE TABLE writeoffs (
  id          INTEGER PRIMARY KEY,
  invoice_id  INTEGER NOT NULL REFERENCES invoices(id),
  day         INTEGER NOT NULL,
  reason      TEXT NOT NULL,
  undone_day  INTEGER,            -- set by an undo; the row itself stays
  undo_reason TEXT
);
CREATE INDEX writeoffs_by_invoice ON writeoffs(invoice_id);
)sql";

// The follow-up step a contact carried out, so that the planner knows which steps are taken
// ('' for a contact a person logged without naming one); the person to greet at a client.
constexpr std::string_view kFollowUpSteps = R"sql(
ALTER TABLE contacts ADD COLUMN step TEXT NOT NULL DEFAULT '';
ALTER TABLE clients ADD COLUMN contact_name TEXT NOT NULL DEFAULT '';
)sql";

// One row per email of a batch that `kindly send` took up, so that no message goes out twice:
// queued -> sending -> sent | failed | bounced | unknown. A row left in "sending" means the
// outcome of the exchange is not known; a person decides whether it is sent again.
constexpr std::string_view kSendings = R"sql(
CREATE TABLE sendings (
  batch      TEXT NOT NULL,     -- the batch folder, as an absolute path
  file       TEXT NOT NULL,     -- the .eml inside it
  client_id  INTEGER REFERENCES clients(id),
  state      TEXT NOT NULL,     -- queued | sending | sent | failed | bounced | unknown
  message_id TEXT NOT NULL DEFAULT '',
  recipients TEXT NOT NULL DEFAULT '',
  attempts   INTEGER NOT NULL DEFAULT 0,
  last_reply TEXT NOT NULL DEFAULT '',
  queued_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  sent_at    TEXT,
  PRIMARY KEY (batch, file)
);
CREATE INDEX sendings_by_message_id ON sendings(message_id);
)sql";

// Payments inferred from an export's balance are few or none, yet every listed payment an
// import adds asks whether its invoice has one to replace: a small index answers at once.
constexpr std::string_view kInferredPayments = R"sql(
CREATE INDEX payments_inferred ON payments(invoice_id) WHERE inferred = 1;
)sql";

// A fingerprint of the file and of how it was read (importers/Fingerprint.h), kept for an
// import with nothing to report beyond its counts: the same file imported again right after
// it is then recognised without reading its rows.
constexpr std::string_view kImportFingerprints = R"sql(
ALTER TABLE imports ADD COLUMN fingerprint TEXT NOT NULL DEFAULT '';
)sql";

// A sending is one client's message in one batch folder: two clients whose names give the
// same file name in a batch written again are two rows. The folder is its canonical path
// (earlier rows lose a trailing slash). claimed_by names the run that took a message to
// send ("host pid"): the claim is one conditional UPDATE, so two runs never both send it.
constexpr std::string_view kSendingsByClient = R"sql(
CREATE TABLE sendings_by_client (
  batch      TEXT NOT NULL,
  file       TEXT NOT NULL,
  client_id  INTEGER NOT NULL REFERENCES clients(id),
  state      TEXT NOT NULL,
  message_id TEXT NOT NULL DEFAULT '',
  recipients TEXT NOT NULL DEFAULT '',
  attempts   INTEGER NOT NULL DEFAULT 0,
  last_reply TEXT NOT NULL DEFAULT '',
  queued_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  sent_at    TEXT,
  claimed_by TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (batch, client_id, file)
);
-- Rows of one folder under two spellings become one: the one furthest along is kept, so a
-- message sent under either spelling stays sent.
INSERT INTO sendings_by_client (batch, file, client_id, state, message_id, recipients,
    attempts, last_reply, queued_at, updated_at, sent_at)
  SELECT CASE WHEN length(batch) > 1 THEN rtrim(batch, '/') ELSE batch END, file, client_id,
         state, message_id, recipients, attempts, last_reply, queued_at, updated_at, sent_at
  FROM sendings WHERE client_id IS NOT NULL ORDER BY rowid
  ON CONFLICT (batch, client_id, file) DO UPDATE SET
    state = excluded.state, message_id = excluded.message_id, recipients = excluded.recipients,
    attempts = excluded.attempts, last_reply = excluded.last_reply,
    updated_at = excluded.updated_at, sent_at = excluded.sent_at
  WHERE (CASE excluded.state WHEN 'sent' THEN 0 WHEN 'sending' THEN 1 WHEN 'unknown' THEN 2
         WHEN 'bounced' THEN 3 WHEN 'failed' THEN 5 WHEN 'queued' THEN 6 ELSE 4 END)
      < (CASE sendings_by_client.state WHEN 'sent' THEN 0 WHEN 'sending' THEN 1
         WHEN 'unknown' THEN 2 WHEN 'bounced' THEN 3 WHEN 'failed' THEN 5 WHEN 'queued' THEN 6
         ELSE 4 END);
DROP TABLE sendings;
ALTER TABLE sendings_by_client RENAME TO sendings;
CREATE INDEX sendings_by_message_id ON sendings(message_id);
)sql";

// A payment is in the currency it was received in. Stored as minor units alone, it took the
// currency of its invoice at every reading: an invoice corrected from USD to JPY turned a
// USD 100.00 payment into JPY 10,000. The currency is part of the payment's identity.
constexpr std::string_view kPaymentCurrency = R"sql(
CREATE TABLE payments_in_currency (
  id          INTEGER PRIMARY KEY,
  invoice_id  INTEGER NOT NULL REFERENCES invoices(id),
  payment_day INTEGER NOT NULL,
  currency    TEXT NOT NULL,
  amount      INTEGER NOT NULL,
  reference   TEXT NOT NULL DEFAULT '',
  occurrence  INTEGER NOT NULL DEFAULT 1,
  inferred    INTEGER NOT NULL DEFAULT 0,
  import_id   INTEGER NOT NULL REFERENCES imports(id),
  UNIQUE (invoice_id, payment_day, currency, amount, reference, occurrence)
);
INSERT INTO payments_in_currency (id, invoice_id, payment_day, currency, amount, reference,
                                  occurrence, inferred, import_id)
  SELECT p.id, p.invoice_id, p.payment_day, i.currency, p.amount, p.reference, p.occurrence,
         p.inferred, p.import_id
  FROM payments p JOIN invoices i ON i.id = p.invoice_id ORDER BY p.id;
DROP TABLE payments;
ALTER TABLE payments_in_currency RENAME TO payments;
CREATE INDEX payments_inferred ON payments(invoice_id) WHERE inferred = 1;
)sql";

// How a payment's date is known (store::DateKnown): 0 exact (listed, or a paid-date column),
// 1 bounded (inferred from a fall in balance between two exports: after paid_after_day, by
// payment_day), 2 unknown (an invoice first seen already paid). A number, not a word: a
// million payments each carry it, and SQLite stores a 0 in no bytes at all. An import keeps
// the date its export states.
constexpr std::string_view kPaymentDateKnown = R"sql(
ALTER TABLE imports ADD COLUMN export_day INTEGER;
ALTER TABLE payments ADD COLUMN date_known INTEGER NOT NULL DEFAULT 0;
ALTER TABLE payments ADD COLUMN paid_after_day INTEGER;
UPDATE payments SET date_known = 2
  WHERE inferred = 1
    AND import_id = (SELECT first_import_id FROM invoices WHERE id = payments.invoice_id);
UPDATE payments SET date_known = 1,
  paid_after_day = (SELECT m.as_of_day FROM invoices i JOIN imports m ON m.id = i.first_import_id
                    WHERE i.id = payments.invoice_id)
  WHERE inferred = 1 AND date_known = 0;
)sql";

// The inferred payments, with what the reading of the ledger needs of them, in an index of
// their own: a ledger of listed payments has none, and its payments are read as before from
// the unique index alone; a ledger of balance-only exports has one per paid invoice, and
// their dates' knowledge is read without visiting the table (`inferred` is there too, or SQLite
// would visit it to test the index's own condition).
constexpr std::string_view kInferredPaymentDates = R"sql(
DROP INDEX payments_inferred;
CREATE INDEX payments_inferred ON payments(invoice_id, payment_day, currency, amount, date_known,
                                           paid_after_day, inferred) WHERE inferred = 1;
)sql";

// Taking back a mistake, kept in the ledger as a write-off's undo is. A contact withdrawn
// (logged by mistake) keeps its row, marked with the day and why, and counts nowhere: every
// reader of what people said reads contacts_in_effect. An import undone keeps its row too,
// marked so, and every reader of the imports reads imports_in_effect.
//
// For an undo to give back exactly the ledger as it was, an import now keeps what it
// overwrites or removes, as copies rather than references (its undo deletes them): each
// invoice's and client's values before it first changed them, the payments it replaced (an
// inferred payment giving way to a listed one, a credit note's earlier application), the
// contacts it moved with their invoice. It records the clients it added; the import of the
// same command's first file (run_first_id, NULL for that first file), since a command's files
// are undone together; and the latest contact and write-off when it began, so that the acts
// recorded after it are known. An import made before keeps none of this (recorded_for_undo 0).
//
// Putting an invoice back is no import's change: the audit triggers now record only a change
// that leaves last_import_id where it was or moves it forward, and an undo moves it back.
constexpr std::string_view kTakingBack = R"sql(
ALTER TABLE contacts ADD COLUMN retracted_day INTEGER;  -- withdrawn on; the row stays
ALTER TABLE contacts ADD COLUMN retract_reason TEXT;
CREATE VIEW contacts_in_effect AS SELECT * FROM contacts WHERE retracted_day IS NULL;

ALTER TABLE imports ADD COLUMN undone_day INTEGER;      -- undone on; the row stays
ALTER TABLE imports ADD COLUMN undo_reason TEXT;
ALTER TABLE imports ADD COLUMN recorded_for_undo INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN run_first_id INTEGER REFERENCES imports(id);
ALTER TABLE imports ADD COLUMN contacts_before INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imports ADD COLUMN writeoffs_before INTEGER NOT NULL DEFAULT 0;
CREATE VIEW imports_in_effect AS SELECT * FROM imports WHERE undone_day IS NULL;

ALTER TABLE clients ADD COLUMN first_import_id INTEGER REFERENCES imports(id);

CREATE TABLE clients_before_import (
  import_id    INTEGER NOT NULL REFERENCES imports(id),
  client_id    INTEGER NOT NULL,
  name         TEXT NOT NULL,
  email        TEXT NOT NULL,
  contact_name TEXT NOT NULL,
  PRIMARY KEY (import_id, client_id)
);

CREATE TABLE invoices_before_import (
  import_id      INTEGER NOT NULL REFERENCES imports(id),
  invoice_id     INTEGER NOT NULL,
  client_id      INTEGER NOT NULL,
  issue_day      INTEGER NOT NULL,
  due_day        INTEGER NOT NULL,
  currency       TEXT NOT NULL,
  amount         INTEGER NOT NULL,
  status         TEXT NOT NULL,
  last_import_id INTEGER NOT NULL,
  PRIMARY KEY (import_id, invoice_id)
);
CREATE TRIGGER keep_invoice_before_import AFTER UPDATE OF last_import_id ON invoices
WHEN new.last_import_id > old.last_import_id BEGIN
  INSERT OR IGNORE INTO invoices_before_import (import_id, invoice_id, client_id, issue_day,
                                                due_day, currency, amount, status, last_import_id)
  VALUES (new.last_import_id, old.id, old.client_id, old.issue_day, old.due_day, old.currency,
          old.amount, old.status, old.last_import_id);
END;

CREATE TABLE payments_replaced (
  replaced_by    INTEGER NOT NULL REFERENCES imports(id),
  id             INTEGER NOT NULL,
  invoice_id     INTEGER NOT NULL,
  payment_day    INTEGER NOT NULL,
  currency       TEXT NOT NULL,
  amount         INTEGER NOT NULL,
  reference      TEXT NOT NULL,
  occurrence     INTEGER NOT NULL,
  inferred       INTEGER NOT NULL,
  import_id      INTEGER NOT NULL,
  date_known     INTEGER NOT NULL,
  paid_after_day INTEGER
);
CREATE INDEX payments_replaced_by_import ON payments_replaced(replaced_by);

CREATE TABLE contact_moves (
  import_id  INTEGER NOT NULL REFERENCES imports(id),
  contact_id INTEGER NOT NULL,
  client_id  INTEGER NOT NULL,  -- the client it was with before
  PRIMARY KEY (import_id, contact_id)
);

-- An undo deletes the invoices an import added: each deletion looks for rows naming it.
CREATE INDEX invoice_changes_by_invoice ON invoice_changes(invoice_id);
CREATE INDEX contacts_by_invoice ON contacts(invoice_id);

DROP TRIGGER audit_invoice_amount;
DROP TRIGGER audit_invoice_currency;
DROP TRIGGER audit_invoice_issue;
DROP TRIGGER audit_invoice_due;
DROP TRIGGER audit_invoice_client;
DROP TRIGGER audit_invoice_status;
CREATE TRIGGER audit_invoice_amount AFTER UPDATE OF amount ON invoices
WHEN old.amount IS NOT new.amount AND new.last_import_id >= old.last_import_id BEGIN
  INSERT INTO invoice_changes (invoice_id, import_id, field, old_value, new_value)
  VALUES (new.id, new.last_import_id, 'amount', old.amount, new.amount);
END;
CREATE TRIGGER audit_invoice_currency AFTER UPDATE OF currency ON invoices
WHEN old.currency IS NOT new.currency AND new.last_import_id >= old.last_import_id BEGIN
  INSERT INTO invoice_changes (invoice_id, import_id, field, old_value, new_value)
  VALUES (new.id, new.last_import_id, 'currency', old.currency, new.currency);
END;
CREATE TRIGGER audit_invoice_issue AFTER UPDATE OF issue_day ON invoices
WHEN old.issue_day IS NOT new.issue_day AND new.last_import_id >= old.last_import_id BEGIN
  INSERT INTO invoice_changes (invoice_id, import_id, field, old_value, new_value)
  VALUES (new.id, new.last_import_id, 'issue_date',
          date(old.issue_day * 86400, 'unixepoch'), date(new.issue_day * 86400, 'unixepoch'));
END;
CREATE TRIGGER audit_invoice_due AFTER UPDATE OF due_day ON invoices
WHEN old.due_day IS NOT new.due_day AND new.last_import_id >= old.last_import_id BEGIN
  INSERT INTO invoice_changes (invoice_id, import_id, field, old_value, new_value)
  VALUES (new.id, new.last_import_id, 'due_date',
          date(old.due_day * 86400, 'unixepoch'), date(new.due_day * 86400, 'unixepoch'));
END;
CREATE TRIGGER audit_invoice_client AFTER UPDATE OF client_id ON invoices
WHEN old.client_id IS NOT new.client_id AND new.last_import_id >= old.last_import_id BEGIN
  INSERT INTO invoice_changes (invoice_id, import_id, field, old_value, new_value)
  VALUES (new.id, new.last_import_id, 'client',
          (SELECT code FROM clients WHERE id = old.client_id),
          (SELECT code FROM clients WHERE id = new.client_id));
END;
CREATE TRIGGER audit_invoice_status AFTER UPDATE OF status ON invoices
WHEN old.status IS NOT new.status AND new.last_import_id >= old.last_import_id BEGIN
  INSERT INTO invoice_changes (invoice_id, import_id, field, old_value, new_value)
  VALUES (new.id, new.last_import_id, 'status', old.status, new.status);
END;
)sql";

}  // namespace

const std::vector<std::string_view>& migrations() {
  static const std::vector<std::string_view> all = {
      kLedger,           kInvoiceAudit,    kSkippedRows,      kPeopleSay,
      kFollowUpSteps,    kSendings,        kInferredPayments, kImportFingerprints,
      kSendingsByClient, kPaymentCurrency, kPaymentDateKnown, kInferredPaymentDates,
      kTakingBack};
  return all;
}

}  // namespace kindly::store
