// The analysis cache's compact storage (reports/analysis_cache.h,
// reports/text_units.h) stays exact where it changes form: term ids held in
// 16 bits until a journal has more than 65,536 distinct terms, then in 32;
// entries that move in the journal's order; two entries under one key.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/json.h"
#include "reports/analysis_cache.h"
#include "reports/entry_index.h"
#include "reports/pattern_analyzer.h"
#include "reports/recurring_detector.h"
#include "reports/text_units.h"
#include "analysis_cache_support.h"
#include "test_support.h"

using namespace fieldnotes;
using namespace fieldnotes::reports;
using namespace fieldnotes::reports::testing;

namespace {

// A word of its own for each n: five syllables and an "x", which no
// stemmer shortens, so each is a term of its own.
std::string Word(uint32_t n) {
  static const char* const kSyllables[] = {"ba", "de", "fi", "go", "ku", "la", "me", "ni",
                                           "po", "ru", "sa", "te", "vi", "wo", "zu", "ho"};
  std::string w;
  for (int i = 0; i < 5; ++i) {
    w += kSyllables[n % 16];
    n /= 16;
  }
  return w + "x";
}

std::string Sentence(uint32_t first, uint32_t count) {
  std::string s;
  for (uint32_t k = 0; k < count; ++k) s += (k == 0 ? "" : " ") + Word(first + k);
  return s + ".";
}

constexpr int64_t kStart = 1767225600;  // 2026-01-01
constexpr uint32_t kWordsPerEntry = 20;

// Entry `i` of a journal with a vocabulary of its own: twenty words no
// other entry has, and every seventh a loop repeated through the journal;
// from entry 3,400 on, every fifth repeats a loop of words first met then.
core::Entry Wordy(uint32_t i) {
  core::Entry e;
  e.id = "entry-" + std::to_string(i);
  e.written_at.unix_seconds = kStart + static_cast<int64_t>(i) * 3 * 3600;
  e.kind = core::EntryKind::kNote;
  e.text = Sentence(i * kWordsPerEntry, kWordsPerEntry);
  if (i % 7 == 0) {
    e.kind = core::EntryKind::kLoop;
    e.text += " Everyone is going to find out that I am a fraud.";
  } else if (i >= 3400 && i % 5 == 0) {
    e.kind = core::EntryKind::kLoop;
    e.text += " " + Sentence(900000, 6);
  }
  return e;
}

template <typename Span>
std::vector<uint32_t> Terms(const Span& span) {
  return std::vector<uint32_t>(span.begin(), span.end());
}

// Whether the units of `entries` need 32-bit term ids.
bool Wide(const std::vector<core::Entry>& entries) {
  Tokenizer tokenizer;
  TextUnits units(tokenizer);
  for (uint32_t i = 0; i < entries.size(); ++i) units.Add(i, entries[i]);
  return units.wide();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(analysis_cache_memory)

BOOST_AUTO_TEST_CASE(widening_the_term_pool_keeps_every_unit_and_frequency) {
  Tokenizer tokenizer;
  TextUnits units(tokenizer);
  TextUnits wide_from_start(tokenizer);
  auto add = [&](TextUnits& to, std::vector<uint32_t> all, std::vector<uint32_t> content) {
    Unit u;
    u.words = static_cast<uint32_t>(all.size());
    to.AddCounted(u, all, content);
  };
  // The same units in both; the second one wide from its first unit.
  add(wide_from_start, {3, 70000}, {70000});
  wide_from_start.TruncateTo(0);
  BOOST_TEST(wide_from_start.wide());
  for (TextUnits* to : {&units, &wide_from_start}) {
    add(*to, {1, 2, 5, 9}, {2, 5, 9});
    add(*to, {2, 5, 65535}, {5, 65535});
  }
  BOOST_TEST(!units.wide());
  for (TextUnits* to : {&units, &wide_from_start}) {
    add(*to, {2, 5, 65536, 100000}, {5, 65536, 100000});
    add(*to, {1, 2, 5, 9}, {2, 5, 9});
  }
  BOOST_TEST(units.wide());
  units.ComputeTermWeights();
  wide_from_start.ComputeTermWeights();
  BOOST_REQUIRE(units.units().size() == 4u);
  for (uint32_t u = 0; u < 4; ++u) {
    BOOST_TEST(Terms(units.AllTerms(units.units()[u])) ==
               Terms(wide_from_start.AllTerms(wide_from_start.units()[u])));
    BOOST_TEST(Terms(units.ContentTerms(units.units()[u])) ==
               Terms(wide_from_start.ContentTerms(wide_from_start.units()[u])));
  }
  BOOST_TEST(Terms(units.AllTerms(units.units()[1])).back() == 65535u);
  BOOST_TEST(Terms(units.AllTerms(units.units()[2])).back() == 100000u);
  for (uint32_t t : {1u, 2u, 5u, 9u, 65535u, 65536u, 100000u})
    BOOST_TEST(units.Share(t) == wide_from_start.Share(t));
  // Taken back to before the wide unit: the same units and frequencies as
  // before it came.
  units.TruncateTo(2);
  units.ComputeTermWeights();
  BOOST_TEST(units.Share(65536) == 0.0);
  BOOST_TEST(units.Share(5) > 0.0);
  BOOST_TEST(Terms(units.AllTerms(units.units()[1])).back() == 65535u);
  BOOST_TEST(units.pool_size() == 7u);
}

BOOST_AUTO_TEST_CASE(each_term_of_a_unit_is_held_once) {
  // A unit's content terms are a subset of its terms: held once, the
  // others after them, and its terms read merged, sorted.
  Tokenizer tokenizer;
  TextUnits units(tokenizer);
  auto add = [&](std::vector<uint32_t> all, std::vector<uint32_t> content) {
    Unit u;
    u.words = static_cast<uint32_t>(all.size());
    units.AddCounted(u, all, content);
  };
  add({1, 2, 5, 9}, {2, 5, 9});
  BOOST_TEST(units.pool_size() == 4u);
  add({1, 4, 6, 8}, {4, 8});  // 1 and 6 stop words, on either side of 4
  BOOST_TEST(units.pool_size() == 8u);
  add({3, 7}, {});
  BOOST_TEST(units.pool_size() == 10u);
  add({2, 3}, {2, 3});
  BOOST_TEST(units.pool_size() == 12u);
  const std::vector<std::vector<uint32_t>> want_all = {{1, 2, 5, 9}, {1, 4, 6, 8}, {3, 7}, {2, 3}};
  const std::vector<std::vector<uint32_t>> want_content = {{2, 5, 9}, {4, 8}, {}, {2, 3}};
  for (size_t u = 0; u < 4; ++u) {
    BOOST_TEST(Terms(units.AllTerms(units.units()[u])) == want_all[u]);
    BOOST_TEST(units.AllTerms(units.units()[u]).size() == want_all[u].size());
    BOOST_TEST(Terms(units.ContentTerms(units.units()[u])) == want_content[u]);
  }
  // Counted as the terms, whichever run they are in.
  units.ComputeTermWeights();
  BOOST_TEST(units.Share(6) == units.Share(4));  // in one unit each
  BOOST_TEST(units.Share(1) == units.Share(2));  // in two units each
  BOOST_TEST(units.Share(1) > units.Share(4));
  units.TruncateTo(3);
  BOOST_TEST(units.pool_size() == 10u);
  units.TruncateTo(1);
  BOOST_TEST(units.pool_size() == 4u);
  units.ComputeTermWeights();
  BOOST_TEST(units.Share(4) == 0.0);
  add({1, 4, 6, 8}, {4, 8});
  BOOST_TEST(Terms(units.AllTerms(units.units()[1])) == want_all[1]);
  BOOST_TEST(Terms(units.ContentTerms(units.units()[1])) == want_content[1]);
  BOOST_TEST(Terms(units.AllTerms(units.units()[0])) == want_all[0]);
}

BOOST_AUTO_TEST_CASE(a_vocabulary_past_65536_terms_while_entries_are_added_stays_exact) {
  // 3,000 entries: 60,000 distinct words; 3,600: over 72,000, so the
  // history's term ids pass 16 bits while entries are added, and entries
  // after that have term ids the cache holds in 32 bits.
  std::vector<core::Entry> entries;
  for (uint32_t i = 0; i < 3000; ++i) entries.push_back(Wordy(i));
  std::vector<core::Session> sessions(1);
  sessions[0].id = "session";
  sessions[0].at.unix_seconds = kStart + 3300LL * 3 * 3600;
  core::FakeClock clock(core::Timestamp{kStart + 3700LL * 3 * 3600, 0});
  AnalysisCache cache;
  int with_recurring = 0;
  auto compare = [&](uint64_t revision, const char* what) {
    JournalData plain{entries, sessions, {}};
    JournalData cached = plain;
    cached.cache = &cache;
    cached.revision = revision;
    for (const Period& period :
         {Period::SinceLastSession(sessions, clock), Period::WholeHistory(entries, clock)}) {
      const std::string want = Analyzed(plain, period, clock);
      BOOST_TEST_INFO(what);
      BOOST_TEST(Analyzed(cached, period, clock) == want);
      BOOST_TEST_INFO(what);
      BOOST_TEST(DetectKnowing(cached, period) == DetectKnowing(plain, period));
      with_recurring += want.find("\"recurring\"") != std::string::npos;
    }
    BOOST_TEST(cache.size() == entries.size());
    BOOST_TEST(cache.history_entries() == entries.size());
  };
  cache.Warm(entries, 1);
  compare(1, "3,000 entries");
  BOOST_TEST(!Wide(entries));

  for (uint32_t i = 3000; i < 3600; ++i) entries.push_back(Wordy(i));
  compare(2, "3,600 entries");
  BOOST_TEST(Wide(entries));

  // Three loops of six words whose term ids are those of the late loop's
  // words less 65,536: were an id kept in 16 bits only, the two loops
  // would be one.
  {
    Tokenizer tokenizer;
    TextUnits units(tokenizer);
    for (uint32_t i = 0; i < entries.size(); ++i) units.Add(i, entries[i]);
    std::string shadow;
    for (uint32_t k = 0; k < 6; ++k) {
      const uint32_t t = tokenizer.TermOfFolded(Word(900000 + k));
      BOOST_REQUIRE(t > UINT16_MAX);
      const std::string word(tokenizer.StemOf(t - 65536));
      BOOST_REQUIRE(tokenizer.TermOfFolded(word) == t - 65536);
      shadow += (k == 0 ? "" : " ") + word;
    }
    for (int n = 1; n <= 3; ++n) {
      core::Entry e = Wordy(0);
      e.id = "shadow-" + std::to_string(n);
      e.kind = core::EntryKind::kLoop;
      e.text = shadow + ".";
      e.written_at.unix_seconds = entries.back().written_at.unix_seconds + 60;
      entries.push_back(e);
    }
  }
  compare(3, "loops of the same ids in 16 bits");

  // An edit that moves an entry from the start to the end, one that gives
  // an entry words no entry had, and a delete.
  entries[10].written_at.unix_seconds = entries.back().written_at.unix_seconds + 60;
  entries[10].text = Sentence(950000, 12) + " " + Sentence(900000, 6);
  entries[10].kind = core::EntryKind::kLoop;
  entries[2000].text = Sentence(960000, 30);
  entries.erase(entries.begin() + 1500);
  SortOldestFirst(entries);
  BOOST_TEST(entries.back().id == "entry-10");
  compare(4, "an entry moved, one edited, one deleted");

  // Back under 65,536 terms: the first 3,000 again.
  entries.resize(3000);
  compare(5, "3,000 entries again");
  BOOST_TEST(with_recurring >= 8);
}

BOOST_AUTO_TEST_CASE(a_bulk_warm_sized_from_unlike_first_entries_stays_exact) {
  // The history is sized from the first 512 entries of a bulk add by the
  // length of their text. Here they are short sentences, the rest long
  // ones: far fewer units than sized for, so the vectors are trimmed after;
  // then the other way round, so they grow while it warms.
  auto journal = [](bool short_first) {
    std::vector<core::Entry> entries;
    for (uint32_t i = 0; i < 2600; ++i) {
      core::Entry e;
      e.id = "entry-" + std::to_string(i);
      e.written_at.unix_seconds = kStart + static_cast<int64_t>(i) * 3 * 3600;
      e.kind = i % 9 == 0 ? core::EntryKind::kLoop : core::EntryKind::kNote;
      const bool short_sentences = (i < 512) == short_first;
      for (uint32_t k = 0; k < (short_sentences ? 8u : 1u); ++k)
        e.text += Sentence((i * 7 + k * 3) % 400, short_sentences ? 3 : 30) + " ";
      if (i % 9 == 0) e.text += "Everyone is going to find out that I am a fraud.";
      entries.push_back(std::move(e));
    }
    return entries;
  };
  std::vector<core::Session> sessions(1);
  sessions[0].id = "session";
  sessions[0].at.unix_seconds = kStart + 2500LL * 3 * 3600;
  core::FakeClock clock(core::Timestamp{kStart + 2700LL * 3 * 3600, 0});
  for (bool short_first : {true, false}) {
    const std::vector<core::Entry> entries = journal(short_first);
    AnalysisCache cache;
    cache.Warm(entries, 1);
    JournalData plain{entries, sessions, {}};
    JournalData cached = plain;
    cached.cache = &cache;
    cached.revision = 1;
    for (const Period& period :
         {Period::SinceLastSession(sessions, clock), Period::WholeHistory(entries, clock)}) {
      const std::string want = Analyzed(plain, period, clock);
      BOOST_TEST_INFO("short first " << short_first);
      BOOST_TEST(Analyzed(cached, period, clock) == want);
      BOOST_TEST(want.find("\"recurring\"") != std::string::npos);
    }
    BOOST_TEST(cache.history_entries() == entries.size());
  }
}

BOOST_AUTO_TEST_CASE(two_entries_under_one_key_keep_a_slot_each) {
  // Two entries with the same id are the case of two ids whose hashes
  // meet: the second one in a pass is kept apart, never shares the first
  // one's sentences.
  core::FakeClock clock(T("2026-11-11T21:00:00+01:00"));
  std::vector<core::Session> sessions = {SessionAt("2026-11-02T17:00:00+01:00")};
  std::vector<core::Entry> entries;
  for (const char* at :
       {"2026-11-03T21:00:00+01:00", "2026-11-05T21:00:00+01:00", "2026-11-08T21:00:00+01:00"})
    entries.push_back(Loop(at, "everyone is going to find out I'm a fraud"));
  entries.push_back(Loop("2026-11-09T21:00:00+01:00", "the garden needs water before the weekend"));
  entries.push_back(Loop("2026-11-10T21:00:00+01:00", "the garden needs water before the weekend"));
  entries[4].id = entries[1].id;
  AnalysisCache cache;
  const Period period = Period::SinceLastSession(sessions, clock);
  for (int round = 0; round < 3; ++round) {
    JournalData plain{entries, sessions, {}};
    JournalData cached = plain;
    cached.cache = &cache;
    cached.revision = static_cast<uint64_t>(round + 1);
    BOOST_TEST_INFO("round " << round);
    BOOST_TEST(Analyzed(cached, period, clock) == Analyzed(plain, period, clock));
    BOOST_TEST(DetectKnowing(cached, period) == DetectKnowing(plain, period));
    BOOST_TEST(cache.size() == entries.size());
    // The two swap places: the other one comes first now.
    std::swap(entries[1].written_at, entries[4].written_at);
    SortOldestFirst(entries);
  }
}

BOOST_AUTO_TEST_SUITE_END()
