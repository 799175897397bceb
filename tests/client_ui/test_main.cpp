// client_ui_tests: wxWidgets is initialised once for the whole run (a real
// wxApp with a GUI toolkit, on the virtual display xvfb-run provides), then
// Boost.Test runs the cases, which create and drive the app's real windows.
#include <wx/app.h>
#include <wx/image.h>
#include <wx/init.h>
#include <boost/test/unit_test.hpp>

#include "ui_fixture.h"

namespace {

bool InitUnitTest() {
  boost::unit_test::framework::master_test_suite().p_name.value = "client_ui";
  return true;
}

}  // namespace

int main(int argc, char* argv[]) {
  // A plain wxApp: the tests make their own frames. wxEntryStart sets up
  // GTK and the event loop machinery without running a loop.
  wxApp::SetInstance(new wxApp());
  int wx_argc = 1;
  char* wx_argv[] = {argv[0], nullptr};
  if (!wxEntryStart(wx_argc, wx_argv)) return 1;
  wxTheApp->SetExitOnFrameDelete(false);
  wxInitAllImageHandlers();
  fieldnotes::testing::DialogRecorder::Install();
  fieldnotes::testing::InstallAssertHandler();
  const int result = boost::unit_test::unit_test_main(&InitUnitTest, argc, argv);
  fieldnotes::testing::DialogRecorder::Uninstall();
  wxEntryCleanup();
  return result;
}
