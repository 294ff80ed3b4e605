// FreshBooks' invoice list exported to CSV: one row per invoice, or one per line with the
// invoice's totals repeated, and what is paid and outstanding on each.
#pragma once

#include "importers/profiles/FormatProfile.h"

namespace kindly::importers {

class FreshBooksProfile : public FormatProfile {
 public:
  FreshBooksProfile();
  // The Invoice Details report gives line totals and no due date: the lines add up to the
  // invoice, due when issued unless a person says otherwise.
  void read(const Row& row, RecordSink& sink) override;
};

}  // namespace kindly::importers
