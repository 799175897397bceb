#include "support/wx_ui.h"

#include <wx/app.h>
#include <wx/image.h>
#include <wx/init.h>
#include <wx/richmsgdlg.h>
#include <wx/textentry.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <thread>

#include "common/wx/translations.h"
#include "core/i18n.h"

namespace fieldnotes::testing {
namespace {
DialogRecorder* g_recorder = nullptr;
}

void DialogRecorder::Install() {
  g_recorder = new DialogRecorder;
  g_recorder->Register();
}

void DialogRecorder::Uninstall() {
  g_recorder->Unregister();
  delete g_recorder;
  g_recorder = nullptr;
}

std::vector<wxString>& DialogRecorder::shown() {
  static std::vector<wxString> titles;
  return titles;
}

int DialogRecorder::Enter(wxDialog* dialog) {
  wxString what;
  if (dialog != nullptr) {
    what = dialog->GetTitle() + ": " + dialog->GetLabel();
    // A message, and what is behind its "details" expander.
    if (auto* message = dynamic_cast<wxRichMessageDialog*>(dialog))
      what += " | " + message->GetMessage() + " | details: " + message->GetDetailedText();
  }
  shown().push_back(what);
  return wxID_CANCEL;
}

std::vector<std::string>& FailedAsserts() {
  static std::vector<std::string> failed;
  return failed;
}

void InstallAssertHandler() {
  wxSetAssertHandler([](const wxString& file, int line, const wxString& func, const wxString& cond,
                        const wxString& msg) {
    const std::string what =
        (file + ":" + wxString::Format("%d", line) + " " + func + ": " + cond + " " + msg)
            .utf8_string();
    std::fprintf(stderr, "wx assertion: %s\n", what.c_str());
    FailedAsserts().push_back(what);
  });
}

void Pump(int ms) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  do {
    wxTheApp->Yield(true);
    wxTheApp->ProcessPendingEvents();
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  } while (std::chrono::steady_clock::now() < end);
}

bool WaitUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
  const auto end = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() > end) return false;
    Pump(5);
  }
  return true;
}

void Click(wxButton* button) {
  BOOST_REQUIRE(button != nullptr);
  BOOST_REQUIRE(button->IsEnabled());
  wxCommandEvent click(wxEVT_BUTTON, button->GetId());
  click.SetEventObject(button);
  button->ProcessWindowEvent(click);
}

std::string AllText(wxWindow* root) {
  std::string out;
  if (auto* entry = dynamic_cast<wxTextEntry*>(root)) out += entry->GetValue().utf8_string();
  for (wxWindow* child : root->GetChildren()) out += AllText(child);
  return out;
}

namespace {
const char* g_suite_name = "";
bool InitUnitTest() {
  boost::unit_test::framework::master_test_suite().p_name.value = g_suite_name;
  return true;
}
}  // namespace

int RunWxTests(int argc, char* argv[], const char* name) {
  g_suite_name = name;
  // As the apps' main() does: the tests see the words a person would see in
  // the locale they run in (English under LANG=C; the pseudo-locale's in
  // the pseudo-locale check).
  core::InitLanguage();
  wxcommon::SetUpTranslations();
  // wxEntryStart sets up GTK and the event loop machinery without running
  // a loop.
  wxApp::SetInstance(new wxApp());
  int wx_argc = 1;
  char* wx_argv[] = {argv[0], nullptr};
  if (!wxEntryStart(wx_argc, wx_argv)) return 1;
  wxTheApp->SetExitOnFrameDelete(false);
  wxcommon::FollowLocale();
  wxInitAllImageHandlers();
  DialogRecorder::Install();
  InstallAssertHandler();
  const int result = boost::unit_test::unit_test_main(&InitUnitTest, argc, argv);
  DialogRecorder::Uninstall();
  wxEntryCleanup();
  return result;
}

}  // namespace fieldnotes::testing
