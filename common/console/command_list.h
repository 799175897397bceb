// What both command-line programs do with their table of commands: find
// one by name, and list them for the overview help. A command type needs
// `name` and `summary` (string_views); each program keeps its own type,
// since what a command runs on differs.
#ifndef FIELDNOTES_CONSOLE_COMMAND_LIST_H_
#define FIELDNOTES_CONSOLE_COMMAND_LIST_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "console/args.h"
#include "console/cli_status.h"
#include "core/i18n.h"

namespace fieldnotes::console {

// nullptr when no command has that name.
template <typename Command>
const Command* FindCommandIn(std::span<const Command> commands, std::string_view name) {
  for (const auto& c : commands) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

// The translation of a message kept as a string_view of a literal (a
// command table's summary or help, marked with N_).
inline std::string TrText(std::string_view msgid) {
  const std::string key(msgid);
  return core::Tr(key.c_str());
}

// "  name            summary\n" for each command, names padded to 16
// (a longer name keeps two spaces before its summary); the summaries
// translated.
template <typename Command>
std::string ListCommands(std::span<const Command> commands) {
  std::string out;
  for (const auto& c : commands) {
    std::string name(c.name);
    name.resize(name.size() < 16 ? 16 : name.size() + 2, ' ');
    out += "  " + name + TrText(c.summary) + "\n";
  }
  return out;
}

// Before any command: with --help, prints `overview()`; with --version,
// "program version". Returns the exit code (0) when it answered, nullopt
// when the command line asks for neither.
template <typename OverviewFn>
std::optional<int> AnswerHelpOrVersion(const Args& leading, std::string_view program,
                                       std::string_view version, OverviewFn overview) {
  if (leading.Has("--help")) {
    Print(overview());
    return 0;
  }
  if (leading.Has("--version")) {
    Print(std::string(program) + " " + std::string(version) + "\n");
    return 0;
  }
  return std::nullopt;
}

}  // namespace fieldnotes::console

#endif  // FIELDNOTES_CONSOLE_COMMAND_LIST_H_
