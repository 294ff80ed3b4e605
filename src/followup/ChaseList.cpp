// One reminder per client, never one per invoice: a statement of everything open.
#include "followup/ChaseList.h"

#include <algorithm>
#include <set>
#include <tuple>

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
    std::set<money::Currency> overdueIn;  // currencies with something past due + grace
    for (auto it = from; it != to; ++it) {
      money::addTo(reminder.balance, it->balance);
      if (it->balance.isNegative()) continue;
      reminder.invoices.push_back(*it);
      const int daysPastDue = asOf - it->dueDate;
      if (daysPastDue > graceDays) overdueIn.insert(it->balance.currency());
      reminder.oldestDaysOverdue = std::max(reminder.oldestDaysOverdue, daysPastDue);
    }
    // Chase only what is owed: a credit that covers the overdue currency settles it.
    const bool owesOverdue = std::any_of(overdueIn.begin(), overdueIn.end(), [&](auto currency) {
      return reminder.balance.at(currency).minorUnits() > 0;
    });
    if (owesOverdue) {
      std::stable_sort(reminder.invoices.begin(), reminder.invoices.end(),
                       [](const auto& a, const auto& b) {
                         return std::tie(a.dueDate, a.number) < std::tie(b.dueDate, b.number);
                       });
      reminders.push_back(std::move(reminder));
    }
    from = to;
  }
  return reminders;
}

}  // namespace kindly::followup
