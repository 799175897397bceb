// The journal out of the app and back, for fieldnotes-cli (export, backup)
// and the app's File menu (Export, Back up, Restore: engine/unlock.h).
// Export writes it as text (the import format, or a document to read),
// which is NOT encrypted; a backup is a copy of the encrypted journal file
// (core::Journal::Backup), safe to keep anywhere, that opens with the same
// passphrase.
#ifndef FIELDNOTES_CLIENT_ENGINE_JOURNAL_FILES_H_
#define FIELDNOTES_CLIENT_ENGINE_JOURNAL_FILES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/journal.h"
#include "core/status.h"
#include "core/timestamp.h"

namespace fieldnotes::client {

enum class ExportFormat { kJsonl, kMarkdown };

// "jsonl" or "markdown"; nullopt for any other name.
std::optional<ExportFormat> ExportFormatNamed(std::string_view name);

// The whole journal as text in `format`.
std::string ExportText(const core::Journal& journal, ExportFormat format);

// What an export to a file wrote.
struct ExportCounts {
  size_t entries = 0;
  size_t sessions = 0;
};
// Writes the journal to `path`, replaced in one step and readable only by
// its owner.
core::Result<ExportCounts> ExportToFile(const core::Journal& journal, ExportFormat format,
                                        const std::string& path);

// The journal checked whole (`check`): SQLite's integrity check, then every
// record opened with the key. Open the journal with skip_damaged_records
// (core/journal.h) to have each damaged record named rather than the open
// refused.
core::CheckReport CheckJournal(const core::Journal& journal);

// "fieldnotes-backup-2026-12-06.fieldnotes": a name for today's backup.
std::string BackupFileName(const core::Date& today);

// An encrypted copy at `path`, each record checked; AlreadyExists when a
// file is there (nothing is written).
core::Result<core::BackupReport> BackUpJournal(const core::Journal& journal,
                                               const std::string& path);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_ENGINE_JOURNAL_FILES_H_
