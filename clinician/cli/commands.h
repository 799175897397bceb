// The commands of fieldnotes-clinician: names, options, help, and the
// functions that run them (docs/clinician.md).
#ifndef FIELDNOTES_CLINICIAN_CLI_COMMANDS_H_
#define FIELDNOTES_CLINICIAN_CLI_COMMANDS_H_

#include <span>
#include <string>
#include <string_view>

#include "clinician/cli/context.h"
#include "clinician/cli/exit_codes.h"

namespace fieldnotes::clinician {

using RunFn = CliStatus (*)(Context& context, const Args& args);

struct Command {
  std::string_view name;     // "fetch", "keys publish"
  std::string_view summary;  // one line for the overview
  std::string_view help;     // the whole --help text
  std::span<const OptionSpec> options;
  RunFn run = nullptr;
  size_t positionals = 0;  // exactly this many arguments after the name
};

std::span<const Command> Commands();
const Command* FindCommand(std::string_view name);
// Options every command accepts, before or after its name.
std::span<const OptionSpec> GlobalOptions();

std::string OverviewHelp();
std::string KeysGroupHelp();
std::string CommandHelp(const Command& command);

// commands_account.cpp
CliStatus RunInit(Context& context, const Args& args);
CliStatus RunLogin(Context& context, const Args& args);
CliStatus RunLogout(Context& context, const Args& args);
CliStatus RunKeysPublish(Context& context, const Args& args);
// commands_clients.cpp
CliStatus RunInvite(Context& context, const Args& args);
CliStatus RunClients(Context& context, const Args& args);
CliStatus RunLabel(Context& context, const Args& args);
CliStatus RunSafetyNumber(Context& context, const Args& args);
// commands_reports.cpp
CliStatus RunReports(Context& context, const Args& args);
CliStatus RunFetch(Context& context, const Args& args);

}  // namespace fieldnotes::clinician

#endif  // FIELDNOTES_CLINICIAN_CLI_COMMANDS_H_
