// ContactLog: what people tell Kindly is kept as it was said, read back per client and day.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/ClientLedger.h"
#include "store/Contacts.h"

using namespace Poco::Data::Keywords;

namespace kindly::store {
namespace {

dates::Date day(int y, int m, int d) { return *dates::Date::fromYmd(y, m, d); }

ContactRecord said(ContactKind kind, dates::Date on, std::string text) {
  ContactRecord record;
  record.kind = kind;
  record.day = on;
  record.text = std::move(text);
  return record;
}

// Two clients, and one invoice of the first.
class ContactLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto& s = ledger_.session();
    s << "INSERT INTO clients (id, code, name, email) VALUES (1, 'C1', 'Acme Ltd', 'a@x'), "
         "(2, 'C2', 'Bloom & Co', '')",
        now;
    s << "INSERT INTO imports (id, file, layout, as_of_day) VALUES (1, 'f.csv', 'generic', 0)", now;
    s << "INSERT INTO invoices (id, number, client_id, issue_day, due_day, currency, amount, "
         "first_import_id, last_import_id) VALUES (7, 'INV-1', 1, 20000, 20030, 'USD', 10000, "
         "1, 1)",
        now;
  }
  Database ledger_{":memory:"};
};

TEST_F(ContactLogTest, promiseIsReadBackWithItsDayAndInvoice) {
  ContactLog log(ledger_);
  ContactRecord promise = said(ContactKind::Promise, day(2026, 11, 20), "");
  promise.invoiceId = 7;
  promise.channel = "call";
  promise.outcome = "reached";
  promise.promisedDay = day(2026, 12, 1);
  log.add(1, promise);
  const auto records = log.forClient(1, day(2026, 11, 20));
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].kind, ContactKind::Promise);
  EXPECT_EQ(records[0].day, day(2026, 11, 20));
  ASSERT_TRUE(records[0].invoiceId.has_value());
  EXPECT_EQ(*records[0].invoiceId, 7);
  EXPECT_EQ(records[0].invoiceNumber, "INV-1");
  EXPECT_EQ(records[0].channel, "call");
  EXPECT_EQ(records[0].outcome, "reached");
  ASSERT_TRUE(records[0].promisedDay.has_value());
  EXPECT_EQ(*records[0].promisedDay, day(2026, 12, 1));
}

TEST_F(ContactLogTest, noteAboutTheClientHasNoInvoiceNorPromise) {
  ContactLog log(ledger_);
  log.add(1, said(ContactKind::Note, day(2026, 11, 2), "Hi."));
  const auto records = log.forClient(1, day(2026, 11, 30));
  ASSERT_EQ(records.size(), 1u);
  EXPECT_FALSE(records[0].invoiceId.has_value());
  EXPECT_EQ(records[0].invoiceNumber, "");
  EXPECT_FALSE(records[0].promisedDay.has_value());
  EXPECT_EQ(records[0].text, "Hi.");
  std::string kind;
  ledger_.session() << "SELECT kind FROM contacts", into(kind), now;
  EXPECT_EQ(kind, "note");
}

TEST_F(ContactLogTest, forClientKeepsToTheClientAndTheDaysUpToAsOf) {
  ContactLog log(ledger_);
  log.add(1, said(ContactKind::Dispute, day(2026, 11, 5), "b"));
  log.add(1, said(ContactKind::Note, day(2026, 11, 1), "a"));
  log.add(2, said(ContactKind::Note, day(2026, 11, 1), "other"));
  log.add(1, said(ContactKind::Resolved, day(2026, 11, 9), "c"));
  const auto records = log.forClient(1, day(2026, 11, 5));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].text, "a");  // oldest first, whatever the order added
  EXPECT_EQ(records[1].text, "b");
  EXPECT_EQ(records[1].kind, ContactKind::Dispute);
}

TEST(ContactLog, knowsTheChannelsAndOutcomes) {
  for (const char* channel : {"email", "call", "letter", "visit", "other"}) {
    EXPECT_TRUE(isContactChannel(channel)) << channel;
  }
  EXPECT_FALSE(isContactChannel("fax"));
  EXPECT_FALSE(isContactChannel(""));
  for (const char* outcome :
       {"reached", "voicemail", "no-answer", "promised", "disputed", "paid-already"}) {
    EXPECT_TRUE(isContactOutcome(outcome)) << outcome;
  }
  EXPECT_FALSE(isContactOutcome("no answer"));
}

TEST_F(ContactLogTest, aWithdrawnRecordStaysToBeSeenButCountsNowhere) {
  ContactLog log(ledger_);
  log.add(1, said(ContactKind::Note, day(2026, 11, 2), "kept"));
  log.add(1, said(ContactKind::Dispute, day(2026, 11, 3), "a mistake"));
  const auto mistake = log.forClient(1, day(2026, 11, 30)).back();
  EXPECT_FALSE(mistake.retractedDay.has_value());
  log.retract(mistake.id, day(2026, 11, 4), "wrong client");

  const auto records = log.forClient(1, day(2026, 11, 30));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_FALSE(records[0].retractedDay.has_value());
  ASSERT_TRUE(records[1].retractedDay.has_value());
  EXPECT_EQ(*records[1].retractedDay, day(2026, 11, 4));
  EXPECT_EQ(records[1].retractReason, "wrong client");
  // Every reader of what counts reads the view: the withdrawn record is not in it, at any date.
  std::vector<std::string> texts;
  ledger_.session() << "SELECT text FROM contacts_in_effect ORDER BY id", into(texts), now;
  EXPECT_EQ(texts, std::vector<std::string>{"kept"});
}

TEST_F(ContactLogTest, findsARecordByItsNumberWithItsClient) {
  ContactLog log(ledger_);
  log.add(2, said(ContactKind::Note, day(2026, 11, 2), "Bloom's"));
  const auto id = log.forClient(2, day(2026, 11, 30)).front().id;
  const auto found = log.find(id);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->clientId, 2);
  EXPECT_EQ(found->text, "Bloom's");
  log.retract(id, day(2026, 11, 3), "");
  ASSERT_TRUE(log.find(id)->retractedDay.has_value());
  EXPECT_EQ(log.find(id)->retractReason, "");
  EXPECT_FALSE(log.find(id + 1).has_value());
}

TEST_F(ContactLogTest, clientLedgerFindsClientsByCodeAndInvoicesByNumber) {
  ClientLedger clients(ledger_);
  const auto client = clients.findClient("C2");
  ASSERT_TRUE(client.has_value());
  EXPECT_EQ(client->id, 2);
  EXPECT_EQ(client->name, "Bloom & Co");
  EXPECT_FALSE(clients.findClient("C9").has_value());
  const auto invoice = clients.findInvoice("INV-1");
  ASSERT_TRUE(invoice.has_value());
  EXPECT_EQ(invoice->id, 7);
  EXPECT_EQ(invoice->client.code, "C1");
  EXPECT_FALSE(clients.findInvoice("C1").has_value());
}

}  // namespace
}  // namespace kindly::store
