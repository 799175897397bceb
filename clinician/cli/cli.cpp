#include "clinician/cli/cli.h"

#include <sys/stat.h>

#include <cstdio>

#include "clinician/cli/commands.h"
#include "clinician/cli/context.h"
#include "clinician/cli/exit_codes.h"
#include "console/command_list.h"
#include "core/i18n.h"

#ifndef FIELDNOTES_VERSION
#define FIELDNOTES_VERSION "unknown"
#endif

namespace fieldnotes::clinician {
namespace {

constexpr OptionSpec kLeading[] = {{"--version"}};

int Fail(const CliStatus& status, std::string_view help_hint) {
  return console::Fail("fieldnotes-clinician", MessageFor(status), status, help_hint);
}

// A command name is repeated in a message only when it looks like one.
std::optional<std::string> Shown(std::string_view name) { return console::ShownName(name, 20); }

int RunCommand(const Command& command, const Args& leading, std::span<const std::string> rest) {
  const std::string hint = "fieldnotes-clinician " + std::string(command.name) + " --help";
  auto args = ParseArgs(rest, command.options, GlobalOptions());
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
  const size_t given = args->positionals().size();
  if (given != command.positionals) {
    std::string what;
    if (command.positionals == 0) {
      // TRANSLATORS: %1 is a command's name, such as "fetch".
      what = core::Format(core::Tr("%1 takes no arguments besides its options."), command.name);
    } else if (given < command.positionals) {
      // TRANSLATORS: %1 is a command's name as it is typed ("fetch").
      what = core::Format(command.positionals == 1 ? core::Tr("%1 needs an argument.")
                                                   // TRANSLATORS: %1 is a command's name as it is
                                                   // typed ("fetch").
                                                   : core::Tr("%1 needs two arguments."),
                          command.name);
    } else {
      // TRANSLATORS: %1 is a command's name as it is typed ("fetch").
      what = core::Format(core::Tr("%1 was given too many arguments."), command.name);
    }
    return Fail(CliStatus::Usage(what), hint);
  }
  auto context = Context::FromArgs(leading, *args);
  if (!context.ok()) return Fail(context.status(), hint);
  const CliStatus status = command.run(*context, *args);
  if (!status.ok()) return Fail(status, hint);
  return 0;
}

}  // namespace

int RunClinician(std::span<const std::string> argv) {
  // Everything this program creates (the key file, the state, a PDF) is for
  // the clinician's eyes only.
  umask(077);

  auto leading = ParseArgs(argv, kLeading, GlobalOptions(), /*stop_at_positional=*/true);
  if (!leading.ok()) return Fail(leading.status(), "fieldnotes-clinician --help");
  if (auto answered = console::AnswerHelpOrVersion(*leading, "fieldnotes-clinician",
                                                   FIELDNOTES_VERSION, OverviewHelp)) {
    return *answered;
  }
  std::span<const std::string> rest = leading->rest();
  if (rest.empty()) {
    return Fail(
        CliStatus::Usage(core::Tr("please name a command, such as login, reports or fetch.")),
        "fieldnotes-clinician --help");
  }
  std::string name = rest[0];
  rest = rest.subspan(1);
  if (name == "keys") {
    if (rest.empty() || rest[0].starts_with("-")) {
      if (AsksForHelp(rest)) {
        Print(KeysGroupHelp());
        return 0;
      }
      return Fail(CliStatus::Usage(core::Tr("keys needs publish after it.")),
                  "fieldnotes-clinician keys --help");
    }
    name += " " + rest[0];
    rest = rest.subspan(1);
  }
  const Command* command = FindCommand(name);
  if (command == nullptr) {
    const bool in_keys = name.starts_with("keys ");
    const auto shown = Shown(in_keys ? name.substr(5) : name);
    // Each message twice: with what was typed when it looks like a command
    // (%1, "lst"), and without it when it could be someone's writing.
    // TRANSLATORS: %1 is what was typed after "keys" ("pubish"); "keys" and "publish" are typed as
    // they are.
    const char* what = in_keys ? (shown ? core::Tr("there is no command '%1' for keys; use publish.")
                                        : core::Tr("there is no such command for keys; use publish."))
                               : (shown ? core::Tr("there is no command '%1'.")
                                        : core::Tr("there is no such command."));
    return Fail(CliStatus::Usage(core::Format(what, shown.value_or(""))),
                in_keys ? "fieldnotes-clinician keys --help" : "fieldnotes-clinician --help");
  }
  int code = RunCommand(*command, *leading, rest);
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    Warn(core::Tr("could not write the output."));
    if (code == 0) code = static_cast<int>(ExitCode::kError);
  }
  return code;
}

}  // namespace fieldnotes::clinician
