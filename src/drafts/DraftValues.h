// The values a draft's templates are rendered with, prepared here already cleaned and
// formatted, so a template only arranges words around them. The README's "Drafts" section
// lists them for people who write their own templates.
#pragma once

#include <mstch/mstch.hpp>
#include <string>
#include <string_view>

#include "dates/Date.h"
#include "drafts/Reminder.h"
#include "money/Money.h"

namespace kindly::drafts {

// Every value offered to the templates of `reminder`'s draft on `channel` as of `asOf`.
// Text values are cleaned of control characters and invalid UTF-8 (one-line values of line
// breaks too). A thank-you and a check-in are offered no invoices, totals or payment
// instructions, so that no template, a person's own included, can talk money in them.
mstch::map draftValues(const Reminder& reminder, const Sender& sender, dates::Date asOf,
                       followup::Channel channel);

// When a follow-up `days` after `day` comes, vague but true, counted in calendar weeks:
// "later this week", "next week", "in a couple of weeks", "in a few weeks", "in a month or
// two"; "soon" when `days` is 0 (no date planned).
std::string timeFrame(dates::Date day, int days);

// "USD 1,234.50": the exact decimal with the whole part grouped by thousands.
std::string formatAmount(const money::Money& amount);

// "Dear Jo Bloggs" when the contact is named, else "Hello Acme Ltd team", else "Hello there":
// never an empty name.
std::string greetingFor(std::string_view contactName, std::string_view clientName);

}  // namespace kindly::drafts
