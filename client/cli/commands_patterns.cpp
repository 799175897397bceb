// patterns, questions, answer, and what `add` does after saving: the safety
// check and, with --ask, the follow-up questions (docs/patterns.md). Every
// decision is the reports library's; this file only reads arguments, calls
// it, and prints.
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "engine/journal_controller.h"
#include "engine/patterns.h"
#include "engine/settings.h"
#include "core/clock.h"
#include "core/json.h"
#include "reports/crisis_resources.h"
#include "reports/loop_groups.h"
#include "reports/pattern_analyzer.h"
#include "reports/safety_detector.h"
#include "core/i18n.h"

namespace fieldnotes::client {

void ShowCrisisResources(const JournalController& controller,
                         const reports::SafetyResult& safety) {
  if (!safety.raised()) return;
  const auto& resources = reports::CrisisResources::Default();
  const bool abuse = safety.Has(reports::SafetyCategory::kHarmFromOthers);
  std::fputs(("\n" +
              resources.Format(resources.ForRegion(controller.CrisisRegion()), abuse) + "\n")
                 .c_str(),
             stderr);
}

core::json::Value SafetyJson(const reports::SafetyResult& safety) {
  core::json::Array categories;
  for (reports::SafetyCategory c : safety.categories)
    categories.emplace_back(reports::SafetyCategoryName(c));
  core::json::Object out;
  out.Set("raised", safety.raised());
  out.Set("categories", std::move(categories));
  return out;
}

namespace {

CliResult<core::Entry> EntryById(const core::Journal& journal, const std::string& id) {
  auto entry = journal.GetEntry(id);
  if (entry.ok()) return std::move(entry).value();
  if (entry.status().IsNotFound())
    return core::Status::NotFound(core::Format(core::Tr("there is no entry with the id %1."), id));
  if (entry.status().code() == core::Status::Code::kInvalidArgument)
    return CliStatus::Usage(core::Tr("more than one entry starts with that id; please give more of it."));
  return entry.status();
}

// The entry's questions, recorded and saved on first call (as the app asks
// them after a save).
CliResult<core::Entry> WithQuestions(JournalController& controller, const core::Entry& entry) {
  auto questions = controller.EnsureQuestions(entry.id);
  if (!questions.ok()) return questions.status();
  core::Entry out = entry;
  out.followups = std::move(questions).value();
  return out;
}

// Saves answer `number` (1-based); a number the entry has no question for
// is the person's to change.
CliStatus Answered(JournalController& controller, const std::string& id, int number,
                   std::string_view answer) {
  core::Status s = controller.AnswerQuestion(id, number, answer);
  if (s.code() == core::Status::Code::kInvalidArgument) return CliStatus::Usage(s.message());
  return s;
}

std::string QuestionList(const core::Entry& entry) {
  if (entry.followups.empty()) return core::Tr("Nothing to ask about this entry.\n");
  std::string out;
  for (size_t i = 0; i < entry.followups.size(); ++i) {
    out += std::to_string(i + 1) + ". " + entry.followups[i].question + "\n";
    if (!entry.followups[i].answer.empty()) {
      // TRANSLATORS: under a follow-up question; %1 is the client's answer, as written.
      out += "   " + core::Format(core::Tr("Your answer: %1"), entry.followups[i].answer) + "\n";
    }
  }
  return out;
}

}  // namespace

CliStatus RunPatterns(Context& context, const Args& args) {
  if (!args.positionals().empty())
    return CliStatus::Usage(core::Tr("patterns takes no arguments, only options."));
  const bool since = args.Has("--since-last-session");
  const auto from_text = args.Value("--from");
  const auto to_text = args.Value("--to");
  if (since && (from_text || to_text))
    return CliStatus::Usage(core::Tr("use either --since-last-session or --from and --to, not both."));
  if (from_text.has_value() != to_text.has_value())
    return CliStatus::Usage(core::Tr("--from and --to go together."));
  std::optional<reports::Period> chosen;
  if (from_text) {
    auto from = core::ParseDate(*from_text);
    auto to = core::ParseDate(*to_text);
    if (!from.ok() || !to.ok()) return CliStatus::Usage(core::Tr("--from and --to need days as YYYY-MM-DD."));
    auto period = reports::Period::Between(*from, *to);
    if (!period.ok()) return CliStatus::Usage(core::Tr("--from is after --to."));
    chosen = *period;
  }

  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  // The same analysis as the app's Patterns page (engine/patterns.h).
  auto snapshot = TakePatternSnapshot(**journal);
  if (!snapshot.ok()) return snapshot.status();
  auto analysis = AnalyzePatterns(*snapshot, context.clock(), chosen);
  if (!analysis.ok()) return analysis.status();
  if (args.Has("--json")) {
    Print(core::json::WritePretty(reports::PatternsToJson(analysis->patterns)) + "\n");
    return CliStatus::Ok();
  }
  std::string text = reports::PatternsToText(analysis->patterns);
  // The same worry in other words: said, never decided here.
  const size_t suggested = analysis->suggestions.size();
  if (suggested > 0) {
    text += "\n" +
            // TRANSLATORS: the command is typed as it is.
            std::string(suggested == 1 ? core::Tr("Two loops you wrote differently may be the same "
                                                  "worry. See: fieldnotes-cli loop suggest")
                                       : core::Tr("Some loops you wrote differently may be the same "
                                                  "worry. See: fieldnotes-cli loop suggest")) +
            "\n";
  }
  Print(text);
  return CliStatus::Ok();
}

CliStatus RunQuestions(Context& context, const Args& args) {
  if (args.positionals().size() != 1)
    return CliStatus::Usage(core::Tr("questions needs the id of one entry."));
  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  JournalController controller(std::move(journal).value(), context.clock());
  auto entry = EntryById(controller.journal(), args.positionals()[0]);
  if (!entry.ok()) return entry.status();
  auto asked = WithQuestions(controller, *entry);
  if (!asked.ok()) return asked.status();
  Print(QuestionList(*asked));
  return CliStatus::Ok();
}

CliStatus RunAnswer(Context& context, const Args& args) {
  if (args.positionals().size() != 1) return CliStatus::Usage(core::Tr("answer needs the id of one entry."));
  const auto number_text = args.Value("--question");
  const auto text = args.Value("--text");
  if (!number_text || !text)
    return CliStatus::Usage(core::Tr("answer needs --question N and --text \"your answer\"."));
  const auto number = ParseInt(*number_text, 1, 1000);
  if (!number) return CliStatus::Usage(core::Tr("--question needs the number of a question, such as 1."));

  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  JournalController controller(std::move(journal).value(), context.clock());
  auto entry = EntryById(controller.journal(), args.positionals()[0]);
  if (!entry.ok()) return entry.status();
  if (auto asked = WithQuestions(controller, *entry); !asked.ok()) return asked.status();
  if (CliStatus s = Answered(controller, entry->id, *number, *text); !s.ok()) return s;
  // TRANSLATORS: %1 is the question's number.
  Print(core::Format(core::Tr("Saved your answer to question %1."), *number) + "\n");
  // An answer is read for safety like every other field.
  auto after = controller.AfterSave(entry->id, /*ask=*/false);
  if (!after.ok()) return after.status();
  ShowCrisisResources(controller, after->safety);
  return CliStatus::Ok();
}

CliStatus AfterAdd(JournalController& controller, const std::string& id, bool ask, bool as_json) {
  // Safety first, and then no probing questions (the engine's AfterSave,
  // as the app's Write page does).
  auto after = controller.AfterSave(id, ask);
  if (!after.ok()) return after.status();
  ShowCrisisResources(controller, after->safety);
  if (as_json) {
    core::json::Object out;
    out.Set("id", id);
    out.Set("safety", SafetyJson(after->safety));
    Print(core::json::Write(out) + "\n");
  } else {
    Print(id + "\n");
  }
  if (after->safety.raised() || !ask) return CliStatus::Ok();
  for (size_t i = 0; i < after->questions.size(); ++i) {
    // Prompts go to standard error, answers come from standard input: one
    // line each; an empty line skips, the end of input stops.
    std::fputs((after->questions[i].question + "\n> ").c_str(), stderr);
    std::string line;
    if (!std::getline(std::cin, line)) break;
    if (line.empty()) continue;
    if (CliStatus s = Answered(controller, id, static_cast<int>(i) + 1, line); !s.ok()) return s;
    // An answer can say it too: then the crisis lines, and no further question.
    auto again = controller.AfterSave(id, /*ask=*/false);
    if (!again.ok()) return again.status();
    ShowCrisisResources(controller, again->safety);
    if (again->safety.raised()) break;
  }
  return CliStatus::Ok();
}

}  // namespace fieldnotes::client
