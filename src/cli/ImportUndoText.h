// `kindly import --undo-last` in words: the import named as a person knows it, what an undo
// took back in the style of the import summaries, and why one is refused and how to proceed.
// Pure functions of the ledger's plain values; outside text is left as it is (callers print
// each line through oneLine()).
#pragma once

#include <string>
#include <vector>

#include "dates/Date.h"
#include "store/ImportUndo.h"

namespace kindly::cli {

// "import 7 of invoices.csv (2026-11-20)", "imports 7 and 8 of invoices.csv and payments.csv
// (2026-11-20)": the day is the one the command imported as of.
std::string describeRun(const store::ImportRun& run);

// One act that holds an undo back and what to do about it: "contact #12 (2026-11-21: call,
// reached) is about C9 Acme Ltd, a client it added: withdraw it first with `kindly log C9
// --retract 12`".
std::string describeDependent(const store::DependentAct& act);

// The refusal of an undo that acts depend on: the import, then the first `listed` acts and
// how many more; one line.
std::string dependedText(const store::ImportRun& run, const std::vector<store::DependentAct>& acts,
                         std::size_t listed = 3);

// "Undid import 7 of invoices.csv (2026-11-20): removed 12 invoices and 30 payments, restored
// 3 invoices.", then a line for each other kind of thing taken back, then the import kept as
// undone on `day` with `reason` (or, for a dry run, "Would undo ...: remove ...", then
// "Dry run: nothing was written.").
std::vector<std::string> undoSummary(const store::ImportRun& run, const store::UndoCounts& counts,
                                     dates::Date day, const std::string& reason, bool dryRun);

}  // namespace kindly::cli
