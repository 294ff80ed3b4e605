// The rows of an export as UTF-8 text, whatever the file is: CSV in any encoding and
// delimiter, or a sheet of an Excel workbook.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kindly::importers {

class Table {
 public:
  virtual ~Table() = default;

  // Reads the next row; false at the end. Rows with no characters at all are skipped.
  virtual bool next() = 0;
  // The cells of the current row, valid until the next call to next().
  virtual const std::vector<std::string_view>& fields() const = 0;
  // Where the current row starts: the line of a text file, the row of a sheet (1-based).
  virtual std::size_t line() const = 0;
  // Why the current row is malformed ("a quoted field is never closed"), or empty.
  virtual const std::string& problem() const = 0;
  // The current row written back as CSV (quoted where needed), for the rejects list.
  virtual std::string text() const;
  // What Kindly sees in the file: "CSV, ';'-delimited, Windows-1252".
  virtual std::string describe() const = 0;
  virtual const std::string& path() const = 0;
  // How much of the file has been read, from 0 to 1, for a progress bar; 0 when unknown.
  virtual double progress() const { return 0; }
};

// How to read a text file when its own bytes do not settle it (from --map).
struct TableOptions {
  std::string encoding;  // "" (sniffed), "utf-8", "windows-1252", "utf-16"
  char delimiter = 0;    // 0: sniffed among ',' ';' TAB
  std::string sheet{};   // of a workbook, from --sheet: "" the first
};

// Opens `path` as a table: an .xlsx workbook (by its zip signature) or delimited text.
// Throws InputError when the file is missing, empty, binary or otherwise unreadable, or when
// a sheet is named and the file has no such sheet (or is no workbook).
std::unique_ptr<Table> openTable(const std::string& path, const TableOptions& options);
// The worksheets of the workbook at `path`, in its order; {} when it is a text file.
std::vector<std::string> workbookSheets(const std::string& path);

}  // namespace kindly::importers
