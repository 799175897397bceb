// Where the programs keep their files by default, and making the folders
// for them: one place for the XDG rule every program follows.
#ifndef FIELDNOTES_CORE_PATHS_H_
#define FIELDNOTES_CORE_PATHS_H_

#include <string>

#include "core/status.h"

namespace fieldnotes::core {

// $XDG_DATA_HOME when it is an absolute path (the XDG base directory spec
// says to ignore a relative one), else $HOME/.local/share (HOME from the
// environment, else the password database, else ".").
std::string DataHome();

// Creates the folders leading to `file_path` that are missing, each 0700.
// IoError naming the folder that could not be made.
Status CreateParentFolders(const std::string& file_path);

}  // namespace fieldnotes::core

#endif  // FIELDNOTES_CORE_PATHS_H_
