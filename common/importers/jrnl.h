// jrnl's JSON export, `jrnl --export json` (docs/import-format.md, "jrnl").
#ifndef FIELDNOTES_IMPORTERS_JRNL_H_
#define FIELDNOTES_IMPORTERS_JRNL_H_

#include <string_view>

#include "core/json.h"
#include "core/status.h"
#include "importers/import_source.h"
#include "importers/zones.h"

namespace fieldnotes::importers {

// {"tags": {...}, "entries": [...]} without Day One's "metadata".
bool IsJrnlExport(const core::json::Object& doc);

// Refused with InvalidArgument "entry N: reason" (N from 1).
core::Status AddJrnl(const core::json::Object& doc, const ImportOptions& options, Zones& zones,
                     SourceImport* out, const core::ProgressFn& progress = {});

core::Result<SourceImport> ParseJrnl(std::string_view json_text, const ImportOptions& options = {},
                                     const core::ProgressFn& progress = {});

}  // namespace fieldnotes::importers

#endif  // FIELDNOTES_IMPORTERS_JRNL_H_
