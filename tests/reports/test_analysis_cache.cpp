// The analysis with a cache kept between calls (reports/analysis_cache.h)
// gives exactly what the analysis from scratch gives: the same observations
// (the long-term totals per loop, trigger and thread), the same six-word
// findings and the same report, on generated journals, after every round of
// random adds, edits and deletes.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <random>

#include "core/clock.h"
#include "core/json.h"
#include "journal_generator.h"
#include "reports/analysis_cache.h"
#include "reports/entry_index.h"
#include "reports/pattern_analyzer.h"
#include "reports/recurring_detector.h"
#include "reports/report_builder.h"
#include "reports/six_word_rule.h"
#include "analysis_cache_support.h"
#include "test_support.h"

using namespace fieldnotes;
using namespace fieldnotes::reports;
using namespace fieldnotes::reports::testing;

namespace {

std::string Report(const JournalData& data, const Period& period, const core::Clock& clock) {
  const Patterns patterns = PatternAnalyzer::Analyze(data, period, clock);
  ReportOptions options;
  options.agenda = {"Sunday nights"};
  auto content = ReportBuilder::Build({data, &patterns, nullptr, ""}, options);
  BOOST_REQUIRE(content.ok());
  return core::json::Write(ContentToJson(*content));
}

// Texts for the six-word rule: sentences taken from entries (so some runs
// are found), cut and joined in ways a report might.
std::vector<GuardedText> GuardedFrom(const std::vector<core::Entry>& entries,
                                     std::mt19937_64& rng) {
  std::vector<GuardedText> out;
  std::uniform_int_distribution<size_t> pick(0, entries.size() - 1);
  for (int i = 0; i < 12; ++i) {
    const core::Entry& e = entries[pick(rng)];
    GuardedText g;
    g.where = "item " + std::to_string(i);
    g.text = "You wrote " + e.text + " " + e.thought + " and " + e.before;
    if (i % 4 == 0 && !e.text.empty()) g.excerpts.push_back(e.text);
    out.push_back(std::move(g));
  }
  GuardedText none;
  none.where = "none";
  none.text = "a line of six words that nobody wrote in any entry";
  out.push_back(none);
  return out;
}

std::string Findings(const std::vector<SixWordViolation>& v) {
  std::string out;
  for (const auto& f : v) out += f.where + ":" + f.run + "\n";
  return out;
}

// One round of random changes: new entries (taken from another generated
// journal, so their words are new or shared), edits of text, thought, kind
// and time, and deletes.
void Mutate(std::vector<core::Entry>& entries, const std::vector<core::Entry>& pool,
            std::mt19937_64& rng) {
  std::uniform_int_distribution<int> coin(0, 99);
  const size_t adds = 1 + rng() % 12;
  for (size_t i = 0; i < adds && !pool.empty(); ++i) {
    core::Entry e = pool[rng() % pool.size()];
    e.id = core::NewUuid();
    if (!entries.empty() && coin(rng) < 50) {
      // In the period, near an existing entry: repeats what is there.
      const core::Entry& near = entries[rng() % entries.size()];
      e.written_at = near.written_at;
      e.written_at.unix_seconds += static_cast<int64_t>(rng() % 7200);
      if (coin(rng) < 50) e.text = near.text;
    }
    entries.push_back(std::move(e));
  }
  const size_t edits = 1 + rng() % 10;
  for (size_t i = 0; i < edits && !entries.empty(); ++i) {
    core::Entry& e = entries[rng() % entries.size()];
    const core::Entry& other = entries[rng() % entries.size()];
    switch (coin(rng) % 5) {
      case 0:
        e.text = other.text;  // a loop said again, word for word
        break;
      case 1:
        e.thought = other.thought + " " + e.thought;
        break;
      case 2:
        e.text += " Again today, the same thing.";
        break;
      case 3:
        e.kind = other.kind;
        break;
      default:
        e.before = other.before;
        e.emotions = other.emotions;
        break;
    }
  }
  const size_t deletes = rng() % 8;
  for (size_t i = 0; i < deletes && entries.size() > 10; ++i)
    entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(rng() % entries.size()));
  SortOldestFirst(entries);
}

// Entries after the newest one, some repeating a loop of the journal word
// for word.
void AppendAtTheEnd(std::vector<core::Entry>& entries, const std::vector<core::Entry>& pool,
                    std::mt19937_64& rng) {
  const size_t adds = 1 + rng() % 4;
  for (size_t i = 0; i < adds && !pool.empty() && !entries.empty(); ++i) {
    core::Entry e = pool[rng() % pool.size()];
    e.id = core::NewUuid();
    e.written_at = entries.back().written_at;
    e.written_at.unix_seconds += 60 + static_cast<int64_t>(rng() % 600);
    if (rng() % 2 == 0) {
      const core::Entry& near = entries[rng() % entries.size()];
      e.kind = near.kind;
      e.thought = near.thought;
    }
    entries.push_back(std::move(e));
  }
  SortOldestFirst(entries);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(analysis_cache)

BOOST_AUTO_TEST_CASE(incremental_totals_equal_the_full_analysis_after_random_changes) {
  int compared = 0, with_observations = 0;
  for (uint64_t seed : {11u, 12u, 13u}) {
    GeneratorOptions options;
    options.seed = seed;
    options.weeks = 30;
    options.entries_per_week = 10;
    options.plant_recurring = true;
    options.plant_trigger = seed != 12;
    options.plant_time = seed == 13;
    GeneratedJournal journal = GenerateJournal(options);
    options.seed = seed + 100;
    const std::vector<core::Entry> pool = GenerateJournal(options).entries;
    SortOldestFirst(journal.entries);
    core::FakeClock clock(journal.now);
    AnalysisCache cache;
    std::mt19937_64 rng(seed);
    for (int round = 0; round < 12; ++round) {
      if (round > 0) Mutate(journal.entries, pool, rng);
      if (round % 3 == 2) {
        // Only new entries at the end, as a day's writing adds them: the
        // kept history is extended, not read again.
        AppendAtTheEnd(journal.entries, pool, rng);
      }
      JournalData plain{journal.entries, journal.sessions, journal.threads};
      // Loops the client confirmed as one worry, in every other round.
      std::vector<std::vector<std::string>> same_worry;
      if (round % 2 == 1) {
        std::vector<std::string> loops;
        for (const core::Entry& e : journal.entries)
          if (e.kind == core::EntryKind::kLoop && rng() % 8 == 0) loops.push_back(e.id);
        if (loops.size() > 3) loops.resize(3);
        same_worry.push_back(loops);
        plain.same_worry = same_worry;
      }
      JournalData cached = plain;
      cached.cache = &cache;
      // The journal's revision as core::Journal would give it: a new one
      // after each round's changes, except in some rounds (0: unknown).
      cached.revision = round % 5 == 4 ? 0 : static_cast<uint64_t>(seed * 100 + round + 1);
      for (const Period& period : {Period::SinceLastSession(journal.sessions, clock),
                                   Period::WholeHistory(journal.entries, clock)}) {
        const std::string want = Analyzed(plain, period, clock);
        BOOST_TEST_INFO("seed " << seed << ", round " << round);
        BOOST_TEST(Analyzed(cached, period, clock) == want);
        // Again at the same revision: nothing is compared, the same result.
        BOOST_TEST(Analyzed(cached, period, clock) == want);
        with_observations += want.find("\"recurring\"") != std::string::npos;
        ++compared;
      }
      BOOST_TEST(cache.size() == journal.entries.size());
      BOOST_TEST(cache.history_entries() == journal.entries.size());
      const auto texts = GuardedFrom(journal.entries, rng);
      const std::string want = Findings(SixWordRule::Check(journal.entries, texts));
      BOOST_TEST_INFO("seed " << seed << ", round " << round);
      BOOST_TEST(Findings(SixWordRule::Check(journal.entries, texts, &cache, cached.revision)) ==
                 want);
      BOOST_TEST(Findings(SixWordRule::Check(journal.entries, texts, &cache, cached.revision)) ==
                 want);
      BOOST_TEST(!want.empty());
      if (round % 4 == 3) {
        const Period period = Period::SinceLastSession(journal.sessions, clock);
        BOOST_TEST(Report(cached, period, clock) == Report(plain, period, clock));
      }
    }
  }
  BOOST_TEST(compared == 72);
  // The comparison means something only if the journals have recurring
  // totals to compare.
  BOOST_TEST(with_observations >= compared / 2);
}

BOOST_AUTO_TEST_CASE(a_changed_entry_is_read_again_and_a_deleted_one_forgotten) {
  core::FakeClock clock(T("2026-11-11T21:00:00+01:00"));
  std::vector<core::Session> sessions = {SessionAt("2026-11-02T17:00:00+01:00")};
  std::vector<core::Entry> entries;
  for (const char* at : {"2026-11-03T21:00:00+01:00", "2026-11-05T21:00:00+01:00",
                         "2026-11-08T21:00:00+01:00", "2026-11-10T21:00:00+01:00"})
    entries.push_back(Loop(at, "everyone is going to find out I'm a fraud"));
  entries.push_back(Note("2026-11-09T20:00:00+01:00", "Work was long today."));
  SortOldestFirst(entries);
  AnalysisCache cache;
  JournalData data{entries, sessions, {}};
  data.cache = &cache;
  const Period period = Period::SinceLastSession(sessions, clock);
  auto loops = [&] {
    int n = 0;
    for (const Observation& o : PatternAnalyzer::Analyze(data, period, clock).observations)
      if (o.type() == ObservationType::kRecurring) n = o.count;
    return n;
  };
  BOOST_TEST(loops() == 4);
  BOOST_TEST(cache.size() == 5u);
  // An edit in place (same id, same address): the cache sees the new words.
  entries[0].text = "the garden needs water before the weekend";
  BOOST_TEST(loops() == 3);
  entries[0].text = "everyone is going to find out I'm a fraud";
  BOOST_TEST(loops() == 4);
  entries.pop_back();
  data.entries = entries;
  (void)loops();
  BOOST_TEST(cache.size() == 4u);
}

BOOST_AUTO_TEST_CASE(a_revision_seen_before_is_not_compared_again) {
  // The journal's promise (core::Journal::revision()): equal revisions,
  // equal entries. The cache takes it at its word, which is what saves
  // comparing every entry; a new revision (or none) compares them again.
  core::FakeClock clock(T("2026-11-11T21:00:00+01:00"));
  std::vector<core::Session> sessions = {SessionAt("2026-11-02T17:00:00+01:00")};
  std::vector<core::Entry> entries;
  for (const char* at : {"2026-11-03T21:00:00+01:00", "2026-11-05T21:00:00+01:00",
                         "2026-11-08T21:00:00+01:00", "2026-11-10T21:00:00+01:00"})
    entries.push_back(Loop(at, "everyone is going to find out I'm a fraud"));
  SortOldestFirst(entries);
  AnalysisCache cache;
  JournalData data{entries, sessions, {}};
  data.cache = &cache;
  data.revision = 7;
  const Period period = Period::SinceLastSession(sessions, clock);
  auto loops = [&] {
    int n = 0;
    for (const Observation& o : PatternAnalyzer::Analyze(data, period, clock).observations)
      if (o.type() == ObservationType::kRecurring) n = o.count;
    return n;
  };
  BOOST_TEST(loops() == 4);
  // Changed behind the journal's back, under the same revision: not seen
  // (words of the same length, so the kept sentences still fit in them).
  entries[0].text = "the garden needs water before the weekend";
  BOOST_TEST(loops() == 4);
  // A copy of the entries (as the app's snapshots are) at a new revision:
  // seen.
  std::vector<core::Entry> copy = entries;
  data.entries = copy;
  data.revision = 8;
  BOOST_TEST(loops() == 3);
  BOOST_TEST(loops() == 3);
  // Unknown (0): compared every time (two of four left: nothing shows).
  data.revision = 0;
  copy[1].text = "the garden needs water before the weekend";
  BOOST_TEST(loops() == 0);
}

BOOST_AUTO_TEST_CASE(units_the_history_holds_are_read_back_for_a_tokenizer_that_knows_terms) {
  // The cache keeps an entry's sentences once: in the history, once they
  // are there. A recurring detector whose tokenizer already knows terms
  // cannot use the history's ids, so the cache gives it every entry's
  // units (FillUnits): read back from the history, or worked out for an
  // entry the history does not hold yet. Both give what tokenizing gives.
  GeneratorOptions options;
  options.seed = 21;
  options.weeks = 20;
  options.entries_per_week = 10;
  options.plant_recurring = true;
  GeneratedJournal journal = GenerateJournal(options);
  options.seed = 121;
  const std::vector<core::Entry> pool = GenerateJournal(options).entries;
  SortOldestFirst(journal.entries);
  core::FakeClock clock(journal.now);
  AnalysisCache cache;
  std::mt19937_64 rng(21);
  int with_observations = 0;
  for (int round = 0; round < 6; ++round) {
    if (round > 0) Mutate(journal.entries, pool, rng);
    JournalData plain{journal.entries, journal.sessions, journal.threads};
    JournalData cached = plain;
    cached.cache = &cache;
    cached.revision = static_cast<uint64_t>(round + 1);
    // The history holds the entries of the last round: some of this
    // round's are new or changed.
    if (round % 2 == 0) cache.Warm(journal.entries, cached.revision);
    for (const Period& period : {Period::SinceLastSession(journal.sessions, clock),
                                 Period::WholeHistory(journal.entries, clock)}) {
      const std::string want = DetectKnowing(plain, period);
      BOOST_TEST_INFO("round " << round);
      BOOST_TEST(DetectKnowing(cached, period) == want);
      // And the history's own path after it, still exact.
      BOOST_TEST(Analyzed(cached, period, clock) == Analyzed(plain, period, clock));
      with_observations += !want.empty();
    }
  }
  BOOST_TEST(with_observations >= 6);
}

BOOST_AUTO_TEST_SUITE_END()
