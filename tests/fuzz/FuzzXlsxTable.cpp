// The xlsx reader on any bytes as a workbook: every row of the first sheet read, or
// InputError for a file that is not one Kindly can read.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/Error.h"
#include "importers/XlsxTable.h"
#include "tests/fuzz/FuzzFiles.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kindly;
  const std::string path = fuzz::folder().write("input.xlsx", fuzz::bytesOf(data, size));
  try {
    importers::XlsxTable table(path);
    std::size_t cells = 0;
    while (table.next()) {
      for (const auto field : table.fields()) cells += field.size();
      (void)table.line();
      (void)table.text();
    }
    (void)table.describe();
    (void)cells;
  } catch (const InputError&) {
  }
  return 0;
}
