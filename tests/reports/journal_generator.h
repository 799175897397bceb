// A generator of synthetic journals for the evaluation of the detectors
// (docs/patterns.md, "How well it works").
//
// A journal covers several months of entries at realistic times, with
// sessions every two weeks, varied wording and noise: thoughts, befores and
// notes are built from templates with many fillers, share everyday words
// ("work", "today", "again") with the planted patterns, and mention the
// planted triggers' words in other contexts too. Patterns of each kind can
// be planted (a recurring worry in changing words, a weekday x part-of-day
// habit, a trigger, writing that leaves the writer worse); a clean journal
// has none.
//
// The labels say what was planted. They are for the evaluation only: the
// tests hand the detectors the entries, sessions and threads, never the
// labels. Generation is deterministic for a seed.
#ifndef FIELDNOTES_TESTS_REPORTS_JOURNAL_GENERATOR_H_
#define FIELDNOTES_TESTS_REPORTS_JOURNAL_GENERATOR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"
#include "reports/observation.h"

namespace fieldnotes::reports::testing {

struct GeneratorOptions {
  uint64_t seed = 1;
  int weeks = 16;                     // how long the journal has been kept
  double entries_per_week = 8;        // on average, noise included
  bool plant_recurring = false;       // one or two worries, 3-5 times since the last session
  bool plant_time = false;            // spikes in one weekday x part of day, most recent weeks
  bool plant_trigger = false;         // one emotion after one kind of event
  bool plant_writing_effect = false;  // feeling worse after writing, recently
};

struct PlantedRecurring {
  std::string canonical;                // the first wording, for messages
  std::vector<std::string> period_ids;  // entries since the last session
  std::vector<std::string> all_ids;     // over the whole history
  bool loop = false;                    // planted as loops (near-verbatim)
};

struct PlantedTime {
  int weekday = 0;
  PartOfDay part = PartOfDay::kMorning;
  std::vector<std::string> ids;
};

struct PlantedTrigger {
  std::string emotion;
  std::vector<std::string> words;  // folded words any fair label contains one of
  std::vector<std::string> ids;    // spikes after the event
};

struct Labels {
  std::vector<PlantedRecurring> recurring;
  std::optional<PlantedTime> time;
  std::optional<PlantedTrigger> trigger;
  bool writing_worse = false;
};

struct GeneratedJournal {
  std::vector<core::Entry> entries;  // in no particular order
  std::vector<core::Session> sessions;
  std::vector<core::Thread> threads;
  core::Timestamp now;  // the moment of analysis, for a FakeClock
  Labels labels;        // the truth; never given to a detector
};

GeneratedJournal GenerateJournal(const GeneratorOptions& options);

// Deterministic random spike times for the time-pattern false-positive
// test: `spikes` spikes over `weeks` weeks ending at `now`, hours drawn
// uniformly (evening_weighted = false) or weighted towards the evening as
// people write.
std::vector<core::Entry> RandomSpikes(uint64_t seed, int weeks, int spikes, core::Timestamp now,
                                      bool evening_weighted);

}  // namespace fieldnotes::reports::testing

#endif  // FIELDNOTES_TESTS_REPORTS_JOURNAL_GENERATOR_H_
