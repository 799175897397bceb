#include "ui/app_options.h"

#include <sys/stat.h>

#include <cstdlib>

namespace fieldnotes::client {

std::string DefaultJournalPath() { return core::DataHome() + "/fieldnotes/journal.db"; }

std::string WindowConfigPath() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && xdg[0] == '/')
    return std::string(xdg) + "/fieldnotes/window.ini";
  // DataHome is $HOME/.local/share unless XDG_DATA_HOME says otherwise.
  std::string home = ".";
  if (const char* h = std::getenv("HOME"); h != nullptr && *h != '\0') home = h;
  return home + "/.config/fieldnotes/window.ini";
}

std::string FindHelpFile(const std::string& program) {
  const std::string dir =
      program.substr(0, program.rfind('/') == std::string::npos ? 0 : program.rfind('/'));
  for (const std::string& candidate :
       {dir + "/../share/doc/fieldnotes/client-app.md", dir + "/../../../docs/client-app.md",
        std::string("/usr/share/doc/fieldnotes/client-app.md")}) {
    if (FileExists(candidate)) return candidate;
  }
  return std::string();
}

bool FileExists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

}  // namespace fieldnotes::client
