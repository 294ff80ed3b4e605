// Reads a delimited text file record by record (RFC 4180: quoted fields, doubled quotes,
// line breaks inside quotes, CRLF or LF), sniffing the delimiter and the encoding: UTF-8
// with or without BOM, UTF-16 with BOM, and Windows-1252 rows, all given out as UTF-8.
#pragma once

#include <cstddef>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "importers/Table.h"

namespace kindly::importers {

class CsvReader : public Table {
 public:
  // Opens `path` and sniffs its delimiter (',' ';' or TAB, whichever the first line holds
  // most of outside quotes) unless options give one. A row that is not valid UTF-8 is read
  // as Windows-1252, unless options fix the encoding. Throws InputError when the file is
  // missing, unreadable, empty, or not text (NUL bytes, a zip).
  explicit CsvReader(const std::string& path, const TableOptions& options = {});

  bool next() override;
  const std::vector<std::string_view>& fields() const override { return fields_; }
  std::size_t line() const override { return line_; }
  const std::string& problem() const override { return problem_; }
  std::string describe() const override;
  const std::string& path() const override { return path_; }
  char delimiter() const { return delimiter_; }
  double progress() const override;

 private:
  enum class Encoding { Utf8, Windows1252, Utf16 };

  bool fill();  // reads more of the file into buffer_; false at end of file
  void checkIsText(std::string_view head) const;
  // Converts the whole file to UTF-8 into buffer_; a byte-order mark settles the byte order.
  void readUtf16(bool bigEndianWithoutBom);
  void showNulBytes();       // sets a problem and shows the record's NUL bytes as U+2400
  void decodeWindows1252();  // converts the current record's fields to UTF-8

  Encoding encoding_ = Encoding::Utf8;
  bool encodingForced_ = false;
  std::size_t windows1252Rows_ = 0;  // rows read as Windows-1252 in a UTF-8 file
  std::size_t fileSize_ = 0;
  std::size_t consumed_ = 0;  // bytes of the file before buffer_

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
