// The tone rules, one at a time: what each flags, at which line, and what it lets through;
// and every template shipped in templates/ passing them all.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "drafts/BuiltinTemplates.h"
#include "drafts/ToneLint.h"

namespace kindly::drafts {
namespace {

using Flagged = std::vector<std::string>;

// Each finding as "LINE: what is wrong", its advice (after the first ": ") left out.
Flagged flagged(const std::string& name, const std::string& text) {
  Flagged result;
  for (const ToneFinding& finding : toneFindings(name, text)) {
    result.push_back(std::to_string(finding.line) + ": " +
                     finding.reason.substr(0, finding.reason.find(": ")));
  }
  return result;
}

// Thanks and an offer of help, so that a body is flagged only for what a test adds.
const std::string kKindEnding =
    "Thank you for your business.\n"
    "If another date would suit you better, just reply to this email.\n";

TEST(ToneLint, threatIsFlaggedAtTheLineWhereItStarts) {
  const std::string text =
      "Dear {{name}},\n"
      "\n"
      "We will have to consider legal\n"
      "   action.\n" +
      kKindEnding;
  EXPECT_EQ(flagged("reminder.text", text), (Flagged{"3: \"legal action\" reads as a threat"}));
}

TEST(ToneLint, reasonSaysWhatToWriteInstead) {
  const auto findings = toneFindings("reminder.text", "Please pay immediately.\n" + kKindEnding);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].line, 1);
  EXPECT_EQ(findings[0].reason,
            "\"immediately\" pressures the client: suggest a reasonable time frame and offer help "
            "instead");
}

TEST(ToneLint, phrasesAreMatchedIgnoringCase) {
  const std::string text =
      "We Already Contacted You about this.\n"
      "This is your Last\tChance.\n"
      "Failure To Pay leaves us no choice.\n" +
      kKindEnding;
  EXPECT_EQ(
      flagged("reminder.text", text),
      (Flagged{"1: \"already contacted you\" sounds irritated",
               "2: \"last chance\" pressures the client", "3: \"failure to pay\" blames the client",
               "3: \"no choice\" reads as a threat"}));
}

TEST(ToneLint, phrasesAreReadWithMustacheTagsRemoved) {
  const std::string text =
      "As you know, we {{#has_name}}already{{/has_name}} reminded {{! a comment }}you.\n"
      "{{#urgent}}A tag's name is never read as a phrase.{{/urgent}}\n" +
      kKindEnding;
  EXPECT_EQ(flagged("reminder.text", text),
            (Flagged{"1: \"already reminded you\" sounds irritated"}));
}

TEST(ToneLint, linesAreCountedInTheSourceAcrossTagsThatSpanLines) {
  const std::string text =
      "{{! A note for whoever edits this:\n"
      "    keep it short. }}Hello,\n"
      "<p\n"
      "  class=\"intro\">This is your last chance.</p>\n" +
      kKindEnding;
  EXPECT_EQ(flagged("reminder.html", text), (Flagged{"4: \"last chance\" pressures the client"}));
}

TEST(ToneLint, phrasesStartAtTheStartOfAWord) {
  const std::string text =
      "An insurgent is not urgent, but Urgently is.\n"
      "Our recollections differ.\n" +
      kKindEnding;
  EXPECT_EQ(flagged("reminder.text", text),
            (Flagged{"1: \"urgent\" pressures the client", "1: \"urgent\" pressures the client"}));
}

TEST(ToneLint, everyUnkindPhraseIsFlagged) {
  for (const char* phrase :
       {"already contacted you", "already reminded you", "several times", "repeatedly",
        "again and again", "no choice", "immediately", "final demand", "final notice",
        "legal action", "collections", "collection agency", "failure to pay", "you failed",
        "you have ignored", "last chance", "urgent", "overdue for too long", "we will be forced"}) {
    const std::string text = std::string("Note: ") + phrase + ".\n" + kKindEnding;
    const Flagged found = flagged("reminder.text", text);
    ASSERT_EQ(found.size(), 1u) << phrase;
    EXPECT_EQ(found[0].rfind("1: \"" + std::string(phrase) + "\" ", 0), 0u) << found[0];
  }
}

TEST(ToneLint, kindWordingPasses) {
  const std::string text =
      "Dear {{name}},\n"
      "This is a friendly reminder that invoice {{number}} is still open.\n"
      "We will send you a note again in a couple of weeks.\n" +
      kKindEnding;
  EXPECT_EQ(flagged("reminder.text", text), Flagged{});
}

TEST(ToneLint, wordsOfFourCapitalsOrMoreAreShouting) {
  const std::string text =
      "Dear {{name}},\n"
      "Please PAY the balance SOON.\n"
      "This is your FINAL reminder, OK? A CV, an FAQ.\n" +
      kKindEnding;
  EXPECT_EQ(flagged("reminder.text", text),
            (Flagged{"2: \"SOON\" in capitals reads as shouting",
                     "3: \"FINAL\" in capitals reads as shouting"}));
}

TEST(ToneLint, namesWrittenInCapitalsAreNotShouting) {
  const std::string text =
      "Pay by SWIFT or SEPA to IBAN GB00 0000, in USD, EUR or GBP; ISO20022 references and\n"
      "UTF-8 text are fine, and so are GmbH, PDF and VAT.\n" +
      kKindEnding;
  EXPECT_EQ(flagged("reminder.text", text), Flagged{});
}

TEST(ToneLint, capitalsInMarkupAreNotShouting) {
  const std::string text =
      "<!DOCTYPE HTML>\n"
      "<HTML><HEAD><STYLE>\n"
      "BODY { FONT-FAMILY: ARIAL; }\n"
      "</STYLE></HEAD>\n"
      "<BODY><P CLASS=\"GREETING\">Dear {{NAME}},</P>\n"
      "<!-- REVIEWED BY ACCOUNTS -->\n"
      "<P>Thank you for your business. Reply if another date would help.</P>\n"
      "<P>PLEASE</P>\n"
      "</BODY></HTML>\n";
  EXPECT_EQ(flagged("reminder.html", text),
            (Flagged{"8: \"PLEASE\" in capitals reads as shouting"}));
}

TEST(ToneLint, repeatedExclamationMarksAreShouting) {
  const std::string text =
      "Thanks so much!\n"
      "Please pay soon!!\n"
      "{{! a comment is not an exclamation }}Really! !\n" +
      kKindEnding;
  EXPECT_EQ(flagged("reminder.text", text), (Flagged{"2: \"!!\" reads as shouting"}));
}

TEST(ToneLint, subjectHasNoExclamationMark) {
  EXPECT_EQ(flagged("reminder.subject", "A friendly reminder about {{first_invoice}}!\n"),
            (Flagged{"1: \"!\" in a subject reads as alarm"}));
  EXPECT_EQ(flagged("reminder.subject", "A friendly reminder about {{first_invoice}}\n"),
            Flagged{});
}

TEST(ToneLint, messageWithoutThanksIsFlaggedAtLineOne) {
  const std::string text =
      "Dear {{name}},\n"
      "Invoice {{number}} is still open.\n"
      "If another date would help, just reply.\n";
  EXPECT_EQ(flagged("reminder.text", text), (Flagged{"1: no thank-you"}));
  EXPECT_EQ(flagged("reminder.text", "Thanks!\n" + text), Flagged{});
}

TEST(ToneLint, messageWithoutAnOfferOfHelpIsFlaggedAtLineOne) {
  const std::string text =
      "Dear {{name}},\n"
      "Thank you for your business. Invoice {{number}} is still open.\n"
      "{{#help}}A tag's name is not an offer.{{/help}}\n";
  EXPECT_EQ(flagged("reminder.text", text), (Flagged{"1: no offer of help"}));
  EXPECT_EQ(flagged("reminder.text", text + "Is anything wrong with it?\n"), Flagged{});
  EXPECT_EQ(flagged("reminder.text", text + "We are happy to find another way to pay.\n"),
            Flagged{});
}

TEST(ToneLint, everyOfferOfHelpCounts) {
  for (const char* offer :
       {"Can we help?", "Would another date suit you?",
        "Is there another way to pay that works better?", "Is anything wrong with the invoice?",
        "Please let us know.", "Just reply to this email.", "We are happy to talk.",
        "We would be glad to hear from you."}) {
    EXPECT_EQ(flagged("reminder.text", std::string("Thank you.\n") + offer + "\n"), Flagged{})
        << offer;
  }
}

TEST(ToneLint, everyKindOfMessageNeedsThanksAndHelp) {
  const std::string curt = "Invoice {{number}} is open.\n";
  for (const char* name : {"reminder.text", "reminder.email.html", "call.txt", "personal-call.call",
                           "statement.letter", "letter.html"}) {
    EXPECT_EQ(flagged(name, curt), (Flagged{"1: no thank-you", "1: no offer of help"})) << name;
  }
  for (const char* name : {"reminder.subject", "reminder.email.subject", "reminder.subject.text",
                           "textbook", "call-notes"}) {
    EXPECT_EQ(flagged(name, curt), Flagged{}) << name;
  }
}

TEST(ToneLint, checkInSaysNoWordOfMoney) {
  const std::string text =
      "Dear {{name}},\n"
      "Thank you for your business. We hope all is well.\n"
      "{{#invoices}}\n"
      "Your Balance is {{total_text}}.\n"
      "{{/invoices}}\n"
      "If there is anything we can help with, just reply.\n";
  EXPECT_EQ(flagged("check-in.text", text),
            (Flagged{"3: a check-in mentions money ({{#invoices}})",
                     "4: a check-in mentions money (\"Balance\")",
                     "4: a check-in mentions money ({{total_text}})"}));
  // The same words are what a reminder is about.
  EXPECT_EQ(flagged("reminder.text", text), Flagged{});
}

TEST(ToneLint, checkInMayUseWordsThatMerelyContainMoneyWords) {
  const std::string text =
      "Dear {{name}},\n"
      "It has been a while, however, and we wondered how the new season is going.\n"
      "Thank you for the lovely flowers and your payday stories! Let us know how we can help.\n";
  EXPECT_EQ(flagged("check-in.text", text), Flagged{});
}

TEST(ToneLint, findingsAreOrderedByLine) {
  const std::string text =
      "LATER we may go to collections.\n"
      "Urgent.\n";
  EXPECT_EQ(
      flagged("reminder.text", text),
      (Flagged{"1: \"collections\" reads as a threat", "1: \"LATER\" in capitals reads as shouting",
               "1: no thank-you", "1: no offer of help", "2: \"urgent\" pressures the client"}));
}

// Fails as soon as a template in templates/ breaks a tone rule.
TEST(ToneLint, everyBuiltinTemplateIsKind) {
  ASSERT_FALSE(builtinTemplates().empty());
  for (const auto& [name, text] : builtinTemplates()) {
    EXPECT_EQ(flagged(name, text), Flagged{}) << "templates/" << name << ".mustache";
  }
}

}  // namespace
}  // namespace kindly::drafts
