// Import from a file: our own JSON Lines or another app's export (Day One,
// jrnl, Daylio, Bearable), for fieldnotes-cli `import` and the app's File,
// Import. The whole file is checked before the journal is touched; the
// imported entries are read for safety like new ones.
//
// Progress goes through an observer the face implements (a line on stderr
// in the CLI, the status bar in the app), called on the thread doing the
// work.
#ifndef FIELDNOTES_CLIENT_ENGINE_IMPORT_H_
#define FIELDNOTES_CLIENT_ENGINE_IMPORT_H_

#include <cstddef>
#include <string>

#include "core/journal.h"
#include "core/status.h"
#include "importers/import_source.h"

namespace fieldnotes::client {

class ImportObserver {
 public:
  enum class Stage { kChecking, kImporting };
  // What `done` and `total` count: lines of our own format, entries of
  // another app's.
  enum class Unit { kLines, kEntries };

  virtual ~ImportObserver() = default;
  virtual void ImportProgress(Stage stage, size_t done, size_t total, Unit unit) = 0;
};

// The whole of the file at `path` (NotFound, IoError with the reason).
core::Result<std::string> ReadImportFile(const std::string& path);

// A file checked whole and ready to import.
struct CheckedImport {
  importers::SourceImport found;
  size_t lines = 0;  // of the file, for our own format's progress
  bool own_format() const { return found.source == importers::Source::kFieldnotes; }
};

// Checks `content` as a whole; the parser's InvalidArgument (naming the line
// or entry, never quoting it) when it is not an export we read.
core::Result<CheckedImport> CheckImport(std::string_view content,
                                        ImportObserver* observer = nullptr);

struct ImportOutcome {
  core::ImportStats stats;
  // Imported entries the safety check raised, and whether one of them
  // speaks of harm from others (the crisis lines then add abuse lines).
  size_t safety_raised = 0;
  bool harm_from_others = false;
};

// Adds what is not there yet, in one transaction.
core::Result<ImportOutcome> ImportChecked(core::Journal& journal, const CheckedImport& checked,
                                          ImportObserver* observer = nullptr);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_ENGINE_IMPORT_H_
