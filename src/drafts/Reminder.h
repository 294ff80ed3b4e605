// One follow-up to draft: the client, the step and channels the plan chose, and every open
// invoice it is about, in one consolidated draft per channel.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dates/Date.h"
#include "followup/Planner.h"
#include "money/Money.h"

namespace kindly::drafts {

struct Reminder {
  std::string clientCode;
  std::string clientName;
  std::string contactName;  // the person to greet; "" while the ledger names none
  std::string email;        // may be empty: no email on file
  followup::Purpose purpose = followup::Purpose::Chase;
  std::string step = "gentle-reminder";  // the plan's step: names the templates tried first
  std::vector<followup::Channel> channels = {followup::Channel::Email};  // one draft each
  std::vector<followup::OwedInvoice> invoices;  // oldest due first; none for a thank-you or
                                                // a check-in
  money::Totals balance;  // owed in the currencies of `invoices`, net of credits
  std::string reason;     // why this follow-up now, for the person who makes the call
  // The day the follow-up is for, which the drafts are dated; the batch's day when unset.
  std::optional<dates::Date> day;
  // Days from `day` to the follow-up after it if nothing is paid (FollowUp::thenAfterDays): the
  // time frame the drafts promise. 0 when the plan gives none.
  int thenAfterDays = 0;
  // The day of the latest import: the balances the drafts show are those known then.
  std::optional<dates::Date> balancesAsAt;
};

// Who the drafts come from, from the [company], [mail] and [payment] configuration.
struct Sender {
  std::string companyName;
  std::string from;  // "Accounts <ar@example.com>"
  std::string replyTo;
  std::string signature;
  std::string paymentInstructions;
};

}  // namespace kindly::drafts
