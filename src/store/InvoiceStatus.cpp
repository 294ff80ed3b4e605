// A draft was never sent and a void or deleted invoice was withdrawn: none is owed, so the
// aging leaves them out, and an export's paid or outstanding figures for them say nothing about
// payments (a draft shows its whole total outstanding, a void one nothing).
#include "store/InvoiceStatus.h"

#include <algorithm>
#include <array>

namespace kindly::store {

namespace {

// Xero writes "voided", Stripe, FreshBooks and Zoho "void"; "deleted" is Xero's, "cancelled"
// Akaunting's and Invoice Ninja's.
constexpr std::array<std::string_view, 6> kNotOwed{"void",  "voided",    "deleted",
                                                   "draft", "cancelled", "canceled"};

}  // namespace

bool isOwed(std::string_view status) {
  return std::find(kNotOwed.begin(), kNotOwed.end(), status) == kNotOwed.end();
}

std::string notOwedSqlList() {
  std::string list = "(";
  for (const auto status : kNotOwed) {
    if (list.size() > 1) list += ", ";
    list += "'";
    list += status;
    list += "'";
  }
  return list + ")";
}

}  // namespace kindly::store
