// bench_patterns: how long pattern analysis takes on a 20,000-entry journal
// (DESIGN.md §7: whole history <= 1 s, since the last session <= 200 ms).
//
//   cmake --build <build> --target bench_patterns && <build>/tests/reports/bench_patterns
//
// Prints one line per measurement: the name, the median and the fastest of
// the runs in milliseconds, and the number of observations (entries, for
// the index). --breakdown adds one line per detector.
// FIELDNOTES_BENCH_ENTRIES=N sizes the benchmark corpus (default 20,000);
// FIELDNOTES_BENCH_CACHED_ONLY=1 times only the recurring detector with a
// warm AnalysisCache (reports/analysis_cache.h). Journals: the
// evaluation's generator (tests/reports/journal_generator.h) scaled to ten
// years, and, when bench/corpus.cpp is part of the build, the benchmark
// corpus (long notes, many languages).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "core/clock.h"
#include "journal_generator.h"
#include "reports/analysis_cache.h"
#include "reports/entry_index.h"
#include "reports/mood_detector.h"
#include "reports/pattern_analyzer.h"
#include "reports/recurring_detector.h"
#include "reports/thread_detector.h"
#include "reports/time_detector.h"
#include "reports/tokenizer.h"
#include "reports/trigger_detector.h"
#include "reports/writing_effect_detector.h"
#ifdef FIELDNOTES_HAVE_BENCH_CORPUS
#include "bench/corpus.h"
#endif

using namespace fieldnotes;
using namespace fieldnotes::reports;

namespace {

// FIELDNOTES_BENCH_RUNS=N runs each measurement N times instead (for a
// profiler: the measured work then outweighs making the corpus).
int Runs() {
  const char* n = std::getenv("FIELDNOTES_BENCH_RUNS");
  const long runs = n ? std::strtol(n, nullptr, 10) : 7;
  return runs > 0 ? static_cast<int>(runs) : 7;
}

struct Timing {
  double median_ms = 0;
  double best_ms = 0;
};

Timing Measure(const std::function<size_t()>& fn, size_t& result) {
  result = 0;
  std::vector<double> ms;
  const int runs = Runs();
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    result = fn();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count());
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms.front()};
}

void Print(const std::string& name, const std::function<size_t()>& fn) {
  size_t observations = 0;
  const Timing t = Measure(fn, observations);
  std::printf("%-46s median %8.1f ms   best %8.1f ms   %zu observations\n", name.c_str(),
              t.median_ms, t.best_ms, observations);
}

void Run(const std::string& corpus, const std::vector<core::Entry>& entries,
         const std::vector<core::Session>& sessions, const std::vector<core::Thread>& threads,
         core::Timestamp now, bool breakdown) {
  core::FakeClock clock(now);
  const JournalData data{entries, sessions, threads};
  std::printf("%s: %zu entries, %zu sessions\n", corpus.c_str(), entries.size(), sessions.size());
  const Period all = Period::WholeHistory(entries, clock);
  const Period since = Period::SinceLastSession(sessions, clock);
  if (std::getenv("FIELDNOTES_BENCH_CACHED_ONLY")) {
    AnalysisCache cache;
    cache.Warm(entries);
    JournalData cached = data;
    cached.cache = &cache;
    Print("  recurring alone, since, with the cache", [&] {
      EntryIndex index(cached, since);
      Tokenizer t;
      return RecurringDetector(t).Detect(index).size();
    });
    Print("  patterns, since the last session, with the cache",
          [&] { return PatternAnalyzer::Analyze(cached, since, clock).observations.size(); });
    // With the journal's revision (core::Journal::revision(), as the app
    // and fieldnotes-bench give it): the same one each time (nothing
    // changed), and a new one each time (the first analysis after a save:
    // every entry is compared with what the cache kept).
    cached.revision = 1;
    Print("  the same, at a revision seen before",
          [&] { return PatternAnalyzer::Analyze(cached, since, clock).observations.size(); });
    Print("  the same, at a new revision each time", [&] {
      ++cached.revision;
      return PatternAnalyzer::Analyze(cached, since, clock).observations.size();
    });
    cached.revision = 0;
    if (!breakdown) return;
    Print("    since: index", [&] { return EntryIndex(cached, since).entries().size(); });
    EntryIndex index(cached, since);
    Print("    since: time", [&] { return TimeDetector::Detect(index, clock).size(); });
    Print("    since: trigger", [&] {
      Tokenizer t;
      return TriggerDetector(t).Detect(index).size();
    });
    Print("    since: mood", [&] { return MoodDetector::Detect(index).size(); });
    Print("    since: thread", [&] { return ThreadDetector::Detect(index).size(); });
    Print("    since: writing effect", [&] { return WritingEffectDetector::Detect(index).size(); });
    return;
  }
  Print("  patterns, whole history",
        [&] { return PatternAnalyzer::Analyze(data, all, clock).observations.size(); });
  Print("  patterns, since the last session",
        [&] { return PatternAnalyzer::Analyze(data, since, clock).observations.size(); });
  AnalysisCache cache;
  JournalData cached = data;
  cached.cache = &cache;
  Print("  analysis cache, worked out once", [&] {
    AnalysisCache fresh;
    fresh.Warm(entries);
    return fresh.size();
  });
  cache.Warm(entries);
  Print("  patterns, since the last session, with the cache",
        [&] { return PatternAnalyzer::Analyze(cached, since, clock).observations.size(); });
  Print("  recurring alone, since, with the cache", [&] {
    EntryIndex index(cached, since);
    Tokenizer t;
    return RecurringDetector(t).Detect(index).size();
  });
  if (!breakdown) return;
  for (const Period* p : {&all, &since}) {
    const std::string label = p == &all ? "whole" : "since";
    Print("    " + label + ": index", [&] { return EntryIndex(data, *p).entries().size(); });
    EntryIndex index(data, *p);
    Print("    " + label + ": recurring", [&] {
      Tokenizer t;
      return RecurringDetector(t).Detect(index).size();
    });
    Print("    " + label + ": time", [&] { return TimeDetector::Detect(index, clock).size(); });
    Print("    " + label + ": trigger", [&] {
      Tokenizer t;
      return TriggerDetector(t).Detect(index).size();
    });
    Print("    " + label + ": mood", [&] { return MoodDetector::Detect(index).size(); });
    Print("    " + label + ": thread", [&] { return ThreadDetector::Detect(index).size(); });
    Print("    " + label + ": writing effect",
          [&] { return WritingEffectDetector::Detect(index).size(); });
  }
}

// As core::Journal keeps its entries (and gives them to the analysis).
void SortOldestFirst(std::vector<core::Entry>& entries) {
  std::sort(entries.begin(), entries.end(), [](const core::Entry& a, const core::Entry& b) {
    if (a.written_at.unix_seconds != b.written_at.unix_seconds)
      return a.written_at.unix_seconds < b.written_at.unix_seconds;
    return a.id < b.id;
  });
}

}  // namespace

int main(int argc, char** argv) {
  fieldnotes::core::InitLanguage();
  const bool breakdown = argc > 1 && std::string(argv[1]) == "--breakdown";
  {
    testing::GeneratorOptions o;
    o.seed = 20000;
    o.weeks = 520;
    o.entries_per_week = 38.5;  // about 20,000 entries over ten years
    o.plant_recurring = o.plant_time = o.plant_trigger = o.plant_writing_effect = true;
    testing::GeneratedJournal g = testing::GenerateJournal(o);
    SortOldestFirst(g.entries);
    Run("generated journal", g.entries, g.sessions, g.threads, g.now, breakdown);
  }
#ifdef FIELDNOTES_HAVE_BENCH_CORPUS
  {
    const int64_t end = 1793738400;  // 2026-11-03T21:40:00+01:00
    const char* n = std::getenv("FIELDNOTES_BENCH_ENTRIES");
    bench::Corpus c =
        bench::CorpusGenerator(7).Generate(n ? std::strtoul(n, nullptr, 10) : 20000, end);
    std::vector<core::Thread> threads;
    SortOldestFirst(c.entries);
    Run("bench corpus", c.entries, c.sessions, threads, core::Timestamp{end, 60}, breakdown);
  }
#endif
  return 0;
}
