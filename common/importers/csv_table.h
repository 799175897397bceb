// A CSV file read through its header: columns found by name. Internal to the
// importers library (Daylio and Bearable).
#ifndef FIELDNOTES_IMPORTERS_CSV_TABLE_H_
#define FIELDNOTES_IMPORTERS_CSV_TABLE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "importers/csv_reader.h"

namespace fieldnotes::importers::internal {

// Column names of a header row, lower case and trimmed, to their index.
using Columns = std::map<std::string, size_t, std::less<>>;
Columns ReadHeader(const CsvRow& header);

// The first row of `text` as a header, or nullopt when the text has no
// well-formed first row.
std::optional<Columns> PeekHeader(std::string_view text);

// The field of `row` in `column`, or "" when the row is short.
std::string_view Field(const CsvRow& row, const Columns& columns, std::string_view column);

}  // namespace fieldnotes::importers::internal

#endif  // FIELDNOTES_IMPORTERS_CSV_TABLE_H_
