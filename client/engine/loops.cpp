#include "engine/loops.h"

#include <algorithm>
#include <utility>


namespace fieldnotes::client {
namespace {

// Loads the groups, lets `change` decide, keeps the result.
template <typename Change>
core::Result<LoopDecision> Decide(core::Journal& journal, Change change) {
  auto groups = reports::LoadLoopGroups(journal);
  if (!groups.ok()) return groups.status();
  LoopDecision d{*groups, std::move(groups).value()};
  change(d.after);
  if (core::Status s = reports::SaveLoopGroups(journal, d.after); !s.ok()) return s;
  return d;
}

}  // namespace

core::Result<reports::LoopGroups> LoopDecisions(const core::Journal& journal) {
  return reports::LoadLoopGroups(journal);
}

core::Result<std::vector<reports::LoopSuggestion>> SuggestSameWorry(
    std::span<const core::Entry> entries, const reports::LoopGroups& groups) {
  reports::Tokenizer tokenizer;
  auto synonyms = reports::SynonymTable::FromEmbedded(tokenizer);
  if (!synonyms.ok()) return synonyms.status();
  reports::LoopSuggester suggester(tokenizer, *synonyms);
  return suggester.Suggest(entries, groups);
}

core::Result<std::vector<reports::LoopSuggestion>> SuggestSameWorry(const core::Journal& journal) {
  auto groups = reports::LoadLoopGroups(journal);
  if (!groups.ok()) return groups.status();
  return SuggestSameWorry(journal.entries().oldest_first(), *groups);
}

core::Result<LoopDecision> JoinLoops(core::Journal& journal, std::span<const std::string> ids) {
  return Decide(journal, [ids](reports::LoopGroups& g) { g.Join(ids); });
}

core::Result<LoopDecision> SeparateLoops(core::Journal& journal,
                                         std::span<const std::string> ids) {
  return Decide(journal, [ids](reports::LoopGroups& g) { g.Separate(ids); });
}

core::Result<LoopDecision> DeclineSuggestion(core::Journal& journal,
                                             const reports::LoopSuggestion& suggestion) {
  return Decide(journal, [&suggestion](reports::LoopGroups& g) {
    for (const std::string& a : suggestion.first)
      for (const std::string& b : suggestion.second)
        if (!g.Declined(a, b)) g.apart.emplace_back(std::min(a, b), std::max(a, b));
  });
}

core::Status UndoLoopDecision(core::Journal& journal, const LoopDecision& decision) {
  return reports::SaveLoopGroups(journal, decision.before);
}

}  // namespace fieldnotes::client
