#include "ui/app_options.h"

#include <sys/stat.h>

namespace fieldnotes::client {

std::string DefaultJournalPath() { return core::DataHome() + "/fieldnotes/journal.db"; }

bool FileExists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

}  // namespace fieldnotes::client
