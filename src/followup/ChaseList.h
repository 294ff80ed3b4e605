// Who to remind today: clients owing a positive net balance with something past due by
// more than the grace days, each with all of its open invoices in one reminder.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "aging/Aging.h"
#include "drafts/Reminder.h"
#include "store/Queries.h"

namespace kindly::followup {

// `invoices` as AgingEngine::openInvoices returns them (grouped by client); lateness is
// counted from due dates, whatever the aging basis. A client whose
// credits cover what it owes in every currency is not chased.
std::vector<drafts::Reminder> chaseList(const std::vector<aging::OpenInvoice>& invoices,
                                        const std::map<std::string, store::ClientContact>& contacts,
                                        dates::Date asOf, int graceDays);

}  // namespace kindly::followup
