// loop suggest, loop same, loop apart, loop list: the client decides which
// differently worded loops are the same worry (reports/loop_groups.h).
#include <algorithm>
#include <cmath>
#include <set>

#include "cli/commands.h"
#include "cli/output.h"
#include "core/display.h"
#include "core/json.h"
#include "engine/loops.h"
#include "reports/phrase_format.h"
#include "core/i18n.h"

namespace fieldnotes::client {
namespace {

std::string Short(const std::string& id) { return id.substr(0, 8); }

std::string Ids(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : " ") + Short(id);
  return out;
}

// "1 loop", "3 loops", for a sentence of its own.
std::string LoopsWord(size_t n) {
  return core::Format(core::TrN("%1 loop", "%1 loops", n), core::FormatCount(n));
}

// The full ids of the loop entries named by `given` (ids or prefixes of 8+).
CliResult<std::vector<std::string>> LoopIds(const core::Journal& journal,
                                            std::span<const std::string> given) {
  std::vector<std::string> out;
  for (const std::string& id : given) {
    auto entry = journal.GetEntry(id);
    if (!entry.ok()) {
      if (entry.status().IsNotFound())
        return core::Status::NotFound(
            core::Format(core::Tr("there is no entry with the id %1."), id));
      if (entry.status().code() == core::Status::Code::kInvalidArgument)
        return CliStatus::Usage(
            core::Format(core::Tr("more than one entry starts with %1; please give more of it."), id));
      return entry.status();
    }
    if (entry->kind != core::EntryKind::kLoop)
      return CliStatus::Usage(core::Format(core::Tr("entry %1 is not a loop."), Short(entry->id)));
    if (std::find(out.begin(), out.end(), entry->id) == out.end()) out.push_back(entry->id);
  }
  return out;
}

std::string LabelOf(const core::Journal& journal, const std::string& id) {
  auto entry = journal.GetEntry(id);
  return entry.ok() ? reports::ClientPhrase(reports::LoopText(*entry), 14) : std::string();
}

core::json::Value IdArray(const std::vector<std::string>& ids) {
  core::json::Array a;
  for (const std::string& id : ids) a.emplace_back(id);
  return a;
}

}  // namespace

CliStatus RunLoopSuggest(Context& context, const Args& args) {
  if (!args.positionals().empty()) return CliStatus::Usage(core::Tr("loop suggest takes no arguments."));
  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  auto found = SuggestSameWorry(**journal);
  if (!found.ok()) return found.status();
  const auto& suggestions = *found;
  if (args.Has("--json")) {
    core::json::Array out;
    for (const auto& s : suggestions) {
      core::json::Object o;
      o.Set("first", IdArray(s.first));
      o.Set("first_label", s.first_label);
      o.Set("second", IdArray(s.second));
      o.Set("second_label", s.second_label);
      o.Set("score", std::round(s.score * 100) / 100);
      out.emplace_back(std::move(o));
    }
    Print(core::json::WritePretty(out) + "\n");
    return CliStatus::Ok();
  }
  if (suggestions.empty()) {
    Print(core::Tr("No loops look like the same worry in other words right now.\n"));
    return CliStatus::Ok();
  }
  std::string text =
      core::Tr("These loops may be the same worry in other words. Only you can say; nothing is joined "
      "unless you do.\n");
  for (size_t i = 0; i < suggestions.size(); ++i) {
    const auto& s = suggestions[i];
    text += "\n" + std::to_string(i + 1) + ". " + reports::Quoted(s.first_label) + " (" +
            LoopsWord(s.first.size()) + ")\n   " + reports::Quoted(s.second_label) + " (" +
            LoopsWord(s.second.size()) + ")\n";
    const std::string both = Ids({s.first.back()}) + " " + Ids({s.second.back()});
    // TRANSLATORS: the commands are typed as they are; %1 is two loops' ids.
    text += "   " + core::Format(core::Tr("The same worry:  fieldnotes-cli loop same %1"), both) + "\n";
    // TRANSLATORS: the commands are typed as they are; %1 is two loops' ids.
    text += "   " + core::Format(core::Tr("Not the same:    fieldnotes-cli loop apart %1"), both) + "\n";
  }
  Print(text);
  return CliStatus::Ok();
}

CliStatus RunLoopSame(Context& context, const Args& args) {
  if (args.positionals().size() < 2)
    return CliStatus::Usage(core::Tr("loop same needs the ids of two loops or more."));
  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  auto ids = LoopIds(**journal, args.positionals());
  if (!ids.ok()) return ids.status();
  if (ids->size() < 2) return CliStatus::Usage(core::Tr("loop same needs two different loops."));
  auto joined_loops = JoinLoops(**journal, *ids);
  if (!joined_loops.ok()) return joined_loops.status();
  const std::vector<std::string>* group = joined_loops->after.GroupOf(ids->front());
  const size_t joined = group ? group->size() : ids->size();
  // TRANSLATORS: %1 is a count; "in these or other words" is how the report
  // names a joined worry (translate it the same way); %2 is the loops' ids.
  Print(core::Format(core::TrN("Joined: %1 loop, and any written the same way as it, now count as "
                               "one worry, \"in these or other words\".\nUndo with: fieldnotes-cli "
                               "loop apart %2",
                               "Joined: %1 loops, and any written the same way as them, now count "
                               "as one worry, \"in these or other words\".\nUndo with: "
                               "fieldnotes-cli loop apart %2",
                               joined),
                     core::FormatCount(joined), Ids(*ids)) +
        "\n");
  return CliStatus::Ok();
}

CliStatus RunLoopApart(Context& context, const Args& args) {
  if (args.positionals().empty())
    return CliStatus::Usage(core::Tr("loop apart needs the id of a loop, or of two loops or more."));
  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  auto ids = LoopIds(**journal, args.positionals());
  if (!ids.ok()) return ids.status();
  auto separated = SeparateLoops(**journal, *ids);
  if (!separated.ok()) return separated.status();
  if (ids->size() == 1) {
    // TRANSLATORS: %1 is the first 8 characters of a loop's id.
    Print(core::Format(core::Tr("Loop %1 counts on its own again."), Short(ids->front())) + "\n");
  } else {
    // TRANSLATORS: %1 is how many loops were named (always 2 or more: the
    // first form is for languages that use it for such numbers too, like
    // 21); each of them now counts as a worry of its own. The command is
    // typed as it is; %2 is the loops' ids.
    Print(core::Format(core::TrN("Kept apart: the %1 loop you named counts as a worry of its own, "
                                 "and is not suggested together with the others again.\nUndo "
                                 "with: fieldnotes-cli loop same %2",
                                 "Kept apart: the %1 loops you named each count as a worry of "
                                 "their own, and are not suggested together again.\nUndo with: "
                                 "fieldnotes-cli loop same %2",
                                 ids->size()),
                       core::FormatCount(ids->size()), Ids(*ids)) +
          "\n");
  }
  return CliStatus::Ok();
}

CliStatus RunLoopList(Context& context, const Args& args) {
  if (!args.positionals().empty()) return CliStatus::Usage(core::Tr("loop list takes no arguments."));
  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  auto groups = LoopDecisions(**journal);
  if (!groups.ok()) return groups.status();
  if (args.Has("--json")) {
    core::json::Array same;
    for (const auto& g : groups->same) same.emplace_back(IdArray(g));
    core::json::Array apart;
    for (const auto& [a, b] : groups->apart) apart.emplace_back(IdArray({a, b}));
    core::json::Object o;
    o.Set("same", std::move(same));
    o.Set("apart", std::move(apart));
    Print(core::json::WritePretty(o) + "\n");
    return CliStatus::Ok();
  }
  if (groups->same.empty()) {
    Print(core::Tr("No loops are joined as one worry. See fieldnotes-cli loop suggest.\n"));
    return CliStatus::Ok();
  }
  std::string text;
  for (const auto& g : groups->same) {
    text += core::Format(core::TrN("One worry, %1 loop:", "One worry, %1 loops:", g.size()),
                         core::FormatCount(g.size())) +
            "\n";
    for (const std::string& id : g)
      text += "  " + Short(id) + "  " + reports::Quoted(LabelOf(**journal, id)) + "\n";
  }
  Print(text);
  return CliStatus::Ok();
}

}  // namespace fieldnotes::client
