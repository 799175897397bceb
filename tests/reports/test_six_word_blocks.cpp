// The six-word rule with the analysis cache's trigram filters
// (reports/analysis_cache.h, reports/trigram_filter.h): the same findings as
// the rule reading every entry, on journals of many blocks, for the cases a
// shortcut could get wrong: runs across fields, sentences and follow-up
// answers, an entry far in the past, edited, deleted and added entries,
// folded non-ASCII text and chosen excerpts.
#include <boost/test/unit_test.hpp>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "reports/analysis_cache.h"
#include "reports/six_word_rule.h"
#include "reports/trigram_filter.h"
#include "test_support.h"

using namespace fieldnotes;
using namespace fieldnotes::reports;
using namespace fieldnotes::reports::testing;

namespace {

using Found = std::set<std::string>;

Found Where(const std::vector<SixWordViolation>& violations) {
  Found out;
  for (const auto& v : violations) out.insert(v.where + ": " + v.run);
  return out;
}

// What the rule finds reading every entry; BOOST-checks that the cache
// finds the same, twice (the second time from what it kept).
Found Check(const std::vector<core::Entry>& entries, const std::vector<GuardedText>& texts,
            AnalysisCache& cache, uint64_t revision) {
  const Found want = Where(SixWordRule::Check(entries, texts));
  BOOST_TEST(Where(SixWordRule::Check(entries, texts, &cache, revision)) == want);
  BOOST_TEST(Where(SixWordRule::Check(entries, texts, &cache, revision)) == want);
  return want;
}

// The same, each text alone, together: a block is read when any run of the
// report may be in it, and would then find the others of that block too,
// hiding a block whose filter missed one.
Found CheckEach(const std::vector<core::Entry>& entries, const std::vector<GuardedText>& texts,
                AnalysisCache& cache, uint64_t revision) {
  Found out;
  for (const GuardedText& text : texts) out.merge(Check(entries, {text}, cache, revision));
  return out;
}

// `n` entries of ordinary words in a random order, oldest first, a day
// apart: many blocks of the cache, none holding the runs the tests look for.
std::vector<core::Entry> Filler(size_t n, uint64_t seed) {
  static const char* const kWords[] = {"walk",   "tired",  "work",    "coffee", "rain",  "phone",
                                       "quiet",  "dinner", "meeting", "train",  "slept", "park",
                                       "sister", "late",   "early",   "music",  "cold",  "busy"};
  std::mt19937_64 rng(seed);
  std::vector<core::Entry> out;
  for (size_t i = 0; i < n; ++i) {
    std::string text;
    for (int w = 0; w < 24; ++w) {
      if (w > 0) text += w % 8 == 0 ? ". " : " ";
      text += kWords[rng() % std::size(kWords)];
    }
    core::Entry e = Note("2020-01-01T21:00:00+01:00", text);
    e.written_at.unix_seconds += static_cast<int64_t>(i) * 86400;
    out.push_back(std::move(e));
  }
  return out;
}

GuardedText Text(std::string where, std::string text, std::vector<std::string> excerpts = {}) {
  return {std::move(where), std::move(text), std::move(excerpts), false};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(six_word_blocks)

BOOST_AUTO_TEST_CASE(runs_within_a_field_count_across_fields_and_answers_do_not) {
  std::vector<core::Entry> entries = Filler(1000, 1);
  // The oldest entry, far in the past: blocks away from the newest.
  core::Entry& old = entries.front();
  old.kind = core::EntryKind::kSpike;
  old.before = "my manager asked for the numbers";
  old.body = "tight chest and hot face all morning";
  old.text = "I said nothing. Then I went home and cried in the car.";
  old.followups = {{"What were you afraid would happen?", "that they would see through me"},
                   {"What did you need?", "someone to say it was fine"}};
  // The filler's own runs are found wherever they are: the newest entry's
  // first six words.
  const std::vector<std::string> words = SixWordRule::Words(entries.back().text);
  std::string newest;
  for (size_t k = 0; k < SixWordRule::kRunWords; ++k) newest += (k > 0 ? " " : "") + words[k];
  // Each text alone (CheckEach).
  const std::vector<std::pair<GuardedText, Found>> cases = {
      // Inside one field, at its start and at its end.
      {Text("body", "You felt tight chest and hot face all"),
       {"body: tight chest and hot face all"}},
      {Text("end of a field", "chest and hot face all morning."),
       {"end of a field: chest and hot face all morning"}},
      // Across the sentences of one field: the rule has always counted it.
      {Text("sentences", "i said nothing then i went"), {"sentences: i said nothing then i went"}},
      // Across two fields: never a run.
      {Text("fields", "asked for the numbers tight chest"), {}},
      // A follow-up question and its answer are fields of their own.
      {Text("question", "what were you afraid would happen"),
       {"question: what were you afraid would happen"}},
      {Text("question to answer", "afraid would happen that they would"), {}},
      {Text("answer", "You wrote that they would see through me."),
       {"answer: that they would see through me"}},
      // Across two answers: not a run.
      {Text("two answers", "would see through me someone to"), {}},
      {Text("newest", newest), {"newest: " + newest}},
  };
  AnalysisCache cache;
  for (const auto& [text, want] : cases) {
    BOOST_TEST_INFO(text.where);
    BOOST_TEST(Check(entries, {text}, cache, 7) == want);
  }
}

BOOST_AUTO_TEST_CASE(edited_deleted_and_added_entries) {
  std::vector<core::Entry> entries = Filler(700, 2);
  entries[100].text = "everyone is going to find out I'm a fraud";
  entries[400].text = "I kept checking my phone for a reply";
  entries[650].text = "the bus was late and I missed the start";
  const std::vector<GuardedText> texts = {
      Text("fraud", "You wrote everyone is going to find out"),
      Text("phone", "I kept checking my phone for"),
      Text("bus", "the bus was late and I"),
      Text("new", "the kettle broke and I laughed about it"),
      Text("past", "I found the old letters from school today"),
  };
  AnalysisCache cache;
  uint64_t revision = 1;
  BOOST_TEST(CheckEach(entries, texts, cache, revision) ==
             (Found{"fraud: everyone is going to find out", "phone: i kept checking my phone for",
                    "bus: the bus was late and i"}));

  // Edited: the old words no longer block, the new ones do.
  entries[100].text = "nobody will find out, it is fine";
  entries[400].text = "the kettle broke and I laughed about it";
  BOOST_TEST(CheckEach(entries, texts, cache, ++revision) ==
             (Found{"new: the kettle broke and i laughed", "new: kettle broke and i laughed about",
                    "new: broke and i laughed about it", "bus: the bus was late and i"}));

  // Deleted: every entry after it moves one place.
  entries.erase(entries.begin() + 400);
  BOOST_TEST(CheckEach(entries, texts, cache, ++revision) ==
             (Found{"bus: the bus was late and i"}));

  // Added after the first report: at the end, then in the past.
  core::Entry added = Note("2030-01-01T10:00:00+01:00", "I kept checking my phone for a reply");
  entries.push_back(added);
  BOOST_TEST(CheckEach(entries, texts, cache, ++revision) ==
             (Found{"phone: i kept checking my phone for", "bus: the bus was late and i"}));
  core::Entry past = Note("2020-01-03T10:00:00+01:00", "I found the old letters from school today");
  entries.insert(entries.begin() + 2, past);
  BOOST_TEST(CheckEach(entries, texts, cache, 0) ==
             (Found{"phone: i kept checking my phone for", "bus: the bus was late and i",
                    "past: i found the old letters from", "past: found the old letters from school",
                    "past: the old letters from school today"}));

  // Half of a block deleted, and the rest of the journal edited a little:
  // still the same answers as reading every entry.
  entries.erase(entries.begin() + 130, entries.begin() + 170);
  for (size_t i = 0; i < entries.size(); i += 37) entries[i].text += " and the bus was late and I";
  (void)CheckEach(entries, texts, cache, ++revision);
}

BOOST_AUTO_TEST_CASE(entries_added_one_at_a_time_share_blocks) {
  std::vector<core::Entry> entries = Filler(130, 3);
  const std::vector<GuardedText> texts = {Text("a", "it was a quiet day in the park again")};
  AnalysisCache cache;
  uint64_t revision = 1;
  (void)Check(entries, texts, cache, revision);
  const std::vector<core::Entry> more = Filler(200, 4);
  for (size_t i = 0; i < more.size(); ++i) {
    entries.push_back(more[i]);
    if (i == 150) entries.back().text = "it was a quiet day in the park again";
    const Found found = Check(entries, texts, cache, ++revision);
    BOOST_TEST(found.size() == (i >= 150 ? 4u : 0u));
  }
  // A block of up to 64 entries, and none left at fewer than half of that
  // while others wait: no block per added entry.
  BOOST_TEST(cache.run_blocks() <= entries.size() / 32 + 1);
  BOOST_TEST(cache.run_filter_bytes() > 0u);
}

BOOST_AUTO_TEST_CASE(folded_text_in_other_scripts) {
  std::vector<core::Entry> entries = Filler(300, 5);
  entries[10].text = "Ich FÜHLE mich heute so MÜDE und leer.";
  entries[20].text = "Νιώθω ότι δεν τα καταφέρνω σε τίποτα.";
  entries[290].text = "今日は少し落ち着いていた。";
  entries[150].text = "Déjà vu: I DON’T—can't keep up, 2 times!";
  const std::vector<GuardedText> texts = {
      Text("de", "ich fuhle mich heute so mude"),
      Text("el", "νιωθω οτι δεν τα καταφερνω σε"),
      Text("ja", "今日は少し落ち着"),
      Text("apostrophes", "deja vu i don't cant keep"),
      Text("other", "ich fuhle mich morgen so mude"),
  };
  AnalysisCache cache;
  const Found found = Check(entries, texts, cache, 9);
  BOOST_TEST(found.count("de: ich fuhle mich heute so mude") == 1u);
  BOOST_TEST(found.count("apostrophes: deja vu i dont cant keep") == 1u);
  bool el = false, ja = false, other = false;
  for (const std::string& f : found) {
    el = el || f.rfind("el: ", 0) == 0;
    ja = ja || f.rfind("ja: ", 0) == 0;
    other = other || f.rfind("other: ", 0) == 0;
  }
  BOOST_TEST(el);
  BOOST_TEST(ja);
  BOOST_TEST(!other);
}

BOOST_AUTO_TEST_CASE(a_chosen_excerpt_passes_with_the_cache) {
  std::vector<core::Entry> entries = Filler(200, 6);
  const std::string label = "everyone is going to find out I'm a fraud";
  entries[5].text = label;
  const std::vector<GuardedText> texts = {
      Text("chosen", "You wrote \"" + label + "\" 4 times.", {label}),
      Text("unchosen", "You wrote \"" + label + "\" 4 times."),
  };
  AnalysisCache cache;
  const Found found = Check(entries, texts, cache, 3);
  BOOST_TEST(!found.empty());
  for (const std::string& f : found) BOOST_TEST(f.rfind("unchosen: ", 0) == 0);
}

BOOST_AUTO_TEST_CASE(the_filter_finds_every_hash_it_was_built_from) {
  std::mt19937_64 rng(8);
  for (size_t n : {1u, 7u, 100u, 5000u}) {
    std::vector<uint64_t> hashes(n);
    for (uint64_t& h : hashes) h = rng();
    hashes.push_back(0);
    hashes.push_back(hashes.front());  // a duplicate
    std::vector<uint64_t> distinct = hashes;
    TrigramFilter::Scratch scratch;
    TrigramFilter::KeepDistinct(distinct, scratch);
    BOOST_TEST(distinct.size() == n + 1);
    const TrigramFilter filter(distinct, n);
    for (uint64_t h : hashes) BOOST_TEST(filter.MayContain(h));
    size_t wrong = 0;
    for (int i = 0; i < 100000; ++i) wrong += filter.MayContain(rng()) ? 1 : 0;
    // About 7 in 100,000 by design; far more would read most blocks.
    BOOST_TEST(wrong < 100u);
  }
  BOOST_TEST(!TrigramFilter().MayContain(0));
}

BOOST_AUTO_TEST_SUITE_END()
