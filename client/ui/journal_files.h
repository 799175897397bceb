// File > Export, Back up and Restore: the dialogs and the words; the work
// is the client engine's (engine/journal_files.h, engine/unlock.h).
// Export writes it as text (the import format, or a document to read),
// which is NOT encrypted and says so; a backup is a copy of the encrypted
// journal file (core::Journal::Backup), safe to keep anywhere, that opens
// with the same passphrase; restoring puts such a copy in the journal's
// place and keeps the journal it replaces beside it.
#ifndef FIELDNOTES_CLIENT_UI_JOURNAL_FILES_H_
#define FIELDNOTES_CLIENT_UI_JOURNAL_FILES_H_

#include <string>

#include "core/journal.h"
#include "core/status.h"
#include "engine/journal_files.h"

class wxWindow;

namespace fieldnotes::client {

// Writes the journal to `path` (replaced in one step, readable only by its
// owner). The words to show afterwards in *said.
core::Status ExportJournal(const core::Journal& journal, ExportFormat format,
                           const std::string& path, std::string* said);

// The dialogs: where to, then the work; problems said in words.
void ExportWithDialog(wxWindow* parent, const core::Journal& journal);
void BackUpWithDialog(wxWindow* parent, const core::Journal& journal, const core::Date& today);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_JOURNAL_FILES_H_
