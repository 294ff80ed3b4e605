// `kindly import`: per file, what Kindly read it as and a tally that always adds up, then
// what needs a person: rows set aside, invoices gone from a full export, look-alike clients.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "base/Error.h"
#include "base/Text.h"
#include "cli/Commands.h"
#include "cli/ImportInspection.h"
#include "cli/ImportUndoText.h"
#include "cli/Settings.h"
#include "importers/ImportJob.h"
#include "store/ImportUndo.h"
#include "store/NewLedger.h"

namespace kindly::cli {

namespace {

// An as-of date further than this from today is taken for a slip and named.
constexpr int kFarFromTodayDays = 31;

// Longer lists are cut here: a summary is read by a person.
constexpr std::size_t kListedAtMost = 10;

// "invoices.csv:9:6: due_date: why", as compilers place their messages.
std::string where(const importers::Reject& r) {
  return oneLine(r.file) + ':' + std::to_string(r.line) + ':' + std::to_string(r.column) + ": " +
         (r.columnName.empty() ? "" : oneLine(r.columnName) + ": ") + oneLine(r.reason);
}

void printSummary(std::ostream& out, const importers::FileSummary& s, dates::Date asOf) {
  out << oneLine(s.file) << " (" << s.description << "; " << s.table << ")\n";
  out << "  " << s.read << " rows: " << s.added << " new, " << s.updated << " updated, "
      << s.unchanged << " unchanged, " << s.skipped() << " skipped, " << s.rejected
      << " rejected\n";
  if (s.sameAsLatest) {
    out << "  the same file, read the same way, as the ledger's latest import: nothing to "
           "change, so its rows were not read again\n";
  }
  if (!s.skips.empty()) {
    out << "  skipped:";
    const char* separator = " ";
    for (const auto& [kind, count] : s.skips) {
      out << separator << count << ' ' << kind;
      separator = ", ";
    }
    out << '\n';
  }
  if (s.exportDate) out << "  the export is as of " << s.exportDate->iso() << '\n';
  if (!s.sheetsNotRead.empty()) {
    out << "  sheets not read, holding neither invoices nor payments:";
    const char* separator = " ";
    for (const auto& sheet : s.sheetsNotRead) {
      out << separator << '\'' << oneLine(sheet) << '\'';
      separator = ", ";
    }
    out << '\n';
  }
  const auto note = [&out](std::size_t count, std::string_view what) {
    if (count > 0) out << "  " << count << ' ' << what << '\n';
  };
  note(s.notOwed, "invoices are drafts or void: kept as the file says, with nothing owed on them");
  note(s.dueFromTerms, "invoices give no due date: due as their terms say");
  note(s.dueOnIssue, "invoices give no due date nor terms: taken as due on their issue date");
  const std::string day = s.exportDate.value_or(asOf).iso();
  if (s.paidBeforeFirstSeen > 0) {
    out << "  " << s.paidBeforeFirstSeen
        << " payments of invoices already paid when first seen, by " << day
        << ", on a day not known: never counted as late\n";
  }
  if (const std::size_t fallen = s.inferredPayments - s.paidBeforeFirstSeen; fallen > 0) {
    const std::size_t onDay = fallen - s.inferredOnPaidDate;
    out << "  " << fallen << " payments inferred from a fall in balance, dated "
        << (onDay == 0 ? "as the export's paid dates say"
            : s.inferredOnPaidDate == 0
                ? day
                : "as the export's paid dates say (" + std::to_string(s.inferredOnPaidDate) +
                      "), else " + day)
        << '\n';
  }
  note(s.replacedInferred, "payments inferred earlier were replaced by the payments listed here");
  note(s.appliedCredits, "credit notes applied to the invoices they name");
  note(s.paidOnAccount,
       "payments name no invoice: kept as their clients' credits on account, until applied");
  note(s.paidEarlierInvoice,
       "payments are for invoices of an earlier period, not in the ledger: kept as their "
       "clients' credits on account, until applied");
  for (std::size_t i = 0; i < std::min(kListedAtMost, s.unappliedCredits.size()); ++i) {
    out << "  credit note " << oneLine(s.unappliedCredits[i]) << "; kept as an unapplied credit\n";
  }
  if (s.unappliedCredits.size() > kListedAtMost) {
    out << "  and " << s.unappliedCredits.size() - kListedAtMost
        << " more credit notes kept as unapplied credits\n";
  }
  if (!s.balanceDisagreements.empty()) {
    out << "  " << s.balanceDisagreements.size()
        << " invoices show a balance the ledger's payments do not explain; the ledger's "
           "payments stand:";
    for (std::size_t i = 0; i < std::min(kListedAtMost, s.balanceDisagreements.size()); ++i) {
      out << ' ' << oneLine(s.balanceDisagreements[i]);
    }
    if (s.balanceDisagreements.size() > kListedAtMost) out << " ...";
    out << '\n';
  }
  for (const auto& note : s.paymentsInAnotherCurrency) {
    out << "  " << oneLine(note) << "; check it\n";
  }
  for (const auto& note : s.movedWithInvoice) out << "  " << oneLine(note) << '\n';
  for (std::size_t i = 0; i < std::min(kListedAtMost, s.slips.size()); ++i) {
    out << "  check: " << oneLine(s.slips[i]) << '\n';
  }
  if (s.slips.size() > kListedAtMost) {
    out << "  and " << s.slips.size() - kListedAtMost << " more to check of the same kinds\n";
  }
  if (!s.missingFromExport.empty()) {
    out << "  " << s.missingFromExport.size()
        << " open invoices of earlier exports are not in this one; kept until a person "
           "says they are paid or written off:";
    for (std::size_t i = 0; i < std::min(kListedAtMost, s.missingFromExport.size()); ++i) {
      out << ' ' << oneLine(s.missingFromExport[i]);
    }
    if (s.missingFromExport.size() > kListedAtMost) out << " ...";
    out << '\n';
  }
  const auto& duplicates = s.suspectedDuplicates;
  for (std::size_t i = 0; i < std::min(kListedAtMost, duplicates.size()); ++i) {
    out << "  new client " << oneLine(duplicates[i]) << "; not merged\n";
  }
  if (duplicates.size() > kListedAtMost) {
    out << "  and " << duplicates.size() - kListedAtMost
        << " more new clients that look like known ones\n";
  }
}

// `kindly import --undo-last`: the latest import command put back, or why it cannot be.
int undoLastImport(const std::vector<std::string>& args, Context& context) {
  if (!args.empty()) {
    throw UsageError("--undo-last undoes the ledger's latest import: it takes no FILE (" +
                     oneLine(args.front()) + ")");
  }
  // The options that say how to read a file mean nothing here: refused, not ignored.
  for (const char* key : {"run.format", "import.map", "import.inspect", "import.sheet",
                          "import.date_order", "import.decimal_comma", "run.currency"}) {
    const std::string given = "cli.given." + std::string(key);
    if (context.config.hasProperty(given)) {
      throw UsageError("--undo-last reads no file: it does not take " +
                       context.config.getString(given));
    }
  }
  const std::string reason = reasonGiven(context.config);
  const bool dryRun = context.config.getBool("run.dry_run", false);
  const dates::Date day = asOf(context.config);
  // Nothing to undo in a ledger that is not there, and none is created to say so.
  const auto path = ledgerPath(context.config);
  if (path != ":memory:" && !std::filesystem::exists(path)) {
    throw UsageError("there is no ledger " + path + ", so no import to undo");
  }

  auto& ledger = context.ledger();
  const auto result = store::ImportUndo(ledger).undoLatest(day, reason, dryRun);
  using Outcome = store::UndoResult::Outcome;
  switch (result.outcome) {
    case Outcome::NothingToUndo:
      throw UsageError(result.anyImport ? "every import of the ledger " + ledger.path() +
                                              " is undone already: nothing to undo"
                                        : "the ledger " + ledger.path() + " has no import to undo");
    case Outcome::NotRecorded:
      throw UsageError(
          describeRun(*result.run) +
          " was made by an earlier Kindly, which did not keep what an undo needs (the "
          "clients' names and emails and the payments as they were before it): it cannot be "
          "undone exactly, and is left as it is; import a corrected export to correct it. "
          "Nothing was changed.");
    case Outcome::Depended:
      throw UsageError(dependedText(*result.run, result.dependents));
    case Outcome::Undone:
      break;
  }
  for (const auto& line : undoSummary(*result.run, result.counts, day, reason, dryRun)) {
    // Detail lines are indented, as in an import's summary.
    const std::size_t indent = std::min(line.find_first_not_of(' '), line.size());
    context.out << line.substr(0, indent) << oneLine(line.substr(indent)) << '\n';
  }
  return kDone;
}

}  // namespace

int ImportCommand::run(const std::vector<std::string>& args, Context& context) {
  if (context.config.getBool("import.undo_last", false)) return undoLastImport(args, context);
  if (context.config.hasProperty("cli.given.run.reason")) {
    throw UsageError("--reason goes with --undo-last: an import needs no reason");
  }
  if (args.empty()) throw UsageError("import needs at least one FILE; usage: kindly " + usage());
  auto options = importOptions(context.config);
  if (context.config.getBool("import.inspect", false)) {
    inspectFiles(args, options.source, context.out);  // no ledger is opened
    return kDone;
  }
  // A progress line for large files, only where a person watches a terminal.
  // Written to the terminal itself: its own carriage return and line erase are not text.
  const bool terminal = isatty(STDERR_FILENO) == 1;
  const auto progressLine = [&context](const std::string& text) {
    context.err << std::flush;
    if (::write(STDERR_FILENO, text.data(), text.size()) < 0) return;  // only a progress line
  };
  if (terminal) {
    options.progress = [&](const std::string& file, double done) {
      progressLine("\r" + oneLine(file) + ": " + std::to_string(static_cast<int>(done * 100)) +
                   "% ");
    };
  }
  // Every file is read and recognised first: one that cannot be read creates no ledger.
  auto sources = importers::openSources(args, options.source);
  // A first import builds its ledger beside it: refused halfway, or a dry run, it leaves none.
  const auto path = ledgerPath(context.config);
  std::vector<importers::FileSummary> summaries;
  if (path != ":memory:" && !std::filesystem::exists(path)) {
    store::NewLedger ledger(path);
    summaries = importers::ImportJob(ledger.database(), options).run(std::move(sources));
    if (!options.dryRun) {
      ledger.putInPlace();
      context.out << "new ledger " << path << '\n';
    }
  } else {
    summaries = importers::ImportJob(context.ledger(), options).run(std::move(sources));
  }
  if (terminal) progressLine("\r\033[K");

  std::size_t rejected = 0;
  bool currencyNotes = false;
  std::size_t slips = 0;
  for (const auto& s : summaries) {
    printSummary(context.out, s, options.asOf);
    rejected += s.rejected;
    currencyNotes = currencyNotes || !s.paymentsInAnotherCurrency.empty();
    slips += s.slips.size();
  }
  // A year or a month typed wrong dates every inferred payment and every "as of" wrongly.
  const int fromToday = options.asOf - today();
  if (fromToday > kFarFromTodayDays || fromToday < -kFarFromTodayDays) {
    context.out << "check: imported as of " << options.asOf.iso() << ", " << std::abs(fromToday)
                << " days " << (fromToday > 0 ? "after" : "before") << " today (" << today().iso()
                << "): is --as-of right?\n";
    ++slips;
  }
  if (slips > 0 && !options.dryRun) {
    context.out << "If one of these is a mistake, kindly import --undo-last takes the whole "
                   "import back.\n";
  }
  std::size_t warnings = 0;
  for (const auto& s : summaries) {
    for (const auto& r : s.rejects) context.err << where(r) << '\n';
    for (const auto& w : s.warnings) context.err << "warning: " << where(w) << '\n';
    warnings += s.warnings.size();
  }
  if (options.dryRun) context.out << "Dry run: nothing was written.\n";
  if (warnings > 0) {
    context.out << warnings << " rows kept with a warning for a person to check.\n";
  }
  if (rejected > 0) {
    context.out << rejected << " rows set aside; `kindly rejects` lists them.\n";
    return kNeedsAttention;
  }
  return currencyNotes || warnings > 0 || slips > 0 ? kNeedsAttention : kDone;
}

}  // namespace kindly::cli
