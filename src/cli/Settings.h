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

class Context;

using Config = Poco::Util::AbstractConfiguration;

enum class OutputFormat { Table, Csv, Json };

// The setting `key` as a whole number of days, `fallback` when unset. Throws UsageError,
// naming the option or the configuration key, when it is not one.
int wholeNumber(const Config& config, const std::string& key, int fallback);
// Today's local date, or $KINDLY_TODAY when set: the only place Kindly reads the clock.
dates::Date today();
// --as-of, else today().
dates::Date asOf(const Config& config);
// --through, else `asOf`: the last day whose follow-ups a batch drafts, at most a week on.
dates::Date throughDay(const Config& config, dates::Date asOf);
// --reason TEXT, trimmed; "" when not given. Throws UsageError when it is given no text.
std::string reasonGiven(const Config& config);
OutputFormat outputFormat(const Config& config);
aging::AgingOptions agingOptions(const Config& config);
// The same, with --client checked against the context's ledger: a mistyped code would otherwise
// read as a client who owes nothing. The ledger is opened after the options are checked.
aging::AgingOptions agingOptions(Context& context);
importers::ImportOptions importOptions(const Config& config);
drafts::Sender sender(const Config& config);
// [cadence] ladder, min_gap_days, repeat_every_days, heads_up_days; [calendar] holidays.
followup::Cadence cadence(const Config& config);

}  // namespace kindly::cli
