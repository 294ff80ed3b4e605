// The CSV reader on any bytes: every row read with its cells, problem and CSV text back; an
// unreadable file may only throw InputError. The first byte picks the options --map can give.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/Error.h"
#include "importers/CsvReader.h"
#include "tests/fuzz/FuzzFiles.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kindly;
  if (size == 0) return 0;
  importers::TableOptions options;
  const std::uint8_t pick = data[0];
  static const char* const kEncodings[] = {"", "utf-8", "windows-1252", "utf-16"};
  static const char kDelimiters[] = {0, ',', ';', '\t'};
  options.encoding = kEncodings[pick & 3];
  options.delimiter = kDelimiters[(pick >> 2) & 3];
  const std::string path = fuzz::folder().write("input.csv", fuzz::bytesOf(data + 1, size - 1));
  try {
    importers::CsvReader reader(path, options);
    std::size_t cells = 0;
    while (reader.next()) {
      for (const auto field : reader.fields()) cells += field.size();
      (void)reader.line();
      (void)reader.problem();
      (void)reader.text();
      (void)reader.progress();
    }
    (void)reader.describe();
    (void)cells;
  } catch (const InputError&) {
  }
  return 0;
}
