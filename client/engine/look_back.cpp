#include "engine/look_back.h"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "core/display.h"
#include "core/model.h"
#include "core/text.h"

namespace fieldnotes::client {

bool IsSearch(std::string_view query) {
  return query.find_first_not_of(" \t") != std::string_view::npos;
}

std::vector<std::string_view> FeelingsNamedBy(std::string_view query) {
  std::vector<std::string_view> out;
  const std::string needle = core::text::Fold(query);
  if (needle.find_first_not_of(" \t") == std::string::npos) return out;
  for (std::string_view feeling : core::EmotionVocabulary()) {
    const std::string shown = core::EmotionWord(feeling);
    // In English the name is the stored word, which the search finds itself.
    if (shown == feeling) continue;
    if (core::text::ContainsFolded(core::text::Fold(shown), needle)) out.push_back(feeling);
  }
  return out;
}

std::vector<const core::Entry*> LookBack(const core::Journal& journal, std::string_view query,
                                         const core::EntryFilter& filter) {
  if (!IsSearch(query)) return journal.ListEntries(filter);
  std::vector<const core::Entry*> found = journal.Search(query);
  const std::vector<std::string_view> feelings = FeelingsNamedBy(query);
  if (feelings.empty()) return found;
  // Feelings are stored as the vocabulary's English word and shown in the
  // reader's language: the entries that hold one whose shown name matches
  // are found too, in the search's order (newest first).
  std::unordered_set<const core::Entry*> chosen(found.begin(), found.end());
  const std::vector<const core::Entry*> all = journal.ListEntries({});
  for (const core::Entry* e : all) {
    const bool names_one = std::any_of(e->emotions.begin(), e->emotions.end(), [&](const auto& em) {
      return std::find(feelings.begin(), feelings.end(), em) != feelings.end();
    });
    if (names_one) chosen.insert(e);
  }
  if (chosen.size() == found.size()) return found;
  std::vector<const core::Entry*> out;
  out.reserve(chosen.size());
  for (const core::Entry* e : all) {  // ListEntries is newest first, as Search
    if (chosen.count(e) != 0) out.push_back(e);
  }
  return out;
}

}  // namespace fieldnotes::client
