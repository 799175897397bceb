#include "reports/embedded_data.h"

namespace fieldnotes::reports {

std::optional<std::string_view> FindEmbeddedFile(std::string_view name) {
  for (const EmbeddedFile& f : EmbeddedFiles()) {
    if (f.name == name) return f.content;
  }
  return std::nullopt;
}

std::vector<EmbeddedFile> EmbeddedFilesIn(std::string_view folder) {
  std::vector<EmbeddedFile> out;
  for (const EmbeddedFile& f : EmbeddedFiles()) {
    if (f.name.size() > folder.size() && f.name.starts_with(folder) &&
        f.name[folder.size()] == '/') {
      out.push_back(f);
    }
  }
  return out;
}

}  // namespace fieldnotes::reports
