#include "reports/writing_effect_detector.h"

#include "core/i18n.h"

namespace fieldnotes::reports {

std::vector<Observation> WritingEffectDetector::Detect(const EntryIndex& index) {
  std::vector<const IndexedEntry*> recent;  // newest first
  const auto& entries = index.entries();
  for (auto it = entries.rbegin(); it != entries.rend() && recent.size() < kRecent; ++it) {
    if (it->day > index.last_day()) continue;
    if (it->day <= index.last_day() - kRecentDays) break;
    if (it->entry->mood_before && it->entry->mood_after) recent.push_back(&*it);
  }
  const int n = static_cast<int>(recent.size());
  if (n < kMinEntries) return {};
  Observation o;
  for (auto it = recent.rbegin(); it != recent.rend(); ++it) {
    const core::Entry& e = *(*it)->entry;
    if (*e.mood_after < *e.mood_before) {
      o.evidence.Add(e.id, (*it)->date);
    }
  }
  o.count = static_cast<int>(o.evidence.size());
  if (o.count < kMinWorse || 2 * o.count <= n) return {};
  o.id = "writing-effect";
  o.summary = core::Format(
      // TRANSLATORS: shown to the client only (never in a report unless they
      // add it): %1 of the last %2 entries that had a mood noted before and
      // after writing. Gentle, never alarming.
      core::TrN("In %1 of your last %2 entry with a mood before and after, you felt worse after "
                "writing than before. If writing keeps leaving you feeling worse, that matters "
                "more than any practice: it may help to tell your therapist, and some weeks the "
                "right move is to close the journal and rest.",
                "In %1 of your last %2 entries with a mood before and after, you felt worse after "
                "writing than before. If writing keeps leaving you feeling worse, that matters "
                "more than any practice: it may help to tell your therapist, and some weeks the "
                "right move is to close the journal and rest.",
                static_cast<unsigned long>(n)),
      o.count, n);
  o.detail = WritingEffectDetail{n};
  return {std::move(o)};
}

}  // namespace fieldnotes::reports
