// Taking back an import: the ledger put back exactly as it was before the latest `kindly
// import` still in effect, its files all together. The import stays in the ledger, marked
// undone with the day and why; undone imports count nowhere (the view imports_in_effect).
// An undo is refused, with nothing changed, when a later act depends on what the import wrote,
// or when the import kept too little to be undone exactly. The words are the CLI's.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dates/Date.h"
#include "store/Contacts.h"
#include "store/Database.h"

namespace kindly::store {

// One `kindly import` command: the imports of its files, in the order they were made.
struct ImportRun {
  struct File {
    std::int64_t importId = 0;
    std::string file;
  };
  std::vector<File> files;  // never empty
  dates::Date asOf;         // the day the command imported as of
  // False for an import made before Kindly kept what an undo needs (the values it overwrote,
  // the payments it replaced, the clients it added).
  bool recordedForUndo = true;
  // True when an import made before it is in effect: the ledger it was made on held imports.
  bool anyBefore = false;
  std::int64_t contactsBefore = 0;  // the latest contact and write-off when it began
  std::int64_t writeOffsBefore = 0;

  std::int64_t firstId() const { return files.front().importId; }
  std::int64_t lastId() const { return files.back().importId; }
};

// An act of a person (or of `kindly send`) recorded after the import that rests on what the
// import wrote: undoing the import would pull the ground from under it.
struct DependentAct {
  enum class Kind {
    ContactAboutAddedClient,   // a contact standing about a client the import added
    ContactAboutAddedInvoice,  // ... about an invoice the import added
    ContactAfterMove,          // logged with the client the import moved the invoice to
    WriteOffOfAddedInvoice,    // a write-off standing of an invoice the import added
    WriteOffAfterChange,       // a write-off made after the import changed what it owes
    SendingToAddedClient,      // an email to a client the import added that may have gone out
  };
  Kind kind = Kind::ContactAboutAddedClient;
  std::int64_t id = 0;  // the contact's or write-off's; 0 for a sending
  dates::Date day;      // when it was recorded as happening
  std::string clientCode;
  std::string clientName;
  std::string invoiceNumber;   // "" when it is about the client as a whole
  ContactRecord contact;       // a contact's record (kind, channel, text...)
  std::string fromClientCode;  // ContactAfterMove: the client the invoice goes back to
  std::string sendingState;    // a sending's: sent, sending, unknown, bounced, refused
  std::string batch;           // a sending's draft: its batch folder and file
};

// What an undo took back (or, for a dry run, would take back).
struct UndoCounts {
  std::size_t invoicesRemoved = 0;    // the invoices the import added
  std::size_t paymentsRemoved = 0;    // the payments it added (each half of a credit applied)
  std::size_t invoicesRestored = 0;   // the invoices it changed, as they were before it
  std::size_t clientsRemoved = 0;     // the clients it added
  std::size_t clientsRestored = 0;    // name, email and contact person as before it
  std::size_t paymentsPutBack = 0;    // the payments it had replaced
  std::size_t contactsMovedBack = 0;  // disputes and promises that had gone with an invoice
  // About what the import added, what counts nowhere goes with it: contacts withdrawn,
  // write-offs undone, emails that never left (queued, or failed before they went out).
  std::size_t withdrawnContactsRemoved = 0;
  std::size_t undoneWriteOffsRemoved = 0;
  std::size_t unsentEmailsRemoved = 0;
};

struct UndoResult {
  enum class Outcome {
    NothingToUndo,  // no import in effect
    NotRecorded,    // the import kept too little to be undone exactly (see run)
    Depended,       // acts depend on it (see dependents)
    Undone,         // undone (for a dry run: would be; see counts)
  };
  Outcome outcome = Outcome::NothingToUndo;
  bool anyImport = false;                // NothingToUndo: the ledger has imports, all undone
  std::optional<ImportRun> run;          // the import command undone or refused
  std::vector<DependentAct> dependents;  // by day, then id; sendings last
  UndoCounts counts;
};

class ImportUndo {
 public:
  explicit ImportUndo(Database& database) : database_(database) {}

  // Undoes the latest import command in effect, on `day`, keeping `reason` ("" for none), in
  // one transaction: the ledger exactly as it was before the command, its imports marked
  // undone. Nothing is written for a dry run or when the undo is refused: the import kept
  // too little to be undone exactly (it was made before Kindly kept what an undo needs, on a
  // ledger that held imports already), or an act depends on it. Throws StoreError.
  UndoResult undoLatest(dates::Date day, const std::string& reason, bool dryRun);

 private:
  std::optional<ImportRun> latestInEffect();
  std::vector<DependentAct> dependents(const ImportRun& run);
  UndoCounts undo(const ImportRun& run, dates::Date day, const std::string& reason);

  Database& database_;
};

}  // namespace kindly::store
