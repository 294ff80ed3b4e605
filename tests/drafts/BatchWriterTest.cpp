// A batch of drafts on a real disk, in a scratch folder: which files appear, what the
// manifest says, and that a failed or repeated batch leaves exactly what it should.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "base/Error.h"
#include "drafts/BatchWriter.h"
#include "drafts/EmailMessage.h"
#include "drafts/Manifest.h"
#include "tests/drafts/MailReadBack.h"
#include "tests/support/TempDir.h"

namespace kindly::drafts {
namespace {

namespace fs = std::filesystem;
using kindly::testing::folderContents;
using kindly::testing::readFile;

dates::Date day(int year, int month, int dayOfMonth) {
  return *dates::Date::fromYmd(year, month, dayOfMonth);
}

const dates::Date kAsOf = day(2026, 11, 20);

money::Money amount(std::int64_t minorUnits, const char* code) {
  return money::Money(minorUnits, *money::Currency::fromCode(code));
}

Reminder reminderFor(std::string code, std::string name, std::string email,
                     std::vector<std::pair<std::string, money::Money>> invoices) {
  Reminder reminder;
  reminder.clientCode = std::move(code);
  reminder.clientName = std::move(name);
  reminder.email = std::move(email);
  for (auto& [number, balance] : invoices) {
    reminder.invoices.push_back({number, day(2026, 9, 1), day(2026, 10, 1), balance});
    money::addTo(reminder.balance, balance);
  }
  reminder.thenAfterDays = 14;
  return reminder;
}

Reminder withStep(Reminder reminder, std::string step, std::vector<followup::Channel> channels) {
  reminder.step = std::move(step);
  reminder.channels = std::move(channels);
  return reminder;
}

// A week's follow-ups: a gentle email, a letter for a client without email, a call, a
// statement by letter and email, and an email to an address that cannot be used.
std::vector<Reminder> weeklyReminders() {
  using followup::Channel;
  return {reminderFor("C0001", "Acme Ltd", "ap@acme.example",
                      {{"INV-1001", amount(123450, "USD")}, {"INV-1003", amount(1000, "EUR")}}),
          withStep(reminderFor("C0002", "Café Müller", "", {{"INV-2001", amount(5000, "USD")}}),
                   "gentle-reminder", {Channel::Letter}),
          withStep(reminderFor("C0003", "=HYPERLINK(\"http://evil.example\",\"x\")", "x@y.example",
                               {{"INV-3001", amount(7500, "USD")}}),
                   "personal-call", {Channel::Call}),
          withStep(reminderFor("C0004", "東京商事", "ops@tokyo.example",
                               {{"INV-4001", amount(5000, "JPY")}}),
                   "statement", {Channel::Letter, Channel::Email}),
          reminderFor("C0005", "Dune Surf", "not-an-address", {{"INV-5001", amount(990, "USD")}})};
}

Sender harbourLights() {
  return Sender{.companyName = "Harbour Lights Ltd",
                .from = "Accounts <ar@example.com>",
                .replyTo = "ar@example.com",
                .signature = "Sam, Harbour Lights",
                .paymentInstructions = "Bank transfer to 12-34-56 12345678"};
}

// A fresh folder under the system's temporary folder, removed with everything in it.
class ScratchDir {
 public:
  ScratchDir() {
    std::random_device device;
    path_ = fs::temp_directory_path() / ("kindly-batch-test-" + std::to_string(device()));
    fs::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ignored;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ignored);
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::set<std::string> names(const fs::path& folder) {
  std::set<std::string> found;
  for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
    found.insert(entry.path().filename().string());
  }
  return found;
}

TEST(BatchWriter, writesOneFilePerChannelAndAManifestWithTheRightRows) {
  ScratchDir scratch;
  BatchWriter writer((scratch.path() / "drafts").string(), kAsOf, harbourLights());
  const std::vector<BatchEntry> entries = writer.write(weeklyReminders());

  EXPECT_EQ(writer.batchPath(), (scratch.path() / "drafts" / "batch-2026-11-20").string());
  EXPECT_EQ(names(writer.batchPath()),
            (std::set<std::string>{"001-acme-ltd.eml", "002-cafe-muller.letter.html",
                                   "003-hyperlink-http-evil-example-x.call.txt",
                                   "004-c0004.letter.html", "004-c0004.eml", "005-dune-surf.eml",
                                   "manifest.csv", "manifest.json", ".drafted"}));
  EXPECT_EQ(
      readFile(fs::path(writer.batchPath()) / "manifest.csv"),
      "sequence,client,name,email,purpose,step,channel,invoices,balance,file,day,balances_as_at\r\n"
      "1,C0001,Acme Ltd,ap@acme.example,chase,gentle-reminder,email,INV-1001 INV-1003,"
      "EUR 10.00; USD 1234.50,001-acme-ltd.eml,2026-11-20,\r\n"
      "2,C0002,Café Müller,,chase,gentle-reminder,letter,INV-2001,USD 50.00,"
      "002-cafe-muller.letter.html,2026-11-20,\r\n"
      "3,C0003,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",x@y.example,chase,"
      "personal-call,call,INV-3001,USD "
      "75.00,003-hyperlink-http-evil-example-x.call.txt,2026-11-20,\r\n"
      "4,C0004,東京商事,ops@tokyo.example,chase,statement,letter,INV-4001,JPY 5000,"
      "004-c0004.letter.html,2026-11-20,\r\n"
      "4,C0004,東京商事,ops@tokyo.example,chase,statement,email,INV-4001,JPY 5000,"
      "004-c0004.eml,2026-11-20,\r\n"
      "5,C0005,Dune Surf,,chase,gentle-reminder,email,INV-5001,USD 9.90,"
      "005-dune-surf.eml,2026-11-20,\r\n");

  ASSERT_EQ(entries.size(), 6u);
  EXPECT_EQ(entries[0].sequence, 1u);
  EXPECT_EQ(entries[0].invoiceNumbers, (std::vector<std::string>{"INV-1001", "INV-1003"}));
  EXPECT_EQ(entries[1].email, "");
  EXPECT_EQ(entries[3].sequence, entries[4].sequence);
  EXPECT_EQ(entries[4].file, "004-c0004.eml");
  // Nothing else is left beside the batch: no temporary folder.
  EXPECT_EQ(names(scratch.path() / "drafts"), (std::set<std::string>{"batch-2026-11-20"}));
}

TEST(BatchWriter, eachChannelGetsItsOwnKindOfDraft) {
  ScratchDir scratch;
  BatchWriter writer(scratch.path().string(), kAsOf, harbourLights());
  writer.write(weeklyReminders());
  const fs::path batch = writer.batchPath();
  EXPECT_TRUE(readFile(batch / "002-cafe-muller.letter.html").starts_with("<!doctype html>"));
  EXPECT_TRUE(readFile(batch / "003-hyperlink-http-evil-example-x.call.txt")
                  .starts_with("Call script: =HYPERLINK"));
  EXPECT_NE(readFile(batch / "004-c0004.eml").find("\r\nMIME-Version: 1.0\r\n"), std::string::npos);
  // The statement's letter and email each say the other is on its way.
  EXPECT_NE(readFile(batch / "004-c0004.letter.html").find("also sent a copy by email"),
            std::string::npos);
  const testing::ReadMessage email = testing::readEml((batch / "004-c0004.eml").string());
  ASSERT_EQ(email.parts.size(), 2u);
  for (const testing::ReadPart& part : email.parts) {
    EXPECT_NE(part.body.find("a printed copy is on its way by post"), std::string::npos);
  }
}

TEST(BatchWriter, emailWithoutAUsableAddressIsStillWrittenWithNoRecipient) {
  ScratchDir scratch;
  BatchWriter writer(scratch.path().string(), kAsOf, harbourLights());
  writer.write(weeklyReminders());
  const std::string withoutEmail = readFile(fs::path(writer.batchPath()) / "005-dune-surf.eml");
  const std::string headers = withoutEmail.substr(0, withoutEmail.find("\r\n\r\n"));
  EXPECT_EQ(headers.find("\r\nTo:"), std::string::npos);
  EXPECT_NE(headers.find("\r\nSubject: A friendly reminder about invoice INV-5001"),
            std::string::npos);
  const std::string withEmail = readFile(fs::path(writer.batchPath()) / "001-acme-ltd.eml");
  EXPECT_NE(withEmail.find("\r\nTo: Acme Ltd <ap@acme.example>\r\n"), std::string::npos);
  const std::string id = EmailMessage::makeMessageId(kAsOf, "acme-ltd", "C0001", "ar@example.com");
  EXPECT_NE(withEmail.find("\r\nMessage-ID: <" + id + ">\r\n"), std::string::npos);
}

TEST(BatchWriter, unwritableDraftsFolderThrowsAndLeavesNoBatchFolder) {
  ScratchDir scratch;
  const fs::path blocker = scratch.path() / "drafts";
  std::ofstream(blocker) << "a file where the drafts folder should be";
  for (const fs::path& outDir : {blocker, blocker / "inside"}) {
    BatchWriter writer(outDir.string(), kAsOf, harbourLights());
    try {
      writer.write(weeklyReminders());
      FAIL() << "no error for " << outDir;
    } catch (const kindly::Error& error) {
      EXPECT_NE(std::string(error.what()).find(outDir.string()), std::string::npos) << error.what();
    }
  }
  EXPECT_EQ(names(scratch.path()), (std::set<std::string>{"drafts"}));
  EXPECT_TRUE(fs::is_regular_file(blocker));
}

TEST(BatchWriter, writingTheSameBatchTwiceGivesByteIdenticalFiles) {
  ScratchDir scratch;
  BatchWriter first((scratch.path() / "one").string(), kAsOf, harbourLights());
  first.write(weeklyReminders());
  const std::map<std::string, std::string> once = folderContents(first.batchPath());
  first.write(weeklyReminders());
  const std::map<std::string, std::string> again = folderContents(first.batchPath());
  BatchWriter second((scratch.path() / "two").string(), kAsOf, harbourLights());
  second.write(weeklyReminders());

  EXPECT_EQ(once.size(), 9u) << "the drafts, two manifests and the record of what was written";
  EXPECT_EQ(once, again);
  EXPECT_EQ(once, folderContents(second.batchPath()));
  EXPECT_EQ(names(scratch.path() / "one"), (std::set<std::string>{"batch-2026-11-20"}));
}

TEST(BatchWriter, anUntouchedDraftOfAFollowUpNoLongerDueIsRemoved) {
  ScratchDir scratch;
  BatchWriter writer(scratch.path().string(), kAsOf, harbourLights());
  writer.write(weeklyReminders());
  std::vector<Reminder> fewer = weeklyReminders();
  fewer.resize(1);
  writer.write(fewer);
  EXPECT_EQ(names(writer.batchPath()), (std::set<std::string>{".drafted", "001-acme-ltd.eml",
                                                              "manifest.csv", "manifest.json"}));
}

void writeText(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

std::vector<std::string> filesOf(const std::vector<BatchEntry>& entries) {
  std::vector<std::string> files;
  for (const auto& entry : entries) files.push_back(entry.file);
  return files;
}

// A second run the same day, after a person reviewed the batch: every change they made
// survives, and only what nobody touched follows the plan.
TEST(BatchWriter, aSecondRunKeepsADraftAPersonChangedAndSaysThePlanMoved) {
  ScratchDir scratch;
  BatchWriter writer(scratch.path().string(), kAsOf, harbourLights());
  writer.write(weeklyReminders());
  const fs::path acme = fs::path(writer.batchPath()) / "001-acme-ltd.eml";
  const std::string edited = readFile(acme) + "\r\nP.S. Lovely to see you at the fair.\r\n";
  writeText(acme, edited);

  auto reminders = weeklyReminders();
  reminders[0].invoices.pop_back();  // Acme paid one invoice since
  BatchChanges changes;
  const auto entries = writer.write(reminders, {}, &changes);
  EXPECT_EQ(readFile(acme), edited);
  EXPECT_EQ(changes.keptEdited, std::vector<std::string>{"001-acme-ltd.eml"});
  ASSERT_EQ(changes.toCheck.size(), 1u);
  EXPECT_NE(changes.toCheck[0].find("001-acme-ltd.eml: changed by a person and kept, but the plan"),
            std::string::npos);
  EXPECT_EQ(changes.updated, 0u);
  EXPECT_EQ(changes.added, 0u);
  EXPECT_EQ(entries.size(), 6u);

  // And again: still the person's words, now with no change in the plan to report.
  BatchChanges third;
  writer.write(reminders, {}, &third);
  EXPECT_EQ(readFile(acme), edited);
  EXPECT_EQ(third.keptEdited, std::vector<std::string>{"001-acme-ltd.eml"});
}

TEST(BatchWriter, aDeletedDraftStaysDeletedAndIsNoLongerListed) {
  ScratchDir scratch;
  BatchWriter writer(scratch.path().string(), kAsOf, harbourLights());
  writer.write(weeklyReminders());
  fs::remove(fs::path(writer.batchPath()) / "002-cafe-muller.letter.html");
  for (int run = 0; run < 2; ++run) {
    BatchChanges changes;
    const auto entries = writer.write(weeklyReminders(), {}, &changes);
    EXPECT_FALSE(fs::exists(fs::path(writer.batchPath()) / "002-cafe-muller.letter.html"));
    EXPECT_EQ(changes.keptDeleted, std::vector<std::string>{"002-cafe-muller.letter.html"});
    EXPECT_EQ(changes.added, 0u) << "the follow-up is not drafted again";
    const auto files = filesOf(entries);
    EXPECT_EQ(std::count(files.begin(), files.end(), "002-cafe-muller.letter.html"), 0);
    EXPECT_EQ(filesOf(readManifestJson(writer.batchPath())), files);
  }
}

TEST(BatchWriter, aSentDraftIsKeptAsItIsThoughItsFollowUpIsNoLongerDue) {
  ScratchDir scratch;
  BatchWriter writer(scratch.path().string(), kAsOf, harbourLights());
  writer.write(weeklyReminders());
  const fs::path acme = fs::path(writer.batchPath()) / "001-acme-ltd.eml";
  const std::string sent = readFile(acme);
  auto reminders = weeklyReminders();
  reminders.erase(reminders.begin());  // sent and logged: the plan moves Acme on
  BatchChanges changes;
  const auto entries = writer.write(reminders, {"001-acme-ltd.eml"}, &changes);
  EXPECT_EQ(readFile(acme), sent);
  EXPECT_EQ(changes.keptSent, std::vector<std::string>{"001-acme-ltd.eml"});
  EXPECT_EQ(changes.removed, 0u);
  EXPECT_EQ(filesOf(entries).front(), "001-acme-ltd.eml") << "still listed, so send says sent";
}

TEST(BatchWriter, anUntouchedDraftFollowsThePlanAndANewFollowUpTakesTheNextNumber) {
  ScratchDir scratch;
  BatchWriter writer(scratch.path().string(), kAsOf, harbourLights());
  writer.write(weeklyReminders());
  fs::create_directories(fs::path(writer.batchPath()) / "notes");
  writeText(fs::path(writer.batchPath()) / "notes" / "call-list.txt", "Ring Acme first\n");
  const std::string before = readFile(fs::path(writer.batchPath()) / "005-dune-surf.eml");

  auto reminders = weeklyReminders();
  reminders[4].invoices[0].balance = amount(500, "USD");  // part paid since
  reminders.insert(reminders.begin(), reminderFor("C0000", "Aardvark Co", "ap@aardvark.example",
                                                  {{"INV-0001", amount(2500, "USD")}}));
  BatchChanges changes;
  const auto entries = writer.write(reminders, {}, &changes);
  EXPECT_EQ(changes.updated, 1u);
  EXPECT_EQ(changes.added, 1u);
  const std::string after = readFile(fs::path(writer.batchPath()) / "005-dune-surf.eml");
  EXPECT_NE(after, before);
  EXPECT_NE(after.find("USD 5.00"), std::string::npos);
  EXPECT_TRUE(fs::exists(fs::path(writer.batchPath()) / "006-aardvark-co.eml"))
      << "numbered after every draft the batch held, not before them";
  EXPECT_EQ(entries.back().file, "006-aardvark-co.eml");
  EXPECT_EQ(readFile(fs::path(writer.batchPath()) / "notes" / "call-list.txt"), "Ring Acme first\n")
      << "a reviewer's own files stay";
}

TEST(BatchWriter, aRecordCutShortIsRefusedAndTheBatchLeftAsItIs) {
  ScratchDir scratch;
  BatchWriter writer(scratch.path().string(), kAsOf, harbourLights());
  writer.write(weeklyReminders());
  const fs::path batch(writer.batchPath());
  writeText(batch / "005-dune-surf.eml", "Dear Dune, a word from me.\r\n");
  const std::string record = readFile(batch / ".drafted");
  writeText(batch / ".drafted", record.substr(0, 300));  // a disk that filled, say
  const auto before = folderContents(batch.string());
  try {
    writer.write(weeklyReminders());
    FAIL() << "a record cut short was taken for a whole one";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(".drafted:"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("nothing was changed"), std::string::npos) << e.what();
  }
  EXPECT_EQ(folderContents(batch.string()), before);
}

TEST(BatchWriter, anotherDaysBatchIsLeftAlone) {
  ScratchDir scratch;
  BatchWriter lastWeek(scratch.path().string(), day(2026, 11, 13), harbourLights());
  lastWeek.write(weeklyReminders());
  BatchWriter thisWeek(scratch.path().string(), kAsOf, harbourLights());
  thisWeek.write({});
  EXPECT_EQ(names(scratch.path()), (std::set<std::string>{"batch-2026-11-13", "batch-2026-11-20"}));
  EXPECT_EQ(names(lastWeek.batchPath()).size(), 9u);
  EXPECT_EQ(names(thisWeek.batchPath()),
            (std::set<std::string>{".drafted", "manifest.csv", "manifest.json"}));
}

TEST(BatchWriter, templatesFromAFolderWinOverTheBuiltInOnes) {
  ScratchDir scratch;
  const fs::path templates = scratch.path() / "templates";
  fs::create_directories(templates);
  std::ofstream(templates / "reminder.email.subject.mustache") << "Hello from {{{company}}}\n";
  BatchWriter writer((scratch.path() / "out").string(), kAsOf, harbourLights(),
                     Templates::withOverrides(templates.string()));
  writer.write(weeklyReminders());
  const std::string eml = readFile(fs::path(writer.batchPath()) / "001-acme-ltd.eml");
  EXPECT_NE(eml.find("\r\nSubject: Hello from Harbour Lights Ltd\r\n"), std::string::npos);
  // The parts not overridden are still the built-in ones.
  EXPECT_NE(eml.find("in a couple of weeks"), std::string::npos);
  EXPECT_THROW(Templates::withOverrides((scratch.path() / "missing").string()), kindly::Error);
}

TEST(BatchWriter, fileNamesFoldAccentsAndFallBackToTheClientCode) {
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"Acme Ltd", "C1", "acme-ltd"},
      {"Crème Brûlée & Co.", "C2", "creme-brulee-co"},
      {"Straße Æsir Øresund Łódź", "C3", "strasse-aesir-oresund-lodz"},
      {"  --Hello,   World!!  ", "C4", "hello-world"},
      {"Café東京Bar", "C5", "cafebar"},
      {"東京商事", "C-0006", "c-0006"},
      {"", "", "client"},
      {"A Very Long Company Name That Goes On And On Limited", "C7",
       "a-very-long-company-name-that-goes-on-an"},
      {"abcdefghij abcdefghij abcdefghij abcdef ghij", "C8",
       "abcdefghij-abcdefghij-abcdefghij-abcdef"},
  };
  for (const auto& [name, code, slug] : cases) {
    EXPECT_EQ(clientSlug(name, code), slug) << name;
    EXPECT_LE(clientSlug(name, code).size(), 40u);
  }
}

}  // namespace
}  // namespace kindly::drafts
