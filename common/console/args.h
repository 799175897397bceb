// The command-line parser of fieldnotes-cli and fieldnotes-clinician:
// options that are flags or take a value ("--opt value" or "--opt=value"),
// repeatable options, "-h" for "--help", and "--" to end the options.
#ifndef FIELDNOTES_CONSOLE_ARGS_H_
#define FIELDNOTES_CONSOLE_ARGS_H_

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "console/cli_status.h"

namespace fieldnotes::console {

struct OptionSpec {
  std::string_view name;  // with the dashes: "--at"
  bool takes_value = false;
  bool repeatable = false;
};

class Args {
 public:
  // Arguments that are not options, in order.
  const std::vector<std::string>& positionals() const { return positionals_; }
  // With stop_at_positional: everything from the first positional on,
  // unparsed.
  const std::vector<std::string>& rest() const { return rest_; }

  bool Has(std::string_view name) const { return options_.find(name) != options_.end(); }
  // The value of an option given once; nullopt when absent.
  std::optional<std::string> Value(std::string_view name) const;
  // Every value of a repeatable option, in order; empty when absent.
  const std::vector<std::string>& Values(std::string_view name) const;

 private:
  friend CliResult<Args> ParseArgs(std::span<const std::string>, std::span<const OptionSpec>,
                                   std::span<const OptionSpec>, bool);
  std::vector<std::string> positionals_;
  std::vector<std::string> rest_;
  std::map<std::string, std::vector<std::string>, std::less<>> options_;
};

// Parses `argv` (without the program name) against `specs` and `more_specs`
// (two lists so a command's options and the global ones need no copy).
// With `stop_at_positional`, parsing stops at the first argument that is not
// an option and the remainder goes to rest(). A lone "-" is a positional.
// Errors are usage errors naming the option (only when the name is short and
// printable: an argument could be someone's writing or password typed in the
// wrong place): unknown, missing its value, a value for a flag, or given
// twice when not repeatable.
CliResult<Args> ParseArgs(std::span<const std::string> argv, std::span<const OptionSpec> specs,
                          std::span<const OptionSpec> more_specs = {},
                          bool stop_at_positional = false);

// True when "--help" or "-h" appears before any "--".
bool AsksForHelp(std::span<const std::string> argv);

// Parses a whole decimal integer in [min, max]; nullopt otherwise.
std::optional<int> ParseInt(std::string_view text, int min, int max);

// `name` when it looks like a command or option name (lower-case letters,
// digits and dashes, at most `max_size` bytes); otherwise nothing, and the
// message is its other whole sentence ("unknown option '%1'." or "unknown
// option."). A message never repeats an argument that could be someone's
// writing.
std::optional<std::string> ShownName(std::string_view name, size_t max_size = 40);

}  // namespace fieldnotes::console

#endif  // FIELDNOTES_CONSOLE_ARGS_H_
