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

std::string LoopsWord(size_t n) { return n == 1 ? "1 loop" : std::to_string(n) + " loops"; }

// The full ids of the loop entries named by `given` (ids or prefixes of 8+).
CliResult<std::vector<std::string>> LoopIds(const core::Journal& journal,
                                            std::span<const std::string> given) {
  std::vector<std::string> out;
  for (const std::string& id : given) {
    auto entry = journal.GetEntry(id);
    if (!entry.ok()) {
      if (entry.status().IsNotFound())
        return core::Status::NotFound("there is no entry with the id " + id + ".");
      if (entry.status().code() == core::Status::Code::kInvalidArgument)
        return CliStatus::Usage("more than one entry starts with " + id +
                                "; please give more of it.");
      return entry.status();
    }
    if (entry->kind != core::EntryKind::kLoop)
      return CliStatus::Usage("entry " + Short(entry->id) + " is not a loop.");
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
    text += "   The same worry:  fieldnotes-cli loop same " + both + "\n";
    text += "   Not the same:    fieldnotes-cli loop apart " + both + "\n";
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
  auto joined = JoinLoops(**journal, *ids);
  if (!joined.ok()) return joined.status();
  const std::vector<std::string>* group = joined->after.GroupOf(ids->front());
  Print("Joined: " + LoopsWord(group ? group->size() : ids->size()) +
        ", and any written the same way as them, now count as one worry, \"in these or other "
        "words\".\nUndo with: fieldnotes-cli loop apart " +
        Ids(*ids) + "\n");
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
    Print("Loop " + Short(ids->front()) + " counts on its own again.\n");
  } else {
    Print("Kept apart: these " + LoopsWord(ids->size()) +
          " count as different worries, and are not suggested together again.\nUndo with: "
          "fieldnotes-cli loop same " +
          Ids(*ids) + "\n");
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
    text += "One worry, " + LoopsWord(g.size()) + ":\n";
    for (const std::string& id : g)
      text += "  " + Short(id) + "  " + reports::Quoted(LabelOf(**journal, id)) + "\n";
  }
  Print(text);
  return CliStatus::Ok();
}

}  // namespace fieldnotes::client
