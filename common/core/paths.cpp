#include "core/paths.h"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace fieldnotes::core {

std::string DataHome() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && xdg[0] == '/') return xdg;
  std::string home = ".";
  if (const char* h = std::getenv("HOME"); h != nullptr && *h != '\0') {
    home = h;
  } else if (const struct passwd* pw = getpwuid(getuid()); pw != nullptr && pw->pw_dir) {
    home = pw->pw_dir;
  }
  return home + "/.local/share";
}

Status CreateParentFolders(const std::string& file_path) {
  const size_t slash = file_path.rfind('/');
  if (slash == std::string::npos || slash == 0) return Status::Ok();
  const std::string folder = file_path.substr(0, slash);
  for (size_t pos = 1; pos <= folder.size(); ++pos) {
    if (pos != folder.size() && folder[pos] != '/') continue;
    const std::string part = folder.substr(0, pos);
    if (mkdir(part.c_str(), 0700) != 0 && errno != EEXIST) {
      return Status::IoError("could not create the folder " + part + " (" + std::strerror(errno) +
                             ")");
    }
  }
  return Status::Ok();
}

}  // namespace fieldnotes::core
