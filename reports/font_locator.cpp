#include "reports/font_locator.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

namespace fieldnotes::reports {
namespace fs = std::filesystem;
namespace {

// Every regular file under `dir` by file name; the first one found (in
// sorted order, so the result does not depend on the file system) wins.
void Collect(const fs::path& dir, std::map<std::string, std::string>& found) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  std::vector<fs::path> files;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it.depth() > 4) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec)) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) found.emplace(f.filename().string(), f.string());
}

}  // namespace

bool IsTrueTypeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  if (!in.read(magic, 4)) return false;
  const std::string_view m(magic, 4);
  return m == std::string_view("\x00\x01\x00\x00", 4) || m == "true";
}

std::vector<std::string> DefaultFontDirs() {
  std::vector<std::string> dirs = {"/usr/share/fonts", "/usr/local/share/fonts"};
  const char* xdg = std::getenv("XDG_DATA_HOME");
  const char* home = std::getenv("HOME");
  if (xdg && *xdg) {
    dirs.push_back(std::string(xdg) + "/fonts");
  } else if (home && *home) {
    dirs.push_back(std::string(home) + "/.local/share/fonts");
  }
  if (home && *home) dirs.push_back(std::string(home) + "/.fonts");
  return dirs;
}

core::Result<FontSet> FindReportFonts() {
  const char* dir = std::getenv(kFontDirEnv);
  if (dir && *dir) return FindReportFonts(std::vector<std::string>{dir});
  return FindReportFonts(DefaultFontDirs());
}

core::Result<FontSet> FindReportFonts(const std::vector<std::string>& dirs) {
  std::map<std::string, std::string> found;
  for (const auto& d : dirs) {
    std::map<std::string, std::string> here;
    Collect(d, here);
    found.merge(here);  // keeps the earlier folder's file on a clash
  }
  auto usable = [&found](std::string_view name) -> std::string {
    auto it = found.find(std::string(name));
    return it != found.end() && IsTrueTypeFile(it->second) ? it->second : std::string();
  };
  FontSet set;
  set.regular = usable(kRegularFont);
  if (set.regular.empty()) {
    std::string where;
    for (const auto& d : dirs) where += (where.empty() ? "" : ", ") + d;
    return core::Status::NotFound(
        "no usable font for the PDF: DejaVuSans.ttf was not found in " + where +
        ". Install it (on Debian and Ubuntu: apt install fonts-dejavu-core), or set " +
        std::string(kFontDirEnv) + " to a folder that has it.");
  }
  set.bold = usable(kBoldFont);
  if (set.bold.empty()) set.bold = set.regular;
  for (std::string_view name : kFallbackFonts) {
    std::string path = usable(name);
    if (!path.empty()) set.fallbacks.push_back(std::move(path));
  }
  return set;
}

}  // namespace fieldnotes::reports
