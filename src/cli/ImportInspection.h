// `kindly import --inspect`: what Kindly sees in a file, for a person writing a --map.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "importers/SourceFile.h"

namespace kindly::cli {

// Prints, for each of `paths`, how the file is read (delimiter and encoding, or the sheet),
// its header and format or why none fits, what each column is read as, the date order and
// the first data rows as records or rejects. Reads no ledger and writes nothing. Throws
// InputError when a file cannot be read at all; a file no format knows is described, and
// is no error.
void inspectFiles(const std::vector<std::string>& paths, const importers::SourceOptions& options,
                  std::ostream& out);

}  // namespace kindly::cli
