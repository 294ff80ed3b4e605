// Typed views of the configuration that commands share. Each throws UsageError naming the
// option or key when its value is not understood.
#pragma once

#include <Poco/Util/AbstractConfiguration.h>

#include "aging/AgingEngine.h"
#include "dates/Date.h"
#include "drafts/Reminder.h"
#include "importers/ImportJob.h"

namespace kindly::cli {

using Config = Poco::Util::AbstractConfiguration;

enum class OutputFormat { Table, Csv, Json };

// --as-of, else today's local date: the only place Kindly reads the clock.
dates::Date asOf(const Config& config);
OutputFormat outputFormat(const Config& config);
aging::AgingOptions agingOptions(const Config& config);
importers::ImportOptions importOptions(const Config& config);
drafts::Sender sender(const Config& config);

}  // namespace kindly::cli
