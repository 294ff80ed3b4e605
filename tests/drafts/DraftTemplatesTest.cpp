// Every built-in draft as a client reads it, for every purpose, step and channel: whom it
// greets, what it lists, the help it offers, and the tone DESIGN §8 asks for.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <regex>
#include <string>
#include <vector>

#include "drafts/Templates.h"
#include "drafts/ToneLint.h"
#include "tests/drafts/DraftFixtures.h"

namespace kindly::drafts {
namespace {

using followup::Channel;
using followup::Purpose;
using testing::acmeFollowUp;
using testing::harbourLights;
using testing::kAsOf;

struct Draft {
  std::string label;  // "check-in letter", "statement email.subject"
  std::string text;
  bool subject = false;
};

std::vector<Draft> draftsOf(const Reminder& reminder, const Sender& sender = harbourLights()) {
  const Templates templates;
  const std::string label =
      std::string(followup::purposeName(reminder.purpose)) + " " + reminder.step + " ";
  std::vector<Draft> drafts;
  for (const Channel channel : reminder.channels) {
    switch (channel) {
      case Channel::Email: {
        const RenderedReminder email = templates.renderReminder(reminder, sender, kAsOf);
        drafts.push_back({label + "email subject", email.subject, true});
        drafts.push_back({label + "email text", email.text});
        drafts.push_back({label + "email html", email.html});
        break;
      }
      case Channel::Call:
        drafts.push_back(
            {label + "call script", templates.renderCallScript(reminder, sender, kAsOf)});
        break;
      case Channel::Letter:
        drafts.push_back({label + "letter", templates.renderLetter(reminder, sender, kAsOf)});
        break;
    }
  }
  return drafts;
}

// Every follow-up the planner can make, on every channel it can give it.
std::vector<Reminder> everyFollowUp() {
  std::vector<Reminder> all;
  for (const std::string step :
       {"gentle-reminder", "second-reminder", "statement", "persistent-1", "persistent-10"}) {
    all.push_back(acmeFollowUp(Purpose::Chase, step, {Channel::Email, Channel::Letter}));
  }
  for (const std::string step : {"personal-call", "persistent-2"}) {
    all.push_back(acmeFollowUp(Purpose::Chase, step, {Channel::Call}));
  }
  all.push_back(
      acmeFollowUp(Purpose::Resolve, "second-reminder", {Channel::Email, Channel::Letter}));
  all.push_back(acmeFollowUp(Purpose::Resolve, "personal-call", {Channel::Call}));
  Reminder headsUp = acmeFollowUp(Purpose::HeadsUp, "heads-up", {Channel::Email, Channel::Letter});
  headsUp.invoices.erase(headsUp.invoices.begin(), headsUp.invoices.begin() + 2);
  all.push_back(headsUp);
  for (const Purpose purpose : {Purpose::ThankYou, Purpose::CheckIn}) {
    Reminder touch = acmeFollowUp(purpose, std::string(followup::purposeName(purpose)),
                                  {Channel::Email, Channel::Letter});
    touch.invoices.clear();
    touch.balance.clear();
    all.push_back(touch);
  }
  return all;
}

std::vector<Draft> everyDraft(const Sender& sender = harbourLights()) {
  std::vector<Draft> all;
  for (const Reminder& reminder : everyFollowUp()) {
    for (Draft& draft : draftsOf(reminder, sender)) all.push_back(std::move(draft));
  }
  return all;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

bool hasAny(const std::string& text, std::initializer_list<const char*> parts) {
  return std::any_of(parts.begin(), parts.end(), [&](const char* part) { return has(text, part); });
}

std::string emailText(const Reminder& reminder) {
  return Templates().renderReminder(reminder, harbourLights(), kAsOf).text;
}

TEST(DraftTemplates, greetTheContactByNameWhenTheLedgerNamesOne) {
  for (Reminder reminder : everyFollowUp()) {
    reminder.contactName = "Jo Bloggs";
    for (const Draft& draft : draftsOf(reminder)) {
      if (draft.subject) continue;
      if (has(draft.label, "call script")) {
        EXPECT_TRUE(has(draft.text, "Ask for:  Jo Bloggs")) << draft.label;
      } else {
        EXPECT_TRUE(has(draft.text, "Dear Jo Bloggs,")) << draft.label;
      }
    }
  }
}

TEST(DraftTemplates, greetTheClientsTeamWhenNoContactIsNamed) {
  for (const Reminder& reminder : everyFollowUp()) {
    for (const Draft& draft : draftsOf(reminder)) {
      if (draft.subject || has(draft.label, "call script")) continue;
      EXPECT_TRUE(has(draft.text, "Hello Acme Ltd team,")) << draft.label;
      EXPECT_FALSE(has(draft.text, "Dear")) << draft.label;
    }
  }
}

TEST(DraftTemplates, neverGreetAnEmptyName) {
  for (const std::string name : {"", "   ", "\r\n"}) {
    for (Reminder reminder : everyFollowUp()) {
      reminder.clientName = name;
      reminder.contactName = " ";
      for (const Draft& draft : draftsOf(reminder)) {
        EXPECT_FALSE(has(draft.text, "Dear ,")) << draft.label;
        EXPECT_FALSE(has(draft.text, "Dear  ")) << draft.label;
        EXPECT_FALSE(has(draft.text, " team,")) << draft.label;
        if (!draft.subject && !has(draft.label, "call script")) {
          EXPECT_TRUE(has(draft.text, "Hello there,")) << draft.label;
        }
      }
    }
  }
}

// DESIGN §8: no threats, guilt or irritation, no shouting.
TEST(DraftTemplates, noDraftThreatensBlamesPressesOrShouts) {
  const std::vector<std::string> unkind = {"already contacted you",
                                           "already reminded you",
                                           "no choice",
                                           "immediately",
                                           "final demand",
                                           "final notice",
                                           "final reminder",
                                           "legal action",
                                           "collections",
                                           "collection agency",
                                           "failure to",
                                           "you failed",
                                           "you have not",
                                           "urgent",
                                           "last chance",
                                           "as soon as possible",
                                           "asap",
                                           "several times",
                                           "repeatedly",
                                           "disappointed",
                                           "!!"};
  const std::regex shouting("\\b[A-Z]{4,}\\b");
  const std::vector<Draft> drafts = everyDraft();
  ASSERT_GT(drafts.size(), 30u);
  for (const Draft& draft : drafts) {
    const std::string lowered = lower(draft.text);
    for (const std::string& phrase : unkind) {
      EXPECT_FALSE(has(lowered, phrase)) << phrase << " in " << draft.label;
    }
    std::smatch capitals;
    EXPECT_FALSE(std::regex_search(draft.text, capitals, shouting))
        << capitals.str() << " in " << draft.label;
    if (draft.subject) {
      EXPECT_FALSE(has(draft.text, "!")) << draft.label;
    }
  }
}

// DESIGN §8: every draft thanks, offers help, and promises an unhurried follow-up; a draft
// about money offers another date, another way to pay, and asks whether anything is wrong.
TEST(DraftTemplates, everyDraftThanksOffersHelpAndPromisesAnUnhurriedFollowUp) {
  for (const Reminder& reminder : everyFollowUp()) {
    const bool aboutMoney =
        reminder.purpose != Purpose::ThankYou && reminder.purpose != Purpose::CheckIn;
    for (const Draft& draft : draftsOf(reminder)) {
      if (draft.subject) continue;
      const std::string text = lower(draft.text);
      EXPECT_TRUE(has(text, "thank")) << draft.label;
      EXPECT_TRUE(hasAny(text, {"just reply", "get in touch", "glad to hear from you",
                                "would be glad to help", "always glad to help"}))
          << draft.label;
      EXPECT_TRUE(
          hasAny(text, {"next week", "in a couple of weeks", "in a few weeks", "in a few months"}))
          << draft.label;
      if (aboutMoney) {
        EXPECT_TRUE(has(text, "another date")) << draft.label;
        EXPECT_TRUE(hasAny(text, {"another way to pay", "way to pay would"})) << draft.label;
        EXPECT_TRUE(hasAny(text, {"looks wrong", "anything wrong"})) << draft.label;
      }
    }
  }
}

TEST(DraftTemplates, chaseStepsGrowMoreDirectNeverLessWarm) {
  const std::string gentle = emailText(acmeFollowUp(Purpose::Chase, "gentle-reminder"));
  const std::string second = emailText(acmeFollowUp(Purpose::Chase, "second-reminder"));
  const std::string statement = emailText(acmeFollowUp(Purpose::Chase, "statement"));
  const std::string persistent = emailText(acmeFollowUp(Purpose::Chase, "persistent-2"));

  EXPECT_TRUE(has(gentle, "This is a friendly reminder"));
  EXPECT_FALSE(has(gentle, "when we can expect payment"));
  EXPECT_TRUE(has(second, "we would like to help"));
  EXPECT_TRUE(has(second, "paying in parts"));
  EXPECT_TRUE(has(statement, "Here is a statement of your account"));
  EXPECT_TRUE(has(statement, "Could you let us know when we can expect payment"));
  EXPECT_TRUE(has(persistent, "Could you let us know when payment might be possible"));
  for (const std::string& text : {gentle, second, statement, persistent}) {
    EXPECT_TRUE(has(text, "Thank you for your business with Harbour Lights Ltd."));
    EXPECT_TRUE(has(text, "We hope"));
    EXPECT_TRUE(has(text, "gladly"));
    EXPECT_TRUE(has(text, "With thanks and warm regards,"));
  }
}

// The persistent emails take turns among three wordings, so that a client writing back every
// four weeks never reads the same note twice in a row; each is as warm as the first, offers
// the same help, and passes the tone check.
TEST(DraftTemplates, persistentEmailsTakeTurnsAmongThreeWarmWordings) {
  const Templates templates;
  const auto render = [&](const std::string& step) {
    return templates.renderReminder(acmeFollowUp(Purpose::Chase, step), harbourLights(), kAsOf);
  };
  const RenderedReminder first = render("persistent-1");
  const RenderedReminder second = render("persistent-3");
  const RenderedReminder third = render("persistent-5");
  EXPECT_NE(first.text, second.text);
  EXPECT_NE(second.text, third.text);
  EXPECT_NE(first.text, third.text);
  EXPECT_NE(first.subject, second.subject);
  EXPECT_NE(second.subject, third.subject);
  EXPECT_EQ(render("persistent-7").text, first.text) << "then the first wording again";
  EXPECT_EQ(render("persistent-4").text, second.text) << "a call step keeps its email's turn";
  for (const RenderedReminder& email : {first, second, third, render("persistent-10")}) {
    const std::string text = lower(email.text);
    for (const std::string needed :
         {"thank you for your business", "another date or way to pay", "looks wrong", "just reply",
          "gladly", "in a couple of weeks", "with thanks and warm regards"}) {
      EXPECT_TRUE(has(text, needed)) << needed << " missing from:\n" << email.text;
    }
    EXPECT_TRUE(toneFindings("persistent.email.text", email.text).empty()) << email.text;
    EXPECT_TRUE(toneFindings("persistent.email.html", email.html).empty()) << email.html;
    // Nothing counts the reminders for the client.
    for (const std::string counting :
         {"tenth", "again and again", "how many times", "once more", "yet again"}) {
      EXPECT_FALSE(has(text, counting)) << counting;
    }
  }
}

TEST(DraftTemplates, aDisputeIsSortedOutTogetherWithoutPressingForThePayment) {
  const Reminder dispute = acmeFollowUp(Purpose::Resolve, "statement");
  const RenderedReminder email = Templates().renderReminder(dispute, harbourLights(), kAsOf);
  EXPECT_EQ(email.subject, "Sorting out your invoice question together: Harbour Lights Ltd");
  EXPECT_TRUE(has(email.text, "We would like to sort it out together"));
  EXPECT_TRUE(has(email.text, "there is no need to pay anything you are unsure about"));
  EXPECT_TRUE(has(email.text, "a corrected invoice, a credit note, or more detail"));
  EXPECT_TRUE(has(email.text, "For anything you are happy with, the payment details are:"));
  EXPECT_TRUE(has(email.text, "INV-1001"));
  for (const std::string pressing :
       {"when we can expect payment", "already on its way", "statement of your account"}) {
    EXPECT_FALSE(has(email.text, pressing)) << pressing;
  }
}

TEST(DraftTemplates, aHeadsUpComesBeforeTheDueDateAndOffersAnotherDateOrWayToPay) {
  Reminder headsUp = acmeFollowUp(Purpose::HeadsUp, "heads-up");
  headsUp.invoices.erase(headsUp.invoices.begin(), headsUp.invoices.begin() + 2);
  headsUp.balance.erase(*money::Currency::fromCode("USD"));
  const RenderedReminder email = Templates().renderReminder(headsUp, harbourLights(), kAsOf);
  EXPECT_EQ(email.subject,
            "A friendly heads-up: invoice INV-1010 falls due on 2026-12-01 (Harbour Lights Ltd)");
  EXPECT_TRUE(has(email.text, "the invoice below, which falls due on 2026-12-01:"));
  EXPECT_TRUE(has(email.text, "(due in 11 days): EUR 10.00"));
  EXPECT_TRUE(has(email.text, "If another date or another way to pay would suit you better"));
  EXPECT_FALSE(has(email.text, "past due"));
}

TEST(DraftTemplates, aThankYouThanksWithoutTalkingAboutWhatIsOwed) {
  // Even handed invoices, a thank-you lists none of them and no way to pay.
  const Reminder thanks =
      acmeFollowUp(Purpose::ThankYou, "thank-you", {Channel::Email, Channel::Letter});
  for (const Draft& draft : draftsOf(thanks)) {
    for (const std::string money : {"INV-", "USD", "EUR", "Bank transfer", "balance", "owe",
                                    "overdue", "Total", "past due"}) {
      EXPECT_FALSE(has(draft.text, money)) << money << " in " << draft.label;
    }
  }
  EXPECT_TRUE(
      has(emailText(thanks), "Thank you for your recent payment, which reached us right on time."));
}

TEST(DraftTemplates, aCheckInSaysNoWordOfMoney) {
  const std::regex money(
      "\\b(pay|paid|paying|payments?|invoices?|invoiced|balances?|owe[ds]?|owing|overdue|"
      "outstanding|amounts?|totals?|money|debt|statement|due|usd|eur|credit)\\b|[0-9]+\\.[0-9]{2}");
  // Even handed invoices and a sender with payment instructions.
  const Reminder checkIn =
      acmeFollowUp(Purpose::CheckIn, "check-in", {Channel::Email, Channel::Letter});
  for (const Draft& draft : draftsOf(checkIn)) {
    std::smatch found;
    // What the client reads: the letter's style sheet aside.
    const std::string lowered =
        std::regex_replace(lower(draft.text), std::regex("<style>[^]*</style>"), "");
    EXPECT_FALSE(std::regex_search(lowered, found, money)) << found.str() << " in " << draft.label;
  }
  EXPECT_TRUE(has(emailText(checkIn), "ask how things are going with you"));
  EXPECT_EQ(Templates().renderReminder(checkIn, harbourLights(), kAsOf).subject,
            "How are things at Acme Ltd?");
}

TEST(DraftTemplates, everyOpenInvoiceIsListedWithItsDatesDaysAndBalanceAndTotalsPerCurrency) {
  const Reminder statement =
      acmeFollowUp(Purpose::Chase, "statement", {Channel::Letter, Channel::Email});
  for (const Draft& draft : draftsOf(statement)) {
    if (draft.subject) continue;
    for (const std::string expected :
         {"INV-1001", "INV-1007", "INV-1010", "2026-09-01", "2026-10-01", "2026-10-15",
          "2026-11-14", "2026-11-01", "2026-12-01", "USD 1,234.50", "USD 50.00", "EUR 10.00",
          "USD 1,284.50", "Bank transfer to 12-34-56 12345678", "Sam, Harbour Lights",
          "Harbour Lights Ltd"}) {
      EXPECT_TRUE(has(draft.text, expected)) << expected << " missing from " << draft.label;
    }
  }
  const std::string text = emailText(statement);
  EXPECT_TRUE(has(text, "due 2026-10-01 (50 days past due): USD 1,234.50"));
  EXPECT_TRUE(has(text, "due 2026-12-01 (due in 11 days): EUR 10.00"));
}

TEST(DraftTemplates, aCreditOnAccountIsShownAgainstTheTotal) {
  Reminder reminder = acmeFollowUp();
  reminder.balance.at(*money::Currency::fromCode("USD")) = testing::amount(118450, "USD");
  const std::string text = emailText(reminder);
  EXPECT_TRUE(has(text, "Credit on your account: USD -100.00\nTotal: USD 1,184.50"));
  EXPECT_TRUE(has(text, "Total: EUR 10.00"));
  const std::string letter = Templates().renderLetter(reminder, harbourLights(), kAsOf);
  EXPECT_TRUE(
      has(letter,
          "<td colspan=\"4\">Credit on your account</td><td class=\"figure\">USD -100.00</td>"));
}

TEST(DraftTemplates, namesAreEscapedInHtmlAndShownAsTheyAreInText) {
  Reminder reminder = acmeFollowUp(Purpose::Chase, "statement", {Channel::Letter, Channel::Email});
  reminder.clientName = "<script>alert('x')</script> & Co";
  reminder.invoices[0].number = "<b>INV-1001</b>";
  for (const Draft& draft : draftsOf(reminder)) {
    if (has(draft.label, "html") || has(draft.label, "letter")) {
      EXPECT_FALSE(has(draft.text, "<script>")) << draft.label;
      EXPECT_FALSE(has(draft.text, "<b>INV")) << draft.label;
      EXPECT_TRUE(has(draft.text, "&lt;script&gt;")) << draft.label;
    }
  }
  EXPECT_TRUE(has(emailText(reminder), "Hello <script>alert('x')</script> & Co team,"));
  EXPECT_TRUE(has(emailText(reminder), "Invoice <b>INV-1001</b>, issued"));
}

}  // namespace
}  // namespace kindly::drafts
