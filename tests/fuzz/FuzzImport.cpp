// Any bytes imported as an export file into a new ledger, the way `kindly import` does: the
// file is recognised among every profile (or one profile is forced, as --format does), its
// header found, its rows read and written. A file that cannot be read at all may only throw
// kindly::Error; every other row must end stored, skipped or rejected.
//
// The first byte picks the options: its low nibble forces the profile of that index in
// allProfiles() (15, or an index beyond them: recognise the file), bits 4-5 the date order,
// bit 6 a decimal comma given (else sniffed), bit 7 a dry run. The rest is the file.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/Error.h"
#include "importers/ImportJob.h"
#include "importers/Profile.h"
#include "store/Database.h"
#include "tests/fuzz/FuzzFiles.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kindly;
  if (size == 0) return 0;
  static const auto profiles = importers::allProfiles();
  const std::uint8_t pick = data[0];
  importers::ImportOptions options;
  options.asOf = *dates::Date::fromYmd(2026, 11, 20);
  if (std::size_t index = pick & 0x0f; index < 15 && index < profiles.size()) {
    options.source.format = profiles[index]->name();
  }
  static const dates::DateOrder kOrders[] = {dates::DateOrder::Unknown, dates::DateOrder::DMY,
                                             dates::DateOrder::MDY, dates::DateOrder::YMD};
  options.source.parse.dateOrder = kOrders[(pick >> 4) & 3];
  // A decimal comma given, as --decimal-comma does; else the file settles the mark.
  options.source.parse.decimalMarkGiven = (pick & 0x40) != 0;
  options.source.parse.decimalMark =
      (pick & 0x40) ? money::DecimalMark::Comma : money::DecimalMark::Point;
  options.dryRun = (pick & 0x80) != 0;
  const std::string path = fuzz::folder().write("export.csv", fuzz::bytesOf(data + 1, size - 1));
  try {
    store::Database ledger(":memory:");
    const auto summaries = importers::ImportJob(ledger, options).run({path});
    for (const auto& summary : summaries) {
      // Every row read is accounted for.
      if (summary.read != summary.added + summary.updated + summary.unchanged + summary.skipped() +
                              summary.rejected) {
        __builtin_trap();
      }
    }
  } catch (const Error&) {
  }
  return 0;
}
