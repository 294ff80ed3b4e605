// Reads the owner's report from the ledger: aging, client behaviour, the plan, the forecast,
// and the two figures only the report needs (last contacts, sales in the window).
#pragma once

#include "aging/AgingEngine.h"
#include "followup/Cadence.h"
#include "reports/ReportTables.h"
#include "store/Database.h"

namespace kindly::reports {

// Everything but the open invoices, which the caller streams with
// AgingEngine::eachOpenInvoice(). Throws store::StoreError when the ledger cannot be read.
OwnerReport readOwnerReport(store::Database& ledger, const aging::AgingOptions& options,
                            const followup::Cadence& cadence, std::string companyName);
// The same from the ledger already read with these options (`invoices`), which the caller
// then streams the open invoices from.
OwnerReport readOwnerReport(store::Database& ledger, const aging::LedgerAsOf& invoices,
                            const aging::AgingOptions& options, const followup::Cadence& cadence,
                            std::string companyName);

}  // namespace kindly::reports
