// viewer_ui_tests: a folder of its own for the run (HOME and TMPDIR inside
// it, for the privacy checks), wxWidgets initialised once on the virtual
// display xvfb-run provides, then Boost.Test runs the cases.
#include "viewer_fixture.h"

int main(int argc, char* argv[]) {
  fieldnotes::testing::MakeRunRoot();
  const int result = fieldnotes::testing::RunWxTests(argc, argv, "viewer_ui");
  fieldnotes::testing::RemoveRunRoot();
  return result;
}
