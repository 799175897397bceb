// Day One's JSON export (docs/import-format.md, "Day One"): the Journal.json
// inside the export zip, or the zip itself.
#ifndef FIELDNOTES_IMPORTERS_DAY_ONE_H_
#define FIELDNOTES_IMPORTERS_DAY_ONE_H_

#include <string_view>

#include "core/json.h"
#include "core/status.h"
#include "importers/import_source.h"
#include "importers/zones.h"

namespace fieldnotes::importers {

// {"metadata": {...}, "entries": [...]}
bool IsDayOneExport(const core::json::Object& doc);

// Adds the entries of one parsed Day One document to `out` (source kDayOne).
// Refused with InvalidArgument "entry N: reason" (N from 1, in the file's
// order), prefixed by `label` when not empty ("Journal.json: entry 3: ...").
// `progress` is called with (entries done, entries in this document).
core::Status AddDayOne(const core::json::Object& doc, std::string_view label,
                       const ImportOptions& options, Zones& zones, SourceImport* out,
                       const core::ProgressFn& progress = {});

// The whole text of a Journal.json.
core::Result<SourceImport> ParseDayOne(std::string_view json_text,
                                       const ImportOptions& options = {},
                                       const core::ProgressFn& progress = {});

// A Day One export zip: every .json file at its top level is read (a zip
// holds one per journal); photos and other media are listed, not unpacked.
core::Result<SourceImport> ParseDayOneZip(std::string_view zip_bytes,
                                          const ImportOptions& options = {},
                                          const core::ProgressFn& progress = {});

}  // namespace fieldnotes::importers

#endif  // FIELDNOTES_IMPORTERS_DAY_ONE_H_
