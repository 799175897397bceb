#include "ui/app.h"

#include <wx/cmdline.h>
#include <wx/fileconf.h>

#include <cstdlib>
#include <cstring>
#include <exception>

#include "common/wx/error_words.h"
#include "common/wx/str_helpers.h"
#include "common/wx/translations.h"
#include "ui/main_frame.h"

namespace fieldnotes::client {

bool App::OnInit() {
  wxcommon::FollowLocale();
  SetAppName("fieldnotes");
  SetAppDisplayName("Fieldnotes");
  options_.journal_path = DefaultJournalPath();
  if (const char* pass = std::getenv(kPassphraseEnv); pass != nullptr && *pass != '\0') {
    options_.passphrase = std::string(pass);
    // Not inherited by anything this process starts, and gone from the
    // environment block as far as the C library allows.
    std::memset(const_cast<char*>(pass), 0, std::strlen(pass));
    unsetenv(kPassphraseEnv);
  }
  if (!wxApp::OnInit()) return false;  // parses the command line
  // The window's size and place (nothing of the journal) in
  // $XDG_CONFIG_HOME/fieldnotes/window.ini.
  wxConfigBase::Set(new wxFileConfig("fieldnotes", wxString(), wxcommon::ToWx(WindowConfigPath()),
                                     wxString(), wxCONFIG_USE_LOCAL_FILE));
  options_.remember_window = true;
  frame_ = new MainFrame(std::move(options_));
  options_ = AppOptions{};
  frame_->Show();
  return true;
}

void App::OnInitCmdLine(wxCmdLineParser& parser) {
  wxApp::OnInitCmdLine(parser);
  AddOptions(parser);
}

void App::AddOptions(wxCmdLineParser& parser) {
  parser.AddOption("j", "journal",
                   _("the journal file (default: ~/.local/share/fieldnotes/journal.db)"),
                   wxCMD_LINE_VAL_STRING);
}

bool App::OnCmdLineParsed(wxCmdLineParser& parser) {
  if (!wxApp::OnCmdLineParsed(parser)) return false;
  wxString journal;
  if (parser.Found("journal", &journal)) options_.journal_path = wxcommon::ToUtf8(journal);
  return true;
}

int App::FilterEvent(wxEvent& event) {
  const wxEventType type = event.GetEventType();
  if (frame_ != nullptr && (type == wxEVT_KEY_DOWN || type == wxEVT_LEFT_DOWN ||
                            type == wxEVT_RIGHT_DOWN || type == wxEVT_MOUSEWHEEL)) {
    frame_->NoteActivity();
  }
  return Event_Skip;
}

bool App::OnExceptionInMainLoop() {
  wxcommon::ShowError(GetTopWindow(), wxcommon::DescribeException(std::current_exception()));
  return true;  // keep running: what was saved is durable, the window still works
}

void App::OnUnhandledException() {
  wxcommon::ShowError(nullptr, wxcommon::DescribeException(std::current_exception()));
}

}  // namespace fieldnotes::client
