// viewer_ui_tests: a folder of its own for the run (HOME and TMPDIR inside
// it, for the privacy checks), wxWidgets initialised once on the virtual
// display xvfb-run provides, then Boost.Test runs the cases.
#include <wx/app.h>
#include <wx/image.h>
#include <wx/init.h>

#include <boost/test/unit_test.hpp>

#include "viewer_fixture.h"

namespace {

bool InitUnitTest() {
  boost::unit_test::framework::master_test_suite().p_name.value = "viewer_ui";
  return true;
}

}  // namespace

int main(int argc, char* argv[]) {
  fieldnotes::testing::MakeRunRoot();
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
  fieldnotes::testing::RemoveRunRoot();
  return result;
}
