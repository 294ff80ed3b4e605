// Nothing goes to a client on stale balances: what `remind` and `send` check before they
// draft or send a word.
#pragma once

#include <optional>

#include "cli/Command.h"
#include "dates/Date.h"

namespace kindly::cli {

// The day the ledger's balances are as at (its latest import), when that is no more than
// [remind] max_import_age_days (default 7) before `asOf`, or --stale-ok is given (then a
// note on context.err says so). Otherwise writes to context.err how old the balances are and
// what to do, and returns nullopt: the caller stops with kNeedsAttention, having written
// nothing. Throws UsageError for a bad max_import_age_days.
std::optional<dates::Date> freshBalancesDay(Context& context, dates::Date asOf);

}  // namespace kindly::cli
