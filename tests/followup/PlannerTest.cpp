// The planner's rules one at a time, on plain values: the ladder in order, catching up one
// step at a time, the gap between contacts, business days, promises, disputes, clients
// without email, credits, and the touch points beyond debt.
#include <gtest/gtest.h>

#include "followup/Planner.h"
#include "tests/support/AmountsAndDays.h"

namespace kindly::followup {
namespace {

using testing::day;
using testing::usd;

// Acme owes INV-1, 100.00 due Friday 2026-10-02, and has an email address.
ClientSituation acme() {
  ClientSituation client;
  client.code = "C1";
  client.name = "Acme Ltd";
  client.email = "ap@acme.example";
  client.invoices = {{"INV-1", day(2026, 9, 2), day(2026, 10, 2), usd(10000)}};
  client.balance = {{usd(0).currency(), usd(10000)}};
  return client;
}

FollowUp planned(const ClientSituation& client, dates::Date asOf, const Cadence& cadence = {}) {
  const auto next = nextFollowUp(client, asOf, cadence);
  if (!next) throw std::logic_error("no follow-up planned");
  return *next;
}

TEST(Planner, theGentleReminderComesOnceTheGraceDaysArePast) {
  // Due Friday 2026-10-02: a payment made by Monday 5 is on time, so nothing is sent before
  // Tuesday, the first day that is not.
  const auto next = planned(acme(), day(2026, 10, 5));
  EXPECT_EQ(next.step, "gentle-reminder");
  EXPECT_EQ(next.date, day(2026, 10, 6));
  EXPECT_EQ(next.purpose, Purpose::Chase);
  EXPECT_EQ(next.channels, std::vector<Channel>{Channel::Email});
  ASSERT_EQ(next.invoices.size(), 1u);
  EXPECT_EQ(next.invoices[0].number, "INV-1");
  EXPECT_EQ(next.thenAfterDays, 6) << "five days on is a Sunday: the second reminder on Monday";
}

TEST(Planner, withoutGraceDaysTheGentleReminderComesTheBusinessDayAfterTheDueDate) {
  Cadence cadence;
  cadence.graceDays = 0;
  const auto next = planned(acme(), day(2026, 10, 3), cadence);
  EXPECT_EQ(next.step, "gentle-reminder");
  EXPECT_EQ(next.date, day(2026, 10, 5)) << "due Friday: Saturday and Sunday are not business days";
}

TEST(Planner, beforeTheDueDateTheFirstReminderIsPlannedForAfterTheGrace) {
  const auto next = planned(acme(), day(2026, 9, 20));
  EXPECT_EQ(next.step, "gentle-reminder");
  EXPECT_EQ(next.date, day(2026, 10, 6));
}

TEST(Planner, eachFollowUpSaysWhenTheNextWouldCome) {
  auto client = acme();
  client.contacts = {{day(2026, 10, 6), "gentle-reminder"}};
  EXPECT_EQ(planned(client, day(2026, 10, 9)).thenAfterDays, 7);  // the call, a week on
  client.contacts.push_back({day(2026, 10, 9), "second-reminder"});
  EXPECT_EQ(planned(client, day(2026, 10, 16)).thenAfterDays, 17);  // the statement, a Monday
  client.contacts.push_back({day(2026, 10, 16), "personal-call"});
  EXPECT_EQ(planned(client, day(2026, 11, 2)).thenAfterDays, 14);  // then every two weeks
}

TEST(Planner, stepsAdvanceOnlyOnContactsMadeOneAtATime) {
  auto client = acme();
  // A month unattended: the step due is the first one not yet taken, today.
  EXPECT_EQ(planned(client, day(2026, 11, 2)).step, "gentle-reminder");
  client.contacts = {{day(2026, 11, 2), "gentle-reminder"}};
  const auto second = planned(client, day(2026, 11, 2));
  EXPECT_EQ(second.step, "second-reminder");
  EXPECT_EQ(second.date, day(2026, 11, 9)) << "five days' gap, then a Monday";
  client.contacts.push_back({day(2026, 11, 9), "second-reminder"});
  client.contacts.push_back({day(2026, 11, 16), ""});  // a call a person logged
  const auto fourth = planned(client, day(2026, 11, 16));
  EXPECT_EQ(fourth.step, "statement");
  EXPECT_EQ(fourth.channels, (std::vector<Channel>{Channel::Letter, Channel::Email}));
}

TEST(Planner, aLateStepSaysTheNextComesAsSoonAsItsOwnDayAllows) {
  auto client = acme();  // due 2026-10-02: the statement's own day, due + 30, is long past
  client.contacts = {{day(2026, 10, 6), "gentle-reminder"}, {day(2026, 10, 12), "second-reminder"}};
  const auto call = planned(client, day(2026, 11, 20));  // Friday
  EXPECT_EQ(call.step, "personal-call");
  EXPECT_EQ(call.thenAfterDays, 5) << "the statement, five days' gap on: Wednesday, next week";
}

TEST(Planner, aStepIsOneFollowUpWhateverItsChannelsAndHoweverOftenLogged) {
  auto client = acme();
  client.contacts = {{day(2026, 10, 5), "gentle-reminder"},
                     {day(2026, 10, 9), "second-reminder"},
                     {day(2026, 10, 16), "personal-call"},
                     {day(2026, 11, 2), "statement"},   // the email, sent by Kindly
                     {day(2026, 11, 3), "statement"}};  // the letter, logged by a person
  EXPECT_EQ(planned(client, day(2026, 11, 3)).step, "persistent-1");
  client.contacts.push_back({day(2026, 11, 16), "persistent-1"});
  client.contacts.push_back({day(2026, 11, 16), "persistent-1"});  // logged twice by mistake
  EXPECT_EQ(planned(client, day(2026, 11, 16)).step, "persistent-2");
}

TEST(Planner, afterTheLadderItGoesOnForEverAlternatingEmailAndCall) {
  auto client = acme();
  dates::Date last = day(2026, 10, 5);
  for (const char* step : {"gentle-reminder", "second-reminder", "personal-call", "statement"}) {
    client.contacts.push_back({last, step});
    last = last.plusDays(7);
  }
  last = client.contacts.back().day;
  for (int n = 1; n <= 10; ++n) {
    const auto next = planned(client, last);
    EXPECT_EQ(next.step, "persistent-" + std::to_string(n));
    EXPECT_EQ(next.channels, std::vector<Channel>{n % 2 ? Channel::Email : Channel::Call});
    EXPECT_EQ(next.date, Cadence().calendar.onOrAfter(last.plusDays(14)));
    client.contacts.push_back({next.date, next.step});
    last = next.date;
  }
}

TEST(Planner, holidaysFromTheConfigurationAreSkipped) {
  Cadence cadence;
  cadence.calendar = *BusinessCalendar::parse("2026-10-05, 2026-10-06");
  EXPECT_EQ(planned(acme(), day(2026, 10, 3), cadence).date, day(2026, 10, 7));
}

TEST(Planner, aPromisePausesUntilThePromisedDayAndItsGrace) {
  auto client = acme();
  client.contacts = {{day(2026, 10, 5), "gentle-reminder"}};
  client.promisedUntil = day(2026, 10, 23);  // promised the 20th, three days' grace
  const auto next = planned(client, day(2026, 10, 12));
  EXPECT_EQ(next.step, "second-reminder");
  EXPECT_EQ(next.date, day(2026, 10, 26)) << "the Saturday after the grace, then Monday";
  EXPECT_NE(next.reason.find("promise"), std::string::npos) << next.reason;
}

TEST(Planner, aDisputeSwitchesToResolutionOnTheSamePersistence) {
  auto client = acme();
  client.disputed = true;
  client.contacts = {{day(2026, 10, 5), "gentle-reminder"}};
  const auto next = planned(client, day(2026, 10, 12));
  EXPECT_EQ(next.purpose, Purpose::Resolve);
  EXPECT_EQ(next.step, "second-reminder");
  EXPECT_EQ(next.date, day(2026, 10, 12));
}

TEST(Planner, aClientWithoutEmailGetsLettersAndCalls) {
  auto client = acme();
  client.email = "";
  EXPECT_EQ(planned(client, day(2026, 10, 5)).channels, std::vector<Channel>{Channel::Letter});
  client.contacts = {{day(2026, 10, 5), ""}, {day(2026, 10, 12), ""}, {day(2026, 10, 19), ""}};
  EXPECT_EQ(planned(client, day(2026, 11, 2)).channels, std::vector<Channel>{Channel::Letter})
      << "a letter and an email become one letter";
}

TEST(Planner, aClientWhoseCreditsCoverWhatItOwesIsNotChased) {
  auto client = acme();
  client.balance = {{usd(0).currency(), usd(-500)}};
  EXPECT_FALSE(nextFollowUp(client, day(2026, 10, 20), Cadence()).has_value());
  client.balance = {{usd(0).currency(), usd(0)}};
  EXPECT_FALSE(nextFollowUp(client, day(2026, 10, 20), Cadence()).has_value());
}

TEST(Planner, aRepeatLatePayerHearsAHeadsUpBeforeTheDueDate) {
  auto client = acme();
  client.repeatLate = true;
  const auto headsUp = planned(client, day(2026, 9, 20));
  EXPECT_EQ(headsUp.step, "heads-up");
  EXPECT_EQ(headsUp.purpose, Purpose::HeadsUp);
  EXPECT_EQ(headsUp.date, day(2026, 9, 29));
  client.contacts = {{day(2026, 9, 29), "heads-up"}};
  const auto then = planned(client, day(2026, 9, 29));
  EXPECT_EQ(then.step, "gentle-reminder") << "a heads-up is not a step of the ladder";
  EXPECT_EQ(then.date, day(2026, 10, 6));
}

TEST(Planner, aRepeatLatePayerWhoPaidOnTimeIsThanked) {
  auto client = acme();
  client.invoices.clear();
  client.balance.clear();
  client.repeatLate = true;
  client.lastPaidOnTime = day(2026, 10, 1);
  const auto thanks = planned(client, day(2026, 10, 5));
  EXPECT_EQ(thanks.purpose, Purpose::ThankYou);
  EXPECT_TRUE(thanks.invoices.empty());
  client.contacts = {{day(2026, 10, 5), "thank-you"}};
  EXPECT_FALSE(nextFollowUp(client, day(2026, 10, 6), Cadence()).has_value()) << "thanked once";
  client.contacts.clear();
  EXPECT_FALSE(nextFollowUp(client, day(2026, 11, 1), Cadence()).has_value()) << "too long ago";
}

TEST(Planner, aRegularClientWhoStoppedBuyingGetsACheckInWithoutMoney) {
  auto client = acme();
  client.invoices.clear();
  client.balance.clear();
  client.stoppedBuying = true;
  const auto checkIn = planned(client, day(2026, 11, 20));
  EXPECT_EQ(checkIn.purpose, Purpose::CheckIn);
  EXPECT_TRUE(checkIn.invoices.empty());
  client.contacts = {{day(2026, 11, 20), "check-in"}};
  EXPECT_FALSE(nextFollowUp(client, day(2026, 12, 20), Cadence()).has_value());
  EXPECT_TRUE(nextFollowUp(client, day(2027, 3, 1), Cadence()).has_value());
}

// A credit is used against the oldest invoice first: the ladder counts from the oldest one it
// leaves owing.
TEST(Planner, theLadderCountsFromTheOldestInvoiceTheCreditsLeaveOwing) {
  auto client = acme();  // INV-1, 100.00 due 2026-10-02
  client.invoices.push_back({"INV-2", day(2026, 10, 15), day(2026, 11, 16), usd(20000)});
  client.balance = {{usd(0).currency(), usd(20000)}};  // a 100.00 credit covers INV-1
  const auto next = planned(client, day(2026, 11, 9));
  EXPECT_EQ(next.step, "gentle-reminder");
  EXPECT_EQ(next.date, day(2026, 11, 20)) << "INV-2's grace days past";
  EXPECT_NE(next.reason.find("INV-2"), std::string::npos) << next.reason;
  EXPECT_EQ(planned(client, day(2026, 11, 20)).reason.substr(0, 23), "INV-2 is 4 days overdue");
}

// Mail has gone unanswered in money: whatever step is next, it is made by a person's call,
// on the ladder's own schedule, and the reason says since when nothing was paid.
TEST(Planner, aClientWhoStoppedPayingGetsACallAtTheNextStep) {
  auto client = acme();
  client.stoppedPaying = true;
  client.lastPayment = day(2026, 6, 30);
  const auto first = planned(client, day(2026, 12, 7));
  EXPECT_EQ(first.step, "gentle-reminder");
  EXPECT_EQ(first.channels, std::vector<Channel>{Channel::Call});
  EXPECT_EQ(first.purpose, Purpose::Chase);
  EXPECT_NE(first.reason.find("nothing paid since 2026-06-30: a personal call"), std::string::npos)
      << first.reason;
  client.contacts = {{day(2026, 12, 7), "gentle-reminder"},
                     {day(2026, 12, 14), "second-reminder"},
                     {day(2026, 12, 21), "personal-call"}};
  const auto statement = planned(client, day(2026, 12, 28));
  EXPECT_EQ(statement.step, "statement");
  EXPECT_EQ(statement.channels, std::vector<Channel>{Channel::Call});
  client.stoppedPaying = false;
  EXPECT_EQ(planned(client, day(2026, 12, 28)).channels,
            (std::vector<Channel>{Channel::Letter, Channel::Email}))
      << "paying again: the ladder's own channels";
}

TEST(Planner, aLadderIsReadFromTheConfigurationOrRefusedWithAReason) {
  const auto ladder = Cadence::parseLadder("nudge:2:email, ring:10:call, post:25:letter+email");
  ASSERT_TRUE(ladder) << ladder.error();
  ASSERT_EQ(ladder->size(), 3u);
  EXPECT_EQ((*ladder)[2].channels, (std::vector<Channel>{Channel::Letter, Channel::Email}));
  EXPECT_FALSE(Cadence::parseLadder("nudge:2:fax"));
  EXPECT_FALSE(Cadence::parseLadder("nudge:9:email, ring:4:call"));
  EXPECT_FALSE(Cadence::parseLadder("nudge:two:email"));
  EXPECT_FALSE(Cadence::parseLadder(""));
  EXPECT_FALSE(BusinessCalendar::parse("2026-13-01"));
}

}  // namespace
}  // namespace kindly::followup
