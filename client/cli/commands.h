// The subcommands of fieldnotes-cli: what each is called, its options, its
// help text, and the function that runs it.
#ifndef FIELDNOTES_CLIENT_CLI_COMMANDS_H_
#define FIELDNOTES_CLIENT_CLI_COMMANDS_H_

#include <span>
#include <string>
#include <string_view>

#include "cli/context.h"
#include "cli/exit_codes.h"
#include "core/json.h"
#include "engine/journal_controller.h"
#include "engine/settings.h"
#include "reports/safety_detector.h"

namespace fieldnotes::client {

using RunFn = CliStatus (*)(Context& context, const Args& args);

struct Command {
  std::string_view name;     // "add", "session add"
  std::string_view summary;  // one line for the overview
  std::string_view help;     // the whole --help text
  std::span<const OptionSpec> options;
  RunFn run = nullptr;
  bool lists_emotions = false;  // its help ends with the emotion vocabulary
};

// Every command, in the order the overview lists them.
std::span<const Command> Commands();
// nullptr when there is no command of that name.
const Command* FindCommand(std::string_view name);

// Options every command accepts (also before the command's name).
std::span<const OptionSpec> CommonOptions();

// The overview (fieldnotes-cli --help), the `session` and `settings`
// groups' help, and a command's help with anything generated appended.
std::string OverviewHelp();
std::string SessionGroupHelp();
std::string SettingsGroupHelp();
std::string LoopGroupHelp();
std::string CommandHelp(const Command& command);

// commands_entries.cpp
CliStatus RunAdd(Context& context, const Args& args);
CliStatus RunList(Context& context, const Args& args);
CliStatus RunShow(Context& context, const Args& args);
CliStatus RunEdit(Context& context, const Args& args);
CliStatus RunDelete(Context& context, const Args& args);
CliStatus RunSearch(Context& context, const Args& args);
// commands_journal.cpp
CliStatus RunInit(Context& context, const Args& args);
CliStatus RunPasswd(Context& context, const Args& args);
CliStatus RunCheck(Context& context, const Args& args);
CliStatus RunBackup(Context& context, const Args& args);
CliStatus RunSummary(Context& context, const Args& args);
// commands_other.cpp
CliStatus RunSessionAdd(Context& context, const Args& args);
CliStatus RunSessionList(Context& context, const Args& args);
CliStatus RunImport(Context& context, const Args& args);
CliStatus RunExport(Context& context, const Args& args);

// commands_patterns.cpp (docs/patterns.md)
CliStatus RunPatterns(Context& context, const Args& args);
CliStatus RunQuestions(Context& context, const Args& args);
CliStatus RunAnswer(Context& context, const Args& args);
CliStatus RunLoopSuggest(Context& context, const Args& args);
CliStatus RunLoopSame(Context& context, const Args& args);
CliStatus RunLoopApart(Context& context, const Args& args);
CliStatus RunLoopList(Context& context, const Args& args);
// After `add` saved entry `id` (the engine's JournalController::AfterSave):
// shows crisis lines on standard error when the entry raises the safety
// flag, prints the id (with `as_json`, the id and the safety result as one
// JSON object), and then, unless the flag was raised, with `ask` asks its
// follow-up questions (prompts on standard error, answers from standard
// input), saving each answer; an answer that raises the flag shows the
// crisis lines and ends the questions.
CliStatus AfterAdd(JournalController& controller, const std::string& id, bool ask, bool as_json);

// When `safety` is raised, shows the crisis lines for the client's region
// on standard error (standard output may be captured by a script; the
// person still sees them). Nothing is sent anywhere.
void ShowCrisisResources(const JournalController& controller, const reports::SafetyResult& safety);

// {"raised": bool, "categories": ["self_harm", ...]}
core::json::Value SafetyJson(const reports::SafetyResult& safety);
// The region of the crisis lines: engine/settings.h (kRegionEnv, CrisisRegionFor).

// commands_report.cpp (docs/report.md)
CliStatus RunReport(Context& context, const Args& args);
CliStatus RunReportList(Context& context, const Args& args);
CliStatus RunReportShow(Context& context, const Args& args);
CliStatus RunReportTaken(Context& context, const Args& args);
CliStatus RunSettingsSet(Context& context, const Args& args);
CliStatus RunSettingsUnset(Context& context, const Args& args);
CliStatus RunSettingsList(Context& context, const Args& args);

// commands_share.cpp (docs/sharing.md)
CliStatus RunLink(Context& context, const Args& args);
CliStatus RunLinkList(Context& context, const Args& args);
CliStatus RunLinkVerify(Context& context, const Args& args);
CliStatus RunLinkRemove(Context& context, const Args& args);
CliStatus RunShare(Context& context, const Args& args);
CliStatus RunWithdraw(Context& context, const Args& args);
CliStatus RunReceipts(Context& context, const Args& args);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_CLI_COMMANDS_H_
