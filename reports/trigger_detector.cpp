#include "reports/trigger_detector.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/display.h"
#include "core/i18n.h"
#include "core/text.h"
#include "reports/phrase_format.h"
#include "reports/statistics.h"

namespace fieldnotes::reports {
namespace {

// Candidate keys: kind in the top two bits.
constexpr uint64_t kWord = 1ull << 62;
constexpr uint64_t kPair = 2ull << 62;
constexpr uint64_t kTag = 3ull << 62;
constexpr size_t kMaxStopsInPair = 2;  // "message from my manager": two stop words between

std::string Trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

struct Candidate {
  std::vector<uint32_t> spikes;        // indexes into the spike list, ascending
  std::map<std::string, int> surface;  // how the client wrote it, and how often
};

// A spike and its emotions (folded, unique, in the order written) as
// numbers: a run of the detector's emotion list. Over the whole history
// there are tens of thousands of spikes; a list of strings for each was
// several MiB.
struct Spike {
  const IndexedEntry* entry;
  uint32_t first_emotion;  // in the emotion ids' pool
  uint32_t emotions;
};

}  // namespace

std::vector<Observation> TriggerDetector::Detect(const EntryIndex& index) {
  auto is_spike = [&](const IndexedEntry& e) {
    return e.entry->kind == core::EntryKind::kSpike && index.InWindow(e) &&
           !e.entry->emotions.empty();
  };
  std::vector<Spike> spikes;
  spikes.reserve(
      static_cast<size_t>(std::count_if(index.entries().begin(), index.entries().end(), is_spike)));
  std::vector<std::string> emotion_names;  // by id
  std::unordered_map<std::string, uint32_t> emotion_ids;
  std::vector<uint32_t> pool;  // each spike's emotion ids, one run after another
  for (const IndexedEntry& e : index.entries()) {
    if (!is_spike(e)) continue;
    Spike s{&e, static_cast<uint32_t>(pool.size()), 0};
    for (const std::string& em : e.entry->emotions) {
      std::string f = core::text::Fold(Trimmed(em));
      if (f.empty()) continue;
      auto [it, added] = emotion_ids.try_emplace(f, static_cast<uint32_t>(emotion_names.size()));
      if (added) emotion_names.push_back(std::move(f));
      const auto run = pool.begin() + s.first_emotion;
      if (std::find(run, pool.end(), it->second) == pool.end()) pool.push_back(it->second);
    }
    s.emotions = static_cast<uint32_t>(pool.size()) - s.first_emotion;
    if (s.emotions > 0) spikes.push_back(s);
  }
  if (spikes.size() < static_cast<size_t>(kMinCount)) return {};

  // Candidates from each spike's `before` and tags.
  std::unordered_map<uint64_t, Candidate> candidates;
  std::unordered_map<std::string, uint32_t> tag_ids;
  std::vector<Token> tokens;
  for (uint32_t si = 0; si < spikes.size(); ++si) {
    const core::Entry& e = *spikes[si].entry->entry;
    auto note = [&](uint64_t key, std::string surface) {
      Candidate& c = candidates[key];
      if (c.spikes.empty() || c.spikes.back() != si) c.spikes.push_back(si);
      ++c.surface[std::move(surface)];
    };
    tokens.clear();
    tokenizer_.Tokenize(e.before, tokens);
    size_t prev = SIZE_MAX;  // previous content token in the sentence
    size_t stops_since = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
      const Token& t = tokens[i];
      if (prev != SIZE_MAX && tokens[prev].sentence != t.sentence) prev = SIZE_MAX;
      if (t.stop) {
        ++stops_since;
        continue;
      }
      if (t.end - t.begin >= kMinWordBytes) {
        note(kWord | t.term, e.before.substr(t.begin, t.end - t.begin));
      }
      if (prev != SIZE_MAX && stops_since <= kMaxStopsInPair && tokens[prev].term != t.term) {
        uint64_t a = std::min(tokens[prev].term, t.term), b = std::max(tokens[prev].term, t.term);
        note(kPair | (a << 31) | b,
             e.before.substr(tokens[prev].begin, t.end - tokens[prev].begin));
      }
      prev = i;
      stops_since = 0;
    }
    for (const std::string& tag : e.tags) {
      std::string folded = core::text::Fold(Trimmed(tag));
      if (folded.empty()) continue;
      auto [it, added] = tag_ids.emplace(folded, static_cast<uint32_t>(tag_ids.size()));
      note(kTag | it->second, Trimmed(tag));
    }
  }

  // Emotions with enough spikes, and their base rates.
  // (By name, as the emotions' order decides the order of equally good
  // findings below.)
  std::map<std::string, std::vector<bool>> has_emotion;
  {
    std::vector<std::vector<bool>*> mask_of(emotion_names.size(), nullptr);
    for (uint32_t si = 0; si < spikes.size(); ++si) {
      for (uint32_t k = 0; k < spikes[si].emotions; ++k) {
        const uint32_t id = pool[spikes[si].first_emotion + k];
        if (mask_of[id] == nullptr) {
          mask_of[id] = &has_emotion[emotion_names[id]];
          mask_of[id]->resize(spikes.size(), false);
        }
        (*mask_of[id])[si] = true;
      }
    }
  }

  struct Found {
    std::string emotion;
    uint64_t key;
    const Candidate* candidate;
    std::vector<uint32_t> hits;  // spikes with both
    double p;
    double base;
  };
  // Every (emotion, candidate) pair with enough spikes on both sides is a
  // test. Most have only 3 or 4 occurrences and could never reach a small
  // p-value even if every one came with the emotion; Tarone's method counts
  // only the tests that could, which keeps the family-wise error rate at
  // kAlpha without paying for the impossible ones.
  // A test that could not reach kAlpha is left out at once: the family
  // below counts only tests at or under kAlpha / K <= kAlpha, and the
  // threshold is never above kAlpha. (Over the whole history there are tens
  // of thousands of tests; each is 32 bytes, its emotion a number.)
  struct Tested {
    const std::string* emotion;
    const std::vector<bool>* mask;
    double base;
  };
  std::vector<Tested> tested;
  struct Test {
    const Candidate* candidate;
    uint64_t key;
    double min_p;  // the p-value if all of the candidate's spikes had the emotion
    uint32_t emotion;  // in `tested`
  };
  std::vector<Test> tests;
  const double n = static_cast<double>(spikes.size());
  for (const auto& [emotion, mask] : has_emotion) {
    const int n_e = static_cast<int>(std::count(mask.begin(), mask.end(), true));
    if (n_e < kMinCount) continue;
    const double base = n_e / n;
    const auto emotion_index = static_cast<uint32_t>(tested.size());
    tested.push_back({&emotion, &mask, base});
    for (const auto& [key, c] : candidates) {
      const int m = static_cast<int>(c.spikes.size());
      if (m < kMinCount) continue;
      const int best_k = std::min(m, n_e);
      // Beyond a few dozen the bound is tiny anyway; skip the sum.
      const double min_p = best_k >= kMinCount && best_k <= 40 ? BinomialUpperTail(m, best_k, base)
                           : best_k >= kMinCount               ? 0.0
                                                               : 1.0;
      if (best_k * 1.0 <= base * m) continue;  // could never beat the base rate
      if (min_p > kAlpha) continue;
      tests.push_back({&c, key, min_p, emotion_index});
    }
  }
  // The smallest K with at most K tests able to reach kAlpha / K. Pairs
  // with the same emotion and the same spikes ("manager" and "message from
  // my manager", written together) are one test.
  // (The spikes are compared where they are, not copied: over the whole
  // history that copy was tens of MiB.)
  // (Tests in that order, then one of each run of equal ones: the same
  // emotion and spikes give the same min_p.)
  std::vector<double> min_ps;
  {
    std::vector<uint32_t> order(tests.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    auto less = [&](uint32_t a, uint32_t b) {
      if (tests[a].emotion != tests[b].emotion) return tests[a].emotion < tests[b].emotion;
      return tests[a].candidate->spikes < tests[b].candidate->spikes;
    };
    std::sort(order.begin(), order.end(), less);
    for (size_t i = 0; i < order.size(); ++i) {
      if (i == 0 || less(order[i - 1], order[i])) min_ps.push_back(tests[order[i]].min_p);
    }
  }
  std::sort(min_ps.begin(), min_ps.end());
  size_t family = 1;
  while (family < min_ps.size() && min_ps[family] <= kAlpha / static_cast<double>(family)) ++family;
  const double threshold = kAlpha / static_cast<double>(family);

  std::vector<Found> found;
  for (const Test& t : tests) {
    if (t.min_p > threshold) continue;
    const Tested& e = tested[t.emotion];
    std::vector<uint32_t> hits;
    for (uint32_t si : t.candidate->spikes) {
      if ((*e.mask)[si]) hits.push_back(si);
    }
    const int k = static_cast<int>(hits.size());
    const int m = static_cast<int>(t.candidate->spikes.size());
    if (k < kMinCount || k <= e.base * m) continue;  // the rule: 3+, above the base rate
    const double p = BinomialUpperTail(m, k, e.base);
    if (p <= threshold)
      found.push_back({*e.emotion, t.key, t.candidate, std::move(hits), p, e.base});
  }
  // Best first: strongest evidence, then more occurrences, then pairs and tags before
  // single words (more specific), then the key for a stable order.
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    if (a.p != b.p) return a.p < b.p;
    if (a.hits.size() != b.hits.size()) return a.hits.size() > b.hits.size();
    if ((a.key >> 62) != (b.key >> 62)) return (a.key >> 62) > (b.key >> 62);
    return a.key < b.key;
  });

  std::vector<const Found*> chosen;
  std::map<std::string, size_t> per_emotion;
  for (const Found& f : found) {
    if (chosen.size() >= kMaxObservations) break;
    if (per_emotion[f.emotion] >= kMaxPerEmotion) continue;
    bool same = false;
    for (const Found* c : chosen) {
      if (c->emotion != f.emotion) continue;
      size_t common = 0;
      for (uint32_t h : f.hits) common += std::binary_search(c->hits.begin(), c->hits.end(), h);
      // Counts of entries: exact as doubles.
      if (static_cast<double>(common) >=
          kSameEvidence * static_cast<double>(std::min(f.hits.size(), c->hits.size())))
        same = true;
    }
    if (same) continue;
    chosen.push_back(&f);
    ++per_emotion[f.emotion];
  }

  int64_t from_day = index.window_first_day();
  if (!index.entries().empty()) from_day = std::max(from_day, index.entries().front().day);
  const core::Date from = core::CivilFromDays(from_day);
  const int year = index.period().to().year;
  std::vector<Observation> out;
  for (const Found* f : chosen) {
    // The client's most frequent way of writing it; ties go to the shortest.
    std::string phrase;
    int best = 0;
    for (const auto& [surface, times] : f->candidate->surface) {
      if (times > best || (times == best && surface.size() < phrase.size())) {
        phrase = surface;
        best = times;
      }
    }
    Observation o;
    TriggerDetail d;
    d.trigger = phrase;
    d.emotion = f->emotion;
    d.occurrences = static_cast<int>(f->candidate->spikes.size());
    d.base_rate = f->base;
    d.window_from = from;
    o.count = static_cast<int>(f->hits.size());
    o.evidence.Reserve(f->hits.size());
    for (uint32_t si : f->hits) o.evidence.Add(spikes[si].entry->entry->id, spikes[si].entry->date);
    o.id = "trigger-" + ShortHash(f->emotion + "|" + core::text::Fold(phrase));
    for (uint32_t si : f->hits) d.in_period += spikes[si].entry->in_period ? 1 : 0;
    // The memory across sessions: both counts, in all and in the period.
    const std::string lately =
        // TRANSLATORS: how many of those times were in the report's period:
        // "…, none of them since your last session."
        d.in_period == 0 ? core::Tr("none of them")
        // TRANSLATORS: as "none of them", when both of two were.
        : d.in_period == o.count ? (o.count == 2 ? core::Tr("both")
                                                 // TRANSLATORS: as "none of them".
                                                 : core::Tr("all of them"))
                                 // TRANSLATORS: as "none of them": %1 of them were.
                                 : core::Format(core::TrN("%1 of them", "%1 of them",
                                                          static_cast<unsigned long>(d.in_period)),
                                                d.in_period);
    // TRANSLATORS: what came right before spikes of a feeling: %1 the
    // feeling ("Anxiety"), %2 the client's words in quotes ("message from
    // my manager"), %3 of the %4 times, %5 the first date counted, %6
    // "none of them", "both", "3 of them", %7 the period ("since your last
    // session"). "Anxiety followed "message from my manager" 3 of the 4
    // times it came up (since Oct 3), both since your last session."
    o.summary =
        core::Format(core::TrN("%1 followed %2 %3 of the %4 time it came up (since %5), %6 %7.",
                               "%1 followed %2 %3 of the %4 times it came up (since %5), %6 %7.",
                               static_cast<unsigned long>(d.occurrences)),
                     Capitalized(core::EmotionWord(f->emotion)), Quoted(phrase), o.count,
                     d.occurrences, ShortDate(from, year), lately, index.period().Phrase());
    o.detail = std::move(d);
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace fieldnotes::reports
