// A file opened, its format recognised and its header found, ready to be read row by row:
// everything that can fail about a file as a whole happens here, before any write.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "importers/Profile.h"
#include "importers/Table.h"

namespace kindly::importers {

struct ColumnMap;

struct SourceOptions {
  ParseSettings parse;
  TableOptions table;
  std::string format;                    // a profile name from --format; "" to recognise the file
  std::shared_ptr<const ColumnMap> map;  // from --map: the only layout the file is read as
};

struct SourceFile {
  std::unique_ptr<Table> table;      // positioned so that next() gives the first title row
  std::string sheet;                 // of a workbook: the sheet read; "" for a text file
  std::unique_ptr<Profile> profile;  // started on the header
  std::size_t titleRows = 0;         // rows above the header, for Profile::title()
  std::vector<std::string> header;
  std::size_t headerLine = 0;
  ParseSettings settings;  // with the date order the file settles
  // The other sheets of its workbook that hold neither invoices nor payments.
  std::vector<std::string> sheetsNotRead{};
};

// No format knows the file's header: not an error for one sheet of a workbook among others.
class UnknownLayout : public InputError {
 public:
  using InputError::InputError;
};

// Opens `path` (the sheet of a workbook that options.table names, else its first), finds its
// header among the first rows and the profile that reads it best, and settles its date
// order. Throws InputError when the file cannot be read, UnknownLayout when no format knows
// it (the message says how to map it), InputError when its dates leave day and month open.
SourceFile openSource(const std::string& path, const SourceOptions& options);

}  // namespace kindly::importers
