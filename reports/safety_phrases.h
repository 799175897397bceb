// SafetyPhrases: one language's safety word list (reports/data/safety/*.txt;
// the format is in docs/safety.md and at the top of en.txt) and the matcher
// that reads text with it: contractions expanded, clauses cut, words
// compared by Snowball stem and with one typo allowed, negations and idioms
// handled.
#ifndef FIELDNOTES_REPORTS_SAFETY_PHRASES_H_
#define FIELDNOTES_REPORTS_SAFETY_PHRASES_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"

struct sb_stemmer;  // libstemmer.h, included by safety_phrases.cpp only

namespace fieldnotes::reports {

// What a phrase is about, after the distinctions of the Columbia Suicide
// Severity Rating Scale (docs/safety.md). The order is the order of
// SafetyResult::categories.
enum class SafetyCategory {
  kWishDead,          // wish to be dead, not to wake up
  kSuicidalThoughts,  // thoughts of killing oneself
  kMethodPlan,        // a method, a plan, a time
  kPreparation,       // giving things away, goodbye letters, stockpiling
  kSelfHarm,          // hurting oneself, in people's own words
  kHopelessness,      // no way on, a burden to others
  kHarmFromOthers,    // threats, violence at home
  kHarmToOthers,      // wanting to hurt someone else
};
inline constexpr size_t kSafetyCategoryCount = 8;

// "wish_dead", "suicidal_thoughts", "method_plan", "preparation",
// "self_harm", "hopelessness", "harm_from_others", "harm_to_others".
std::string_view SafetyCategoryName(SafetyCategory c);

// The category a list's section names; the names of the first lists
// ("suicide", "danger") are read as "suicidal_thoughts" and
// "harm_from_others". nullopt for an unknown name.
std::optional<SafetyCategory> SafetyCategoryFromName(std::string_view name);

class SafetyPhrases {
 public:
  // A raise phrase found in a text, not negated and not part of an idiom.
  struct Match {
    SafetyCategory category;
    size_t phrase = 0;      // index of the phrase in its section, for tests
    size_t first_word = 0;  // word range in the normalized text
    size_t end_word = 0;
  };

  // Parses a list. `language` is the Snowball algorithm for its words
  // ("english", "german", ...; empty for none): a plain word of a phrase
  // then also matches every word with the same stem. InvalidArgument
  // naming `name` and the line for an unknown section, an unknown
  // category, unbalanced brackets, or a phrase outside a section.
  static core::Result<SafetyPhrases> Parse(std::string_view data, std::string_view name,
                                           std::string_view language = {});

  // The Snowball algorithm for a list's file name ("safety/de.txt" ->
  // "german"), or empty when the name is not a language libstemmer knows.
  static std::string_view StemmerFor(std::string_view file_name);

  // Every raise phrase in `text` (UTF-8, any case) that is not negated
  // and not overlapped by a not_danger phrase.
  std::vector<Match> Find(std::string_view text) const;

  // A text split into words once, for every list to read.
  struct Word {
    std::string folded;
    bool new_clause = false;
    bool new_sentence = false;
  };
  static std::vector<Word> SplitWords(std::string_view text);
  std::vector<Match> Find(const std::vector<Word>& words) const;
  // The same, and sets `quieted` when one of the list's quieting rules
  // applies to the text: a raise phrase found negated or inside an idiom,
  // or a not_danger phrase anywhere in it (how SafetyDetector quiets a
  // raise by the classifier, docs/safety.md).
  std::vector<Match> Find(const std::vector<Word>& words, bool& quieted) const;

  // Whether a [doubt] phrase of the list is anywhere in the words (in any
  // clause; negations do not matter), or a [doubt_marks] string anywhere in
  // `text`, the text they were split from: a frame under which the lists'
  // own raise is often wrong (a shift on a ward, a prevention course, a
  // joke with a trivial condition), where SafetyDetector asks the
  // classifier before it raises (docs/safety.md, "Round thirteen").
  bool Doubted(std::string_view text, const std::vector<Word>& words) const;
  bool has_doubts() const { return !doubt_.empty() || !doubt_marks_.empty(); }
  // Every doubt phrase and mark found, as its line in the list (for
  // safety_check --doubts, which counts where each is found).
  std::vector<std::string_view> DoubtsFound(std::string_view text,
                                            const std::vector<Word>& words) const;

  // The words the matcher sees: folded, contractions expanded.
  std::vector<std::string> Normalize(std::string_view text) const;

  size_t phrase_count() const { return raise_.size(); }

 private:
  static constexpr uint32_t kNoWord = UINT32_MAX;
  struct Atom {
    std::string text;
    std::string stem;     // its stem, when the list has a stemmer
    bool prefix = false;  // word*
    bool any = false;     // _
    bool exact = false;   // =word
    bool fuzzy = false;   // five letters or more: one typo allowed
    uint32_t chars = 0;   // its length in characters, for fuzzy atoms
    // text and stem in vocabulary_ (kNoWord for none), set by BuildIndexes
    uint32_t word_id = kNoWord, stem_id = kNoWord;
  };
  struct Slot {
    std::vector<std::vector<Atom>> alternatives;
    bool optional = false;
    bool gap = false;  // ..: zero to kMaxGap words
  };
  struct Phrase {
    std::vector<Slot> slots;
    SafetyCategory category = SafetyCategory::kSuicidalThoughts;
    size_t index = 0;
    // "a & b": phrases that must also be found in the same sentence, in
    // any order, each not negated and not part of an idiom.
    std::vector<Phrase> also;
    bool whole_text = false;  // "a && b": anywhere in the same text
    uint32_t part = 0;        // for a part of `also`: its number in also_parts_
  };
  struct Text {
    // Into the words Prepare was given and the list's contractions_: a
    // Text lives no longer than either.
    std::vector<std::string_view> words;
    std::vector<int> clause;             // clause number of each word
    std::vector<int> sentence;           // sentence number of each word
    std::vector<uint32_t> chars;         // length of each word in characters
    mutable std::vector<uint8_t> flags;  // FlagsOf each word, 0 until asked
    // Each word and its stem in the list's vocabulary_ (kNoWord when no
    // phrase has it): looked up once per text, then compared as numbers.
    // stem_ids is empty when the list has no stemmer.
    std::vector<uint32_t> word_ids, stem_ids;
    // Texts repeat their words: each distinct word is a class, numbered in
    // order of first appearance; what depends only on the word is worked
    // out once per class.
    std::vector<uint32_t> cls;    // the class of each word
    std::vector<uint32_t> first;  // the first word of each class
    // The vocabulary words one typo away from each class (a word long
    // enough for a typo): those of class c are
    // near[near_begin[c] .. near_begin[c + 1]).
    std::vector<uint32_t> near;
    std::vector<uint32_t> near_begin;
  };
  static constexpr uint8_t kFlagKnown = 1, kFlagNegation = 2, kFlagBridge = 4, kFlagVoid = 8;
  // Whether word `k` of `t` is a [negation], a [bridge], a [negation_void].
  uint8_t FlagsOf(const Text& t, size_t k) const;

  core::Result<Phrase> ParsePhrase(std::string_view line) const;
  // A word of a one-word section: exact or prefix only.
  static bool AtomMatches(const Atom& a, std::string_view word);
  // A word of a phrase: also by stem and with one typo.
  static bool PhraseAtomMatches(const Atom& a, const Text& t, size_t i);
  std::string Stem(std::string_view folded_word) const;
  // Doubted and DoubtsFound: stops at the first when `all` is null.
  bool FindDoubts(std::string_view text, const std::vector<Word>& words,
                  std::vector<std::string_view>* all) const;
  static std::string StemWith(sb_stemmer* stemmer, std::string_view folded_word);
  Text Prepare(const std::vector<Word>& words) const;
  std::vector<Match> FindImpl(const std::vector<Word>& words, bool* quieted) const;
  // Largest end position of a match of `p` starting at `start`, or 0.
  size_t MatchAt(const Phrase& p, const Text& t, size_t start) const;
  bool MatchSlots(const Phrase& p, size_t slot, const Text& t, size_t pos, int clause,
                  size_t& best_end) const;
  bool Negated(const Text& t, size_t start) const;
  bool InList(const std::vector<Atom>& list, std::string_view word) const;

  // Which phrases can start at a word, so that a text is not tried against
  // every phrase at every word: the phrases' possible first words by exact
  // text (and by the words one typo away, Text::near), by stem, by prefix.
  struct StartIndex {
    // By the vocabulary id of a word or of a stem.
    std::unordered_map<uint32_t, std::vector<uint32_t>> by_word, by_stem;
    // Prefixes by their first two bytes (shorter ones in by_short_prefix).
    std::unordered_map<uint16_t, std::vector<std::pair<std::string, uint32_t>>> by_prefix;
    std::vector<std::pair<std::string, uint32_t>> by_short_prefix;
    std::vector<uint32_t> always;  // may start with any word
    void Add(const Phrase& p, uint32_t id);
    // Like Add, but each alternative a match can begin with is indexed by
    // its most specific word (its longest), under `(id << kOffsetBits) |
    // offset`, the offset being that word's place in the alternative: a
    // phrase starting "i want" is looked for where "want" is, one word
    // back, rather than at every "i".
    static constexpr uint32_t kOffsetBits = 3;
    void AddBySpecificWord(const Phrase& p, uint32_t id);
    // Indexes `p` by its anchors, the specific words it cannot match
    // without: for each required slot after the first whose words are all
    // specific, the most specific word of each alternative, under a new id
    // from `owner_of` (the slot's), which records `owner`. The number of
    // anchors added: 0 when it has none.
    uint32_t AddAnchors(const Phrase& p, uint32_t owner, std::vector<uint32_t>& owner_of);
    void AddAtom(const Atom& a, uint32_t id);
    // The phrases that may start at word `i` of `t`, each once, ascending.
    void Candidates(const Text& t, size_t i, std::vector<uint32_t>& out) const;
  };
  // The candidates of a StartIndex for each class of a text, computed when
  // first asked.
  struct CandidateCache {
    std::vector<std::vector<uint32_t>> lists;
    std::vector<uint8_t> done;
    explicit CandidateCache(const Text& t) : lists(t.first.size()), done(t.first.size(), 0) {}
    const std::vector<uint32_t>& Of(const StartIndex& index, const Text& t, size_t i);
  };
  void BuildIndexes();
  // Whether part `part` of an "a & b" or "a && b" phrase is found in
  // sentence `sentence` of `t` (anywhere for -1), not negated and not part
  // of an idiom; `starts` holds also_starts_'s candidates.
  bool PartFound(const Text& t, uint32_t part, int sentence, CandidateCache& starts,
                 const std::vector<std::pair<size_t, size_t>>& idioms) const;

  // Every word and stem of the raise and not_danger phrases, numbered.
  std::unordered_map<std::string, uint32_t> vocabulary_;
  std::vector<const std::string*> vocabulary_words_;  // by id
  // The words of atoms that allow a typo, by the hashes of the word and of
  // each of its one-letter deletions: a typo of one letter leaves one of
  // them in common. One bit per key in typo_bits_ first: most words of a
  // text share no key with the list, and a bit is cheaper than the map.
  std::unordered_map<uint64_t, std::vector<uint32_t>> typo_keys_;
  // Names this list's contents for the per-thread word cache of Prepare
  // (a copy shares it: same contents); new on every BuildIndexes.
  uint64_t cache_id_ = 0;
  std::vector<uint64_t> typo_bits_;
  // The id of `word` in vocabulary_, or kNoWord.
  uint32_t WordId(const std::string& word) const;

  std::string language_;  // Snowball algorithm, or empty
  std::map<std::string, std::vector<std::string>, std::less<>> contractions_;
  std::vector<Atom> clause_breaks_;
  std::vector<Atom> negations_;
  std::vector<Atom> bridges_;
  std::vector<Atom> negation_voids_;
  std::vector<Phrase> raise_;
  std::vector<Phrase> not_danger_;
  std::vector<Phrase> doubt_;
  std::vector<std::string> doubt_marks_;  // as written (emoji, "xD")
  std::vector<std::string> doubt_lines_;  // each doubt_ phrase's line
  StartIndex raise_starts_;
  StartIndex not_danger_starts_;
  StartIndex doubt_starts_;
  // Every part after the first of the "a & b" phrases, as (phrase, part).
  std::vector<std::pair<uint32_t, uint32_t>> also_parts_;
  StartIndex also_starts_;
  // The anchors of the raise phrases (owners 0 .. raise_.size() - 1) and
  // of the parts after the first (raise_.size() + part), then of the
  // idioms (raise_.size() + also_parts_.size() + idiom), found in one pass
  // over a text: an owner can match only when all its anchored slots are
  // (anchor_count_; 1 in `unanchored_` for those without any).
  StartIndex anchors_;
  std::vector<uint32_t> anchor_owner_;  // by anchored slot
  std::vector<uint32_t> anchor_count_;  // by owner
  std::vector<uint8_t> unanchored_;
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_SAFETY_PHRASES_H_
