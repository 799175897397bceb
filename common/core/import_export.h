// The import format (JSON Lines, docs/import-format.md) and the exports.
#ifndef FIELDNOTES_CORE_IMPORT_EXPORT_H_
#define FIELDNOTES_CORE_IMPORT_EXPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/journal.h"
#include "core/status.h"

namespace fieldnotes::core {

inline constexpr size_t kMaxImportLineBytes = size_t{1024} * 1024;

// Parses a whole import file. The file is rejected as a whole on the first
// bad line: InvalidArgument with one translated sentence that names the
// line ("Line 3: the field “at” is missing.", core/json_error_words.h;
// invalid JSON, unknown key, wrong type, missing field, invalid UTF-8, a
// timestamp without offset, a line over 1 MiB, and the model's own checks,
// core::Validate: "Line 3: the field “text” is longer than 64 KiB.").
// Blank lines are allowed. The reason never quotes the line's content. `progress` is called every
// 1,000 lines.
Result<std::vector<ImportItem>> ParseImport(std::string_view content,
                                            const ProgressFn& progress = {});

// Sessions (oldest first) then entries (oldest first), one JSON object per
// line; ParseImport(ExportJsonl(j)) into a new journal gives the same data.
std::string ExportJsonl(const Journal& journal);
// A readable document, grouped by day, oldest first.
std::string ExportMarkdown(const Journal& journal);

}  // namespace fieldnotes::core

#endif  // FIELDNOTES_CORE_IMPORT_EXPORT_H_
