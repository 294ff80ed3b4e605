// The plan's follow-ups due on a day, as reminders to draft: what `kindly remind` writes.
#pragma once

#include <vector>

#include "dates/Date.h"
#include "drafts/Reminder.h"
#include "followup/PlanReader.h"

namespace kindly::drafts {

// One reminder per client of `plan` whose next follow-up falls on `day` (the planner never
// plans one before its as-of date), in the plan's order, with the follow-up's purpose,
// step, channels, invoices and reason. Its balance is the client's net balance in the
// currencies of those invoices: none for a thank-you or a check-in.
std::vector<Reminder> remindersDueOn(const std::vector<followup::PlannedFollowUp>& plan,
                                     dates::Date day);

}  // namespace kindly::drafts
