// Writing a file so that it is either the old one (or none) or the whole
// new one, after a crash or a power cut: the one way every file of
// Fieldnotes outside a database is written (exports, report PDFs, key
// files, the viewer's state).
#ifndef FIELDNOTES_CORE_ATOMIC_FILE_H_
#define FIELDNOTES_CORE_ATOMIC_FILE_H_

#include <string>
#include <string_view>

#include "core/status.h"

namespace fieldnotes::core {

enum class AtomicWrite {
  kReplace,    // an existing file at `path` is replaced
  kCreateNew,  // an existing file at `path` is kept: AlreadyExists
};

// Writes `content` to a new temporary file beside `path` (a random name,
// created with O_EXCL | O_NOFOLLOW and mode 0600, so a planted file or
// link is never followed or reused), flushes it, then renames it over
// `path` (kReplace; a symbolic link at `path` is replaced, never followed)
// or links it to `path` (kCreateNew), and flushes the folder so the new
// name survives a power cut. On failure the temporary file is removed,
// `path` is as it was, and an IoError names the file and the step.
Status WriteFileAtomically(const std::string& path, std::string_view content,
                           AtomicWrite mode = AtomicWrite::kReplace);

}  // namespace fieldnotes::core

#endif  // FIELDNOTES_CORE_ATOMIC_FILE_H_
