// A temporary directory for one test, removed with everything in it when the
// object goes away. Its name is not ASCII on purpose: paths with accents and
// CJK characters must work everywhere.
#ifndef FIELDNOTES_TESTS_SUPPORT_TEMP_DIR_H_
#define FIELDNOTES_TESTS_SUPPORT_TEMP_DIR_H_

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace fieldnotes::testing {

class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string tmpl = std::string(base && *base ? base : "/tmp") + "/Fieldnotes-tëst-日記-XXXXXX";
    if (!::mkdtemp(tmpl.data())) std::abort();
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

inline void WriteFile(const std::filesystem::path& p, const std::string& data) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << data;
}

// True when `needle` occurs in any file under `dir` (recursively).
inline bool AnyFileContains(const std::filesystem::path& dir, const std::string& needle) {
  for (const auto& f : std::filesystem::recursive_directory_iterator(dir)) {
    if (f.is_regular_file() && ReadFile(f.path()).find(needle) != std::string::npos) return true;
  }
  return false;
}

}  // namespace fieldnotes::testing

#endif  // FIELDNOTES_TESTS_SUPPORT_TEMP_DIR_H_
