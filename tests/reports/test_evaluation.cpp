// How well the detectors work, measured on synthetic journals
// (docs/patterns.md, "How well it works"). The generator's labels are used
// here, to score; the detectors get only entries, sessions and threads.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "core/clock.h"
#include "core/text.h"
#include "journal_generator.h"
#include "reports/pattern_analyzer.h"
#include "reports/phrase_format.h"

using namespace fieldnotes;
using namespace fieldnotes::reports;
using namespace fieldnotes::reports::testing;

namespace {

// The bars, as stated in docs/patterns.md. The test fails below them.
constexpr double kMinRecallRecurring = 0.90;
constexpr double kMinRecallTime = 0.75;
constexpr double kMinRecallTrigger = 0.80;
constexpr double kMinRecallWriting = 0.90;
constexpr double kMaxFalsePositiveRate = 0.05;  // per type, on clean journals
constexpr double kMaxSpuriousRate = 0.10;       // per type, extra findings in planted journals

constexpr int kJournals = 150;

struct Tally {
  int planted = 0, found = 0;       // recall
  int clean = 0, clean_fp = 0;      // false positives on clean journals
  int extra = 0, planted_runs = 0;  // unplanted findings in planted journals
  double Recall() const { return planted ? static_cast<double>(found) / planted : 1; }
  double FalsePositiveRate() const { return clean ? static_cast<double>(clean_fp) / clean : 0; }
  double SpuriousRate() const {
    return planted_runs ? static_cast<double>(extra) / planted_runs : 0;
  }
};

std::set<std::string> Ids(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

size_t Overlap(const Evidence& a, const std::set<std::string>& b) {
  size_t common = 0;
  for (size_t i = 0; i < a.size(); ++i) common += b.count(a.id(i));
  return common;
}

// A recurring finding matches a planted worry when it holds at least 3 and
// three quarters of the worry's entries since the session, and at least
// three quarters of what it holds is that worry.
bool Matches(const Observation& o, const PlantedRecurring& p) {
  const auto planted = Ids(p.period_ids);
  const size_t common = Overlap(o.evidence, planted);
  return common >= 3 && common * 4 >= planted.size() * 3 && common * 4 >= o.evidence.size() * 3;
}

bool Matches(const Observation& o, const PlantedTime& p) {
  const auto& d = std::get<TimeDetail>(o.detail);
  return d.weekday == p.weekday && d.part == p.part;
}

bool Matches(const Observation& o, const PlantedTrigger& p) {
  const auto& d = std::get<TriggerDetail>(o.detail);
  if (d.emotion != p.emotion) return false;
  const std::string phrase = core::text::Fold(d.trigger);
  return std::any_of(p.words.begin(), p.words.end(),
                     [&](const std::string& w) { return phrase.find(w) != std::string::npos; });
}

// FIELDNOTES_EVAL_VERBOSE=1 prints every miss and every false positive.
bool Verbose() {
  static const bool verbose = std::getenv("FIELDNOTES_EVAL_VERBOSE") != nullptr;
  return verbose;
}

const std::vector<core::Entry>* g_entries = nullptr;  // for Show, verbose runs only

void Show(const char* what, uint64_t seed, const std::vector<const Observation*>& obs) {
  if (!Verbose()) return;
  std::printf("[seed %llu] %s\n", static_cast<unsigned long long>(seed), what);
  for (const Observation* o : obs) {
    std::printf("    found: %s\n", o->summary.c_str());
    if (o->type() != ObservationType::kRecurring || g_entries == nullptr) continue;
    for (const core::Entry& e : *g_entries) {
      if (o->evidence.Contains(e.id))
        std::printf("      <%s> %s | %s\n", std::string(core::KindName(e.kind)).c_str(),
                    e.thought.c_str(), e.text.c_str());
    }
  }
}

struct Evaluation {
  Tally recurring, time, trigger, writing;

  void Score(const GeneratedJournal& g, bool planted, uint64_t seed) {
    g_entries = &g.entries;
    core::FakeClock clock(g.now);
    const Period period = Period::SinceLastSession(g.sessions, clock);
    // What the detectors see: no labels.
    const JournalData data{g.entries, g.sessions, g.threads};
    Patterns p = PatternAnalyzer::Analyze(data, period, clock);

    std::vector<const Observation*> rec, tim, trg, wri;
    for (const Observation& o : p.observations) {
      switch (o.type()) {
        case ObservationType::kRecurring:
          rec.push_back(&o);
          break;
        case ObservationType::kTime:
          tim.push_back(&o);
          break;
        case ObservationType::kTrigger:
          trg.push_back(&o);
          break;
        case ObservationType::kWritingEffect:
          wri.push_back(&o);
          break;
        default:
          break;
      }
    }
    if (!planted) {
      recurring.clean++, time.clean++, trigger.clean++, writing.clean++;
      recurring.clean_fp += !rec.empty();
      time.clean_fp += !tim.empty();
      trigger.clean_fp += !trg.empty();
      writing.clean_fp += !wri.empty();
      if (!rec.empty()) Show("clean: recurring", seed, rec);
      if (!tim.empty()) Show("clean: time", seed, tim);
      if (!trg.empty()) Show("clean: trigger", seed, trg);
      if (!wri.empty()) Show("clean: writing", seed, wri);
      return;
    }
    const Labels& l = g.labels;
    recurring.planted_runs++;
    std::set<const Observation*> used;
    for (const PlantedRecurring& pr : l.recurring) {
      ++recurring.planted;
      bool hit = false;
      for (const Observation* o : rec) {
        if (Matches(*o, pr)) {
          ++recurring.found;
          used.insert(o);
          hit = true;
          break;
        }
      }
      if (!hit) {
        std::string what =
            "missed recurring: " + pr.canonical + " x" + std::to_string(pr.period_ids.size());
        for (const core::Entry& e : g.entries) {
          if (std::find(pr.period_ids.begin(), pr.period_ids.end(), e.id) != pr.period_ids.end())
            what += "\n      [" + std::string(core::KindName(e.kind)) + "] " + e.thought + " | " +
                    e.text;
        }
        Show(what.c_str(), seed, rec);
      }
    }
    recurring.extra += rec.size() > used.size();
    if (rec.size() > used.size()) Show("spurious recurring", seed, rec);
    if (l.time) {
      time.planted++, time.planted_runs++;
      bool hit = std::any_of(tim.begin(), tim.end(),
                             [&](const Observation* o) { return Matches(*o, *l.time); });
      time.found += hit;
      time.extra += tim.size() > (hit ? 1u : 0u);
      if (!hit) {
        std::string what = "missed time: " + std::string(WeekdayName(l.time->weekday)) + " " +
                           std::string(PartOfDayName(l.time->part)) + " planted " +
                           std::to_string(l.time->ids.size());
        Show(what.c_str(), seed, tim);
      }
    }
    if (l.trigger) {
      trigger.planted++, trigger.planted_runs++;
      size_t hits = std::count_if(trg.begin(), trg.end(),
                                  [&](const Observation* o) { return Matches(*o, *l.trigger); });
      trigger.found += hits > 0;
      trigger.extra += trg.size() > hits;
      if (hits == 0)
        Show(("missed trigger: " + l.trigger->emotion + " " + l.trigger->words[0]).c_str(), seed,
             trg);
      if (trg.size() > hits) Show("spurious trigger", seed, trg);
    }
    if (l.writing_worse) {
      writing.planted++, writing.planted_runs++;
      writing.found += !wri.empty();
    }
  }
};

void Report(const char* name, const Tally& t) {
  char line[200];
  std::snprintf(line, sizeof line,
                "%-10s recall %5.1f %% (%d/%d)  false positives on clean %4.1f %% (%d/%d)  "
                "spurious in planted %4.1f %%",
                name, 100 * t.Recall(), t.found, t.planted, 100 * t.FalsePositiveRate(), t.clean_fp,
                t.clean, 100 * t.SpuriousRate());
  BOOST_TEST_MESSAGE(line);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(evaluation)

BOOST_AUTO_TEST_CASE(recall_and_false_positives_on_synthetic_journals) {
  Evaluation ev;
  for (int i = 0; i < kJournals; ++i) {
    GeneratorOptions planted;
    planted.seed = 1000 + i;
    planted.weeks = 12 + i % 13;  // three to six months
    planted.plant_recurring = planted.plant_time = planted.plant_trigger = true;
    planted.plant_writing_effect = true;
    ev.Score(GenerateJournal(planted), true, planted.seed);

    GeneratorOptions clean;
    clean.seed = 500000 + i;
    clean.weeks = 12 + i % 13;
    ev.Score(GenerateJournal(clean), false, clean.seed);
  }
  Report("recurring", ev.recurring);
  Report("time", ev.time);
  Report("trigger", ev.trigger);
  Report("writing", ev.writing);

  BOOST_TEST(ev.recurring.Recall() >= kMinRecallRecurring);
  BOOST_TEST(ev.time.Recall() >= kMinRecallTime);
  BOOST_TEST(ev.trigger.Recall() >= kMinRecallTrigger);
  BOOST_TEST(ev.writing.Recall() >= kMinRecallWriting);
  for (const Tally* t : {&ev.recurring, &ev.time, &ev.trigger, &ev.writing}) {
    BOOST_TEST(t->FalsePositiveRate() <= kMaxFalsePositiveRate);
    BOOST_TEST(t->SpuriousRate() <= kMaxSpuriousRate);
  }
}

BOOST_AUTO_TEST_CASE(generation_is_deterministic_and_labels_stay_out) {
  GeneratorOptions o;
  o.seed = 42;
  o.plant_recurring = o.plant_time = o.plant_trigger = true;
  GeneratedJournal a = GenerateJournal(o);
  GeneratedJournal b = GenerateJournal(o);
  BOOST_REQUIRE_EQUAL(a.entries.size(), b.entries.size());
  for (size_t i = 0; i < a.entries.size(); ++i) {
    BOOST_TEST(a.entries[i].text == b.entries[i].text);
    BOOST_TEST(a.entries[i].written_at.unix_seconds == b.entries[i].written_at.unix_seconds);
    BOOST_TEST(core::Validate(a.entries[i]).ok());
  }
  // Entries carry nothing that says what was planted.
  for (const core::Entry& e : a.entries) {
    for (const std::string& t : e.tags) BOOST_TEST(t.find("plant") == std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()
