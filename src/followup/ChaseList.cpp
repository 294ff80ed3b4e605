// One reminder per client, never one per invoice: a statement of everything open.
#include "followup/ChaseList.h"

#include <algorithm>

namespace kindly::followup {

std::vector<drafts::Reminder> chaseList(const std::vector<aging::OpenInvoice>& invoices,
                                        const std::map<std::string, store::ClientContact>& contacts,
                                        dates::Date asOf, int graceDays) {
  std::vector<drafts::Reminder> reminders;
  auto from = invoices.begin();
  while (from != invoices.end()) {
    const auto to = std::find_if(from, invoices.end(), [&](const aging::OpenInvoice& i) {
      return i.clientCode != from->clientCode;
    });
    drafts::Reminder reminder;
    reminder.clientCode = from->clientCode;
    reminder.clientName = from->clientName;
    if (auto contact = contacts.find(from->clientCode); contact != contacts.end()) {
      reminder.email = contact->second.email;
    }
    bool overdue = false;
    for (auto it = from; it != to; ++it) {
      money::addTo(reminder.balance, it->balance);
      if (it->balance.isNegative()) continue;
      reminder.invoices.push_back(*it);
      const int daysPastDue = asOf - it->dueDate;
      if (daysPastDue > graceDays) overdue = true;
      reminder.oldestDaysOverdue = std::max(reminder.oldestDaysOverdue, daysPastDue);
    }
    const bool owes = std::any_of(reminder.balance.begin(), reminder.balance.end(),
                                  [](const auto& total) { return total.second.minorUnits() > 0; });
    if (overdue && owes) {
      std::sort(reminder.invoices.begin(), reminder.invoices.end(),
                [](const auto& a, const auto& b) { return a.dueDate < b.dueDate; });
      reminders.push_back(std::move(reminder));
    }
    from = to;
  }
  return reminders;
}

}  // namespace kindly::followup
