#include "reports/six_word_rule.h"

#include <cstdint>
#include <set>
#include <unordered_map>
#include <utility>

#include "core/text.h"

namespace fieldnotes::reports {
namespace {

enum class CharClass { kWord, kSeparator, kJoin, kSingle };

// What a code point is to the rule. Apostrophes and zero-width marks join
// (they vanish inside a word); Han and kana are each a word; letters,
// digits and marks of other scripts build words; punctuation, symbols,
// spaces and emoji separate.
CharClass Classify(uint32_t cp) {
  if (cp < 0x80) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'))
      return CharClass::kWord;
    return cp == '\'' ? CharClass::kJoin : CharClass::kSeparator;
  }
  if (cp == 0x2019 || cp == 0x02BC || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 ||
      (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF)
    return CharClass::kJoin;
  if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
      (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
      (cp >= 0x20000 && cp <= 0x2FFFF))
    return CharClass::kSingle;
  if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7) return CharClass::kSeparator;  // Latin-1 marks
  if (cp >= 0x2000 && cp <= 0x2BFF) return CharClass::kSeparator;            // punctuation, symbols
  if (cp >= 0x2E00 && cp <= 0x2E7F) return CharClass::kSeparator;  // supplemental punctuation
  if (cp >= 0x3000 && cp <= 0x303F) return CharClass::kSeparator;  // CJK punctuation
  if (cp >= 0xFF00 && cp <= 0xFF20) return CharClass::kSeparator;  // full-width punctuation
  if (cp >= 0xE000 && cp <= 0xF8FF) return CharClass::kSeparator;  // private use
  if (cp >= 0xFFF0 && cp <= 0xFFFF) return CharClass::kSeparator;  // specials, U+FFFD
  if (cp >= 0x1F000) return CharClass::kSeparator;                 // emoji and pictographs
  return CharClass::kWord;
}

// Decodes one code point of valid UTF-8 at s[i] (core::text::Fold's output
// always is); returns it and advances i.
uint32_t Next(std::string_view s, size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  int extra = b < 0x80 ? 0 : b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
  uint32_t cp = extra == 0 ? b : extra == 1 ? (b & 0x1F) : extra == 2 ? (b & 0x0F) : (b & 0x07);
  ++i;
  for (int k = 0; k < extra && i < s.size(); ++k, ++i)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  return cp;
}

// Calls word(text) for each word of already folded text, in order, with the
// joining characters removed.
template <typename F>
void ForEachWord(std::string_view folded, F&& word) {
  std::string current;
  size_t i = 0;
  while (i < folded.size()) {
    const size_t start = i;
    const uint32_t cp = Next(folded, i);
    switch (Classify(cp)) {
      case CharClass::kWord:
        current.append(folded.substr(start, i - start));
        break;
      case CharClass::kJoin:
        break;
      case CharClass::kSingle:
        if (!current.empty()) word(current);
        current.assign(folded.substr(start, i - start));
        word(current);
        current.clear();
        break;
      case CharClass::kSeparator:
        if (!current.empty()) word(current);
        current.clear();
        break;
    }
  }
  if (!current.empty()) word(current);
}

constexpr uint64_t kFnvOffset = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

struct WordSpan {
  uint32_t begin;
  uint32_t end;
  uint64_t hash;  // FNV-1a of the word's bytes, joining characters left out
};

// The words of already folded text as spans and hashes, without building a
// string per word: the journal side of Check() reads every entry, so this
// is the hot loop. Must agree with ForEachWord.
void WordSpans(std::string_view folded, std::vector<WordSpan>& out) {
  out.clear();
  bool in_word = false;
  WordSpan current{0, 0, kFnvOffset};
  auto close = [&](size_t at) {
    if (!in_word) return;
    current.end = static_cast<uint32_t>(at);
    out.push_back(current);
    in_word = false;
  };
  size_t i = 0;
  while (i < folded.size()) {
    const size_t start = i;
    const auto b = static_cast<unsigned char>(folded[i]);
    // ASCII letters and digits are nearly all of it: no decoding.
    const uint32_t cp = b < 0x80 ? (++i, b) : Next(folded, i);
    const CharClass c = Classify(cp);
    if (c == CharClass::kJoin) continue;
    if (c == CharClass::kSeparator || c == CharClass::kSingle) close(start);
    if (c == CharClass::kSeparator) continue;
    if (!in_word) {
      in_word = true;
      current = {static_cast<uint32_t>(start), 0, kFnvOffset};
    }
    for (size_t k = start; k < i; ++k) {
      current.hash ^= static_cast<unsigned char>(folded[k]);
      current.hash *= kFnvPrime;
    }
    if (c == CharClass::kSingle) close(i);
  }
  close(folded.size());
}

// The word of a span as ForEachWord gives it (joining characters removed).
std::string WordOf(std::string_view folded, const WordSpan& w) {
  std::string out;
  size_t i = w.begin;
  while (i < w.end) {
    const size_t start = i;
    if (Classify(Next(folded, i)) != CharClass::kJoin) out.append(folded.substr(start, i - start));
  }
  return out;
}

uint64_t Fnv1a(std::string_view s) {
  uint64_t h = kFnvOffset;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= kFnvPrime;
  }
  return h;
}

// The hash of a run of words, from the words' own hashes.
uint64_t RunHash(const uint64_t* word_hashes) {
  uint64_t h = 0;
  for (size_t k = 0; k < SixWordRule::kRunWords; ++k)
    h = (h ^ word_hashes[k]) * 0x100000001b3ull + k;
  return h;
}

std::string JoinRun(const std::vector<std::string>& words, size_t first) {
  std::string out;
  for (size_t k = 0; k < SixWordRule::kRunWords; ++k) {
    if (k > 0) out += ' ';
    out += words[first + k];
  }
  return out;
}

// The runs of `words`, as joined strings.
std::set<std::string> Runs(const std::vector<std::string>& words) {
  std::set<std::string> out;
  for (size_t i = 0; i + SixWordRule::kRunWords <= words.size(); ++i) out.insert(JoinRun(words, i));
  return out;
}

}  // namespace

std::vector<std::string> SixWordRule::Words(std::string_view text) {
  std::vector<std::string> out;
  ForEachWord(core::text::Fold(text), [&out](const std::string& w) { out.push_back(w); });
  return out;
}

std::vector<std::string_view> SixWordRule::ProtectedFields(const core::Entry& e) {
  std::vector<std::string_view> out;
  for (const auto& s : e.emotions) out.push_back(s);
  for (const std::string* s : {&e.before, &e.body, &e.thought, &e.unsaid, &e.text}) {
    if (!s->empty()) out.push_back(*s);
  }
  for (const auto& s : e.tags) out.push_back(s);
  if (!e.thread.empty()) out.push_back(e.thread);
  for (const auto& f : e.followups) {
    out.push_back(f.question);
    if (!f.answer.empty()) out.push_back(f.answer);
  }
  return out;
}

std::vector<SixWordViolation> SixWordRule::Check(std::span<const core::Entry> entries,
                                                 std::span<const GuardedText> texts) {
  // The report's runs that are not allowed, by hash. The report is small
  // and the journal large, so the report's runs go into the table and the
  // journal is streamed past it once.
  struct Candidate {
    size_t text;
    std::string run;
  };
  std::unordered_multimap<uint64_t, Candidate> candidates;
  for (size_t t = 0; t < texts.size(); ++t) {
    const GuardedText& g = texts[t];
    if (g.client_written) continue;
    const std::vector<std::string> words = Words(g.text);
    if (words.size() < kRunWords) continue;
    std::set<std::string> allowed;
    for (const std::string& excerpt : g.excerpts) allowed.merge(Runs(Words(excerpt)));
    std::vector<uint64_t> hashes;
    for (const auto& w : words) hashes.push_back(Fnv1a(w));
    for (size_t i = 0; i + kRunWords <= words.size(); ++i) {
      std::string run = JoinRun(words, i);
      if (allowed.count(run) != 0) continue;
      candidates.emplace(RunHash(&hashes[i]), Candidate{t, std::move(run)});
    }
  }
  if (candidates.empty()) return {};

  std::set<std::pair<size_t, std::string>> found;
  std::vector<WordSpan> spans;
  std::vector<uint64_t> hashes;
  for (const core::Entry& entry : entries) {
    for (std::string_view field : ProtectedFields(entry)) {
      const std::string folded = core::text::Fold(field);
      WordSpans(folded, spans);
      if (spans.size() < kRunWords) continue;
      hashes.resize(spans.size());
      for (size_t k = 0; k < spans.size(); ++k) hashes[k] = spans[k].hash;
      for (size_t i = 0; i + kRunWords <= spans.size(); ++i) {
        auto [first, last] = candidates.equal_range(RunHash(&hashes[i]));
        if (first == last) continue;
        // Hashes can collide: compare the words themselves.
        std::vector<std::string> words;
        for (size_t k = 0; k < kRunWords; ++k) words.push_back(WordOf(folded, spans[i + k]));
        const std::string run = JoinRun(words, 0);
        for (auto it = first; it != last; ++it) {
          if (it->second.run == run) found.emplace(it->second.text, run);
        }
      }
    }
  }
  std::vector<SixWordViolation> out;
  for (const auto& [t, run] : found) out.push_back({texts[t].where, run});
  return out;
}

std::string SixWordRule::FirstWords(std::string_view text, size_t max_words) {
  // Walk the original text, counting words as Words() would, and cut right
  // after the last allowed one.
  size_t i = 0;
  size_t words = 0;
  bool in_word = false;
  size_t cut = text.size();
  while (i < text.size()) {
    const size_t start = i;
    const uint32_t cp = Next(text, i);
    const CharClass c = Classify(cp);
    const bool starts_word = c == CharClass::kSingle || (c == CharClass::kWord && !in_word);
    if (starts_word) {
      if (words == max_words) {
        cut = start;
        break;
      }
      ++words;
    }
    in_word = c == CharClass::kWord || (c == CharClass::kJoin && in_word);
  }
  if (cut >= text.size()) return std::string(text);
  std::string out(text.substr(0, cut));
  while (!out.empty() &&
         Classify(static_cast<unsigned char>(out.back())) == CharClass::kSeparator &&
         static_cast<unsigned char>(out.back()) < 0x80)
    out.pop_back();
  return out + "\u2026";
}

}  // namespace fieldnotes::reports
