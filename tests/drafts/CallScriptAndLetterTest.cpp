// The call script a person reads from the phone, and the letter a person prints and posts:
// what each must hold for the job to be done without looking anything up.
#include <gtest/gtest.h>

#include <string>

#include "drafts/Templates.h"
#include "tests/drafts/DraftFixtures.h"

namespace kindly::drafts {
namespace {

using followup::Channel;
using followup::Purpose;
using testing::acmeFollowUp;
using testing::harbourLights;
using testing::kAsOf;

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string callScript(const Reminder& reminder) {
  return Templates().renderCallScript(reminder, harbourLights(), kAsOf);
}

std::string letter(const Reminder& reminder) {
  return Templates().renderLetter(reminder, harbourLights(), kAsOf);
}

TEST(CallScript, saysWhoToCallWhatIsOpenWhatToAskAndHowToRecordIt) {
  const std::string script =
      callScript(acmeFollowUp(Purpose::Chase, "personal-call", {Channel::Call}));
  for (const std::string expected :
       {// who
        "Call script: Acme Ltd (C0001), 2026-11-20",
        "Why now: INV-1001 is 50 days overdue; 2 follow-ups made",
        "Ask for:  whoever looks after supplier invoices (no contact person on file yet",
        "Email:    ap@acme.example",
        // what is open
        "  - INV-1001: issued 2026-09-01, due 2026-10-01, 50 days past due, USD 1,234.50",
        "  - INV-1010: issued 2026-11-01, due 2026-12-01, due in 11 days, EUR 10.00",
        "  Total: USD 1,284.50", "  Total: EUR 10.00",
        // talking points and questions
        "thank them for their business", "Is anything wrong with the invoice",
        "Would another date or another way to pay help?",
        "we will try you again in a couple of weeks", "Bank transfer to 12-34-56 12345678",
        // outcome lines to fill in
        "[ ] reached     [ ] voicemail     [ ] no answer", "Promised to pay by: ____",
        "Notes: ____",
        // the command lines that record it
        "kindly log C0001 --step personal-call --channel call --outcome reached --note \"what was "
        "said\"",
        "kindly log C0001 --step personal-call --channel call --outcome promised --promise "
        "yyyy-mm-dd",
        "kindly log C0001 --step personal-call --channel call --outcome voicemail",
        "kindly log INV-1001 --step personal-call --channel call --outcome disputed --dispute "
        "\"what is wrong\""}) {
    EXPECT_TRUE(has(script, expected)) << expected << " missing from:\n" << script;
  }
}

TEST(CallScript, namesTheContactAndAsksForAnEmailWhenNoneIsOnFile) {
  Reminder reminder = acmeFollowUp(Purpose::Chase, "personal-call", {Channel::Call});
  reminder.contactName = "Jo Bloggs";
  reminder.email = "";
  const std::string script = callScript(reminder);
  EXPECT_TRUE(has(script, "Ask for:  Jo Bloggs\n"));
  EXPECT_TRUE(has(script, "Email:    none on file: ask for the best address for invoices"));
}

TEST(CallScript, quotesAClientCodeTheShellWouldSplit) {
  Reminder reminder = acmeFollowUp(Purpose::Chase, "personal-call", {Channel::Call});
  reminder.clientCode = "O'Malley 7";
  EXPECT_TRUE(
      has(callScript(reminder), "kindly log 'O'\\''Malley 7' --step personal-call --channel call"));
}

TEST(CallScript, aDisputeCallListensAndRecordsWhatWasAgreed) {
  const std::string script =
      callScript(acmeFollowUp(Purpose::Resolve, "personal-call", {Channel::Call}));
  EXPECT_TRUE(has(script, "to resolve a question about an invoice"));
  EXPECT_TRUE(has(script, "there is no need to pay anything they are unsure about"));
  EXPECT_TRUE(has(script, "What exactly looks wrong with the invoice"));
  EXPECT_TRUE(has(
      script, "kindly log C0001 --step personal-call --channel call --outcome reached --resolved"));
  EXPECT_FALSE(has(script, "Promised to pay by"));
}

TEST(Letter, isAStandalonePageThatPrintsOnA4) {
  const std::string page = letter(acmeFollowUp(Purpose::Chase, "statement", {Channel::Letter}));
  EXPECT_TRUE(page.starts_with("<!doctype html>\n<html lang=\"en\">"));
  EXPECT_TRUE(has(page, "<meta charset=\"utf-8\">"));
  EXPECT_TRUE(has(page, "@page { size: A4;"));
  // Nothing to fetch: no stylesheet, script, image or font from elsewhere.
  for (const std::string outside : {"<link", "<script", "<img", "src=", "@import", "url("}) {
    EXPECT_FALSE(has(page, outside)) << outside;
  }
  EXPECT_TRUE(page.ends_with("</body>\n</html>\n"));
}

TEST(Letter, holdsTheCompanyDateStatementTotalsPaymentInstructionsAndSignature) {
  Reminder reminder = acmeFollowUp(Purpose::Chase, "statement", {Channel::Letter, Channel::Email});
  reminder.contactName = "Jo Bloggs";
  const std::string page = letter(reminder);
  for (const std::string expected :
       {"<div class=\"company\">Harbour Lights Ltd</div>", "<div>ar@example.com</div>",
        "<div>Acme Ltd</div>", "For the attention of Jo Bloggs", "Account C0001",
        "<div class=\"date\">20 November 2026</div>",
        "<h1>Statement of account, balances as at 20 November 2026</h1>", "<p>Dear Jo Bloggs,</p>",
        "<th>Invoice</th><th>Issue date</th><th>Due date</th><th class=\"figure\">Days "
        "overdue</th><th class=\"figure\">Balance</th>",
        "<tr><td>INV-1001</td><td>2026-09-01</td><td>2026-10-01</td><td "
        "class=\"figure\">50</td><td class=\"figure\">USD 1,234.50</td></tr>",
        "<tr><td>INV-1007</td><td>2026-10-15</td><td>2026-11-14</td><td "
        "class=\"figure\">6</td><td class=\"figure\">USD 50.00</td></tr>",
        "<tr><td>INV-1010</td><td>2026-11-01</td><td>2026-12-01</td><td "
        "class=\"figure\">not yet due</td><td class=\"figure\">EUR 10.00</td></tr>",
        "<tr class=\"total\"><td colspan=\"4\">Total</td><td class=\"figure\">USD "
        "1,284.50</td></tr>",
        "<tr class=\"total\"><td colspan=\"4\">Total</td><td class=\"figure\">EUR "
        "10.00</td></tr>",
        // mstch writes '/' as "&#x2F;", which a browser shows as '/'.
        "<div class=\"payment\">Bank transfer to 12-34-56 12345678, or card at "
        "https:&#x2F;&#x2F;pay.example.com&#x2F;harbour</div>",
        "we have also sent a copy by email",
        "just get in touch at ar@example.com and we will gladly sort it out together",
        "<div class=\"signature\">With thanks and warm regards,\nSam, Harbour "
        "Lights\nHarbour Lights Ltd\n</div>"}) {
    EXPECT_TRUE(has(page, expected)) << expected << " missing from:\n" << page;
  }
}

TEST(Letter, withoutAnEmailStepItDoesNotPromiseACopyByEmail) {
  const std::string page =
      letter(acmeFollowUp(Purpose::Chase, "gentle-reminder", {Channel::Letter}));
  EXPECT_FALSE(has(page, "copy by email"));
  EXPECT_TRUE(has(page, "Below is a statement of your account with us. 3 invoices are still open"));
}

TEST(Letter, aCheckInLetterAsksAfterTheClientAndShowsNoAccount) {
  Reminder reminder = acmeFollowUp(Purpose::CheckIn, "check-in", {Channel::Letter});
  const std::string page = letter(reminder);
  EXPECT_TRUE(has(page, "<h1>How are things at Acme Ltd?</h1>"));
  EXPECT_FALSE(has(page, "Account C0001"));
  EXPECT_FALSE(has(page, "<table"));
}

}  // namespace
}  // namespace kindly::drafts
