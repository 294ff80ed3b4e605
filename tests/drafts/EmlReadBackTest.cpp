// Every .eml of a written batch opened with Poco's MIME parser, as a mail program would:
// the headers a draft needs, plain text then HTML in UTF-8, and the invoices in both.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "drafts/BatchWriter.h"
#include "drafts/EmailMessage.h"
#include "tests/drafts/DraftFixtures.h"
#include "tests/drafts/MailReadBack.h"
#include "tests/support/TempDir.h"

namespace kindly::drafts {
namespace {

namespace fs = std::filesystem;
using followup::Channel;
using followup::Purpose;
using testing::acmeFollowUp;

std::vector<Reminder> batchWithEveryKindOfEmail() {
  Reminder cafe = acmeFollowUp(Purpose::Resolve, "second-reminder");
  cafe.clientCode = "C0002";
  cafe.clientName = "Café Lumière";
  cafe.email = "compta@lumiere.example";
  Reminder bolt = acmeFollowUp(Purpose::Chase, "statement", {Channel::Letter, Channel::Email});
  bolt.clientCode = "C0003";
  bolt.clientName = "Bolt & Nut";
  bolt.email = "ap@bolt.example";
  return {acmeFollowUp(), cafe, bolt};
}

TEST(EmlReadBack, everyEmailOpensWithItsHeadersAndBothParts) {
  kindly::testing::TempDir folder;
  BatchWriter writer(folder.path().string(), testing::kAsOf, testing::harbourLights());
  const std::vector<BatchEntry> entries = writer.write(batchWithEveryKindOfEmail());

  const std::vector<std::pair<std::string, std::string>> expected = {
      {"001-acme-ltd.eml", "Acme Ltd <ap@acme.example>"},
      {"002-cafe-lumiere.eml", "Café Lumière <compta@lumiere.example>"},
      {"003-bolt-nut.eml", "Bolt & Nut <ap@bolt.example>"}};
  std::size_t emails = 0;
  for (const BatchEntry& entry : entries) emails += entry.channel == "email";
  ASSERT_EQ(emails, expected.size());

  for (const auto& [file, to] : expected) {
    SCOPED_TRACE(file);
    const testing::ReadMessage message =
        testing::readEml((fs::path(writer.batchPath()) / file).string());
    EXPECT_EQ(message.value("From"), "Accounts <ar@example.com>");
    EXPECT_EQ(message.value("To"), to);
    EXPECT_EQ(message.value("Date"), "Fri, 20 Nov 2026 09:00:00 +0000");
    const BatchEntry& entry = *std::find_if(entries.begin(), entries.end(),
                                            [&](const BatchEntry& e) { return e.file == file; });
    EXPECT_EQ(message.value("Message-ID"),
              "<" +
                  EmailMessage::makeMessageId(testing::kAsOf, file.substr(4, file.size() - 8),
                                              entry.clientCode, "ar@example.com") +
                  ">");
    EXPECT_EQ(message.value("X-Unsent"), "1");
    for (const std::string header : {"From", "To", "Subject", "Date", "Message-ID", "X-Unsent"}) {
      EXPECT_EQ(message.count(header), 1u) << header;
    }
    EXPECT_FALSE(message.subject.empty());

    ASSERT_TRUE(message.multipart);
    ASSERT_EQ(message.parts.size(), 2u);
    EXPECT_EQ(message.parts[0].contentType, "text/plain; charset=UTF-8");
    EXPECT_EQ(message.parts[1].contentType, "text/html; charset=UTF-8");
    for (const testing::ReadPart& part : message.parts) {
      for (const std::string invoice :
           {"INV-1001", "2026-09-01", "2026-10-01", "50 days past due", "USD 1,234.50", "INV-1007",
            "6 days past due", "USD 50.00", "INV-1010", "due in 11 days", "EUR 10.00",
            "USD 1,284.50"}) {
        EXPECT_NE(part.body.find(invoice), std::string::npos)
            << invoice << " missing from " << part.contentType;
      }
    }
  }

  const auto subjectOf = [&](const std::string& file) {
    return testing::readEml((fs::path(writer.batchPath()) / file).string()).subject;
  };
  EXPECT_EQ(subjectOf("001-acme-ltd.eml"),
            "A friendly reminder about 3 open invoices from Harbour Lights Ltd");
  EXPECT_EQ(subjectOf("002-cafe-lumiere.eml"),
            "Sorting out your invoice question together: Harbour Lights Ltd");
  EXPECT_EQ(subjectOf("003-bolt-nut.eml"),
            "Your statement from Harbour Lights Ltd as of 2026-11-20");
  const auto cafe =
      testing::readEml((fs::path(writer.batchPath()) / "002-cafe-lumiere.eml").string());
  EXPECT_NE(cafe.parts[0].body.find("Hello Café Lumière team,"), std::string::npos);
  EXPECT_NE(cafe.parts[1].body.find("<p>Hello Café Lumière team,</p>"), std::string::npos);
}

}  // namespace
}  // namespace kindly::drafts
