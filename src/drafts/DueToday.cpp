// A follow-up planned for a later day is left for that day's batch, unless a person drafts
// ahead (a Friday for the Monday): a batch holds exactly the plan's work for its days.
#include "drafts/DueToday.h"

namespace kindly::drafts {

std::vector<Reminder> remindersDue(const std::vector<followup::PlannedFollowUp>& plan,
                                   dates::Date firstDay, dates::Date lastDay) {
  std::vector<Reminder> reminders;
  for (const followup::PlannedFollowUp& client : plan) {
    if (!client.next || client.next->date < firstDay || client.next->date > lastDay) continue;
    const followup::FollowUp& next = *client.next;
    Reminder reminder;
    reminder.clientCode = client.clientCode;
    reminder.clientName = client.clientName;
    reminder.email = client.email;
    reminder.contactName = client.contactName;
    reminder.purpose = next.purpose;
    reminder.step = next.step;
    reminder.channels = next.channels;
    reminder.invoices = next.invoices;
    reminder.reason = next.reason;
    reminder.day = next.date;
    reminder.thenAfterDays = next.thenAfterDays;
    for (const followup::OwedInvoice& invoice : next.invoices) {
      const auto net = client.balance.find(invoice.balance.currency());
      if (net != client.balance.end()) reminder.balance.insert(*net);
    }
    reminders.push_back(std::move(reminder));
  }
  return reminders;
}

}  // namespace kindly::drafts
