// fieldnotes-cli: the headless client. Everything is in the cli library.
#include <string>
#include <vector>

#include "cli/cli.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return fieldnotes::client::RunCli(args);
}
