// Bearable's CSV export (Settings > Export data, docs/import-format.md,
// "Bearable"): one row per thing tracked, many rows per day.
#ifndef FIELDNOTES_IMPORTERS_BEARABLE_H_
#define FIELDNOTES_IMPORTERS_BEARABLE_H_

#include <string_view>

#include "core/status.h"
#include "importers/import_source.h"

namespace fieldnotes::importers {

// A header with "time of day", "category" (or "type"), "rating/amount",
// "detail" and "notes", and "date formatted" or "date".
bool IsBearableHeader(std::string_view text);

// The rows of one day and one part of it (Bearable's "time of day") become
// one entry. Refused with InvalidArgument "line N: reason".
core::Result<SourceImport> ParseBearable(std::string_view csv, const ImportOptions& options = {},
                                         const core::ProgressFn& progress = {});

}  // namespace fieldnotes::importers

#endif  // FIELDNOTES_IMPORTERS_BEARABLE_H_
