// Stripe's payments export (Dashboard > Payments > Export): one row per charge, the invoice it
// paid named by its number.
#pragma once

#include "importers/profiles/FormatProfile.h"

namespace kindly::importers {

class StripePaymentsProfile : public FormatProfile {
 public:
  StripePaymentsProfile();
  // A charge that succeeded pays the invoice it names, refunded or not; one that failed or
  // names no invoice (a sale paid at once) is skipped.
  void read(const Row& row, RecordSink& sink) override;
};

}  // namespace kindly::importers
