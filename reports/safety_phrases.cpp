#include "reports/safety_phrases.h"

#include <libstemmer.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <limits>
#include <mutex>
#include <unordered_map>

#include "core/text.h"
#include "core/unicode.h"
#include "reports/safety_phrases_internal.h"
#include "reports/tokenizer.h"

namespace fieldnotes::reports {

using safety_internal::CharacterCount;
using safety_internal::kFuzzyLetters;
using safety_internal::StemmerOf;

namespace {

// The most words a ".." gap in a phrase stands for.
constexpr size_t kMaxGap = 3;

// True when `a` and `b` differ by at most one insertion, deletion,
// substitution or swap of two neighbouring characters.
template <typename Seq>
bool WithinOneEditOf(const Seq& a, const Seq& b);

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
}

// The characters of a word as byte ranges, on the stack: a typo is looked
// for in every word of every text, and words are short.
struct ShortChars {
  static constexpr size_t kMax = 48;
  std::array<std::string_view, kMax> chars;
  size_t n = 0;
  bool Fill(std::string_view s) {  // false when longer than kMax characters
    for (size_t i = 0; i < s.size();) {
      const size_t j = core::unicode::NextBoundary(s, i);
      if (n == kMax) return false;
      chars[n++] = s.substr(i, j - i);
      i = j;
    }
    return true;
  }
  size_t size() const { return n; }
  const std::string_view& operator[](size_t i) const { return chars[i]; }
  auto begin() const { return chars.begin(); }
  auto end() const { return chars.begin() + static_cast<long>(n); }
};

bool WithinOneEdit(std::string_view a_text, std::string_view b_text) {
  if (a_text.size() > b_text.size() + 8 || b_text.size() > a_text.size() + 8) return false;
  if (IsAscii(a_text) && IsAscii(b_text)) return WithinOneEditOf(a_text, b_text);
  ShortChars a, b;
  if (!a.Fill(a_text) || !b.Fill(b_text)) return false;
  return WithinOneEditOf(a, b);
}

// A sequence of characters (bytes of ASCII text, or the byte ranges of
// UTF-8 characters) within one insertion, deletion, substitution or swap of
// neighbours of another.
template <typename Seq>
bool WithinOneEditOf(const Seq& a, const Seq& b) {
  const size_t n = a.size(), m = b.size();
  if (n > m + 1 || m > n + 1) return false;
  size_t i = 0;
  while (i < n && i < m && a[i] == b[i]) ++i;
  if (i == n && i == m) return true;
  if (n == m) {
    // one substitution, or a swap of i and i+1
    if (std::equal(a.begin() + static_cast<long>(i) + 1, a.end(),
                   b.begin() + static_cast<long>(i) + 1))
      return true;
    return i + 1 < n && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           std::equal(a.begin() + static_cast<long>(i) + 2, a.end(),
                      b.begin() + static_cast<long>(i) + 2);
  }
  const auto& longer = n > m ? a : b;
  const auto& shorter = n > m ? b : a;
  return std::equal(shorter.begin() + static_cast<long>(i), shorter.end(),
                    longer.begin() + static_cast<long>(i) + 1);
}

}  // namespace

bool SafetyPhrases::AtomMatches(const Atom& a, std::string_view word) {
  if (a.any) return true;
  if (a.prefix) return word.starts_with(a.text);
  return word == a.text;
}

namespace {

// Hashes of the word and of each of its one-character deletions: two words
// within one edit of each other share at least one of them (a shared hash
// that is a collision only makes one more candidate, checked in full).
template <typename Fn>
void ForEachDeletionKey(std::string_view word, Fn&& fn) {
  auto hash = [&](size_t skip_begin, size_t skip_end) {
    uint64_t h = 1469598103934665603ull;
    for (size_t k = 0; k < word.size(); ++k) {
      if (k >= skip_begin && k < skip_end) continue;
      h = (h ^ static_cast<unsigned char>(word[k])) * 1099511628211ull;
    }
    return h;
  };
  fn(hash(0, 0));
  for (size_t i = 0; i < word.size();) {
    const size_t j = core::unicode::NextBoundary(word, i);
    fn(hash(i, j));
    i = j;
  }
}

// The typo-key filter of a list: 2^20 bits (128 KiB), indexed by the key's
// high bits (FNV-1a mixes those best).
constexpr size_t kDeletionBits = size_t{1} << 20;
constexpr size_t kDeletionBitWords = kDeletionBits / 64;
// The first two bytes of a word (two or more bytes long), as a number.
uint16_t PrefixKey(std::string_view word) {
  return static_cast<uint16_t>(static_cast<unsigned char>(word[0]) << 8 |
                               static_cast<unsigned char>(word[1]));
}

size_t DeletionBit(uint64_t key) { return static_cast<size_t>(key >> 47) & (kDeletionBits - 1); }

}  // namespace

void SafetyPhrases::StartIndex::AddAtom(const Atom& a, uint32_t id) {
  if (a.any) {
    always.push_back(id);
  } else if (a.prefix) {
    if (a.text.size() >= 2)
      by_prefix[PrefixKey(a.text)].emplace_back(a.text, id);
    else
      by_short_prefix.emplace_back(a.text, id);
  } else {
    by_word[a.word_id].push_back(id);
    if (!a.exact && a.stem_id != kNoWord) by_stem[a.stem_id].push_back(id);
  }
}

void SafetyPhrases::StartIndex::Add(const Phrase& p, uint32_t id) {
  // The atoms a match can begin with: the first atom of each alternative of
  // the first slot, and of the next slot while slots are optional.
  for (const Slot& slot : p.slots) {
    if (slot.gap) {  // "[a] .. b" may start anywhere a gap may
      always.push_back(id);
      break;
    }
    for (const auto& alt : slot.alternatives) AddAtom(alt.front(), id);
    if (!slot.optional) break;
  }
}

namespace {

// How much a word of a phrase narrows it down: its length in bytes (a
// prefix's too), 0 for "_".
size_t Specificity(const std::string& text, bool any) { return any ? 0 : text.size(); }

}  // namespace

void SafetyPhrases::StartIndex::AddBySpecificWord(const Phrase& p, uint32_t id) {
  constexpr size_t kMaxOffset = (size_t{1} << kOffsetBits) - 1;
  for (const Slot& slot : p.slots) {
    if (slot.gap) {  // "[a] .. b" may start anywhere a gap may
      always.push_back(id << kOffsetBits);
      break;
    }
    for (const auto& alt : slot.alternatives) {
      size_t best = 0;
      for (size_t k = 1; k < alt.size() && k <= kMaxOffset; ++k) {
        if (Specificity(alt[k].text, alt[k].any) > Specificity(alt[best].text, alt[best].any))
          best = k;
      }
      AddAtom(alt[best], id << kOffsetBits | static_cast<uint32_t>(best));
    }
    if (!slot.optional) break;
  }
}

uint32_t SafetyPhrases::StartIndex::AddAnchors(const Phrase& p, uint32_t owner,
                                               std::vector<uint32_t>& owner_of) {
  // A required slot after the first whose least specific alternative is
  // specific enough; each alternative is indexed by its most specific
  // word. Words of two bytes or fewer ("i", "my", "me") narrow nothing
  // down: a slot with one of them as an alternative is no anchor.
  constexpr size_t kMinSpecificity = 3;
  uint32_t added = 0;
  for (size_t k = 1; k < p.slots.size(); ++k) {
    const Slot& slot = p.slots[k];
    if (slot.gap || slot.optional) continue;
    size_t score = SIZE_MAX;
    for (const auto& alt : slot.alternatives) {
      size_t most = 0;
      for (const Atom& a : alt) most = std::max(most, Specificity(a.text, a.any));
      score = std::min(score, most);
    }
    if (score < kMinSpecificity) continue;
    const auto id = static_cast<uint32_t>(owner_of.size());
    owner_of.push_back(owner);
    for (const auto& alt : slot.alternatives) {
      const Atom* most = &alt.front();
      for (const Atom& a : alt) {
        if (Specificity(a.text, a.any) > Specificity(most->text, most->any)) most = &a;
      }
      AddAtom(*most, id);
    }
    ++added;
  }
  return added;
}

void SafetyPhrases::StartIndex::Candidates(const Text& t, size_t i,
                                           std::vector<uint32_t>& out) const {
  out.clear();
  auto take = [&](const auto& map, const auto& key) {
    auto it = map.find(key);
    if (it != map.end()) out.insert(out.end(), it->second.begin(), it->second.end());
  };
  if (t.word_ids[i] != kNoWord) take(by_word, t.word_ids[i]);
  if (!t.stem_ids.empty() && t.stem_ids[i] != kNoWord) take(by_stem, t.stem_ids[i]);
  const uint32_t c = t.cls[i];
  for (uint32_t k = t.near_begin[c]; k < t.near_begin[c + 1]; ++k) take(by_word, t.near[k]);
  const std::string_view word = t.words[i];
  if (word.size() >= 2) {
    if (auto it = by_prefix.find(PrefixKey(word)); it != by_prefix.end()) {
      for (const auto& [prefix, id] : it->second) {
        if (word.starts_with(prefix)) out.push_back(id);
      }
    }
  }
  for (const auto& [prefix, id] : by_short_prefix) {
    if (word.starts_with(prefix)) out.push_back(id);
  }
  out.insert(out.end(), always.begin(), always.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

uint32_t SafetyPhrases::WordId(const std::string& word) const {
  auto it = vocabulary_.find(word);
  return it == vocabulary_.end() ? kNoWord : it->second;
}

const std::vector<uint32_t>& SafetyPhrases::CandidateCache::Of(const StartIndex& index,
                                                               const Text& t, size_t i) {
  const uint32_t c = t.cls[i];
  if (!done[c]) {
    index.Candidates(t, t.first[c], lists[c]);
    done[c] = 1;
  }
  return lists[c];
}

void SafetyPhrases::BuildIndexes() {
  static std::atomic<uint64_t> next_cache_id{1};
  cache_id_ = next_cache_id.fetch_add(1);
  vocabulary_.clear();
  auto intern = [this](const std::string& word) {
    return vocabulary_.try_emplace(word, static_cast<uint32_t>(vocabulary_.size())).first->second;
  };
  auto number = [&](auto& self, Phrase& p) -> void {
    for (Slot& slot : p.slots) {
      for (auto& alt : slot.alternatives) {
        for (Atom& a : alt) {
          if (a.any || a.prefix) continue;
          a.word_id = intern(a.text);
          a.stem_id = a.stem.empty() ? kNoWord : intern(a.stem);
        }
      }
    }
    for (Phrase& q : p.also) self(self, q);
  };
  for (Phrase& p : raise_) number(number, p);
  for (Phrase& p : not_danger_) number(number, p);
  for (Phrase& p : doubt_) number(number, p);
  vocabulary_words_.assign(vocabulary_.size(), nullptr);
  for (const auto& [word, id] : vocabulary_) vocabulary_words_[id] = &word;
  typo_keys_.clear();
  typo_bits_.assign(kDeletionBitWords, 0);
  auto add_typos = [&](auto& self, const Phrase& p) -> void {
    for (const Slot& slot : p.slots) {
      for (const auto& alt : slot.alternatives) {
        for (const Atom& a : alt) {
          if (!a.fuzzy || a.any || a.prefix || a.exact) continue;
          ForEachDeletionKey(a.text, [&](uint64_t key) {
            auto& ids = typo_keys_[key];
            if (std::find(ids.begin(), ids.end(), a.word_id) == ids.end()) ids.push_back(a.word_id);
            typo_bits_[DeletionBit(key) / 64] |= uint64_t{1} << (DeletionBit(key) % 64);
          });
        }
      }
    }
    for (const Phrase& q : p.also) self(self, q);
  };
  for (const Phrase& p : raise_) add_typos(add_typos, p);
  for (const Phrase& p : not_danger_) add_typos(add_typos, p);
  for (const Phrase& p : doubt_) add_typos(add_typos, p);
  raise_starts_ = StartIndex();
  not_danger_starts_ = StartIndex();
  doubt_starts_ = StartIndex();
  for (uint32_t i = 0; i < doubt_.size(); ++i) doubt_starts_.Add(doubt_[i], i);
  anchors_ = StartIndex();
  anchor_owner_.clear();
  anchor_count_.assign(raise_.size(), 0);
  for (uint32_t i = 0; i < raise_.size(); ++i) {
    raise_starts_.AddBySpecificWord(raise_[i], i);
    anchor_count_[i] = anchors_.AddAnchors(raise_[i], i, anchor_owner_);
  }
  for (uint32_t i = 0; i < not_danger_.size(); ++i) not_danger_starts_.Add(not_danger_[i], i);
  also_parts_.clear();
  also_starts_ = StartIndex();
  const auto raise_count = static_cast<uint32_t>(raise_.size());
  for (uint32_t i = 0; i < raise_.size(); ++i) {
    for (uint32_t k = 0; k < raise_[i].also.size(); ++k) {
      const auto part = static_cast<uint32_t>(also_parts_.size());
      raise_[i].also[k].part = part;
      also_parts_.emplace_back(i, k);
      also_starts_.Add(raise_[i].also[k], part);
      anchor_count_.push_back(
          anchors_.AddAnchors(raise_[i].also[k], raise_count + part, anchor_owner_));
    }
  }
  // The idioms after the parts: owner raise_.size() + also_parts_.size() + i.
  for (const Phrase& idiom : not_danger_) {
    const auto owner = static_cast<uint32_t>(anchor_count_.size());
    anchor_count_.push_back(anchors_.AddAnchors(idiom, owner, anchor_owner_));
  }
  unanchored_.resize(anchor_count_.size());
  for (size_t i = 0; i < anchor_count_.size(); ++i) unanchored_[i] = anchor_count_[i] == 0;
}

bool SafetyPhrases::PhraseAtomMatches(const Atom& a, const Text& t, size_t i) {
  if (a.any) return true;
  const std::string_view word = t.words[i];
  if (a.prefix) return word.starts_with(a.text);
  if (a.word_id != kNoWord && t.word_ids[i] == a.word_id) return true;  // the same word
  if (a.exact) return false;
  if (a.stem_id != kNoWord && !t.stem_ids.empty() && t.stem_ids[i] == a.stem_id) return true;
  if (!a.fuzzy) return false;
  // One typo: the words of the list within one edit of this word were
  // found when the text was prepared.
  const uint32_t c = t.cls[i];
  return std::find(t.near.begin() + t.near_begin[c], t.near.begin() + t.near_begin[c + 1],
                   a.word_id) != t.near.begin() + t.near_begin[c + 1];
}

bool SafetyPhrases::InList(const std::vector<Atom>& list, std::string_view word) const {
  return std::any_of(list.begin(), list.end(), [&](const Atom& a) { return AtomMatches(a, word); });
}

std::vector<SafetyPhrases::Word> SafetyPhrases::SplitWords(std::string_view text) {
  std::vector<Word> out;
  ForEachWord(text, [&](const WordSpan& w) {
    out.push_back(Word{std::string(w.folded), w.new_clause, w.new_sentence});
  });
  return out;
}

namespace {

// What a word is for one list, worked out the first time a thread meets
// the word and kept: journals repeat their words, across entries too.
struct KnownWord {
  uint32_t chars = 0;                                   // length in characters
  uint32_t word_id = 0;                                 // in the list's vocabulary, or kNoWord
  uint32_t stem_id = 0;                                 // its stem's, or kNoWord
  uint32_t near_begin = 0;                              // the vocabulary words one typo away:
  uint32_t near_end = 0;                                // WordCache::near[near_begin, near_end)
  bool clause_break = false;                            // a word of [clause_break]
  const std::vector<std::string>* expansion = nullptr;  // a contraction's
  std::string text;
};

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct WordCache {
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> index;
  std::vector<KnownWord> words;
  std::vector<uint32_t> near;
  // The class a known word has in the text being prepared: valid when
  // stamp[w] == text.
  std::vector<uint32_t> stamp, local;
  uint32_t text = 0;
};

// Enough for most of a journal's vocabulary (about 2.5 MB per list at
// most); past it the cache starts over.
constexpr size_t kWordCacheWords = size_t{1} << 14;
// Lists a thread keeps words for (nine languages, and the lists tests
// build); past it every cache starts over.
constexpr size_t kWordCacheLists = 32;

}  // namespace

SafetyPhrases::Text SafetyPhrases::Prepare(const std::vector<Word>& words) const {
  Text t;
  t.words.reserve(words.size());
  sb_stemmer* stemmer = language_.empty() ? nullptr : StemmerOf(language_);

  thread_local std::unordered_map<uint64_t, WordCache> caches;
  if (caches.size() > kWordCacheLists && !caches.contains(cache_id_)) caches.clear();
  WordCache& cache = caches[cache_id_];
  if (cache.words.size() > kWordCacheWords) cache = WordCache();
  if (++cache.text == 0) {  // the stamps wrapped: forget them all
    std::fill(cache.stamp.begin(), cache.stamp.end(), 0);
    cache.text = 1;
  }

  // The known word for `w`, worked out if the thread has not met it yet.
  auto known = [&](std::string_view w) -> uint32_t {
    if (auto it = cache.index.find(w); it != cache.index.end()) return it->second;
    KnownWord k;
    k.text = std::string(w);
    k.chars = static_cast<uint32_t>(CharacterCount(k.text));
    k.word_id = WordId(k.text);
    k.stem_id = stemmer ? WordId(StemWith(stemmer, k.text)) : kNoWord;
    k.clause_break = InList(clause_breaks_, w);
    if (auto c = contractions_.find(k.text); c != contractions_.end()) k.expansion = &c->second;
    // The list's words one typo away, for a written word long enough for a
    // typo: both the atom and the word the text has must have five letters
    // or more, so that a common short word ("rain", "made") is never read as
    // an atom with a letter dropped ("drain", "maybe").
    k.near_begin = k.near_end = static_cast<uint32_t>(cache.near.size());
    if (k.chars >= kFuzzyLetters) {
      ForEachDeletionKey(k.text, [&](uint64_t key) {
        const size_t bit = DeletionBit(key);
        if (!(typo_bits_[bit / 64] >> (bit % 64) & 1)) return;
        auto keyed = typo_keys_.find(key);
        if (keyed == typo_keys_.end()) return;
        for (uint32_t id : keyed->second) {
          if (id == k.word_id || std::find(cache.near.begin() + k.near_begin, cache.near.end(),
                                           id) != cache.near.end())
            continue;
          if (WithinOneEdit(k.text, *vocabulary_words_[id])) cache.near.push_back(id);
        }
      });
      k.near_end = static_cast<uint32_t>(cache.near.size());
    }
    const auto id = static_cast<uint32_t>(cache.words.size());
    cache.words.push_back(std::move(k));
    cache.stamp.push_back(0);
    cache.local.push_back(0);
    cache.index.emplace(cache.words.back().text, id);
    return id;
  };

  t.near_begin.push_back(0);
  int clause = 0, sentence = 0;
  // Adds `word` (known as `id`; a view into `words` or contractions_, which
  // outlive the text) with its class: numbered in order of first
  // appearance in this text.
  auto push = [&](std::string_view word, uint32_t id) {
    const KnownWord& k = cache.words[id];
    if (cache.stamp[id] != cache.text) {
      cache.stamp[id] = cache.text;
      cache.local[id] = static_cast<uint32_t>(t.first.size());
      t.first.push_back(static_cast<uint32_t>(t.words.size()));
      t.near.insert(t.near.end(), cache.near.begin() + k.near_begin,
                    cache.near.begin() + k.near_end);
      t.near_begin.push_back(static_cast<uint32_t>(t.near.size()));
    }
    t.words.push_back(word);
    t.clause.push_back(clause);
    t.sentence.push_back(sentence);
    t.cls.push_back(cache.local[id]);
    t.chars.push_back(k.chars);
    t.word_ids.push_back(k.word_id);
    if (stemmer) t.stem_ids.push_back(k.stem_id);
  };
  for (const Word& w : words) {
    if (w.new_clause && !t.words.empty()) ++clause;
    if (w.new_sentence && !t.words.empty()) ++sentence;
    const uint32_t id = known(w.folded);
    if (cache.words[id].clause_break && !t.words.empty()) ++clause;
    if (const auto* expansion = cache.words[id].expansion) {
      for (const std::string& part : *expansion) push(part, known(part));
    } else {
      push(w.folded, id);
    }
  }
  t.flags.assign(t.words.size(), 0);
  return t;
}

std::vector<std::string> SafetyPhrases::Normalize(std::string_view text) const {
  const std::vector<Word> words = SplitWords(text);
  const Text t = Prepare(words);
  return std::vector<std::string>(t.words.begin(), t.words.end());
}

bool SafetyPhrases::MatchSlots(const Phrase& p, size_t slot, const Text& t, size_t pos, int clause,
                               size_t& best_end) const {
  if (slot == p.slots.size()) {
    best_end = std::max(best_end, pos);
    return true;
  }
  bool any = false;
  const Slot& s = p.slots[slot];
  if (s.gap) {
    for (size_t k = 0; k <= kMaxGap; ++k) {
      if (k > 0 && (pos + k > t.words.size() || t.clause[pos + k - 1] != clause)) break;
      any |= MatchSlots(p, slot + 1, t, pos + k, clause, best_end);
    }
    return any;
  }
  for (const auto& alt : s.alternatives) {
    if (pos + alt.size() > t.words.size()) continue;
    bool ok = true;
    for (size_t i = 0; i < alt.size() && ok; ++i) {
      ok = t.clause[pos + i] == clause && PhraseAtomMatches(alt[i], t, pos + i);
    }
    if (ok) any |= MatchSlots(p, slot + 1, t, pos + alt.size(), clause, best_end);
  }
  if (s.optional) any |= MatchSlots(p, slot + 1, t, pos, clause, best_end);
  return any;
}

size_t SafetyPhrases::MatchAt(const Phrase& p, const Text& t, size_t start) const {
  size_t end = 0;
  if (!MatchSlots(p, 0, t, start, t.clause[start], end)) return 0;
  return end > start ? end : 0;
}

uint8_t SafetyPhrases::FlagsOf(const Text& t, size_t k) const {
  // What a word is for negation, worked out once per word and text.
  uint8_t& f = t.flags[k];
  if (f == 0) {
    f = kFlagKnown;
    if (InList(negations_, t.words[k])) f |= kFlagNegation;
    if (InList(bridges_, t.words[k])) f |= kFlagBridge;
    if (InList(negation_voids_, t.words[k])) f |= kFlagVoid;
  }
  return f;
}

bool SafetyPhrases::Negated(const Text& t, size_t start) const {
  for (size_t k = start; k > 0;) {
    --k;
    if (t.clause[k] != t.clause[start]) return false;
    const uint8_t f = FlagsOf(t, k);
    if (f & kFlagNegation) {
      // "never wanted to die more than today": a word of [negation_void]
      // later in the clause turns the negation into a comparison.
      for (size_t j = k + 1; j < t.words.size() && t.clause[j] == t.clause[start]; ++j) {
        if (FlagsOf(t, j) & kFlagVoid) return false;
      }
      return true;
    }
    if (!(f & kFlagBridge)) return false;
  }
  return false;
}

bool SafetyPhrases::PartFound(const Text& t, uint32_t part, int sentence, CandidateCache& starts,
                              const std::vector<std::pair<size_t, size_t>>& idioms) const {
  const auto [phrase, k] = also_parts_[part];
  const Phrase& q = raise_[phrase].also[k];
  size_t first = 0, last = t.words.size();
  if (sentence >= 0) {
    first = static_cast<size_t>(std::lower_bound(t.sentence.begin(), t.sentence.end(), sentence) -
                                t.sentence.begin());
    last = static_cast<size_t>(std::upper_bound(t.sentence.begin(), t.sentence.end(), sentence) -
                               t.sentence.begin());
  }
  for (size_t start = first; start < last; ++start) {
    const std::vector<uint32_t>& may_start = starts.Of(also_starts_, t, start);
    if (!std::binary_search(may_start.begin(), may_start.end(), part)) continue;
    const size_t end = MatchAt(q, t, start);
    if (end == 0 || Negated(t, start)) continue;
    const bool idiom = std::any_of(idioms.begin(), idioms.end(), [&](const auto& span) {
      return span.first < end && start < span.second;
    });
    if (!idiom) return true;
  }
  return false;
}

std::vector<SafetyPhrases::Match> SafetyPhrases::Find(std::string_view text) const {
  return Find(SplitWords(text));
}

std::vector<SafetyPhrases::Match> SafetyPhrases::Find(const std::vector<Word>& words) const {
  return FindImpl(words, nullptr);
}

std::vector<SafetyPhrases::Match> SafetyPhrases::Find(const std::vector<Word>& words,
                                                      bool& quieted) const {
  return FindImpl(words, &quieted);
}

bool SafetyPhrases::Doubted(std::string_view text, const std::vector<Word>& words) const {
  return FindDoubts(text, words, nullptr);
}

std::vector<std::string_view> SafetyPhrases::DoubtsFound(std::string_view text,
                                                         const std::vector<Word>& words) const {
  std::vector<std::string_view> out;
  FindDoubts(text, words, &out);
  return out;
}

bool SafetyPhrases::FindDoubts(std::string_view text, const std::vector<Word>& words,
                               std::vector<std::string_view>* all) const {
  bool found = false;
  for (const std::string& mark : doubt_marks_) {
    if (text.find(mark) == std::string_view::npos) continue;
    if (!all) return true;
    all->push_back(mark);
    found = true;
  }
  if (doubt_.empty()) return found;
  const Text t = Prepare(words);
  CandidateCache cache(t);
  std::vector<uint8_t> seen(all ? doubt_.size() : 0, 0);
  for (size_t start = 0; start < t.words.size(); ++start) {
    for (uint32_t id : cache.Of(doubt_starts_, t, start)) {
      if (!MatchAt(doubt_[id], t, start)) continue;
      if (!all) return true;
      found = true;
      if (!seen[id]) all->push_back(doubt_lines_[id]);
      seen[id] = 1;
    }
  }
  return found;
}

std::vector<SafetyPhrases::Match> SafetyPhrases::FindImpl(const std::vector<Word>& words,
                                                          bool* quieted) const {
  const Text t = Prepare(words);
  std::vector<uint32_t> candidates;
  // The phrases and parts whose anchor (a specific word after the first)
  // is in the text, or that have none: only they can match.
  std::vector<uint8_t> present = unanchored_;
  {
    std::vector<uint8_t> seen(anchor_owner_.size(), 0);
    std::vector<uint32_t> found(anchor_count_.size(), 0);
    for (uint32_t first : t.first) {
      anchors_.Candidates(t, first, candidates);
      for (uint32_t id : candidates) {
        if (seen[id]) continue;
        seen[id] = 1;
        const uint32_t owner = anchor_owner_[id];
        if (++found[owner] == anchor_count_[owner]) present[owner] = 1;
      }
    }
  }
  // An "a & b" phrase whose later part has no anchor in the text cannot
  // match: its parts are not looked for.
  for (uint32_t part = 0; part < also_parts_.size(); ++part) {
    if (!present[raise_.size() + part]) present[also_parts_[part].first] = 0;
  }
  const size_t idiom_owner = raise_.size() + also_parts_.size();
  // The idioms, looked for once a raise phrase is found (most texts have
  // none).
  std::optional<std::vector<std::pair<size_t, size_t>>> idioms;
  auto find_idioms = [&] {
    idioms.emplace();
    CandidateCache cache(t);
    for (size_t start = 0; start < t.words.size(); ++start) {
      for (uint32_t id : cache.Of(not_danger_starts_, t, start)) {
        if (!present[idiom_owner + id]) continue;
        if (size_t end = MatchAt(not_danger_[id], t, start)) idioms->emplace_back(start, end);
      }
    }
  };
  std::vector<Match> out;
  // "a & b", "a && b": whether a part is in a sentence (or, for "&&",
  // anywhere: -1), worked out once per part and sentence when a phrase
  // needs it.
  CandidateCache part_starts(t);
  std::map<std::pair<uint32_t, int>, bool> part_found;
  // Where each phrase whose anchors are in the text may start: found from
  // the most specific word of the alternatives it may begin with (whose
  // candidates are worked out once per class of word), as (start, phrase),
  // tried in the order of the text.
  constexpr uint32_t kOffsetBits = StartIndex::kOffsetBits;
  constexpr uint32_t kOffsetMask = (uint32_t{1} << kOffsetBits) - 1;
  std::vector<std::vector<uint32_t>> starting(t.first.size());
  std::vector<uint8_t> starting_done(t.first.size(), 0);
  std::vector<uint64_t> tries;
  for (size_t at = 0; at < t.words.size(); ++at) {
    const uint32_t c = t.cls[at];
    if (!starting_done[c]) {
      raise_starts_.Candidates(t, at, starting[c]);
      std::erase_if(starting[c], [&](uint32_t e) { return !present[e >> kOffsetBits]; });
      starting_done[c] = 1;
    }
    for (uint32_t e : starting[c]) {
      const uint32_t offset = e & kOffsetMask;
      if (offset > at) continue;
      tries.push_back(static_cast<uint64_t>(at - offset) << 32 | (e >> kOffsetBits));
    }
  }
  std::sort(tries.begin(), tries.end());
  tries.erase(std::unique(tries.begin(), tries.end()), tries.end());
  for (const uint64_t attempt : tries) {
    const auto start = static_cast<size_t>(attempt >> 32);
    const auto id = static_cast<uint32_t>(attempt & 0xffffffffu);
    const Phrase& p = raise_[id];
    const size_t end = MatchAt(p, t, start);
    if (end == 0) continue;
    if (Negated(t, start)) {
      if (quieted) *quieted = true;
      continue;
    }
    if (!idioms) find_idioms();
    const bool idiom = std::any_of(idioms->begin(), idioms->end(), [&](const auto& span) {
      return span.first < end && start < span.second;
    });
    if (idiom) {
      if (quieted) *quieted = true;
      continue;
    }
    if (!p.also.empty()) {
      const int where = p.whole_text ? -1 : t.sentence[start];
      const bool together = std::all_of(p.also.begin(), p.also.end(), [&](const Phrase& q) {
        auto [it, added] = part_found.try_emplace({q.part, where}, false);
        if (added) it->second = PartFound(t, q.part, where, part_starts, *idioms);
        return it->second;
      });
      if (!together) continue;
    }
    out.push_back(Match{p.category, p.index, start, end});
  }
  if (quieted && !*quieted) {
    if (!idioms) find_idioms();
    *quieted = !idioms->empty();
  }
  return out;
}

}  // namespace fieldnotes::reports
