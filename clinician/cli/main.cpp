// fieldnotes-clinician: the clinician's headless client. Everything is in
// the clinician_cli library.
#include <string>
#include <vector>

#include "clinician/cli/cli.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return fieldnotes::clinician::RunClinician(args);
}
