// parseDate and DateOrderSniffer: the date shapes of exports, field orders, and refusals.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>

#include "dates/DateParser.h"

namespace kindly::dates {
namespace {

constexpr auto kUnknown = DateOrder::Unknown;
constexpr auto kDmy = DateOrder::DMY;
constexpr auto kMdy = DateOrder::MDY;
constexpr auto kYmd = DateOrder::YMD;

struct Accepted {
  const char* text;
  DateOrder order;
  const char* iso;
};

void expectAccepted(const Accepted& c) {
  const Result<Date> parsed = parseDate(c.text, c.order);
  ASSERT_TRUE(parsed) << "'" << c.text << "' as " << dateOrderName(c.order) << ": "
                      << parsed.error();
  EXPECT_EQ(parsed->iso(), c.iso) << "'" << c.text << "' as " << dateOrderName(c.order);
}

struct Rejected {
  const char* text;
  DateOrder order;
  const char* reason;
};

void expectRejected(const Rejected& c) {
  const Result<Date> parsed = parseDate(c.text, c.order);
  ASSERT_FALSE(parsed) << "'" << c.text << "' read as " << parsed->iso();
  EXPECT_EQ(parsed.error(), c.reason) << "'" << c.text << "'";
}

TEST(DateParser, readsIsoUnderEveryOrder) {
  const Accepted cases[] = {
      {"2026-03-12", kUnknown, "2026-03-12"},    {"2026-03-12", kDmy, "2026-03-12"},
      {"2026-03-12", kMdy, "2026-03-12"},        {"2026-03-12", kYmd, "2026-03-12"},
      {"2026/03/12", kUnknown, "2026-03-12"},    {"2026/03/12", kMdy, "2026-03-12"},
      {"2026/03/12", kYmd, "2026-03-12"},        {"2026.3.5", kDmy, "2026-03-05"},
      {"2024-02-29", kUnknown, "2024-02-29"},    {"2000-02-29", kUnknown, "2000-02-29"},
      {"  2026-03-12 ", kUnknown, "2026-03-12"},
  };
  for (const Accepted& c : cases) expectAccepted(c);
}

TEST(DateParser, readsNumericDatesInTheGivenOrder) {
  const Accepted cases[] = {
      {"12/03/2026", kDmy, "2026-03-12"}, {"12/03/2026", kMdy, "2026-12-03"},
      {"03.12.26", kDmy, "2026-12-03"},   {"03.12.26", kMdy, "2026-03-12"},
      {"1/2/2026", kDmy, "2026-02-01"},   {"1-2-2026", kMdy, "2026-01-02"},
      {"26/03/12", kYmd, "2026-03-12"},   {"13/04/2026", kDmy, "2026-04-13"},
  };
  for (const Accepted& c : cases) expectAccepted(c);
}

TEST(DateParser, readsAnOrderThatIsPlainFromTheDateItself) {
  const Accepted cases[] = {
      {"13/04/2026", kUnknown, "2026-04-13"},
      {"04/13/2026", kUnknown, "2026-04-13"},
      {"31.12.99", kUnknown, "1999-12-31"},
      {"03/03/2026", kUnknown, "2026-03-03"},  // the same either way
  };
  for (const Accepted& c : cases) expectAccepted(c);
}

TEST(DateParser, readsTwoDigitYearsAs1970To2069) {
  const Accepted cases[] = {
      {"01/01/00", kDmy, "2000-01-01"},      {"31/12/69", kDmy, "2069-12-31"},
      {"01/01/70", kDmy, "1970-01-01"},      {"31/12/99", kDmy, "1999-12-31"},
      {"12-Mar-26", kUnknown, "2026-03-12"},
  };
  for (const Accepted& c : cases) expectAccepted(c);
}

TEST(DateParser, readsEnglishMonthNamesInAnyCase) {
  const Accepted cases[] = {
      {"12-Mar-2026", kUnknown, "2026-03-12"},      {"12 Mar 2026", kUnknown, "2026-03-12"},
      {"12 march 2026", kUnknown, "2026-03-12"},    {"12-MAR-26", kUnknown, "2026-03-12"},
      {"2026-Mar-12", kUnknown, "2026-03-12"},      {"Mar 12, 2026", kUnknown, "2026-03-12"},
      {"March 12 2026", kUnknown, "2026-03-12"},    {"Mar-12-2026", kUnknown, "2026-03-12"},
      {"Sept 5, 2026", kUnknown, "2026-09-05"},     {"sep 5 2026", kUnknown, "2026-09-05"},
      {"September 5, 2026", kDmy, "2026-09-05"},    {"Jan 1, 2026", kMdy, "2026-01-01"},
      {"1 Feb 2026", kUnknown, "2026-02-01"},       {"Apr 30, 2026", kUnknown, "2026-04-30"},
      {"May 1 2026", kUnknown, "2026-05-01"},       {"June 1 2026", kUnknown, "2026-06-01"},
      {"Jul 1 2026", kUnknown, "2026-07-01"},       {"Aug 1 2026", kUnknown, "2026-08-01"},
      {"Oct 1 2026", kUnknown, "2026-10-01"},       {"Nov 1 2026", kUnknown, "2026-11-01"},
      {"December 31 2026", kUnknown, "2026-12-31"},
  };
  for (const Accepted& c : cases) expectAccepted(c);
}

TEST(DateParser, ignoresATimeAfterTheDate) {
  const Accepted cases[] = {
      {"2026-03-12T10:15:00Z", kUnknown, "2026-03-12"},
      {"2026-03-12T23:59:59+02:00", kUnknown, "2026-03-12"},
      {"2026-03-12 10:15", kUnknown, "2026-03-12"},
      {"12/03/2026 10:15:00", kDmy, "2026-03-12"},
      {"Mar 12, 2026 9:05", kUnknown, "2026-03-12"},
      {"12-Mar-2026 10:15", kUnknown, "2026-03-12"},
  };
  for (const Accepted& c : cases) expectAccepted(c);
}

TEST(DateParser, rejectsEmptyTextAndGarbage) {
  const Rejected cases[] = {
      {"", kUnknown, "empty date"},
      {"   ", kDmy, "empty date"},
      {"abc", kUnknown, "not a date: 'abc'"},
      {"-2026-03-12", kUnknown, "not a date: '-2026-03-12'"},
      {"2026-03", kUnknown, "not a date: '2026-03'"},
      {"2026-03-12-01", kUnknown, "not a date: '2026-03-12-01'"},
      {"20260312", kUnknown, "not a date: '20260312'"},
      {"2026/03-12", kUnknown, "not a date: '2026/03-12'"},
      {"2026-03-12 garbage", kUnknown, "not a date: '2026-03-12 garbage'"},
      {"2026-03-12T", kUnknown, "not a date: '2026-03-12T'"},
      {"12/03/226", kDmy, "not a date: '12/03/226'"},
      {"123/03/2026", kDmy, "not a date: '123/03/2026'"},
      {"12/03/2026", kYmd, "not a date: '12/03/2026'"},
      {"Foo 12, 2026", kUnknown, "not a date: 'Foo 12, 2026'"},
      {"Ma 12 2026", kUnknown, "not a date: 'Ma 12 2026'"},
      {"Marc 12 2026", kUnknown, "not a date: 'Marc 12 2026'"},
      {"12 Mar", kUnknown, "not a date: '12 Mar'"},
      {"12Mar2026", kUnknown, "not a date: '12Mar2026'"},
      {"Mar 12 10:15", kUnknown, "not a date: 'Mar 12 10:15'"},
  };
  for (const Rejected& c : cases) expectRejected(c);
}

// A due date of 9999-12-31 was read, and the plan and the forecast then showed dates of
// year 10000.
TEST(DateParser, refusesYearsOutsideABusinesssLife) {
  const Rejected cases[] = {
      {"0000-01-01", kUnknown, "'0000-01-01' is outside the years 1900 to 2999 that Kindly reads"},
      {"9999-12-31", kUnknown, "'9999-12-31' is outside the years 1900 to 2999 that Kindly reads"},
      {"31/12/3000", kDmy, "'31/12/3000' is outside the years 1900 to 2999 that Kindly reads"},
      {"Dec 31, 1899", kUnknown,
       "'Dec 31, 1899' is outside the years 1900 to 2999 that Kindly reads"},
  };
  for (const Rejected& c : cases) expectRejected(c);
}

TEST(DateParser, rejectsDaysThatDoNotExist) {
  const Rejected cases[] = {
      {"2026-02-30", kUnknown, "no such day: 2026-02-30"},
      {"2026-02-29", kUnknown, "no such day: 2026-02-29"},
      {"1900-02-29", kUnknown, "no such day: 1900-02-29"},
      {"2026-13-01", kUnknown, "no such day: 2026-13-01"},
      {"2026-00-10", kUnknown, "no such day: 2026-00-10"},
      {"31/04/2026", kDmy, "no such day: 31/04/2026"},
      {"03/13/2026", kDmy, "no such day: 03/13/2026"},
      {"13/14/2026", kUnknown, "no such day: 13/14/2026"},
      {"Feb 30, 2026", kUnknown, "no such day: Feb 30, 2026"},
  };
  for (const Rejected& c : cases) expectRejected(c);
}

TEST(DateParser, refusesToGuessAnAmbiguousOrder) {
  const Rejected cases[] = {
      {"03/04/2026", kUnknown,
       "ambiguous date '03/04/2026': day and month could be either way; say --date-order DMY or "
       "MDY"},
      {"3.4.26", kUnknown,
       "ambiguous date '3.4.26': day and month could be either way; say --date-order DMY or MDY"},
  };
  for (const Rejected& c : cases) expectRejected(c);
}

TEST(DateParser, namesOrders) {
  EXPECT_EQ(dateOrderFromName("DMY"), kDmy);
  EXPECT_EQ(dateOrderFromName("mdy"), kMdy);
  EXPECT_EQ(dateOrderFromName("yMd"), kYmd);
  EXPECT_FALSE(dateOrderFromName(""));
  EXPECT_FALSE(dateOrderFromName("DM"));
  EXPECT_FALSE(dateOrderFromName("DMYY"));
  EXPECT_FALSE(dateOrderFromName("unknown"));
  EXPECT_STREQ(dateOrderName(kDmy), "DMY");
  EXPECT_STREQ(dateOrderName(kMdy), "MDY");
  EXPECT_STREQ(dateOrderName(kYmd), "YMD");
  EXPECT_STREQ(dateOrderName(kUnknown), "Unknown");
}

Result<DateOrder> sniff(std::initializer_list<const char*> values) {
  DateOrderSniffer sniffer;
  for (const char* value : values) sniffer.observe(value);
  return sniffer.verdict();
}

TEST(DateOrderSniffer, aDayAbove12SettlesDmy) {
  const Result<DateOrder> verdict = sniff({"03/04/2026", "13/04/2026", "2026-01-05", "05/05/26"});
  ASSERT_TRUE(verdict) << verdict.error();
  EXPECT_EQ(*verdict, kDmy);
}

TEST(DateOrderSniffer, aSecondFieldAbove12SettlesMdy) {
  const Result<DateOrder> verdict = sniff({"03/04/2026", "04/13/2026", "Mar 12, 2026"});
  ASSERT_TRUE(verdict) << verdict.error();
  EXPECT_EQ(*verdict, kMdy);
}

TEST(DateOrderSniffer, failsWhenValuesContradictEachOther) {
  const Result<DateOrder> verdict = sniff({"13/04/2026", "04/13/2026"});
  ASSERT_FALSE(verdict);
  EXPECT_NE(verdict.error().find("contradict"), std::string::npos) << verdict.error();
  EXPECT_NE(verdict.error().find("--date-order"), std::string::npos) << verdict.error();
}

TEST(DateOrderSniffer, failsWhenEveryNumericDateIsAmbiguous) {
  const Result<DateOrder> verdict = sniff({"03/04/2026", "05/06/2026", "2026-03-12"});
  ASSERT_FALSE(verdict);
  EXPECT_NE(verdict.error().find("--date-order DMY or MDY"), std::string::npos) << verdict.error();
}

TEST(DateOrderSniffer, needsNoOrderForIsoAndMonthNames) {
  for (const auto& values : {std::initializer_list<const char*>{},
                             {"2026-03-12", "2026-12-31T10:00:00Z"},
                             {"12-Mar-2026", "Mar 12, 2026"},
                             {"03/03/2026", "2026-03-12"},
                             {"abc", ""}}) {
    const Result<DateOrder> verdict = sniff(values);
    ASSERT_TRUE(verdict) << verdict.error();
    EXPECT_EQ(*verdict, kUnknown);
  }
}

TEST(DateOrderSniffer, aFourDigitFirstFieldWithSlashesSaysYmd) {
  const Result<DateOrder> verdict = sniff({"2026/03/12", "2026/04/01", "2026-05-01"});
  ASSERT_TRUE(verdict) << verdict.error();
  EXPECT_EQ(*verdict, kYmd);
}

}  // namespace
}  // namespace kindly::dates
