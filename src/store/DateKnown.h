// How a payment's date is known, as the ledger stores it (payments.date_known). Lateness is
// judged only where the date settles it (DESIGN §4).
#pragma once

namespace kindly::store {

enum class DateKnown {
  Exact = 0,    // listed, or dated by the export's paid-date column
  Bounded = 1,  // inferred between two exports: after paid_after_day, by the payment's day
  Unknown = 2,  // the invoice was first seen already paid
};

}  // namespace kindly::store
