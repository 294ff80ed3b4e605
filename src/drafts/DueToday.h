// The plan's follow-ups due over some days, as reminders to draft: what `kindly remind` writes.
#pragma once

#include <vector>

#include "dates/Date.h"
#include "drafts/Reminder.h"
#include "followup/PlanReader.h"

namespace kindly::drafts {

// One reminder per client of `plan` whose next follow-up falls from `firstDay` to `lastDay`
// (the planner never plans one before its as-of date), in the plan's order, with the
// follow-up's day, purpose, step, channels, invoices, reason and the days to the one after.
// Its balance is the client's net balance in the currencies of those invoices: none for a
// thank-you or a check-in.
std::vector<Reminder> remindersDue(const std::vector<followup::PlannedFollowUp>& plan,
                                   dates::Date firstDay, dates::Date lastDay);

}  // namespace kindly::drafts
