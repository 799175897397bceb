#include "reports/safety_phrases.h"

#include <libstemmer.h>

#include <algorithm>
#include <array>
#include <mutex>
#include <unordered_map>

#include "core/text.h"
#include "core/unicode.h"
#include "reports/tokenizer.h"

namespace fieldnotes::reports {
namespace {

// The most words a ".." gap in a phrase stands for.
constexpr size_t kMaxGap = 3;
// Words of at least this many letters match with one typo.
constexpr size_t kFuzzyLetters = 5;

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

size_t CharacterCount(std::string_view s) {
  return core::unicode::CountCodePoints(s);  // s is folded: valid UTF-8
}

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

// One stemmer per language and thread: libstemmer's stemmers keep state
// between calls, and SafetyDetector must be callable from any thread.
sb_stemmer* StemmerOf(const std::string& language) {
  thread_local std::unordered_map<std::string, std::unique_ptr<sb_stemmer, StemmerDeleter>>
      stemmers;
  auto it = stemmers.find(language);
  if (it == stemmers.end()) {
    it = stemmers
             .emplace(language, std::unique_ptr<sb_stemmer, StemmerDeleter>(
                                    sb_stemmer_new(language.c_str(), nullptr)))
             .first;
  }
  return it->second.get();
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t next = s.find(sep, pos);
    out.push_back(
        s.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos));
    if (next == std::string_view::npos) break;
    pos = next + 1;
  }
  return out;
}

// The position of the bracket that closes the one at `open`, counting
// nested brackets of both kinds.
core::Result<size_t> MatchingBracket(std::string_view s, size_t open) {
  std::string stack;
  for (size_t i = open; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '(' || c == '[') {
      stack.push_back(c == '(' ? ')' : ']');
    } else if (c == ')' || c == ']') {
      if (stack.empty() || stack.back() != c)
        return core::Status::InvalidArgument("unbalanced brackets");
      stack.pop_back();
      if (stack.empty()) return i;
    }
  }
  return core::Status::InvalidArgument("unclosed bracket");
}

// The word sequences a group's body stands for, nested groups spelled out:
// "a|b (c|d)|e [f]" gives "a", "b c", "b d", "e", "e f". At most
// kMaxSequences, so that a list cannot blow up the matcher.
constexpr size_t kMaxSequences = 4096;
core::Result<std::vector<std::vector<std::string_view>>> Expand(std::string_view body) {
  std::vector<std::vector<std::string_view>> out;
  // The alternatives at this level: split at '|' outside brackets.
  std::vector<std::string_view> alternatives;
  size_t start = 0;
  for (size_t i = 0; i <= body.size(); ++i) {
    if (i == body.size() || body[i] == '|') {
      alternatives.push_back(body.substr(start, i - start));
      start = i + 1;
    } else if (body[i] == '(' || body[i] == '[') {
      auto end = MatchingBracket(body, i);
      if (!end.ok()) return end.status();
      i = *end;
    } else if (body[i] == ')' || body[i] == ']') {
      return core::Status::InvalidArgument("unbalanced brackets");
    }
  }
  for (std::string_view alt : alternatives) {
    std::vector<std::vector<std::string_view>> seqs = {{}};
    size_t pos = 0;
    while (pos < alt.size()) {
      if (alt[pos] == ' ' || alt[pos] == '\t') {
        ++pos;
        continue;
      }
      std::vector<std::vector<std::string_view>> item;
      if (alt[pos] == '(' || alt[pos] == '[') {
        auto end = MatchingBracket(alt, pos);
        if (!end.ok()) return end.status();
        auto inner = Expand(alt.substr(pos + 1, *end - pos - 1));
        if (!inner.ok()) return inner.status();
        item = std::move(*inner);
        if (alt[pos] == '[') item.emplace_back();
        pos = *end + 1;
      } else {
        size_t end = alt.find_first_of(" \t([", pos);
        if (end == std::string_view::npos) end = alt.size();
        item.push_back({alt.substr(pos, end - pos)});
        pos = end;
      }
      std::vector<std::vector<std::string_view>> product;
      for (const auto& head : seqs) {
        for (const auto& tail : item) {
          auto joined = head;
          joined.insert(joined.end(), tail.begin(), tail.end());
          product.push_back(std::move(joined));
        }
      }
      if (product.size() > kMaxSequences)
        return core::Status::InvalidArgument("too many alternatives in one group");
      seqs = std::move(product);
    }
    for (auto& seq : seqs) {
      if (seq.empty()) return core::Status::InvalidArgument("empty alternative");
      out.push_back(std::move(seq));
    }
  }
  return out;
}

}  // namespace

namespace {

constexpr std::array<std::string_view, kSafetyCategoryCount> kCategoryNames = {
    "wish_dead",    "suicidal_thoughts", "method_plan",      "preparation",
    "self_harm",    "hopelessness",      "harm_from_others", "harm_to_others",
};

}  // namespace

std::string_view SafetyCategoryName(SafetyCategory c) {
  return kCategoryNames[static_cast<size_t>(c)];
}

std::optional<SafetyCategory> SafetyCategoryFromName(std::string_view name) {
  if (name == "suicide") return SafetyCategory::kSuicidalThoughts;
  if (name == "danger") return SafetyCategory::kHarmFromOthers;
  for (size_t i = 0; i < kCategoryNames.size(); ++i) {
    if (kCategoryNames[i] == name) return static_cast<SafetyCategory>(i);
  }
  return std::nullopt;
}

std::string_view SafetyPhrases::StemmerFor(std::string_view file_name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kLanguages = {{
      {"en", "english"},
      {"de", "german"},
      {"fr", "french"},
      {"es", "spanish"},
      {"it", "italian"},
      {"pt", "portuguese"},
      {"nl", "dutch"},
      {"ru", "russian"},
  }};
  std::string_view base = file_name.substr(file_name.rfind('/') + 1);
  if (base.ends_with(".txt")) base.remove_suffix(4);
  for (const auto& [code, algorithm] : kLanguages) {
    if (code == base) return algorithm;
  }
  return {};
}

std::string SafetyPhrases::Stem(std::string_view folded_word) const {
  if (language_.empty()) return {};
  return StemWith(StemmerOf(language_), folded_word);
}

std::string SafetyPhrases::StemWith(sb_stemmer* stemmer, std::string_view folded_word) {
  if (!stemmer) return std::string(folded_word);
  const sb_symbol* stem =
      sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(folded_word.data()),
                      static_cast<int>(folded_word.size()));
  if (!stem) return std::string(folded_word);
  return std::string(reinterpret_cast<const char*>(stem),
                     static_cast<size_t>(sb_stemmer_length(stemmer)));
}

core::Result<SafetyPhrases::Phrase> SafetyPhrases::ParsePhrase(std::string_view line) const {
  auto parse_atom = [this](std::string_view w) -> core::Result<Atom> {
    Atom a;
    if (w == "_") {
      a.any = true;
      return a;
    }
    if (w == "..")
      return core::Status::InvalidArgument("a gap (..) stands between slots, not inside brackets");
    if (!w.empty() && w.front() == '=') {
      a.exact = true;
      w.remove_prefix(1);
    }
    if (!w.empty() && w.back() == '*') {
      a.prefix = true;
      w.remove_suffix(1);
    }
    a.text = core::text::Fold(w);
    if (a.text.empty()) return core::Status::InvalidArgument("empty word");
    for (char c : a.text) {
      if (c == '(' || c == ')' || c == '[' || c == ']' || c == '|' || c == '*' || c == '=')
        return core::Status::InvalidArgument("stray bracket, bar or '=' in a word");
    }
    if (!a.exact && !a.prefix) {
      a.stem = Stem(a.text);
      a.fuzzy = CharacterCount(a.text) >= kFuzzyLetters;
    }
    return a;
  };
  Phrase phrase;
  size_t pos = 0;
  while (pos < line.size()) {
    if (line[pos] == ' ' || line[pos] == '\t') {
      ++pos;
      continue;
    }
    Slot slot;
    std::string_view body;
    if (line.substr(pos, 2) == ".." &&
        (pos + 2 == line.size() || line[pos + 2] == ' ' || line[pos + 2] == '\t')) {
      slot.gap = true;
      phrase.slots.push_back(std::move(slot));
      pos += 2;
      continue;
    }
    if (line[pos] == '(' || line[pos] == '[') {
      slot.optional = line[pos] == '[';
      auto end = MatchingBracket(line, pos);
      if (!end.ok()) return end.status();
      body = line.substr(pos + 1, *end - pos - 1);
      pos = *end + 1;
    } else {
      size_t end = line.find_first_of(" \t", pos);
      if (end == std::string_view::npos) end = line.size();
      body = line.substr(pos, end - pos);
      if (body.find_first_of("()[]|") != std::string_view::npos)
        return core::Status::InvalidArgument("unbalanced brackets");
      pos = end;
    }
    auto sequences = Expand(body);
    if (!sequences.ok()) return sequences.status();
    for (const std::vector<std::string_view>& words : *sequences) {
      std::vector<Atom> seq;
      for (std::string_view w : words) {
        auto atom = parse_atom(w);
        if (!atom.ok()) return atom.status();
        seq.push_back(std::move(*atom));
      }
      if (seq.empty()) return core::Status::InvalidArgument("empty alternative");
      slot.alternatives.push_back(std::move(seq));
    }
    phrase.slots.push_back(std::move(slot));
  }
  if (phrase.slots.empty()) return core::Status::InvalidArgument("empty phrase");
  if (phrase.slots.front().gap || phrase.slots.back().gap)
    return core::Status::InvalidArgument("a phrase cannot start or end with ..");
  return phrase;
}

core::Result<SafetyPhrases> SafetyPhrases::Parse(std::string_view data, std::string_view name,
                                                 std::string_view language) {
  SafetyPhrases out;
  out.language_ = std::string(language);
  if (!out.language_.empty() && !StemmerOf(out.language_))
    return core::Status::InvalidArgument(std::string(name) + ": libstemmer has no " +
                                         out.language_);
  enum class Section {
    kNone,
    kContractions,
    kClauseBreaks,
    kNegation,
    kBridge,
    kNegationVoid,
    kRaise,
    kNotDanger
  };
  Section section = Section::kNone;
  SafetyCategory category = SafetyCategory::kSuicidalThoughts;
  int line_no = 0;
  for (std::string_view raw : Split(data, '\n')) {
    ++line_no;
    std::string_view line = Trim(raw);
    if (line.empty() || line[0] == '#') continue;
    auto error = [&](std::string_view why) {
      return core::Status::InvalidArgument(std::string(name) + " line " + std::to_string(line_no) +
                                           ": " + std::string(why));
    };
    if (line.front() == '[' && line.back() == ']' && line.find(' ') == std::string_view::npos) {
      std::string_view s = line.substr(1, line.size() - 2);
      if (s == "contractions") {
        section = Section::kContractions;
      } else if (s == "clause_breaks") {
        section = Section::kClauseBreaks;
      } else if (s == "negation") {
        section = Section::kNegation;
      } else if (s == "bridge") {
        section = Section::kBridge;
      } else if (s == "negation_void") {
        section = Section::kNegationVoid;
      } else if (s == "not_danger") {
        section = Section::kNotDanger;
      } else if (s.starts_with("raise:")) {
        section = Section::kRaise;
        auto c = SafetyCategoryFromName(s.substr(6));
        if (!c) return error("unknown category");
        category = *c;
      } else {
        return error("unknown section");
      }
      continue;
    }
    switch (section) {
      case Section::kNone:
        return error("a line outside any section");
      case Section::kContractions: {
        size_t eq = line.find('=');
        if (eq == std::string_view::npos) return error("a contraction needs '='");
        std::string from = core::text::Fold(Trim(line.substr(0, eq)));
        std::vector<std::string> to;
        for (std::string_view w : Split(Trim(line.substr(eq + 1)), ' ')) {
          if (!Trim(w).empty()) to.push_back(core::text::Fold(Trim(w)));
        }
        if (from.empty() || to.empty()) return error("empty contraction");
        out.contractions_[from] = std::move(to);
        break;
      }
      case Section::kClauseBreaks:
      case Section::kNegation:
      case Section::kBridge:
      case Section::kNegationVoid: {
        auto phrase = out.ParsePhrase(line);
        if (!phrase.ok()) return error(phrase.status().message());
        if (phrase->slots.size() != 1 || phrase->slots[0].alternatives.size() != 1 ||
            phrase->slots[0].alternatives[0].size() != 1)
          return error("one word a line in this section");
        Atom a = phrase->slots[0].alternatives[0][0];
        auto& list = section == Section::kClauseBreaks ? out.clause_breaks_
                     : section == Section::kNegation   ? out.negations_
                     : section == Section::kBridge     ? out.bridges_
                                                       : out.negation_voids_;
        list.push_back(std::move(a));
        break;
      }
      case Section::kRaise:
      case Section::kNotDanger: {
        // "a & b & c": all of them in one sentence (raise sections only).
        std::vector<std::string_view> parts;
        for (size_t from = 0;;) {
          const size_t amp = line.find('&', from);
          parts.push_back(Trim(line.substr(from, amp == std::string_view::npos
                                                     ? std::string_view::npos
                                                     : amp - from)));
          if (amp == std::string_view::npos) break;
          from = amp + 1;
        }
        if (parts.size() > 1 && section != Section::kRaise)
          return error("'&' only in a raise section");
        auto phrase = out.ParsePhrase(parts[0]);
        if (!phrase.ok()) return error(phrase.status().message());
        for (size_t i = 1; i < parts.size(); ++i) {
          auto more = out.ParsePhrase(parts[i]);
          if (!more.ok()) return error(more.status().message());
          phrase->also.push_back(std::move(*more));
        }
        auto& list = section == Section::kRaise ? out.raise_ : out.not_danger_;
        phrase->category = category;
        phrase->index = list.size();
        list.push_back(std::move(*phrase));
        break;
      }
    }
  }
  out.BuildIndexes();
  return out;
}

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

}  // namespace

void SafetyPhrases::StartIndex::Add(const Phrase& p, uint32_t id) {
  // The atoms a match can begin with: the first atom of each alternative of
  // the first slot, and of the next slot while slots are optional.
  for (const Slot& slot : p.slots) {
    if (slot.gap) {  // "[a] .. b" may start anywhere a gap may
      always.push_back(id);
      break;
    }
    for (const auto& alt : slot.alternatives) {
      const Atom& a = alt.front();
      if (a.any) {
        always.push_back(id);
      } else if (a.prefix) {
        if (a.text.size() >= 2)
          by_prefix[a.text.substr(0, 2)].emplace_back(a.text, id);
        else
          by_short_prefix.emplace_back(a.text, id);
      } else {
        by_word[a.text].push_back(id);
        if (!a.exact && !a.stem.empty()) by_stem[a.stem].push_back(id);
        if (a.fuzzy) ForEachDeletionKey(a.text, [&](uint64_t key) { by_deletion[key].push_back(id); });
      }
    }
    if (!slot.optional) break;
  }
}

void SafetyPhrases::StartIndex::Candidates(const Text& t, size_t i,
                                           std::vector<uint32_t>& out) const {
  out.clear();
  auto take = [&](const auto& map, const auto& key) {
    auto it = map.find(key);
    if (it != map.end()) out.insert(out.end(), it->second.begin(), it->second.end());
  };
  const std::string& word = t.words[i];
  take(by_word, word);
  if (!t.stems.empty()) take(by_stem, t.stems[i]);
  if (!by_deletion.empty() && CharacterCount(word) + 1 >= kFuzzyLetters) {
    ForEachDeletionKey(word, [&](uint64_t key) { take(by_deletion, key); });
  }
  if (word.size() >= 2) {
    if (auto it = by_prefix.find(word.substr(0, 2)); it != by_prefix.end()) {
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

void SafetyPhrases::BuildIndexes() {
  raise_starts_ = StartIndex();
  not_danger_starts_ = StartIndex();
  for (uint32_t i = 0; i < raise_.size(); ++i) raise_starts_.Add(raise_[i], i);
  for (uint32_t i = 0; i < not_danger_.size(); ++i) not_danger_starts_.Add(not_danger_[i], i);
}

bool SafetyPhrases::PhraseAtomMatches(const Atom& a, const Text& t, size_t i) {
  if (a.any) return true;
  const std::string& word = t.words[i];
  if (a.prefix) return word.starts_with(a.text);
  if (word == a.text) return true;
  if (a.exact) return false;
  if (!a.stem.empty() && !t.stems.empty() && t.stems[i] == a.stem) return true;
  return a.fuzzy && CharacterCount(word) + 1 >= kFuzzyLetters && WithinOneEdit(word, a.text);
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

SafetyPhrases::Text SafetyPhrases::Prepare(const std::vector<Word>& words) const {
  Text t;
  int clause = 0, sentence = 0;
  for (const Word& w : words) {
    if (w.new_clause && !t.words.empty()) ++clause;
    if (w.new_sentence && !t.words.empty()) ++sentence;
    if (InList(clause_breaks_, w.folded) && !t.words.empty()) ++clause;
    auto it = contractions_.find(w.folded);
    if (it != contractions_.end()) {
      for (const std::string& part : it->second) {
        t.words.push_back(part);
        t.clause.push_back(clause);
        t.sentence.push_back(sentence);
      }
    } else {
      t.words.emplace_back(w.folded);
      t.clause.push_back(clause);
      t.sentence.push_back(sentence);
    }
  }
  if (!language_.empty()) {
    t.stems.reserve(t.words.size());
    sb_stemmer* stemmer = StemmerOf(language_);  // once per text, not per word
    // Journals repeat their words: a stem is computed once per thread and
    // word (the cache is dropped when it grows past kStemCacheWords).
    constexpr size_t kStemCacheWords = 1 << 16;
    thread_local std::unordered_map<const sb_stemmer*,
                                    std::unordered_map<std::string, std::string>>
        caches;
    auto& cache = caches[stemmer];
    if (cache.size() > kStemCacheWords) cache.clear();
    for (const std::string& w : t.words) {
      auto it = cache.find(w);
      if (it == cache.end()) it = cache.emplace(w, StemWith(stemmer, w)).first;
      t.stems.push_back(it->second);
    }
  }
  return t;
}

std::vector<std::string> SafetyPhrases::Normalize(std::string_view text) const {
  return Prepare(SplitWords(text)).words;
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

bool SafetyPhrases::Negated(const Text& t, size_t start) const {
  for (size_t k = start; k > 0;) {
    --k;
    if (t.clause[k] != t.clause[start]) return false;
    if (InList(negations_, t.words[k])) {
      // "never wanted to die more than today": a word of [negation_void]
      // later in the clause turns the negation into a comparison.
      for (size_t j = k + 1; j < t.words.size() && t.clause[j] == t.clause[start]; ++j) {
        if (InList(negation_voids_, t.words[j])) return false;
      }
      return true;
    }
    if (!InList(bridges_, t.words[k])) return false;
  }
  return false;
}

bool SafetyPhrases::FoundInSentence(const Phrase& p, const Text& t, int sentence,
                                    const std::vector<std::pair<size_t, size_t>>& idioms) const {
  for (size_t start = 0; start < t.words.size(); ++start) {
    if (t.sentence[start] != sentence) continue;
    const size_t end = MatchAt(p, t, start);
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
  const Text t = Prepare(words);
  std::vector<std::pair<size_t, size_t>> idioms;
  std::vector<uint32_t> candidates;
  for (size_t start = 0; start < t.words.size(); ++start) {
    not_danger_starts_.Candidates(t, start, candidates);
    for (uint32_t id : candidates) {
      if (size_t end = MatchAt(not_danger_[id], t, start)) idioms.emplace_back(start, end);
    }
  }
  std::vector<Match> out;
  std::map<std::pair<const Phrase*, int>, bool> found;  // "a & b": part, sentence -> found
  for (size_t start = 0; start < t.words.size(); ++start) {
    raise_starts_.Candidates(t, start, candidates);
    for (uint32_t id : candidates) {
      const Phrase& p = raise_[id];
      const size_t end = MatchAt(p, t, start);
      if (end == 0 || Negated(t, start)) continue;
      const bool idiom = std::any_of(idioms.begin(), idioms.end(), [&](const auto& span) {
        return span.first < end && start < span.second;
      });
      if (idiom) continue;
      // Each part is looked for once per sentence, however often the
      // first part matches in it.
      const bool together = std::all_of(p.also.begin(), p.also.end(), [&](const Phrase& q) {
        const auto key = std::make_pair(&q, t.sentence[start]);
        auto it = found.find(key);
        if (it == found.end())
          it = found.emplace(key, FoundInSentence(q, t, t.sentence[start], idioms)).first;
        return it->second;
      });
      if (together) out.push_back(Match{p.category, p.index, start, end});
    }
  }
  return out;
}

}  // namespace fieldnotes::reports
