// Stripe's invoice export (Dashboard > Invoices > Export): one row per invoice, its columns
// named differently from one version of the export to the next.
#pragma once

#include "importers/profiles/FormatProfile.h"

namespace kindly::importers {

class StripeProfile : public FormatProfile {
 public:
  StripeProfile();
  // The customer id (cus_...) is the client code. A draft has no number yet: its id (in_...)
  // stands in.
  void read(const Row& row, RecordSink& sink) override;
};

}  // namespace kindly::importers
