#include "clinician/ui/viewer_settings.h"

#include <wx/fileconf.h>
#include <wx/log.h>

#include <cstdlib>
#include <filesystem>

#include "common/wx/str_helpers.h"
#include "core/paths.h"

namespace fieldnotes::clinician {
namespace {

constexpr char kListsKey[] = "/view/lists_beside_report";

}  // namespace

std::string DefaultViewerSettingsPath() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && xdg[0] == '/')
    return std::string(xdg) + "/fieldnotes-viewer/viewer.ini";
  std::string home = ".";
  if (const char* h = std::getenv("HOME"); h != nullptr && *h != '\0') home = h;
  return home + "/.config/fieldnotes-viewer/viewer.ini";
}

ViewerLook LoadLook(const std::string& path) {
  ViewerLook look;
  std::error_code ec;
  if (path.empty() || !std::filesystem::exists(path, ec)) return look;
  wxLogNull quiet;  // an unreadable file is the defaults, not a message
  wxFileConfig file(wxString(), wxString(), wxcommon::ToWx(path), wxString(),
                    wxCONFIG_USE_LOCAL_FILE);
  look.lists_beside_report = file.ReadBool(kListsKey, look.lists_beside_report);
  return look;
}

bool SaveLook(const std::string& path, const ViewerLook& look) {
  if (path.empty() || !core::CreateParentFolders(path).ok()) return false;
  wxLogNull quiet;
  wxFileConfig file(wxString(), wxString(), wxcommon::ToWx(path), wxString(),
                    wxCONFIG_USE_LOCAL_FILE);
  file.SetUmask(0077);
  return file.Write(kListsKey, look.lists_beside_report) && file.Flush();
}

}  // namespace fieldnotes::clinician
