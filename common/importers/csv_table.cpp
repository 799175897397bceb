#include "importers/csv_table.h"

#include <algorithm>

namespace fieldnotes::importers::internal {

Columns ReadHeader(const CsvRow& header) {
  Columns out;
  for (size_t i = 0; i < header.fields.size(); ++i) {
    std::string name(Trim(header.fields[i]));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
    out.emplace(std::move(name), i);
  }
  return out;
}

std::optional<Columns> PeekHeader(std::string_view text) {
  // The header is the first line; reading only it keeps detection cheap.
  size_t end = text.find('\n');
  CsvReader reader(text.substr(0, end == std::string_view::npos ? text.size() : end));
  CsvRow row;
  auto got = reader.Next(&row);
  if (!got.ok() || !*got || row.fields.size() < 2) return std::nullopt;
  return ReadHeader(row);
}

std::string_view Field(const CsvRow& row, const Columns& columns, std::string_view column) {
  auto it = columns.find(column);
  if (it == columns.end() || it->second >= row.fields.size()) return "";
  return row.fields[it->second];
}

}  // namespace fieldnotes::importers::internal
