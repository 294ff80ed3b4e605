// What identifies one import of a file: its bytes and how they were read (the format, date
// order, decimal mark, default currency, encoding, delimiter, column map). The same
// fingerprint on the ledger's latest import means importing the file again changes nothing.
#pragma once

#include <string>

#include "importers/SourceFile.h"

namespace kindly::importers {

// A SHA-256, in hex, of the file at `path` read as `source` says; throws InputError when
// the file cannot be read.
std::string fingerprint(const std::string& path, const SourceFile& source,
                        const SourceOptions& options);

}  // namespace kindly::importers
