// Recurring worries and loops (detector 1, docs/patterns.md): entries that
// say the same thing, grouped and counted both in the period and over the
// whole history. "You wrote "everyone is going to find out I'm a fraud"
// 4 times since your last session (Nov 3, 5, 8, 10)."
//
// Sentences of thoughts and texts are compared with TextUnits' rules; a
// group is an entry-level count (an entry that says it twice counts once).
// Groups are formed around sentences of the period, then the whole history
// is matched against them for the total. The label is one sentence the
// client wrote in the period, never a paraphrase.
#ifndef FIELDNOTES_REPORTS_RECURRING_DETECTOR_H_
#define FIELDNOTES_REPORTS_RECURRING_DETECTOR_H_

#include <vector>

#include "core/model.h"
#include "reports/entry_index.h"
#include "reports/observation.h"
#include "reports/tokenizer.h"

namespace fieldnotes::reports {

class RecurringDetector {
 public:
  // A loop: entries in all, at least one of them in the period; anything
  // else: entries in the period.
  static constexpr int kMinCount = 3;
  static constexpr size_t kMaxObservations = 8;
  static constexpr size_t kLabelWords = 14;    // longer sentences are cut with "…"
  static constexpr size_t kWholeWords = 150;   // a loop shown whole, word for word
  static constexpr size_t kExemplars = 4;      // sentences a group is compared by
  static constexpr double kIndexShare = 0.10;  // terms in more units are not looked up

  // Uses `tokenizer` during calls; it must outlive this object.
  explicit RecurringDetector(Tokenizer& tokenizer) : tokenizer_(tokenizer) {}

  // Groups of loops said at least once in the period and at least
  // kMinCount times in all up to the period's end (the memory across
  // sessions), and other groups said kMinCount times in the period; most
  // frequent in the period first, then in all; at most kMaxObservations.
  std::vector<Observation> Detect(const EntryIndex& index);

  // How many entries in the period of `index` say the same thing as
  // `entry`, counting `entry` itself once (so at least 1). An entry with
  // the same id as `entry` in the index is replaced by `entry`.
  int CountSimilar(const core::Entry& entry, const EntryIndex& index);

 private:
  Tokenizer& tokenizer_;
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_RECURRING_DETECTOR_H_
