// Any file `fieldnotes-cli import` and File > Import accept, recognised by
// its content, never by its name (docs/import-format.md): Fieldnotes' own
// JSON Lines, a Day One JSON export or its zip, a jrnl JSON export, a Daylio
// CSV export, a Bearable CSV export.
#ifndef FIELDNOTES_IMPORTERS_IMPORT_FILE_H_
#define FIELDNOTES_IMPORTERS_IMPORT_FILE_H_

#include <string_view>

#include "core/status.h"
#include "importers/import_source.h"

namespace fieldnotes::importers {

// The whole file is checked before anything is returned, so a caller writes
// all of it or nothing. Errors are InvalidArgument naming the line (or, in a
// JSON export, the entry) and the field, never quoting the content: a file
// of another kind ("this is a PNG picture, not a journal export"), a CSV or
// JSON of another app, a file cut short, a field over its limit, an unsafe
// zip. `progress` is called with (lines done, lines) for CSV and JSON Lines;
// JSON exports are parsed whole and report none.
core::Result<SourceImport> ParseAnyImport(std::string_view content,
                                          const ImportOptions& options = {},
                                          const core::ProgressFn& progress = {});

}  // namespace fieldnotes::importers

#endif  // FIELDNOTES_IMPORTERS_IMPORT_FILE_H_
