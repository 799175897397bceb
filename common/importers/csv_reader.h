// A small CSV reader (RFC 4180): fields separated by commas, rows by CRLF or
// LF, fields in double quotes may hold commas, line breaks and "" for a
// quote. A UTF-8 byte order mark at the start is skipped; a CRLF inside a
// quoted field is read as LF (a note written on Windows reads the same).
//
// Written here rather than taken from a library: the Debian candidates
// (libcsv, rapidcsv, fast-cpp-csv-parser) either are not packaged for our
// release or do not report the line of an error, keep a field-size cap, or
// refuse a quote left open at the end of a file (a file cut short), which is
// what an import must tell people. It is about a hundred lines.
#ifndef FIELDNOTES_IMPORTERS_CSV_READER_H_
#define FIELDNOTES_IMPORTERS_CSV_READER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace fieldnotes::importers {

struct CsvRow {
  size_t line = 0;  // the line (from 1) the row starts on
  std::vector<std::string> fields;
};

class CsvReader {
 public:
  // `text` must outlive the reader. A field longer than `max_field_bytes`
  // is an error.
  explicit CsvReader(std::string_view text, size_t max_field_bytes = 1024 * 1024);

  // Reads the next row into `row`: true when one was read, false at the end.
  // Errors are InvalidArgument "line N: reason" (a quote left open, text
  // after a closing quote, a quote inside an unquoted field, a field over
  // the size cap); they never quote the file's content.
  core::Result<bool> Next(CsvRow* row);

  // The line the reader is on, and how many lines the text has (for progress).
  size_t line() const { return line_; }
  size_t total_lines() const { return total_lines_; }

 private:
  std::string_view text_;
  size_t max_field_bytes_;
  size_t pos_ = 0;
  size_t line_ = 1;
  size_t total_lines_ = 0;
};

// Splits "a | b |c" on '|' and trims spaces; empty items are left out.
std::vector<std::string> SplitList(std::string_view text, char separator = '|');
// Trims ASCII spaces and tabs at both ends.
std::string_view Trim(std::string_view s);

}  // namespace fieldnotes::importers

#endif  // FIELDNOTES_IMPORTERS_CSV_READER_H_
