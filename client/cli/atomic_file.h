// Writing a file so that it is either the old one or the whole new one.
#ifndef FIELDNOTES_CLIENT_CLI_ATOMIC_FILE_H_
#define FIELDNOTES_CLIENT_CLI_ATOMIC_FILE_H_

#include <string>
#include <string_view>

#include "core/status.h"

namespace fieldnotes::client {

// Writes `content` to a temporary file in the same folder as `path`
// (created 0600), flushes it to disk, renames it over `path` and flushes the
// folder. On any failure the temporary file is removed, `path` is left as it
// was, and an IoError names the step.
core::Status WriteFileAtomically(const std::string& path, std::string_view content);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_CLI_ATOMIC_FILE_H_
