// Wave's accounting transactions export: every line of every journal transaction. Invoices
// and the payments against them are the lines in Accounts Receivable; the rest is skipped.
#pragma once

#include "importers/profiles/FormatProfile.h"

namespace kindly::importers {

class WaveProfile : public FormatProfile {
 public:
  WaveProfile();
  void read(const Row& row, RecordSink& sink) override;
};

}  // namespace kindly::importers
