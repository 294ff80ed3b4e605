// A week is the rhythm of the job: balances older than that have likely moved, and a reminder
// of what was paid last week is the one mistake a client remembers.
#include "cli/Freshness.h"

#include <string>

#include "base/Error.h"
#include "cli/Settings.h"
#include "store/Queries.h"

namespace kindly::cli {

std::optional<dates::Date> freshBalancesDay(Context& context, dates::Date asOf) {
  const int maxAge = wholeNumber(context.config, "remind.max_import_age_days", 7);
  if (maxAge < 0) throw UsageError("[remind] max_import_age_days: a number of days, at least 0");
  const auto latest = store::latestImportDay(context.ledger());
  const bool staleOk = context.config.getBool("remind.stale_ok", false);
  const int age = latest ? asOf - *latest : 0;
  if (latest && age <= maxAge) return latest;
  const std::string how = latest ? "the latest import is of " + latest->iso() + ", " +
                                       std::to_string(age) + " days before " + asOf.iso() +
                                       " (more than [remind] max_import_age_days, " +
                                       std::to_string(maxAge) + ")"
                                 : "nothing has been imported";
  if (staleOk) {
    context.err << "kindly: note: " << how << "; going on with --stale-ok\n";
    return latest ? latest : std::optional<dates::Date>(asOf);
  }
  context.err << "kindly: " << how
              << ": import this week's export first, or go on with those balances with "
                 "--stale-ok; nothing was done\n";
  return std::nullopt;
}

}  // namespace kindly::cli
