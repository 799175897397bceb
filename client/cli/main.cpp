// fieldnotes-cli: the headless client. Everything is in the cli library.
#include <string>
#include <vector>

#include "cli/cli.h"
#include "core/i18n.h"

int main(int argc, char** argv) {
  fieldnotes::core::InitLanguage();
  std::vector<std::string> args(argv + 1, argv + argc);
  return fieldnotes::client::RunCli(args);
}
