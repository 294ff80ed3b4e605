// Reads a delimited text file record by record (RFC 4180: quoted fields, doubled quotes,
// line breaks inside quotes, CRLF or LF), sniffing the delimiter and skipping a UTF-8 BOM.
#pragma once

#include <cstddef>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace kindly::importers {

class CsvReader {
 public:
  // Opens `path` and sniffs its delimiter (',' ';' or TAB, whichever the first line holds
  // most of outside quotes). Throws InputError when the file is missing, unreadable, empty,
  // or not text (NUL bytes, a zip/xlsx, UTF-16 without conversion).
  explicit CsvReader(const std::string& path);

  // Reads the next record; false at the end of the file. Lines with no characters at all
  // are skipped; they are not records.
  bool next();

  // The fields of the current record, valid until the next call to next().
  const std::vector<std::string_view>& fields() const { return fields_; }
  // The physical line (1-based) where the current record starts.
  std::size_t line() const { return line_; }
  // Why the current record is malformed ("a quoted field is never closed"), or empty.
  const std::string& problem() const { return problem_; }
  // The current record written back as CSV (quoted where needed), for the rejects list.
  std::string text() const;

  const std::string& path() const { return path_; }
  char delimiter() const { return delimiter_; }

 private:
  bool fill();  // reads more of the file into buffer_; false at end of file
  void checkIsText(std::string_view head) const;

  std::string path_;
  std::ifstream in_;
  std::string buffer_;
  std::size_t pos_ = 0;
  char delimiter_ = ',';
  std::size_t nextLine_ = 1;
  std::size_t line_ = 0;
  std::string record_;             // the current record's unquoted field text, back to back
  std::vector<std::size_t> ends_;  // where each field ends in record_
  std::vector<std::string_view> fields_;
  std::string problem_;
};

}  // namespace kindly::importers
