// The files under reports/data/, compiled into the library (by
// embed_data.cmake at build time), so no data folder is needed at run time.
#ifndef FIELDNOTES_REPORTS_EMBEDDED_DATA_H_
#define FIELDNOTES_REPORTS_EMBEDDED_DATA_H_

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace fieldnotes::reports {

struct EmbeddedFile {
  std::string_view name;     // path under reports/data/, e.g. "safety/en.txt"
  std::string_view content;  // the file's bytes; static storage
};

// Every embedded file, sorted by name. Defined in the generated source.
std::span<const EmbeddedFile> EmbeddedFiles();

// The content of one file, or nullopt when there is no such file.
std::optional<std::string_view> FindEmbeddedFile(std::string_view name);

// The files whose name starts with `folder` + "/", e.g. every "safety/*.txt".
std::vector<EmbeddedFile> EmbeddedFilesIn(std::string_view folder);

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_EMBEDDED_DATA_H_
