#include "engine/unlock.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "core/i18n.h"
#include "core/paths.h"

namespace fieldnotes::client {

core::Status CheckJournalThere(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) == 0) return core::Status::Ok();
  // TRANSLATORS: %1 is the journal's file name.
  if (errno == ENOENT) return core::Status::NotFound(core::Format(core::Tr("there is no journal at %1 yet"), path));
  // TRANSLATORS: %1 is the journal's file name, %2 the system's reason.
  return core::Status::IoError(core::Format(core::Tr("could not reach the journal at %1 (%2)."),
                                            path, std::strerror(errno)));
}

core::Status CheckNewJournalPlace(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) == 0) {
    return core::Status::AlreadyExists(
        // TRANSLATORS: %1 is the journal's file name.
        core::Format(core::Tr("there is already a journal at %1. Nothing was changed."), path));
  }
  return core::Status::Ok();
}

core::Result<std::unique_ptr<core::Journal>> UnlockJournal(const std::string& path,
                                                           std::string_view passphrase,
                                                           const core::JournalOptions& options) {
  if (core::Status s = CheckJournalThere(path); !s.ok()) return s;
  return core::Journal::Open(path, passphrase, options);
}

core::Result<std::unique_ptr<core::Journal>> CreateJournal(const std::string& path,
                                                           std::string_view passphrase,
                                                           const core::JournalOptions& options) {
  if (core::Status s = CheckNewJournalPlace(path); !s.ok()) return s;
  if (core::Status s = core::CreateParentFolders(path); !s.ok()) return s;
  return core::Journal::Create(path, passphrase, options);
}

core::Result<UnlockedJournal> UnlockWithReports(const std::string& path,
                                                std::string_view passphrase,
                                                const core::JournalOptions& options, bool create) {
  auto journal = create ? CreateJournal(path, passphrase, options)
                        : UnlockJournal(path, passphrase, options);
  if (!journal.ok()) return journal.status();
  UnlockedJournal unlocked;
  unlocked.journal = std::move(journal).value();
  if (auto listed = reports::ReportStore::List(*unlocked.journal); listed.ok())
    unlocked.reports = std::move(listed).value();
  return unlocked;
}

core::Status ChangePassphrase(core::Journal& journal, std::string_view new_passphrase,
                              int kdf_log2_n) {
  return journal.ChangePassphrase(new_passphrase, kdf_log2_n);
}

core::Status RestoreJournal(const std::string& backup, const std::string& journal_path,
                            std::string_view passphrase, const core::JournalOptions& options,
                            std::string* kept_aside) {
  return core::RestoreJournalFrom(backup, journal_path, passphrase, options, kept_aside);
}

}  // namespace fieldnotes::client
