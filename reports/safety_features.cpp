#include "reports/safety_features.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "reports/safety_phrases.h"
#include "reports/safety_phrases_internal.h"

namespace fieldnotes::reports {
namespace {

// The Snowball stemmers of the lists' languages (SafetyPhrases::StemmerFor);
// Polish has none in libstemmer.
const std::array<std::string, 8> kStemmers = {"english", "german",     "french", "spanish",
                                              "italian", "portuguese", "dutch",  "russian"};

constexpr size_t kMinGram = 3, kMaxGram = 5;
// A character n-gram counts for less than a word, a stem or a bigram:
// there are many of them per word (safety_train's cross-validation chose
// the value).
constexpr float kGramValue = 0.5f;
// A stem of fewer bytes than this does not stand for its word in a bigram
// (Snowball takes "offing" to "of"); the word itself does.
constexpr size_t kMinBigramStem = 3;

// FNV-1a, 64 bits, over a kind letter, ':' and the feature's text: stable
// across builds and machines, as a checked-in model needs.
uint64_t Hash(char kind, std::string_view text) {
  uint64_t h = 14695981039346656037ull;
  auto mix = [&h](unsigned char c) {
    h ^= c;
    h *= 1099511628211ull;
  };
  mix(static_cast<unsigned char>(kind));
  mix(':');
  for (char c : text) mix(static_cast<unsigned char>(c));
  return h;
}

std::string Stem(sb_stemmer* stemmer, const std::string& word) {
  const sb_symbol* stem =
      stemmer ? sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                                static_cast<int>(word.size()))
              : nullptr;
  if (!stem) return word;
  return std::string(reinterpret_cast<const char*>(stem),
                     static_cast<size_t>(sb_stemmer_length(stemmer)));
}

uint32_t IndexOf(uint64_t hash) {
  return static_cast<uint32_t>(hash >> (64 - SafetyFeatures::kHashBits));
}

// Calls fn(kind, text) for each feature of one folded word (not bigrams),
// and returns the stem it stands for in bigrams.
template <typename Fn>
std::string WordFeatures(const std::string& word, Fn&& fn) {
  fn('w', word);
  std::string shortest = word;
  std::array<std::string, kStemmers.size()> stems;
  for (size_t i = 0; i < kStemmers.size(); ++i) {
    stems[i] = Stem(safety_internal::StemmerOf(kStemmers[i]), word);
    bool seen = stems[i] == word;
    for (size_t j = 0; j < i && !seen; ++j) seen = stems[j] == stems[i];
    if (!seen) fn('s', stems[i]);
    if (stems[i].size() >= kMinBigramStem && stems[i].size() < shortest.size()) shortest = stems[i];
  }
  // Character n-grams of "<word>", counted in code points.
  const std::string marked = "<" + word + ">";
  std::vector<size_t> starts;
  for (size_t i = 0; i < marked.size(); ++i) {
    if ((static_cast<unsigned char>(marked[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  starts.push_back(marked.size());
  const size_t chars = starts.size() - 1;
  for (size_t n = kMinGram; n <= kMaxGram && n <= chars; ++n) {
    for (size_t b = 0; b + n <= chars; ++b) {
      // The whole "<word>" is the word feature already.
      if (n == chars) break;
      fn('c', std::string_view(marked).substr(starts[b], starts[b + n] - starts[b]));
    }
  }
  return shortest;
}

struct KnownWord {
  std::vector<uint32_t> indexes;  // word and stems
  std::vector<uint32_t> grams;    // character n-grams
  std::string bigram_stem;
};

// Journals repeat their words: what a word gives is worked out once per
// thread and kept, up to this many words, then the cache starts over.
constexpr size_t kCacheWords = size_t{1} << 15;

const KnownWord& Known(const std::string& word) {
  thread_local std::unordered_map<std::string, KnownWord> cache;
  if (auto it = cache.find(word); it != cache.end()) return it->second;
  if (cache.size() >= kCacheWords) cache.clear();
  KnownWord k;
  k.bigram_stem = WordFeatures(word, [&](char kind, std::string_view text) {
    (kind == 'c' ? k.grams : k.indexes).push_back(IndexOf(Hash(kind, text)));
  });
  return cache.emplace(word, std::move(k)).first->second;
}

std::string Bigram(const std::string& a, const std::string& b) { return a + " " + b; }

}  // namespace

std::vector<SafetyFeature> SafetyFeatures::Of(std::string_view text) {
  return Of(SafetyPhrases::SplitWords(text));
}

std::vector<SafetyFeature> SafetyFeatures::Of(const std::vector<SafetyPhrases::Word>& words) {
  std::vector<uint32_t> indexes, grams;
  std::string previous;  // a copy: the next Known() may clear the cache
  bool have_previous = false;
  // A long entry repeats its words: each distinct word's features once.
  std::unordered_set<std::string_view> seen;
  for (const SafetyPhrases::Word& w : words) {
    const KnownWord& k = Known(w.folded);
    if (seen.insert(w.folded).second) {
      indexes.insert(indexes.end(), k.indexes.begin(), k.indexes.end());
      grams.insert(grams.end(), k.grams.begin(), k.grams.end());
    }
    if (have_previous && !w.new_sentence)
      indexes.push_back(IndexOf(Hash('b', Bigram(previous, k.bigram_stem))));
    previous = k.bigram_stem;
    have_previous = true;
  }
  for (auto* v : {&indexes, &grams}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  // Merge the two, an index of both at the larger value, then scale to
  // unit length.
  std::vector<SafetyFeature> out;
  out.reserve(indexes.size() + grams.size());
  size_t a = 0, b = 0;
  while (a < indexes.size() || b < grams.size()) {
    if (b == grams.size() || (a < indexes.size() && indexes[a] <= grams[b])) {
      if (b < grams.size() && grams[b] == indexes[a]) ++b;
      out.push_back({indexes[a++], 1.0f});
    } else {
      out.push_back({grams[b++], kGramValue});
    }
  }
  double sum = 0;
  for (const SafetyFeature& f : out) sum += static_cast<double>(f.value) * f.value;
  const double scale = sum > 0 ? 1.0 / std::sqrt(sum) : 0.0;
  for (SafetyFeature& f : out) f.value = static_cast<float>(f.value * scale);
  return out;
}

std::vector<std::pair<uint32_t, std::string>> SafetyFeatures::Named(std::string_view text) {
  const std::vector<SafetyPhrases::Word> words = SafetyPhrases::SplitWords(text);
  std::vector<std::pair<uint32_t, std::string>> out;
  std::string previous;
  bool have_previous = false;
  for (const SafetyPhrases::Word& w : words) {
    const std::string stem = WordFeatures(w.folded, [&](char kind, std::string_view t) {
      out.emplace_back(IndexOf(Hash(kind, t)), std::string(1, kind) + ":" + std::string(t));
    });
    if (have_previous && !w.new_sentence) {
      const std::string b = Bigram(previous, stem);
      out.emplace_back(IndexOf(Hash('b', b)), "b:" + b);
    }
    previous = stem;
    have_previous = true;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace fieldnotes::reports
