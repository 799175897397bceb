// Daylio's CSV export ("Export entries", docs/import-format.md, "Daylio").
#ifndef FIELDNOTES_IMPORTERS_DAYLIO_H_
#define FIELDNOTES_IMPORTERS_DAYLIO_H_

#include <optional>
#include <string_view>

#include "core/status.h"
#include "importers/import_source.h"

namespace fieldnotes::importers {

// A header with full_date, time, mood, activities and note.
bool IsDaylioHeader(std::string_view text);

// Daylio's five default moods on Fieldnotes' 0-10 scale: rad 10, good 8,
// meh 5, bad 3, awful 0 (the five steps spread evenly, rounded half up).
// nullopt for other (custom) names.
std::optional<int> DaylioMood(std::string_view name);

// Refused with InvalidArgument "line N: reason" (N from 1, the header is
// line 1; a note with line breaks spans several lines).
core::Result<SourceImport> ParseDaylio(std::string_view csv, const ImportOptions& options = {},
                                       const core::ProgressFn& progress = {});

}  // namespace fieldnotes::importers

#endif  // FIELDNOTES_IMPORTERS_DAYLIO_H_
