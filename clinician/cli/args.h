// The command line of fieldnotes-clinician: flags and options with a value
// ("--opt value" or "--opt=value"), "-h" for "--help", "--" to end the
// options. (The same shape as fieldnotes-cli's parser.)
#ifndef FIELDNOTES_CLINICIAN_CLI_ARGS_H_
#define FIELDNOTES_CLINICIAN_CLI_ARGS_H_

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "clinician/cli/exit_codes.h"

namespace fieldnotes::clinician {

struct OptionSpec {
  std::string_view name;  // with the dashes: "--out"
  bool takes_value = false;
};

class Args {
 public:
  const std::vector<std::string>& positionals() const { return positionals_; }
  // With stop_at_positional: everything from the first positional on.
  const std::vector<std::string>& rest() const { return rest_; }
  bool Has(std::string_view name) const { return options_.count(std::string(name)) != 0; }
  std::optional<std::string> Value(std::string_view name) const;

 private:
  friend CliResult<Args> ParseArgs(std::span<const std::string>, std::span<const OptionSpec>,
                                   std::span<const OptionSpec>, bool);
  std::vector<std::string> positionals_;
  std::vector<std::string> rest_;
  std::map<std::string, std::string> options_;
};

// Parses `argv` against `specs` and `more_specs`. Usage errors name the
// option (when it is short and printable): unknown, missing its value, a
// value for a flag, given twice.
CliResult<Args> ParseArgs(std::span<const std::string> argv, std::span<const OptionSpec> specs,
                          std::span<const OptionSpec> more_specs = {},
                          bool stop_at_positional = false);

// True when "--help" or "-h" appears before any "--".
bool AsksForHelp(std::span<const std::string> argv);

// A whole decimal integer in [min, max]; nullopt otherwise.
std::optional<int> ParseInt(std::string_view text, int min, int max);

}  // namespace fieldnotes::clinician

#endif  // FIELDNOTES_CLINICIAN_CLI_ARGS_H_
