#include "clinician/ui/viewer_app.h"

#include <wx/cmdline.h>

#include <cstdlib>
#include <cstring>
#include <exception>

#include "clinician/ui/viewer_settings.h"
#include "common/wx/error_words.h"
#include "common/wx/str_helpers.h"
#include "common/wx/translations.h"
#include "sync/clinician_session.h"

namespace fieldnotes::clinician {

bool ViewerApp::OnInit() {
  wxcommon::FollowLocale();
  SetAppName("fieldnotes-viewer");
  SetAppDisplayName(_("Fieldnotes Viewer"));
  options_.keys_path = sync::DefaultClinicianKeysPath();
  options_.settings_path = DefaultViewerSettingsPath();
  if (const char* pass = std::getenv(kViewerPassphraseEnv); pass != nullptr && *pass != '\0') {
    options_.passphrase = std::string(pass);
    // Not inherited by anything this process starts.
    std::memset(const_cast<char*>(pass), 0, std::strlen(pass));
    unsetenv(kViewerPassphraseEnv);
  }
  if (!wxApp::OnInit()) return false;  // parses the command line
  frame_ = new ViewerFrame(std::move(options_));
  options_ = ViewerOptions{};
  frame_->Show();
  return true;
}

void ViewerApp::OnInitCmdLine(wxCmdLineParser& parser) {
  wxApp::OnInitCmdLine(parser);
  AddOptions(parser);
}

void ViewerApp::AddOptions(wxCmdLineParser& parser) {
  parser.AddOption("k", "keys",
                   _("the key file (default: ~/.local/share/fieldnotes-clinician/keys, shared "
                     "with fieldnotes-clinician)"),
                   wxCMD_LINE_VAL_STRING);
  parser.AddOption("", "kdf-cost", _("scrypt cost (15 to 20) of a new key file"),
                   wxCMD_LINE_VAL_NUMBER);
}

bool ViewerApp::OnCmdLineParsed(wxCmdLineParser& parser) {
  if (!wxApp::OnCmdLineParsed(parser)) return false;
  wxString keys;
  if (parser.Found("keys", &keys)) options_.keys_path = wxcommon::ToUtf8(keys);
  long cost = 0;
  if (parser.Found("kdf-cost", &cost)) {
    if (cost < core::crypto::KdfParams::kMinLog2N || cost > core::crypto::KdfParams::kMaxLog2N) {
      wxLogError(_("--kdf-cost is a number from 15 to 20."));
      return false;
    }
    options_.kdf_log2_n = static_cast<int>(cost);
  }
  return true;
}

int ViewerApp::FilterEvent(wxEvent& event) {
  const wxEventType type = event.GetEventType();
  if (frame_ != nullptr && (type == wxEVT_KEY_DOWN || type == wxEVT_LEFT_DOWN ||
                            type == wxEVT_RIGHT_DOWN || type == wxEVT_MOUSEWHEEL)) {
    frame_->NoteActivity();
  }
  return Event_Skip;
}

bool ViewerApp::OnExceptionInMainLoop() {
  wxcommon::ShowError(GetTopWindow(), wxcommon::DescribeException(std::current_exception()),
                      _("Fieldnotes Viewer"));
  return true;
}

void ViewerApp::OnUnhandledException() {
  wxcommon::ShowError(nullptr, wxcommon::DescribeException(std::current_exception()),
                      _("Fieldnotes Viewer"));
}

}  // namespace fieldnotes::clinician
