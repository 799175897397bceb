// Unlocking: the journal file from a passphrase, for fieldnotes-cli (every
// command that opens the journal, `init`, `passwd`) and the app's unlock
// page and File, Restore from a backup. The key derivation makes these the
// slow calls (docs/performance.md): the app runs them on a worker thread.
#ifndef FIELDNOTES_CLIENT_ENGINE_UNLOCK_H_
#define FIELDNOTES_CLIENT_ENGINE_UNLOCK_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/journal.h"
#include "core/status.h"
#include "reports/report_store.h"

namespace fieldnotes::client {

// Ok when there is a journal file at `path`; NotFound ("there is no journal
// at PATH yet") or IoError otherwise. Asked before a passphrase is.
core::Status CheckJournalThere(const std::string& path);

// AlreadyExists ("there is already a journal at PATH. Nothing was
// changed.") when a file is at `path`: a new journal never replaces one.
core::Status CheckNewJournalPlace(const std::string& path);

// Opens the journal at `path` (CheckJournalThere first).
core::Result<std::unique_ptr<core::Journal>> UnlockJournal(const std::string& path,
                                                           std::string_view passphrase,
                                                           const core::JournalOptions& options);

// Makes a new journal at `path`, and the folders above it.
core::Result<std::unique_ptr<core::Journal>> CreateJournal(const std::string& path,
                                                           std::string_view passphrase,
                                                           const core::JournalOptions& options);

// The open journal and its kept reports, decrypted in the same step (the
// app does it on its worker, not when the report page opens); nullopt when
// they could not be read (the report page then says why).
struct UnlockedJournal {
  std::unique_ptr<core::Journal> journal;
  std::optional<std::vector<reports::StoredReport>> reports;
};
core::Result<UnlockedJournal> UnlockWithReports(const std::string& path,
                                                std::string_view passphrase,
                                                const core::JournalOptions& options, bool create);

// A new passphrase, with the key derivation's cost (log2 of scrypt's N).
core::Status ChangePassphrase(core::Journal& journal, std::string_view new_passphrase,
                              int kdf_log2_n);

// Puts the backup at `backup` in the journal's place (which must not be
// open); the backup must open with `passphrase` first. *kept_aside says
// where the journal it replaced is now ("" when there was none).
core::Status RestoreJournal(const std::string& backup, const std::string& journal_path,
                            std::string_view passphrase, const core::JournalOptions& options,
                            std::string* kept_aside);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_ENGINE_UNLOCK_H_
