// Who gets a reminder today: one statement per client that owes something overdue beyond the
// grace days, listing every open invoice oldest first, sent to the email on file.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "aging/AgingEngine.h"
#include "followup/ChaseList.h"
#include "store/Queries.h"
#include "tests/support/AgingFixtures.h"
#include "tests/support/TempDir.h"

namespace kindly::followup {
namespace {

using aging::OpenInvoice;
using money::Money;
using testing::day;
using testing::eur;
using testing::usd;

const dates::Date kAsOf = day(2026, 11, 20);
constexpr int kGraceDays = 3;

OpenInvoice open(const std::string& client, const std::string& number, Money balance,
                 int daysOverdue) {
  const auto due = kAsOf.plusDays(-daysOverdue);
  return OpenInvoice{.clientCode = client,
                     .clientName = client + " Ltd",
                     .number = number,
                     .issueDate = due.plusDays(-30),
                     .dueDate = due,
                     .amount = balance,
                     .paid = Money::zero(balance.currency()),
                     .balance = balance,
                     .daysOverdue = daysOverdue,
                     .bucket = aging::BucketEdges().bucketFor(daysOverdue)};
}

std::vector<std::string> numbers(const drafts::Reminder& reminder) {
  std::vector<std::string> result;
  for (const auto& invoice : reminder.invoices) result.push_back(invoice.number);
  return result;
}

// Regression: a USD debt covered by a USD credit, beside a EUR invoice not yet due, was
// chased because "overdue" and "owes" were checked across currencies separately.
TEST(ChaseList, creditCoveringTheOverdueCurrencyIsNotChasedOverAnotherNotYetDue) {
  const std::vector<OpenInvoice> invoices = {open("ACME", "INV-1", usd(10000), 40),
                                             open("ACME", "CN-1", usd(-10000), 40),
                                             open("ACME", "INV-2", eur(5000), -10)};
  EXPECT_TRUE(chaseList(invoices, {}, kAsOf, kGraceDays).empty());
}

TEST(ChaseList, invoicesDueTheSameDayAreListedByNumber) {
  const std::vector<OpenInvoice> invoices = {open("ACME", "INV-2", usd(100), 20),
                                             open("ACME", "INV-1", usd(100), 20)};
  const auto reminders = chaseList(invoices, {}, kAsOf, kGraceDays);
  ASSERT_EQ(reminders.size(), 1u);
  EXPECT_EQ(numbers(reminders[0]), (std::vector<std::string>{"INV-1", "INV-2"}));
}

TEST(ChaseList, overdueClientGetsOneReminderWithAllItsInvoicesOldestFirst) {
  // As AgingEngine::openInvoices orders them: by client, currency, then due date.
  const std::vector<OpenInvoice> invoices = {
      open("ACME", "INV-7", eur(30000), 10), open("ACME", "CN-1", usd(-2000), 60),
      open("ACME", "INV-3", usd(10000), 45), open("ACME", "INV-5", usd(20000), 12),
      open("ACME", "INV-9", usd(5000), -14), open("BOLT", "INV-8", usd(7000), -3),
  };

  const auto reminders = chaseList(invoices, {}, kAsOf, kGraceDays);

  ASSERT_EQ(reminders.size(), 1u) << "BOLT owes nothing yet";
  const auto& acme = reminders[0];
  EXPECT_EQ(acme.clientCode, "ACME");
  EXPECT_EQ(acme.clientName, "ACME Ltd");
  EXPECT_EQ(numbers(acme), (std::vector<std::string>{"INV-3", "INV-5", "INV-7", "INV-9"}))
      << "every positive balance, the one not yet due too; the credit is not an invoice owed";
  EXPECT_EQ(acme.balance, (money::Totals{{testing::currency("EUR"), eur(30000)},
                                         {testing::currency("USD"), usd(33000)}}));
  EXPECT_EQ(acme.oldestDaysOverdue, 45);
}

TEST(ChaseList, clientWhoseCreditCoversTheDebtIsNotChased) {
  const struct {
    std::string what;
    std::int64_t credit;
    bool chased;
  } cases[] = {
      {"credit larger than the debt", -15000, false},
      {"credit equal to the debt", -10000, false},
      {"credit one cent short", -9999, true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    const auto reminders =
        chaseList({open("ACME", "INV-1", usd(10000), 40), open("ACME", "CN-1", usd(c.credit), 10)},
                  {}, kAsOf, kGraceDays);
    EXPECT_EQ(reminders.size(), c.chased ? 1u : 0u);
  }
}

TEST(ChaseList, clientOnlyWithinGraceIsNotChased) {
  const struct {
    int daysOverdue;
    bool chased;
  } cases[] = {{-5, false}, {0, false}, {1, false}, {3, false}, {4, true}, {90, true}};
  for (const auto& c : cases) {
    SCOPED_TRACE(std::to_string(c.daysOverdue) + " days overdue");
    const auto reminders =
        chaseList({open("ACME", "INV-1", usd(10000), c.daysOverdue)}, {}, kAsOf, kGraceDays);
    EXPECT_EQ(reminders.size(), c.chased ? 1u : 0u);
  }
}

TEST(ChaseList, lateIsCountedFromTheDueDateWhateverTheAgingBasis) {
  // Aged on the issue basis: issued 40 days ago (daysOverdue 40), but due in 20 days.
  auto notYetDue = open("ACME", "INV-1", usd(10000), -20);
  notYetDue.issueDate = kAsOf.plusDays(-40);
  notYetDue.daysOverdue = 40;
  EXPECT_TRUE(chaseList({notYetDue}, {}, kAsOf, kGraceDays).empty());

  // Issued 10 days ago (daysOverdue 10) and due 5 days ago: overdue beyond grace.
  auto pastDue = open("BOLT", "INV-2", usd(10000), 5);
  pastDue.issueDate = kAsOf.plusDays(-10);
  pastDue.daysOverdue = 10;
  const auto reminders = chaseList({pastDue}, {}, kAsOf, kGraceDays);
  ASSERT_EQ(reminders.size(), 1u);
  EXPECT_EQ(reminders[0].oldestDaysOverdue, 5);
}

TEST(ChaseList, emailComesFromTheContacts) {
  const std::map<std::string, store::ClientContact> contacts = {
      {"ACME", {"Acme Ltd", "ap@acme.example"}},
      {"BOLT", {"Bolt & Co", ""}},
  };
  const auto reminders =
      chaseList({open("ACME", "INV-1", usd(100), 30), open("BOLT", "INV-2", usd(100), 30),
                 open("CORK", "INV-3", usd(100), 30)},
                contacts, kAsOf, kGraceDays);
  ASSERT_EQ(reminders.size(), 3u);
  EXPECT_EQ(reminders[0].email, "ap@acme.example");
  EXPECT_EQ(reminders[1].email, "") << "no email on file: still chased, by call or letter";
  EXPECT_EQ(reminders[2].email, "") << "not in the contacts at all";
}

TEST(ChaseList, remindersFromARealLedgerUseTheClientsEmail) {
  testing::TempDir folder;
  store::Database database(folder.file("kindly.db"));
  testing::LedgerBuilder(database)
      .client("ACME", "Acme Ltd", "ap@acme.example")
      .client("BOLT", "Bolt & Co", "money@bolt.example")
      .invoice("INV-1", "ACME", day(2026, 8, 1), day(2026, 9, 1), usd(120000))
      .invoice("INV-2", "ACME", day(2026, 9, 1), day(2026, 10, 1), usd(30000))
      .payment("INV-1", day(2026, 9, 15), 20000)
      .invoice("INV-3", "BOLT", day(2026, 11, 1), day(2026, 11, 18), usd(5000));

  aging::AgingOptions options;
  options.asOf = kAsOf;
  const auto reminders =
      chaseList(aging::AgingEngine(database).openInvoices(options), store::clientContacts(database),
                options.asOf, options.graceDays);

  ASSERT_EQ(reminders.size(), 1u) << "BOLT is 2 days past due, within grace";
  EXPECT_EQ(reminders[0].clientCode, "ACME");
  EXPECT_EQ(reminders[0].clientName, "Acme Ltd");
  EXPECT_EQ(reminders[0].email, "ap@acme.example");
  EXPECT_EQ(numbers(reminders[0]), (std::vector<std::string>{"INV-1", "INV-2"}));
  EXPECT_EQ(reminders[0].balance, (money::Totals{{testing::currency("USD"), usd(130000)}}));
  EXPECT_EQ(reminders[0].oldestDaysOverdue, 80);
}

}  // namespace
}  // namespace kindly::followup
