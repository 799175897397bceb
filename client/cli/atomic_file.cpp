#include "cli/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace fieldnotes::client {
namespace {

core::Status Failed(std::string_view what, const std::string& path) {
  return core::Status::IoError("could not " + std::string(what) + " " + path + " (" +
                               std::strerror(errno) + ").");
}

std::string FolderOf(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

}  // namespace

core::Status WriteFileAtomically(const std::string& path, std::string_view content) {
  std::string temp_name = path + ".tmp-XXXXXX";
  std::vector<char> temp(temp_name.begin(), temp_name.end());
  temp.push_back('\0');
  // mkstemp creates the file 0600: an export is plaintext.
  int fd = mkstemp(temp.data());
  if (fd < 0) return Failed("create a file next to", path);
  std::string temp_path(temp.data());
  auto fail = [&](std::string_view what) {
    core::Status s = Failed(what, path);
    close(fd);
    unlink(temp_path.c_str());
    return s;
  };

  size_t written = 0;
  while (written < content.size()) {
    ssize_t n = write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail("write");
    written += static_cast<size_t>(n);
  }
  if (fchmod(fd, 0600) != 0) return fail("set the permissions of");
  if (fsync(fd) != 0) return fail("save");
  if (close(fd) != 0) {
    core::Status s = Failed("save", path);
    unlink(temp_path.c_str());
    return s;
  }
  if (rename(temp_path.c_str(), path.c_str()) != 0) {
    core::Status s = Failed("replace", path);
    unlink(temp_path.c_str());
    return s;
  }
  // The rename itself is durable once the folder is flushed.
  int dir = open(FolderOf(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    fsync(dir);
    close(dir);
  }
  return core::Status::Ok();
}

}  // namespace fieldnotes::client
