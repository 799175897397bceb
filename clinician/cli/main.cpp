// fieldnotes-clinician: the clinician's headless client. Everything is in
// the clinician_cli library.
#include <string>
#include <vector>

#include "clinician/cli/cli.h"
#include "core/i18n.h"

int main(int argc, char** argv) {
  fieldnotes::core::InitLanguage();
  std::vector<std::string> args(argv + 1, argv + argc);
  return fieldnotes::clinician::RunClinician(args);
}
