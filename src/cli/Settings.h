// Typed views of the configuration that commands share. Each throws UsageError naming the
// option or key when its value is not understood.
#pragma once

#include <Poco/Util/AbstractConfiguration.h>

#include "aging/AgingEngine.h"
#include "dates/Date.h"
#include "drafts/Reminder.h"
#include "followup/Cadence.h"
#include "importers/ImportJob.h"
#include "store/Database.h"

namespace kindly::cli {

using Config = Poco::Util::AbstractConfiguration;

enum class OutputFormat { Table, Csv, Json };

// --as-of, else today's local date: the only place Kindly reads the clock.
dates::Date asOf(const Config& config);
// --reason TEXT, trimmed; "" when not given. Throws UsageError when it is given no text.
std::string reasonGiven(const Config& config);
OutputFormat outputFormat(const Config& config);
aging::AgingOptions agingOptions(const Config& config);
// The same, with --client checked against the ledger: a mistyped code would otherwise read as
// a client who owes nothing.
aging::AgingOptions agingOptions(const Config& config, store::Database& ledger);
importers::ImportOptions importOptions(const Config& config);
drafts::Sender sender(const Config& config);
// [cadence] ladder, min_gap_days, repeat_every_days, heads_up_days; [calendar] holidays.
followup::Cadence cadence(const Config& config);

}  // namespace kindly::cli
