// patterns, questions, answer, and what `add` does after saving: the safety
// check and, with --ask, the follow-up questions (docs/patterns.md). Every
// decision is the reports library's; this file only reads arguments, calls
// it, and prints.
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "engine/settings.h"
#include "core/clock.h"
#include "core/json.h"
#include "reports/crisis_resources.h"
#include "reports/loop_groups.h"
#include "reports/pattern_analyzer.h"
#include "reports/question_engine.h"
#include "reports/safety_detector.h"

namespace fieldnotes::client {

reports::SafetyResult ShowCrisisResourcesIfNeeded(const core::Journal& journal,
                                                  const core::Entry& entry) {
  reports::SafetyResult safety = reports::SafetyDetector::Default().Check(entry);
  if (!safety.raised()) return safety;
  const auto& resources = reports::CrisisResources::Default();
  const std::string region = CrisisRegionFor(&journal);
  const bool abuse = safety.Has(reports::SafetyCategory::kHarmFromOthers);
  std::fputs(("\n" + resources.Format(resources.ForRegion(region), abuse) + "\n").c_str(),
             stderr);
  return safety;
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
    return core::Status::NotFound("there is no entry with the id " + id + ".");
  if (entry.status().code() == core::Status::Code::kInvalidArgument)
    return CliStatus::Usage("more than one entry starts with that id; please give more of it.");
  return entry.status();
}

reports::JournalData DataOf(const core::Journal& journal) {
  return reports::JournalData{journal.entries().oldest_first(), journal.sessions(), journal.threads()};
}

// Records the entry's questions if it has none yet, saving it.
CliStatus EnsureQuestionsSaved(core::Journal& journal, core::Entry& entry) {
  auto engine = reports::MakeDefaultQuestionEngine();
  if (reports::EnsureQuestions(entry, *engine, DataOf(journal), core::SystemClock::Instance())) {
    if (core::Status s = journal.UpdateEntry(entry); !s.ok()) return s;
  }
  return CliStatus::Ok();
}

std::string QuestionList(const core::Entry& entry) {
  if (entry.followups.empty()) return "Nothing to ask about this entry.\n";
  std::string out;
  for (size_t i = 0; i < entry.followups.size(); ++i) {
    out += std::to_string(i + 1) + ". " + entry.followups[i].question + "\n";
    if (!entry.followups[i].answer.empty())
      out += "   Your answer: " + entry.followups[i].answer + "\n";
  }
  return out;
}

}  // namespace

CliStatus RunPatterns(Context& context, const Args& args) {
  if (!args.positionals().empty())
    return CliStatus::Usage("patterns takes no arguments, only options.");
  const bool since = args.Has("--since-last-session");
  const auto from_text = args.Value("--from");
  const auto to_text = args.Value("--to");
  if (since && (from_text || to_text))
    return CliStatus::Usage("use either --since-last-session or --from and --to, not both.");
  if (from_text.has_value() != to_text.has_value())
    return CliStatus::Usage("--from and --to go together.");
  std::optional<reports::Period> chosen;
  if (from_text) {
    auto from = core::ParseDate(*from_text);
    auto to = core::ParseDate(*to_text);
    if (!from.ok() || !to.ok()) return CliStatus::Usage("--from and --to need days as YYYY-MM-DD.");
    auto period = reports::Period::Between(*from, *to);
    if (!period.ok()) return CliStatus::Usage("--from is after --to.");
    chosen = *period;
  }

  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  const core::Clock& clock = core::SystemClock::Instance();
  const reports::Period period =
      chosen ? *chosen : reports::Period::SinceLastSession((*journal)->sessions(), clock);
  auto groups = reports::LoadLoopGroups(**journal);
  if (!groups.ok()) return groups.status();
  reports::JournalData data = DataOf(**journal);
  data.same_worry = groups->same;
  const reports::Patterns patterns = reports::PatternAnalyzer::Analyze(data, period, clock);
  if (args.Has("--json")) {
    Print(core::json::WritePretty(reports::PatternsToJson(patterns)) + "\n");
    return CliStatus::Ok();
  }
  std::string text = reports::PatternsToText(patterns);
  // The same worry in other words: said, never decided here.
  reports::Tokenizer tokenizer;
  auto synonyms = reports::SynonymTable::FromEmbedded(tokenizer);
  if (!synonyms.ok()) return synonyms.status();
  reports::LoopSuggester suggester(tokenizer, *synonyms);
  const size_t suggested = suggester.Suggest((*journal)->entries().oldest_first(), *groups).size();
  if (suggested > 0) {
    text += "\n" +
            std::string(suggested == 1 ? "Two loops you wrote differently may be the same worry."
                                       : "Some loops you wrote differently may be the same "
                                         "worry.") +
            " See: fieldnotes-cli loop suggest\n";
  }
  Print(text);
  return CliStatus::Ok();
}

CliStatus RunQuestions(Context& context, const Args& args) {
  if (args.positionals().size() != 1)
    return CliStatus::Usage("questions needs the id of one entry.");
  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  auto entry = EntryById(**journal, args.positionals()[0]);
  if (!entry.ok()) return entry.status();
  if (CliStatus s = EnsureQuestionsSaved(**journal, *entry); !s.ok()) return s;
  Print(QuestionList(*entry));
  return CliStatus::Ok();
}

CliStatus RunAnswer(Context& context, const Args& args) {
  if (args.positionals().size() != 1) return CliStatus::Usage("answer needs the id of one entry.");
  const auto number_text = args.Value("--question");
  const auto text = args.Value("--text");
  if (!number_text || !text)
    return CliStatus::Usage("answer needs --question N and --text \"your answer\".");
  const auto number = ParseInt(*number_text, 1, 1000);
  if (!number) return CliStatus::Usage("--question needs the number of a question, such as 1.");

  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  auto entry = EntryById(**journal, args.positionals()[0]);
  if (!entry.ok()) return entry.status();
  if (CliStatus s = EnsureQuestionsSaved(**journal, *entry); !s.ok()) return s;
  if (core::Status s = reports::RecordAnswer(*entry, *number, *text); !s.ok())
    return CliStatus::Usage(s.message() + ".");
  if (core::Status s = (*journal)->UpdateEntry(*entry); !s.ok()) return s;
  Print("Saved your answer to question " + std::to_string(*number) + ".\n");
  ShowCrisisResourcesIfNeeded(**journal, *entry);
  return CliStatus::Ok();
}

CliStatus AfterAdd(core::Journal& journal, const std::string& id, bool ask, bool as_json) {
  auto entry = EntryById(journal, id);
  if (!entry.ok()) return entry.status();
  // Safety first, and then no probing questions.
  const reports::SafetyResult safety = ShowCrisisResourcesIfNeeded(journal, *entry);
  if (as_json) {
    core::json::Object out;
    out.Set("id", id);
    out.Set("safety", SafetyJson(safety));
    Print(core::json::Write(out) + "\n");
  } else {
    Print(id + "\n");
  }
  if (safety.raised() || !ask) return CliStatus::Ok();
  if (CliStatus s = EnsureQuestionsSaved(journal, *entry); !s.ok()) return s;
  for (size_t i = 0; i < entry->followups.size(); ++i) {
    // Prompts go to standard error, answers come from standard input: one
    // line each; an empty line skips, the end of input stops.
    std::fputs((entry->followups[i].question + "\n> ").c_str(), stderr);
    std::string line;
    if (!std::getline(std::cin, line)) break;
    if (line.empty()) continue;
    if (core::Status s = reports::RecordAnswer(*entry, static_cast<int>(i) + 1, line); !s.ok())
      return CliStatus::Usage(s.message() + ".");
    if (core::Status s = journal.UpdateEntry(*entry); !s.ok()) return s;
    // An answer can say it too: then the crisis lines, and no further question.
    if (ShowCrisisResourcesIfNeeded(journal, *entry).raised()) break;
  }
  return CliStatus::Ok();
}

}  // namespace fieldnotes::client
