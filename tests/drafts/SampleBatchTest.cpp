// The demo business's batch as of 2026-11-20, from samples/: every client owing something
// past due hears from us exactly once, and writing the batch again changes nothing.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "aging/AgingEngine.h"
#include "drafts/BatchWriter.h"
#include "drafts/DueToday.h"
#include "followup/PlanReader.h"
#include "tests/support/AgingFixtures.h"
#include "tests/support/TempDir.h"

namespace kindly::drafts {
namespace {

namespace fs = std::filesystem;
using kindly::testing::folderContents;
using kindly::testing::readFile;

const dates::Date kAsOf = *dates::Date::fromYmd(2026, 11, 20);

Sender harbourLights() {
  return Sender{.companyName = "Harbour Lights Design Studio",
                .from = "Accounts <accounts@harbourlights.example>",
                .replyTo = "",
                .signature = "Maya",
                .paymentInstructions = "Bank transfer, or card at https://pay.example.com"};
}

class SampleBatch : public ::testing::Test {
 protected:
  SampleBatch() : database_(folder_.file("kindly.db")) {
    kindly::testing::importSamples(database_, kAsOf);
    options_.asOf = kAsOf;
  }

  // The batch `kindly remind` writes: the plan's follow-ups due on the as-of date.
  std::vector<BatchEntry> writeBatch() {
    const auto plan = followup::planFollowUps(database_, options_, followup::Cadence());
    BatchWriter writer(folder_.file("out"), kAsOf, harbourLights());
    return writer.write(remindersDue(plan, kAsOf, kAsOf));
  }

  fs::path batchFolder() const { return folder_.path() / "out" / "batch-2026-11-20"; }

  // Counted independently of the planner: clients with a positive net balance, issued by the
  // as-of date, in a currency in which an invoice with a balance is past its due date.
  // Past due by more than the grace days: a payment made within them is on time.
  std::set<std::string> clientsOwingSomethingPastGrace() {
    std::map<std::string, money::Totals> net;
    std::map<std::string, std::set<money::Currency>> pastDue;
    for (const auto& invoice : aging::AgingEngine(database_).openInvoices(options_)) {
      if (invoice.notYetIssued) continue;
      money::addTo(net[invoice.clientCode], invoice.balance);
      if (invoice.balance.minorUnits() > 0 && kAsOf - invoice.dueDate > options_.graceDays) {
        pastDue[invoice.clientCode].insert(invoice.balance.currency());
      }
    }
    std::set<std::string> owing;
    for (const auto& [client, currencies] : pastDue) {
      for (const auto currency : currencies) {
        if (net[client].at(currency).minorUnits() > 0) owing.insert(client);
      }
    }
    return owing;
  }

  std::int64_t contactsLogged() {
    std::int64_t count = 0;
    database_.session() << "SELECT COUNT(*) FROM contacts", Poco::Data::Keywords::into(count),
        Poco::Data::Keywords::now;
    return count;
  }

  kindly::testing::TempDir folder_;
  store::Database database_;
  aging::AgingOptions options_;
};

TEST_F(SampleBatch, everyClientOwingSomethingPastGraceGetsExactlyOneFollowUp) {
  writeBatch();
  // The manifest, as a sending tool reads it: clients by follow-up (sequence number).
  Poco::JSON::Parser parser;
  const auto manifest =
      parser.parse(readFile(batchFolder() / "manifest.json")).extract<Poco::JSON::Object::Ptr>();
  const auto drafts = manifest->getArray("drafts");
  std::map<int, std::set<std::string>> clientsOfFollowUp;
  std::map<std::string, std::set<int>> followUpsOfClient;
  for (std::size_t i = 0; i < drafts->size(); ++i) {
    const auto draft = drafts->getObject(static_cast<unsigned>(i));
    const int sequence = draft->getValue<int>("sequence");
    const std::string client = draft->getValue<std::string>("client");
    clientsOfFollowUp[sequence].insert(client);
    followUpsOfClient[client].insert(sequence);
    EXPECT_TRUE(fs::is_regular_file(batchFolder() / draft->getValue<std::string>("file")));
  }

  const std::set<std::string> owing = clientsOwingSomethingPastGrace();
  // The samples hold late payers, a client who stopped paying and one within grace.
  ASSERT_GE(owing.size(), 5u);
  for (const std::string& client : owing) {
    EXPECT_EQ(followUpsOfClient[client].size(), 1u) << client;
  }
  EXPECT_FALSE(owing.contains("C011")) << "Summit Peak's invoice is within its grace days";
  EXPECT_FALSE(followUpsOfClient.contains("C011")) << "no reminder inside the grace days";
  for (const auto& [sequence, clients] : clientsOfFollowUp) {
    EXPECT_EQ(clients.size(), 1u) << "follow-up " << sequence;
  }
  for (const auto& [client, sequences] : followUpsOfClient) {
    EXPECT_EQ(sequences.size(), 1u) << client;
  }
}

TEST_F(SampleBatch, writingTheBatchAgainTheSameDayGivesTheSameFilesAndLogsNothing) {
  const auto planBefore = followup::planFollowUps(database_, options_, followup::Cadence());
  const auto first = writeBatch();
  const auto once = folderContents(batchFolder());
  const auto second = writeBatch();
  const auto again = folderContents(batchFolder());

  ASSERT_FALSE(first.empty());
  EXPECT_EQ(second.size(), first.size());
  EXPECT_EQ(again, once);
  EXPECT_EQ(contactsLogged(), 0);
  // The plan still expects the same steps: a draft is not a contact until it is sent.
  const auto planAfter = followup::planFollowUps(database_, options_, followup::Cadence());
  ASSERT_EQ(planAfter.size(), planBefore.size());
  for (std::size_t i = 0; i < planAfter.size(); ++i) {
    ASSERT_EQ(planAfter[i].next.has_value(), planBefore[i].next.has_value());
    if (!planAfter[i].next) continue;
    EXPECT_EQ(planAfter[i].next->step, planBefore[i].next->step) << planAfter[i].clientCode;
    EXPECT_EQ(planAfter[i].next->date, planBefore[i].next->date) << planAfter[i].clientCode;
  }
}

}  // namespace
}  // namespace kindly::drafts
