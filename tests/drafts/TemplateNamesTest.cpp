// Which template each part of a draft is written from: the fallback order the README
// documents, the built-in templates it lands on, and a person's own templates winning.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "base/Error.h"
#include "drafts/TemplateNames.h"
#include "drafts/Templates.h"
#include "tests/support/TempDir.h"

namespace kindly::drafts {
namespace {

using followup::Channel;
using followup::Purpose;
using Names = std::vector<std::string>;

Reminder followUp(Purpose purpose, std::string step) {
  Reminder reminder;
  reminder.clientCode = "C1";
  reminder.clientName = "Acme Ltd";
  reminder.purpose = purpose;
  reminder.step = std::move(step);
  return reminder;
}

TEST(TemplateNames, eachChannelHasItsParts) {
  EXPECT_EQ(draftParts(Channel::Email), (Names{"email.subject", "email.text", "email.html"}));
  EXPECT_EQ(draftParts(Channel::Call), Names{"call.txt"});
  EXPECT_EQ(draftParts(Channel::Letter), Names{"letter.html"});
}

TEST(TemplateNames, aChaseStepTriesItsOwnTemplateThenChaseThenTheReminder) {
  EXPECT_EQ(templateCandidates(Purpose::Chase, "second-reminder", "email.text"),
            (Names{"second-reminder.email.text", "chase.email.text", "reminder.email.text"}));
  EXPECT_EQ(templateCandidates(Purpose::Chase, "personal-call", "call.txt"),
            (Names{"personal-call.call.txt", "chase.call.txt", "call.txt"}));
  EXPECT_EQ(templateCandidates(Purpose::Chase, "statement", "letter.html"),
            (Names{"statement.letter.html", "chase.letter.html", "letter.html"}));
}

TEST(TemplateNames, everyPersistentStepSharesThePersistentTemplates) {
  EXPECT_EQ(templateCandidates(Purpose::Chase, "persistent-10", "email.subject"),
            (Names{"persistent-10.email.subject", "persistent.email.subject", "chase.email.subject",
                   "reminder.email.subject"}));
  // Only "persistent-" and a number make a persistent step.
  EXPECT_EQ(templateCandidates(Purpose::Chase, "persistently", "call.txt"),
            (Names{"persistently.call.txt", "chase.call.txt", "call.txt"}));
}

TEST(TemplateNames, aDisputeIsNeverWrittenFromAChasingStepsWords) {
  EXPECT_EQ(templateCandidates(Purpose::Resolve, "second-reminder", "email.html"),
            (Names{"resolve.email.html", "reminder.email.html"}));
  EXPECT_EQ(templateCandidates(Purpose::Resolve, "personal-call", "call.txt"),
            (Names{"resolve.call.txt", "call.txt"}));
}

TEST(TemplateNames, touchPointsUseTheirPurposesTemplates) {
  EXPECT_EQ(templateCandidates(Purpose::CheckIn, "check-in", "letter.html"),
            (Names{"check-in.letter.html", "letter.html"}));
  EXPECT_EQ(templateCandidates(Purpose::HeadsUp, "heads-up", "email.subject"),
            (Names{"heads-up.email.subject", "reminder.email.subject"}));
  EXPECT_EQ(templateCandidates(Purpose::ThankYou, "thank-you", "email.text"),
            (Names{"thank-you.email.text", "reminder.email.text"}));
}

TEST(TemplateNames, aStepNameThatCouldReachAnotherFolderIsSkipped) {
  EXPECT_EQ(templateCandidates(Purpose::Chase, "../secret", "email.text"),
            (Names{"chase.email.text", "reminder.email.text"}));
  EXPECT_EQ(templateCandidates(Purpose::Chase, "", "call.txt"),
            (Names{"chase.call.txt", "call.txt"}));
}

TEST(TemplateNames, onlyNamesKindlyCanChooseAreTemplateNames) {
  for (const std::string name :
       {"gentle-reminder.email.subject", "persistent-3.call.txt", "statement.letter.html",
        "chase.email.html", "reminder.email.text", "call.txt", "letter.html", "my_step.call.txt"}) {
    EXPECT_TRUE(isTemplateName(name)) << name;
  }
  for (const std::string name : {"reminder.text", "reminder.subject", "reminder.html", "email.text",
                                 ".email.text", "statement.letter.htm", "statement.letter",
                                 "../x.email.text", "a b.call.txt", "statement.email.body", ""}) {
    EXPECT_FALSE(isTemplateName(name)) << name;
  }
}

TEST(TemplateNames, builtInTemplatesCoverEveryStepOfTheDefaultLadder) {
  const Templates builtin;
  const auto chosen = [&](Purpose purpose, const std::string& step, const std::string& part) {
    return builtin.chosenFor(followUp(purpose, step), part);
  };
  EXPECT_EQ(chosen(Purpose::Chase, "gentle-reminder", "email.text"), "reminder.email.text");
  EXPECT_EQ(chosen(Purpose::Chase, "second-reminder", "email.subject"),
            "second-reminder.email.subject");
  EXPECT_EQ(chosen(Purpose::Chase, "personal-call", "call.txt"), "call.txt");
  EXPECT_EQ(chosen(Purpose::Chase, "statement", "email.html"), "statement.email.html");
  EXPECT_EQ(chosen(Purpose::Chase, "statement", "letter.html"), "letter.html");
  EXPECT_EQ(chosen(Purpose::Chase, "persistent-1", "email.text"), "persistent.email.text");
  EXPECT_EQ(chosen(Purpose::Chase, "persistent-10", "email.text"), "persistent.email.text");
  EXPECT_EQ(chosen(Purpose::Chase, "persistent-2", "call.txt"), "call.txt");
  // A step of a person's own ladder is a friendly reminder until it has templates.
  EXPECT_EQ(chosen(Purpose::Chase, "nudge", "email.subject"), "reminder.email.subject");
}

// A dispute, a heads-up, a thank-you or a check-in must never fall back on a chasing
// template: each has its own on every channel the planner can give it.
TEST(TemplateNames, noTouchPointOrDisputeFallsBackOnAChasingTemplate) {
  const Templates builtin;
  const std::vector<std::pair<Purpose, std::vector<Channel>>> channels = {
      {Purpose::Resolve, {Channel::Email, Channel::Call, Channel::Letter}},
      {Purpose::HeadsUp, {Channel::Email, Channel::Letter}},
      {Purpose::ThankYou, {Channel::Email, Channel::Letter}},
      {Purpose::CheckIn, {Channel::Email, Channel::Letter}}};
  for (const auto& [purpose, used] : channels) {
    const std::string name(followup::purposeName(purpose));
    for (const Channel channel : used) {
      for (const std::string& part : draftParts(channel)) {
        EXPECT_EQ(builtin.chosenFor(followUp(purpose, "second-reminder"), part), name + "." + part);
      }
    }
  }
}

TEST(TemplateNames, everyBuiltInTemplateHasAName) {
  for (const std::string& name : Templates().names()) EXPECT_TRUE(isTemplateName(name)) << name;
}

TEST(Templates, aFolderReplacesABuiltInAndAddsTemplatesForNewSteps) {
  kindly::testing::TempDir folder;
  folder.write("reminder.email.subject.mustache", "Hello from {{{company}}}\n");
  folder.write("gentle-reminder.call.txt.mustache", "Call {{{name}}}\n");
  folder.write("notes.txt", "not a template: ignored");
  const Templates own = Templates::withOverrides(folder.path().string());

  EXPECT_EQ(own.source("reminder.email.subject"), "Hello from {{{company}}}\n");
  EXPECT_EQ(own.chosenFor(followUp(Purpose::Chase, "gentle-reminder"), "call.txt"),
            "gentle-reminder.call.txt");
  EXPECT_EQ(own.chosenFor(followUp(Purpose::Chase, "personal-call"), "call.txt"), "call.txt");
  // What the folder does not hold stays built in.
  EXPECT_EQ(own.source("reminder.email.text"), Templates().source("reminder.email.text"));
  EXPECT_TRUE(own.source("notes").empty());
}

TEST(Templates, aMisnamedTemplateIsReportedNotIgnored) {
  kindly::testing::TempDir folder;
  folder.write("reminder.text.mustache", "Dear {{{name}}}\n");
  try {
    Templates::withOverrides(folder.path().string());
    FAIL() << "no error for reminder.text.mustache";
  } catch (const kindly::Error& error) {
    EXPECT_NE(std::string(error.what()).find("reminder.text.mustache"), std::string::npos);
  }
  EXPECT_THROW(Templates::withOverrides(folder.file("missing")), kindly::Error);
}

// Found by fuzzing: "{{ }}" in a person's template made the renderer throw an error that
// named no template (or read out of bounds); every tag Kindly cannot render safely is now
// refused when the folder is loaded, with the file, the line and the tag.
TEST(Templates, aTemplateWithATagKindlyCannotRenderIsRefusedWithItsLine) {
  const struct {
    const char* text;
    const char* message;
  } cases[] = {
      {"Dear {{ }},\n", ", line 1: {{ }}: a tag names a value"},
      {"Dear\n{{client_name}\n", ", line 2: a tag opened with {{ is never closed with }}"},
      {"{{{company}}\n", ", line 1: a tag opened with {{{ is never closed with }}}"},
      {"{{#}}x{{/}}", ", line 1: {{#}}: a tag names a value"},
      {"{{=<% %>=}}<%company%>", ", line 1: {{=<% %>=}}: changing the delimiters is not supported"},
      {"{{> footer}}", ", line 1: {{> footer}}: partials are not supported"},
      {"{{#invoices}}\n{{number}}\n", ", line 1: the section {{#invoices}} is never closed"},
      {"{{#invoices}}{{/balance}}", ", line 1: {{/balance}} closes no open section"},
      {"{{a b}}", ", line 1: {{a b}}: a tag names a value"},
      // A 130 KB template of nested sections passed, and remind took 6 GB rendering it.
      {"{{#a}}{{#b}}{{#c}}{{#d}}\n{{#e}}x{{/e}}{{/d}}{{/c}}{{/b}}{{/a}}",
       ", line 2: {{#e}}: sections nest at most 4 deep"},
  };
  for (const auto& c : cases) {
    kindly::testing::TempDir folder;
    const std::string path = folder.write("reminder.email.text.mustache", c.text);
    try {
      Templates::withOverrides(folder.path().string());
      ADD_FAILURE() << "accepted " << c.text;
    } catch (const kindly::Error& error) {
      EXPECT_EQ(std::string(error.what()).rfind("template " + path + c.message, 0), 0u)
          << error.what();
    }
  }
}

// A FIFO named like a template held `remind` for ever, waiting for a writer.
TEST(Templates, aFifoOrAHugeFileInTheFolderIsRefusedAtOnce) {
  kindly::testing::TempDir folder;
  const std::string fifo = folder.file("reminder.email.text.mustache");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  try {
    Templates::withOverrides(folder.path().string());
    ADD_FAILURE() << "a FIFO was taken for a template";
  } catch (const kindly::Error& error) {
    EXPECT_NE(std::string(error.what()).find(fifo + ": not a plain file"), std::string::npos)
        << error.what();
  }
  std::filesystem::remove(fifo);
  const std::string huge =
      folder.write("reminder.email.text.mustache", std::string(65 * 1024, 'x'));
  try {
    Templates::withOverrides(folder.path().string());
    ADD_FAILURE() << "a 65 KB template was taken";
  } catch (const kindly::Error& error) {
    EXPECT_NE(std::string(error.what()).find("larger than a template may be"), std::string::npos)
        << error.what();
  }
}

TEST(Templates, everyTagOfTheBuiltInTemplatesIsAcceptedInAFolder) {
  kindly::testing::TempDir folder;
  const Templates builtin;
  for (const std::string& name : builtin.names()) {
    folder.write(name + ".mustache", builtin.source(name));
  }
  folder.write("statement.email.text.mustache",
               "{{! a note }}Dear {{ client_name }},\n{{#invoices}}{{{number}}} {{&due}}"
               "{{^paid}}-{{/paid}}{{/invoices}}{{.}}\n");
  EXPECT_NO_THROW(Templates::withOverrides(folder.path().string()));
}

}  // namespace
}  // namespace kindly::drafts
