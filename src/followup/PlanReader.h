// The plan of the whole ledger: each client's situation read from SQLite, then the planner's
// next follow-up for it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "aging/AgingEngine.h"
#include "followup/Planner.h"
#include "store/Database.h"

namespace kindly::followup {

struct PlannedFollowUp {
  std::string clientCode;
  std::string clientName;
  std::string email;
  std::string contactName;              // the person to greet; "" when the ledger has none
  money::Totals balance;                // net of credits, per currency, issued by the as-of date
  std::vector<std::string> writtenOff;  // its written-off invoices, shown, never chased
  std::optional<FollowUp> next;         // none: nothing to chase, only write-offs to show
};

// Every client with a next follow-up, or with an unpaid invoice written off, as of
// options.asOf (and of options.client when set; a currency filter is ignored: a client is
// planned for as a whole), ordered by client code. Contacts made are those of kind 'contact'
// or 'promise' (a promise is given in a conversation) dated by then; a promise stands until
// its promised day + options.graceDays. Throws store::StoreError.
std::vector<PlannedFollowUp> planFollowUps(store::Database& database,
                                           const aging::AgingOptions& options,
                                           const Cadence& cadence);
// The same from a ledger already read with these options (its client and as-of date).
std::vector<PlannedFollowUp> planFollowUps(store::Database& database,
                                           const aging::LedgerAsOf& ledger,
                                           const aging::AgingOptions& options,
                                           const Cadence& cadence);

}  // namespace kindly::followup
