// The ledger's schema as an ordered list of migrations; migration N brings user_version
// from N-1 to N. Never edit a released migration: add the next one.
#pragma once

#include <string_view>
#include <vector>

namespace kindly::store {

const std::vector<std::string_view>& migrations();

}  // namespace kindly::store
