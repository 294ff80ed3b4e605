// One client's follow-up and the business it comes from, as the draft tests use them: Acme
// owes two USD invoices past due and one EUR invoice not yet due, as of 2026-11-20.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "drafts/Reminder.h"

namespace kindly::drafts::testing {

inline dates::Date day(int year, int month, int dayOfMonth) {
  return *dates::Date::fromYmd(year, month, dayOfMonth);
}

inline money::Money amount(std::int64_t minorUnits, const char* code) {
  return money::Money(minorUnits, *money::Currency::fromCode(code));
}

inline const dates::Date kAsOf = day(2026, 11, 20);

inline Reminder acmeFollowUp(followup::Purpose purpose = followup::Purpose::Chase,
                             std::string step = "gentle-reminder",
                             std::vector<followup::Channel> channels = {followup::Channel::Email}) {
  Reminder reminder;
  reminder.clientCode = "C0001";
  reminder.clientName = "Acme Ltd";
  reminder.email = "ap@acme.example";
  reminder.purpose = purpose;
  reminder.step = std::move(step);
  reminder.channels = std::move(channels);
  reminder.invoices = {{"INV-1001", day(2026, 9, 1), day(2026, 10, 1), amount(123450, "USD")},
                       {"INV-1007", day(2026, 10, 15), day(2026, 11, 14), amount(5000, "USD")},
                       {"INV-1010", day(2026, 11, 1), day(2026, 12, 1), amount(1000, "EUR")}};
  for (const auto& invoice : reminder.invoices) money::addTo(reminder.balance, invoice.balance);
  reminder.reason = "INV-1001 is 50 days overdue; 2 follow-ups made";
  reminder.thenAfterDays = 14;  // the next step two weeks on, as the ladder's persistent steps
  return reminder;
}

inline Sender harbourLights() {
  return Sender{.companyName = "Harbour Lights Ltd",
                .from = "Accounts <ar@example.com>",
                .replyTo = "ar@example.com",
                .signature = "Sam, Harbour Lights",
                .paymentInstructions =
                    "Bank transfer to 12-34-56 12345678, or card at "
                    "https://pay.example.com/harbour"};
}

}  // namespace kindly::drafts::testing
