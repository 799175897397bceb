// RestoreJournalFrom: a backup made by Journal::Backup (the app's File >
// Back up, fieldnotes-cli backup) put back in the journal's place
// (docs/journal-format.md: the copy is a journal file like any other).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "core/journal.h"
#include "core/journal_db.h"

namespace fieldnotes::core {

using internal::BindText;
using internal::Prepare;
using internal::SqliteStatus;

Status RestoreJournalFrom(const std::string& backup, const std::string& journal_path,
                          std::string_view passphrase, const JournalOptions& options,
                          std::string* kept_aside) {
  if (kept_aside != nullptr) kept_aside->clear();
  std::error_code ec;
  if (!std::filesystem::exists(backup, ec)) return Status::NotFound("no backup at " + backup);
  // It must be a journal this passphrase opens, whole.
  {
    auto opened = Journal::Open(backup, passphrase, options);
    if (!opened.ok()) return opened.status();
  }
  const std::string incoming = journal_path + ".restoring";
  std::filesystem::remove(incoming, ec);
  std::filesystem::copy_file(backup, incoming, ec);
  if (ec) return Status::IoError("cannot copy the backup next to the journal");
  ::chmod(incoming.c_str(), 0600);
  if (const int fd = ::open(incoming.c_str(), O_RDONLY | O_CLOEXEC); fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
  if (std::filesystem::exists(journal_path, ec)) {
    const std::string aside = journal_path + ".before-restore";
    std::filesystem::remove(aside, ec);
    if (std::rename(journal_path.c_str(), aside.c_str()) != 0) {
      std::filesystem::remove(incoming, ec);
      return Status::IoError("cannot set the current journal aside");
    }
    // Its write-ahead log belongs to it, not to the restored file.
    for (const char* suffix : {"-wal", "-shm"}) {
      std::filesystem::remove(aside + suffix, ec);
      std::rename((journal_path + suffix).c_str(), (aside + suffix).c_str());
    }
    if (kept_aside != nullptr) *kept_aside = aside;
  }
  if (std::rename(incoming.c_str(), journal_path.c_str()) != 0) {
    return Status::IoError("cannot put the backup in the journal's place");
  }
  return Status::Ok();
}

}  // namespace fieldnotes::core
