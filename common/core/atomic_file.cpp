#include "core/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/crypto.h"

namespace fieldnotes::core {
namespace {

Status Failed(std::string_view what, const std::string& path, int err) {
  return Status::IoError("could not " + std::string(what) + " " + path + " (" + std::strerror(err) +
                         ").");
}

std::string FolderOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

// 0, or the errno of the write that failed.
int WriteAll(int fd, std::string_view content) {
  size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n < 0 ? errno : EIO;
    written += static_cast<size_t>(n);
  }
  return 0;
}

}  // namespace

Status WriteFileAtomically(const std::string& path, std::string_view content, AtomicWrite mode) {
  uint8_t suffix[8];
  FN_RETURN_IF_ERROR(crypto::RandomBytes(suffix));
  const std::string temp = path + ".writing-" + crypto::HexEncode(suffix);
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return Failed("create a file next to", path, errno);
  int err = 0;
  const char* step = "write";
  if ((err = WriteAll(fd, content)) != 0) {
    // step stays "write"
  } else if (::fsync(fd) != 0) {
    err = errno;
    step = "save";
  }
  if (::close(fd) != 0 && err == 0) {
    err = errno;
    step = "save";
  }
  if (err == 0) {
    if (mode == AtomicWrite::kReplace) {
      if (::rename(temp.c_str(), path.c_str()) != 0) {
        err = errno;
        step = "replace";
      }
    } else if (::link(temp.c_str(), path.c_str()) != 0) {
      err = errno;
      step = "create";
    }
  }
  if (err != 0 || mode == AtomicWrite::kCreateNew) ::unlink(temp.c_str());
  if (err == EEXIST && mode == AtomicWrite::kCreateNew)
    return Status::AlreadyExists("a file already exists at " + path);
  if (err != 0) return Failed(step, path, err);
  // The new name is durable once the folder is flushed.
  const int dir = ::open(FolderOf(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return Status::Ok();
}

}  // namespace fieldnotes::core
