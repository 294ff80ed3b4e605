#include "cli/ImportUndoText.h"

#include <algorithm>

#include "base/Text.h"
#include "cli/ContactText.h"

namespace kindly::cli {

namespace {

using store::DependentAct;

// "1 invoice", "2 invoices".
std::string count(std::size_t n, const std::string& thing) {
  return std::to_string(n) + ' ' + thing + (n == 1 ? "" : "s");
}

// "a", "a and b", "a, b and c".
std::string listed(const std::vector<std::string>& items) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += i + 1 == items.size() ? " and " : ", ";
    text += items[i];
  }
  return text;
}

std::string quoted(const std::string& word) { return shellQuote(oneLine(word)); }

// "contact #12 (2026-11-21: call, reached)"
std::string contactText(const DependentAct& act) {
  return "contact #" + std::to_string(act.id) + " (" + act.contact.day.iso() + ": " +
         describeContact(act.contact) + ")";
}

std::string retractFirst(const DependentAct& act) {
  return "withdraw it first with `kindly log " + quoted(act.clientCode) + " --retract " +
         std::to_string(act.id) + "`";
}

std::string undoWriteOffFirst(const DependentAct& act) {
  return "undo the write-off first with `kindly writeoff " + quoted(act.invoiceNumber) +
         " --undo --reason TEXT`";
}

// What became of an email that may have reached the client.
std::string sendingFate(const std::string& state) {
  if (state == "sent") return "was sent";
  if (state == "bounced") return "was sent and bounced";
  if (state == "refused") return "was refused by the mail server after it was sent";
  return "may have been sent (its fate is not known)";
}

}  // namespace

std::string describeRun(const store::ImportRun& run) {
  std::vector<std::string> names;
  for (const auto& file : run.files) {
    if (std::find(names.begin(), names.end(), file.file) == names.end()) {
      names.push_back(file.file);
    }
  }
  const std::string first = std::to_string(run.firstId()), last = std::to_string(run.lastId());
  const std::string numbers = run.files.size() == 1   ? "import " + first
                              : run.files.size() == 2 ? "imports " + first + " and " + last
                                                      : "imports " + first + " to " + last;
  return numbers + " of " + listed(names) + " (" + run.asOf.iso() + ")";
}

std::string describeDependent(const DependentAct& act) {
  const std::string client = act.clientCode + ' ' + act.clientName;
  switch (act.kind) {
    case DependentAct::Kind::ContactAboutAddedClient:
      return contactText(act) + " is about " + client + ", a client it added: " + retractFirst(act);
    case DependentAct::Kind::ContactAboutAddedInvoice:
      return contactText(act) + " is about " + act.invoiceNumber +
             ", an invoice it added: " + retractFirst(act);
    case DependentAct::Kind::ContactAfterMove:
      return contactText(act) + " about " + act.invoiceNumber + " was logged with " +
             act.clientCode + " after the import moved " + act.invoiceNumber + " there from " +
             act.fromClientCode + ": " + retractFirst(act);
    case DependentAct::Kind::WriteOffOfAddedInvoice:
      return act.invoiceNumber + ", an invoice it added, is written off (" + act.day.iso() +
             "): " + undoWriteOffFirst(act);
    case DependentAct::Kind::WriteOffAfterChange:
      return act.invoiceNumber + " was written off on " + act.day.iso() +
             ", after the import changed what it owes: " + undoWriteOffFirst(act) +
             ", then write it off again if it still should be";
    case DependentAct::Kind::SendingToAddedClient:
      return "an email to " + client + ", a client it added, " + sendingFate(act.sendingState) +
             " (" + act.batch +
             "): what went out cannot be taken back, so the import stays; correct it with a "
             "corrected export, or write its invoices off";
  }
  return "";
}

std::string dependedText(const store::ImportRun& run, const std::vector<DependentAct>& acts,
                         std::size_t listedAtMost) {
  std::string text = describeRun(run) + " cannot be undone: ";
  const std::size_t shown = std::min(listedAtMost, acts.size());
  for (std::size_t i = 0; i < shown; ++i) {
    text += (i > 0 ? "; " : "") + describeDependent(acts[i]);
  }
  if (acts.size() > shown) {
    text += "; and " + std::to_string(acts.size() - shown) + " more " +
            (acts.size() - shown == 1 ? "act depends" : "acts depend") + " on it";
  }
  return text + ". Nothing was changed.";
}

std::vector<std::string> undoSummary(const store::ImportRun& run, const store::UndoCounts& c,
                                     dates::Date day, const std::string& reason, bool dryRun) {
  // Verbs in the past once done, as a plan for a dry run.
  const auto did = [dryRun](const std::string& past, const std::string& plan) {
    return dryRun ? plan : past;
  };
  std::vector<std::string> lines{
      (dryRun ? "Would undo " : "Undid ") + describeRun(run) + ": " + did("removed", "remove") +
      ' ' + count(c.invoicesRemoved, "invoice") + " and " + count(c.paymentsRemoved, "payment") +
      ", " + did("restored", "restore") + ' ' + count(c.invoicesRestored, "invoice") + '.'};
  if (c.clientsRemoved > 0) {
    lines.push_back("  " + did("removed", "remove") + ' ' + count(c.clientsRemoved, "client") +
                    " it added");
  }
  if (c.clientsRestored > 0) {
    lines.push_back("  " + did("restored", "restore") + " the name, email and contact person of " +
                    count(c.clientsRestored, "client") + " as they were before it");
  }
  if (c.paymentsPutBack > 0) {
    lines.push_back("  " + did("put back", "put back") + ' ' + count(c.paymentsPutBack, "payment") +
                    " it had replaced (inferred from a balance, or a credit note applied before)");
  }
  if (c.contactsMovedBack > 0) {
    lines.push_back("  " + did("moved", "move") + " back " + count(c.contactsMovedBack, "contact") +
                    " (disputes, resolutions, promises) that had gone with an invoice it moved "
                    "to another client");
  }
  std::vector<std::string> takenBack;
  if (c.withdrawnContactsRemoved > 0) {
    takenBack.push_back(count(c.withdrawnContactsRemoved, "withdrawn contact"));
  }
  if (c.undoneWriteOffsRemoved > 0) {
    takenBack.push_back(count(c.undoneWriteOffsRemoved, "undone write-off"));
  }
  if (c.unsentEmailsRemoved > 0) {
    takenBack.push_back(count(c.unsentEmailsRemoved, "record") + " of emails never sent");
  }
  if (!takenBack.empty()) {
    lines.push_back("  " + did("removed", "remove") + " with what it added " + listed(takenBack) +
                    ", which counted nowhere");
  }
  if (dryRun) {
    lines.push_back("Dry run: nothing was written.");
  } else {
    lines.push_back(
        std::string(run.files.size() == 1 ? "  the import stays" : "  the imports stay") +
        " in the ledger, marked undone on " + day.iso() +
        (reason.empty() ? "" : ": " + sentence(reason)));
  }
  return lines;
}

}  // namespace kindly::cli
