// The two manifests of a batch: the CSV a person opens in a spreadsheet and the JSON a
// sending tool reads, holding the same rows.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "drafts/Manifest.h"
#include "tests/drafts/DraftFixtures.h"

namespace kindly::drafts {
namespace {

using testing::amount;

std::vector<BatchEntry> statementForTokyo() {
  BatchEntry letter{.sequence = 4,
                    .clientCode = "C0004",
                    .clientName = "東京商事 \"Tokyo\"",
                    .email = "ops@tokyo.example",
                    .purpose = "chase",
                    .step = "statement",
                    .channel = "letter",
                    .invoiceNumbers = {"INV-4001", "INV-4002"},
                    .balance = {},
                    .file = "004-c0004.letter.html",
                    .day = "2026-11-23",
                    .balancesAsAt = "2026-11-20"};
  money::addTo(letter.balance, amount(5000, "JPY"));
  money::addTo(letter.balance, amount(123405, "BHD"));
  BatchEntry email = letter;
  email.channel = "email";
  email.file = "004-c0004.eml";
  BatchEntry checkIn{.sequence = 5,
                     .clientCode = "C0005",
                     .clientName = "-Dune Surf",
                     .email = "",
                     .purpose = "check-in",
                     .step = "check-in",
                     .channel = "letter",
                     .invoiceNumbers = {},
                     .balance = {},
                     .file = "005-dune-surf.letter.html",
                     .day = "2026-11-20",
                     .balancesAsAt = "2026-11-20"};
  return {letter, email, checkIn};
}

TEST(Manifest, csvListsEveryFileWithItsFollowUpAndGuardsAgainstFormulas) {
  EXPECT_EQ(
      manifestCsv(statementForTokyo()),
      "sequence,client,name,email,purpose,step,channel,invoices,balance,file,day,"
      "balances_as_at\r\n"
      "4,C0004,\"東京商事 \"\"Tokyo\"\"\",ops@tokyo.example,chase,statement,letter,"
      "INV-4001 INV-4002,BHD 123.405; JPY 5000,004-c0004.letter.html,2026-11-23,2026-11-20\r\n"
      "4,C0004,\"東京商事 \"\"Tokyo\"\"\",ops@tokyo.example,chase,statement,email,"
      "INV-4001 INV-4002,BHD 123.405; JPY 5000,004-c0004.eml,2026-11-23,2026-11-20\r\n"
      "5,C0005,'-Dune Surf,,check-in,check-in,letter,,,005-dune-surf.letter.html,2026-11-20,"
      "2026-11-20\r\n");
}

TEST(Manifest, jsonReadsBackWithTheSameRowsAndExactAmounts) {
  const std::string json = manifestJson(testing::kAsOf, statementForTokyo());
  ASSERT_TRUE(json.ends_with("}\n"));
  EXPECT_EQ(json.find('\n'), json.size() - 1) << "one line";

  Poco::JSON::Parser parser;
  const auto manifest = parser.parse(json).extract<Poco::JSON::Object::Ptr>();
  EXPECT_EQ(manifest->getValue<std::string>("as_of"), "2026-11-20");
  const auto drafts = manifest->getArray("drafts");
  ASSERT_EQ(drafts->size(), 3u);

  const auto first = drafts->getObject(0);
  std::vector<std::string> keys;
  for (const auto& [key, value] : *first) keys.push_back(key);
  EXPECT_EQ(keys.size(), 12u);
  EXPECT_EQ(first->getValue<int>("sequence"), 4);
  EXPECT_EQ(first->getValue<std::string>("client"), "C0004");
  EXPECT_EQ(first->getValue<std::string>("name"), "東京商事 \"Tokyo\"");
  EXPECT_EQ(first->getValue<std::string>("email"), "ops@tokyo.example");
  EXPECT_EQ(first->getValue<std::string>("purpose"), "chase");
  EXPECT_EQ(first->getValue<std::string>("step"), "statement");
  EXPECT_EQ(first->getValue<std::string>("channel"), "letter");
  const auto invoices = first->getArray("invoices");
  ASSERT_EQ(invoices->size(), 2u);
  EXPECT_EQ(invoices->getElement<std::string>(1), "INV-4002");
  const auto balance = first->getObject("balance");
  EXPECT_EQ(balance->getValue<std::string>("BHD"), "123.405");
  EXPECT_EQ(balance->getValue<std::string>("JPY"), "5000");
  EXPECT_EQ(first->getValue<std::string>("file"), "004-c0004.letter.html");
  EXPECT_EQ(first->getValue<std::string>("day"), "2026-11-23");
  EXPECT_EQ(first->getValue<std::string>("balances_as_at"), "2026-11-20");

  EXPECT_EQ(drafts->getObject(1)->getValue<std::string>("file"), "004-c0004.eml");
  const auto checkIn = drafts->getObject(2);
  EXPECT_EQ(checkIn->getValue<std::string>("name"), "-Dune Surf");
  EXPECT_EQ(checkIn->getArray("invoices")->size(), 0u);
  EXPECT_EQ(checkIn->getObject("balance")->size(), 0u);
  // The keys come in the documented order.
  EXPECT_TRUE(json.starts_with(
      "{\"as_of\":\"2026-11-20\",\"drafts\":[{\"sequence\":4,\"client\":\"C0004\",\"name\":"));
  EXPECT_NE(json.find("\"channel\":\"letter\",\"invoices\":[\"INV-4001\",\"INV-4002\"],"
                      "\"balance\":{\"BHD\":\"123.405\",\"JPY\":\"5000\"},\"file\":"),
            std::string::npos);
}

TEST(Manifest, anEmptyBatchHasHeadersAndAnEmptyList) {
  EXPECT_EQ(manifestCsv({}),
            "sequence,client,name,email,purpose,step,channel,invoices,balance,file,day,"
            "balances_as_at\r\n");
  EXPECT_EQ(manifestJson(testing::kAsOf, {}), "{\"as_of\":\"2026-11-20\",\"drafts\":[]}\n");
}

}  // namespace
}  // namespace kindly::drafts
