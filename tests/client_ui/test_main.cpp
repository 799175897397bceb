// client_ui_tests: wxWidgets is initialised once for the whole run (a real
// wxApp with a GUI toolkit, on the virtual display xvfb-run provides), then
// Boost.Test runs the cases, which create and drive the app's real windows.
#include "support/wx_ui.h"

int main(int argc, char* argv[]) {
  return fieldnotes::testing::RunWxTests(argc, argv, "client_ui");
}
