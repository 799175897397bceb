#include "cli/cli.h"
#include "core/i18n.h"

#include <sys/stat.h>

#include <cstdio>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_codes.h"
#include "console/command_list.h"

#ifndef FIELDNOTES_VERSION
#define FIELDNOTES_VERSION "unknown"
#endif

namespace fieldnotes::client {
namespace {

constexpr OptionSpec kLeadingOptions[] = {
    {"--journal", true}, {"--passphrase-file", true}, {"--help"}, {"--version"}};

constexpr char kProgram[] = "fieldnotes-cli";

int Fail(const CliStatus& status, std::string_view help_hint) {
  return console::Fail(kProgram, MessageFor(status), status, help_hint);
}

// A command name is repeated in a message only when it looks like one.
std::optional<std::string> Shown(std::string_view name) { return console::ShownName(name, 20); }

int RunCommand(const Command& command, const Args& leading, std::span<const std::string> rest,
               const core::Clock& clock) {
  std::string hint = "fieldnotes-cli " + std::string(command.name) + " --help";
  auto args = ParseArgs(rest, command.options, CommonOptions());
  if (!args.ok()) {
    if (AsksForHelp(rest)) {
      Print(CommandHelp(command));
      return 0;
    }
    return Fail(args.status(), hint);
  }
  if (args->Has("--help")) {
    Print(CommandHelp(command));
    return 0;
  }
  auto context = Context::FromArgs(leading, *args);
  if (!context.ok()) return Fail(context.status(), hint);
  context->set_clock(clock);
  CliStatus status = command.run(*context, *args);
  if (!status.ok()) return Fail(status, hint);
  return 0;
}

}  // namespace

int RunCli(std::span<const std::string> argv) {
  return RunCli(argv, core::SystemClock::Instance());
}

int RunCli(std::span<const std::string> argv, const core::Clock& clock) {
  // Everything this program creates (the journal, its -wal and -shm files,
  // an export) is for the person's eyes only.
  umask(077);

  auto leading = ParseArgs(argv, kLeadingOptions, {}, /*stop_at_positional=*/true);
  if (!leading.ok()) return Fail(leading.status(), "fieldnotes-cli --help");
  if (auto answered = console::AnswerHelpOrVersion(*leading, "fieldnotes-cli", FIELDNOTES_VERSION,
                                                   OverviewHelp)) {
    return *answered;
  }
  std::span<const std::string> rest = leading->rest();
  if (rest.empty()) {
    return Fail(CliStatus::Usage(core::Tr("please name a command, such as add, list or search.")),
                "fieldnotes-cli --help");
  }

  std::string name = rest[0];
  rest = rest.subspan(1);
  // Groups: "session add", "settings set"; "report" is a command of its own
  // and also the group of "report list", "report show" and "report taken";
  // "link" likewise
  // of "link list", "link verify" and "link remove".
  const bool group = name == "session" || name == "settings" || name == "loop";
  if (group) {
    if (rest.empty() || rest[0].starts_with("-")) {
      if (AsksForHelp(rest)) {
        Print(name == "session"    ? SessionGroupHelp()
              : name == "settings" ? SettingsGroupHelp()
                                   : LoopGroupHelp());
        return 0;
      }
      return Fail(CliStatus::Usage(name == "session" ? core::Tr("session needs add or list after it.")
                                   : name == "settings"
                                       ? core::Tr("settings needs set, unset or list after it.")
                                       : core::Tr("loop needs suggest, same, apart or list after it.")),
                  "fieldnotes-cli " + name + " --help");
    }
    name += " " + rest[0];
    rest = rest.subspan(1);
  } else if ((name == "report" && !rest.empty() &&
              (rest[0] == "list" || rest[0] == "show" || rest[0] == "taken")) ||
             (name == "link" && !rest.empty() &&
              (rest[0] == "list" || rest[0] == "verify" || rest[0] == "remove"))) {
    name += " " + rest[0];
    rest = rest.subspan(1);
  }
  const Command* command = FindCommand(name);
  if (command == nullptr) {
    const size_t space = name.find(' ');
    const bool in_group = group && space != std::string::npos;
    const std::string group_name = in_group ? name.substr(0, space) : "";
    const auto shown = Shown(in_group ? name.substr(space + 1) : name);
    // Each message twice: with what was typed when it looks like a command
    // (%1, "lst"), and without it when it could be someone's writing.
    // TRANSLATORS: %1 is what was typed in place of a command ("lst").
    const char* what = shown ? core::Tr("there is no command '%1'.")
                             : core::Tr("there is no such command.");
    if (group_name == "session") {
      what = shown ? core::Tr("there is no command '%1' for sessions; use add or list.")
                   : core::Tr("there is no such command for sessions; use add or list.");
    } else if (group_name == "settings") {
      what = shown ? core::Tr("there is no command '%1' for settings; use set, unset or list.")
                   : core::Tr("there is no such command for settings; use set, unset or list.");
    } else if (group_name == "loop") {
      what = shown
                 ? core::Tr("there is no command '%1' for loops; use suggest, same, apart or list.")
                 : core::Tr("there is no such command for loops; use suggest, same, apart or list.");
    }
    return Fail(CliStatus::Usage(core::Format(what, shown.value_or(""))),
                in_group ? "fieldnotes-cli " + group_name + " --help" : "fieldnotes-cli --help");
  }

  int code = RunCommand(*command, *leading, rest, clock);
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    console::PrintError(kProgram, core::Tr("could not write the output."));
    if (code == 0) code = static_cast<int>(ExitCode::kError);
  }
  return code;
}

}  // namespace fieldnotes::client
