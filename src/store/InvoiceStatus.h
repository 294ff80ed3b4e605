// Which invoice statuses say an invoice is not, or no longer, owed. One list for the importers
// (which read nothing paid from such an invoice's amounts) and for the ledger's queries.
#pragma once

#include <string>
#include <string_view>

namespace kindly::store {

// False for "void", "voided", "deleted", "draft" and "cancelled" (statuses as stored: lower
// case), true for every other status, including "".
bool isOwed(std::string_view status);

// The same statuses as an SQL list, "('void', 'voided', 'deleted', ...)", for
// `status NOT IN <list>`.
std::string notOwedSqlList();

}  // namespace kindly::store
