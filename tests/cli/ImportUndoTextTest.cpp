// ImportUndoText: an undo and its refusals in a bookkeeper's words, from plain values.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli/ImportUndoText.h"

namespace kindly::cli {
namespace {

using store::DependentAct;

dates::Date day(int year, int month, int dayOfMonth) {
  return *dates::Date::fromYmd(year, month, dayOfMonth);
}

store::ImportRun run(std::vector<std::string> files) {
  store::ImportRun r;
  std::int64_t id = 7;
  for (auto& file : files) r.files.push_back({id++, std::move(file)});
  r.asOf = day(2026, 11, 20);
  return r;
}

TEST(ImportUndoText, namesTheImportByItsNumbersFilesAndDay) {
  EXPECT_EQ(describeRun(run({"invoices.csv"})), "import 7 of invoices.csv (2026-11-20)");
  EXPECT_EQ(describeRun(run({"invoices.csv", "payments.csv"})),
            "imports 7 and 8 of invoices.csv and payments.csv (2026-11-20)");
  EXPECT_EQ(describeRun(run({"a.csv", "b.csv", "c.csv"})),
            "imports 7 to 9 of a.csv, b.csv and c.csv (2026-11-20)");
  // A workbook's two sheets are two imports of one file.
  EXPECT_EQ(describeRun(run({"book.xlsx", "book.xlsx"})),
            "imports 7 and 8 of book.xlsx (2026-11-20)");
}

TEST(ImportUndoText, summarisesWhatWasTakenBackInTheStyleOfAnImport) {
  store::UndoCounts counts;
  counts.invoicesRemoved = 12;
  counts.paymentsRemoved = 30;
  counts.invoicesRestored = 3;
  const auto lines = undoSummary(run({"FILE"}), counts, day(2026, 11, 22), "", false);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0],
            "Undid import 7 of FILE (2026-11-20): removed 12 invoices and 30 payments, restored "
            "3 invoices.");
  EXPECT_EQ(lines[1], "  the import stays in the ledger, marked undone on 2026-11-22");
}

TEST(ImportUndoText, countsOneThingInTheSingularAndSaysEveryOtherKind) {
  store::UndoCounts counts;
  counts.invoicesRemoved = 1;
  counts.paymentsRemoved = 1;
  counts.clientsRemoved = 2;
  counts.clientsRestored = 1;
  counts.paymentsPutBack = 1;
  counts.contactsMovedBack = 1;
  counts.withdrawnContactsRemoved = 1;
  counts.undoneWriteOffsRemoved = 2;
  const auto lines =
      undoSummary(run({"a.csv", "b.csv"}), counts, day(2026, 11, 22), "Wrong week", false);
  EXPECT_EQ(lines.front(),
            "Undid imports 7 and 8 of a.csv and b.csv (2026-11-20): removed 1 invoice and 1 "
            "payment, restored 0 invoices.");
  EXPECT_EQ(lines[1], "  removed 2 clients it added");
  EXPECT_NE(lines[2].find("of 1 client as they were"), std::string::npos) << lines[2];
  EXPECT_NE(lines[3].find("put back 1 payment it had replaced"), std::string::npos) << lines[3];
  EXPECT_NE(lines[4].find("moved back 1 contact"), std::string::npos) << lines[4];
  EXPECT_EQ(lines[5],
            "  removed with what it added 1 withdrawn contact and 2 undone write-offs, which "
            "counted nowhere");
  EXPECT_EQ(lines.back(),
            "  the imports stay in the ledger, marked undone on 2026-11-22: Wrong week.");
}

TEST(ImportUndoText, aDryRunSaysWhatWouldBeDoneAndThatNothingWasWritten) {
  store::UndoCounts counts;
  counts.invoicesRemoved = 2;
  counts.clientsRemoved = 1;
  const auto lines = undoSummary(run({"FILE"}), counts, day(2026, 11, 22), "why", true);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0],
            "Would undo import 7 of FILE (2026-11-20): remove 2 invoices and 0 payments, restore "
            "0 invoices.");
  EXPECT_EQ(lines[1], "  remove 1 client it added");
  EXPECT_EQ(lines[2], "Dry run: nothing was written.");
}

DependentAct writeOffAfterChange(std::int64_t id, std::string invoice) {
  DependentAct act;
  act.kind = DependentAct::Kind::WriteOffAfterChange;
  act.id = id;
  act.day = day(2026, 11, 21);
  act.invoiceNumber = std::move(invoice);
  return act;
}

TEST(ImportUndoText, saysWhichActHoldsTheUndoBackAndHowToProceed) {
  DependentAct call;
  call.kind = DependentAct::Kind::ContactAboutAddedClient;
  call.id = 12;
  call.clientCode = "C 9";
  call.clientName = "Acme Ltd";
  call.contact.kind = store::ContactKind::Contact;
  call.contact.day = day(2026, 11, 21);
  call.contact.channel = "call";
  call.contact.outcome = "reached";
  EXPECT_EQ(describeDependent(call),
            "contact #12 (2026-11-21: call, reached) is about C 9 Acme Ltd, a client it added: "
            "withdraw it first with `kindly log 'C 9' --retract 12`");
  EXPECT_EQ(describeDependent(writeOffAfterChange(3, "INV-5")),
            "INV-5 was written off on 2026-11-21, after the import changed what it owes: undo the "
            "write-off first with `kindly writeoff INV-5 --undo --reason TEXT`, then write it off "
            "again if it still should be");
  DependentAct sent;
  sent.kind = DependentAct::Kind::SendingToAddedClient;
  sent.clientCode = "C9";
  sent.clientName = "Acme Ltd";
  sent.sendingState = "sent";
  sent.batch = "/out/batch-2026-11-21/001-acme-ltd.eml";
  EXPECT_NE(describeDependent(sent).find("was sent (/out/batch-2026-11-21/001-acme-ltd.eml): what "
                                         "went out cannot be taken back"),
            std::string::npos);
}

TEST(ImportUndoText, aRefusalNamesTheFirstActsAndCountsTheRest) {
  const std::vector<DependentAct> acts{writeOffAfterChange(1, "INV-1"),
                                       writeOffAfterChange(2, "INV-2"),
                                       writeOffAfterChange(3, "INV-3")};
  const std::string text = dependedText(run({"FILE"}), acts, 2);
  EXPECT_EQ(text.find("import 7 of FILE (2026-11-20) cannot be undone: INV-1 was written off"), 0u)
      << text;
  EXPECT_NE(text.find("; INV-2 was written off"), std::string::npos);
  EXPECT_EQ(text.find("INV-3"), std::string::npos);
  EXPECT_NE(text.find("; and 1 more act depends on it. Nothing was changed."), std::string::npos);
}

}  // namespace
}  // namespace kindly::cli
