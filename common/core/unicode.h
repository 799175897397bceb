// The one Unicode layer: decoding UTF-8, what a character is to a word, and
// where words and sentences begin, on ICU. Folding for search and patterns
// is core/text.h (built on this). docs/patterns.md, "Words and folding",
// describes what the layer does for each script.
//
// Everything here takes UTF-8 that may be ill-formed: an ill-formed sequence
// reads as one U+FFFD per maximal ill-formed subpart (Unicode 15, §3.9), so
// no function fails and none reads past the end of its input.
#ifndef FIELDNOTES_CORE_UNICODE_H_
#define FIELDNOTES_CORE_UNICODE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace fieldnotes::core::unicode {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at text[i] (i < text.size()) and advances i past
// it. Ill-formed input gives kReplacement and advances past the maximal
// ill-formed subpart (at least one byte).
char32_t NextSlow(std::string_view text, size_t& i);
inline char32_t Next(std::string_view text, size_t& i) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) {
    ++i;
    return b;
  }
  return NextSlow(text, i);
}

// The offset just past the character at text[i], as Next would leave it.
inline size_t NextBoundary(std::string_view text, size_t i) {
  Next(text, i);
  return i;
}

// The number of code points in `valid`, which must be well-formed UTF-8
// (Fold's output is): a count of lead bytes, no decoding.
inline size_t CountCodePoints(std::string_view valid) {
  size_t n = 0;
  for (const char c : valid) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Appends cp (a scalar value; anything else appends U+FFFD) as UTF-8.
void AppendUtf8(std::string& out, char32_t cp);

// What a character is to words and sentences. One classification for the
// tokenizer, the six-word rule and safety matching, from ICU's character
// properties (general category, Sentence_Break), not from block ranges.
enum class CharKind : uint8_t {
  kLetter,      // letters, digits, combining marks: they build words
  kApostrophe,  // ' ’ ‘ ʼ: inside a word, between two letters, only
  kInvisible,   // format characters (ZWJ, ZWNJ, soft hyphen), variation selectors: vanish
  kSentenceEnd,  // . ! ? ; … a line break, and every script's full stop (。 । ۔ ။ ። ؟ …)
  kClauseBreak,  // , : ( ) – — 、 ， and the like
  kSeparator,    // spaces, other punctuation, symbols, emoji, U+FFFD
};
namespace internal {
inline constexpr auto kAsciiKinds = [] {
  struct Table {
    CharKind kind[128];
  } t{};
  for (auto& k : t.kind) k = CharKind::kSeparator;
  for (int c = 'a'; c <= 'z'; ++c) t.kind[c] = CharKind::kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) t.kind[c] = CharKind::kLetter;
  for (int c = '0'; c <= '9'; ++c) t.kind[c] = CharKind::kLetter;
  t.kind[static_cast<int>('\'')] = CharKind::kApostrophe;
  for (char c : {'.', '!', '?', ';', '\n'})
    t.kind[static_cast<unsigned char>(c)] = CharKind::kSentenceEnd;
  for (char c : {',', ':', '(', ')'}) t.kind[static_cast<unsigned char>(c)] = CharKind::kClauseBreak;
  return t;
}();
CharKind ClassifyNonAscii(char32_t cp);
}  // namespace internal
// ASCII is a table lookup here; the rest asks ICU.
inline CharKind Classify(char32_t cp) {
  return cp < 0x80 ? internal::kAsciiKinds.kind[cp] : internal::ClassifyNonAscii(cp);
}

// True for the scripts written without spaces between words, whose words
// come from ICU's dictionaries: Thai, Lao, Khmer, Myanmar (Line_Break SA),
// Han, Hiragana and Katakana.
bool NeedsDictionary(char32_t cp);
// True for Han ideographs and kana (Script_Extensions), which the six-word
// rule counts one character at a time.
bool IsIdeographOrKana(char32_t cp);

// One word of a text, as byte offsets into it.
struct WordBounds {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool new_sentence = false;  // a kSentenceEnd character since the previous word
  bool new_clause = false;    // new_sentence, or a kClauseBreak since the previous word
  bool ascii = true;          // every byte of [begin, end) is ASCII
  bool plain = true;          // no apostrophe or invisible character inside
};

enum class Ideographs {
  kDictionary,  // Han and kana runs segmented by ICU's dictionary, like Thai
  kEachOne,     // each Han character and each kana is a word of its own
};

// Calls fn for each word of `text`, in order. A word is a run of kLetter
// characters, with kInvisible characters and single kApostrophe
// characters between two letters inside it ("don't" is one word, "self-harm"
// two, "e.g." two). Runs of Thai, Lao, Khmer, Burmese, Chinese and Japanese
// are split into words by ICU's word break iterator with its dictionaries
// (or, for Han and kana with Ideographs::kEachOne, one character each).
// The rules for scripts written with spaces are kept as the tokenizer always
// had them rather than UAX #29's, which joins "e.g", "3.14" and "a:b".
void ForEachWord(std::string_view text, Ideographs ideographs,
                 const std::function<void(const WordBounds&)>& fn);

namespace internal {
// Calls emit(context, begin, end) for each word ICU's dictionaries find in
// text[begin, end).
void DictionaryRun(std::string_view text, size_t begin, size_t end,
                   void (*emit)(void*, size_t, size_t), void* context);
}  // namespace internal

// ForEachWord for any callable, inlined where the words are hot (the
// tokenizer and the six-word rule read every entry of the journal).
template <typename Fn>
void ForEachWordOf(std::string_view text, Ideographs ideographs, Fn&& fn) {
  WordBounds w;
  bool in_word = false;
  bool pending_apostrophe = false;
  bool pending_invisible = false;
  bool new_sentence = false;
  bool new_clause = false;
  // A run of characters that need the dictionary, [run_begin, run_end).
  bool in_run = false;
  bool run_plain = true;
  size_t run_begin = 0, run_end = 0;

  auto emit = [&](const WordBounds& word) {
    WordBounds out = word;
    out.new_sentence = new_sentence;
    out.new_clause = new_clause || new_sentence;
    new_sentence = new_clause = false;
    fn(out);
  };
  auto finish_word = [&] {
    if (in_word) emit(w);
    in_word = pending_apostrophe = pending_invisible = false;
  };
  auto finish_run = [&] {
    if (!in_run) return;
    in_run = false;
    auto one = [&](size_t b, size_t e) {
      WordBounds word;
      word.begin = static_cast<uint32_t>(b);
      word.end = static_cast<uint32_t>(e);
      word.ascii = false;
      word.plain = run_plain;
      emit(word);
    };
    internal::DictionaryRun(
        text, run_begin, run_end,
        [](void* c, size_t b, size_t e) { (*static_cast<decltype(one)*>(c))(b, e); }, &one);
  };

  size_t i = 0;
  while (i < text.size()) {
    const size_t start = i;
    const char32_t cp = Next(text, i);
    const CharKind kind = Classify(cp);
    if (kind == CharKind::kLetter && cp >= 0x0E00 && NeedsDictionary(cp)) {
      finish_word();
      if (ideographs == Ideographs::kEachOne && IsIdeographOrKana(cp)) {
        finish_run();
        WordBounds word;
        word.begin = static_cast<uint32_t>(start);
        word.end = static_cast<uint32_t>(i);
        word.ascii = false;
        emit(word);
        continue;
      }
      if (!in_run) {
        in_run = true;
        run_plain = true;
        run_begin = start;
      }
      run_end = i;
      continue;
    }
    if (kind == CharKind::kInvisible) {
      if (in_run) {
        run_plain = false;
      } else if (in_word) {
        pending_invisible = true;
      }
      continue;
    }
    finish_run();
    switch (kind) {
      case CharKind::kLetter:
        if (!in_word) {
          in_word = true;
          w = WordBounds{};
          w.begin = static_cast<uint32_t>(start);
        } else if (pending_apostrophe || pending_invisible) {
          w.plain = false;
        }
        pending_apostrophe = pending_invisible = false;
        if (cp >= 0x80) w.ascii = false;
        // The rest of an ASCII word in one go: most of a journal.
        while (i < text.size()) {
          const auto b = static_cast<unsigned char>(text[i]);
          if (b >= 0x80 || internal::kAsciiKinds.kind[b] != CharKind::kLetter) break;
          ++i;
        }
        w.end = static_cast<uint32_t>(i);
        break;
      case CharKind::kApostrophe:
        if (in_word && !pending_apostrophe) {
          pending_apostrophe = true;  // kept only when a letter follows
        } else {
          finish_word();
        }
        break;
      case CharKind::kSentenceEnd:
        finish_word();
        new_sentence = true;
        break;
      case CharKind::kClauseBreak:
        finish_word();
        new_clause = true;
        break;
      default:
        finish_word();
        break;
    }
  }
  finish_run();
  finish_word();
}

// The bytes of text[w.begin, w.end) without invisible characters, and with
// apostrophes either dropped or written as a straight "'". ASCII is not
// lower-cased here; fold the result (core/text.h) when that is needed.
enum class Apostrophes { kStraight, kDrop };
void AppendWordBytes(std::string_view text, const WordBounds& w, Apostrophes apostrophes,
                     std::string& out);

}  // namespace fieldnotes::core::unicode

#endif  // FIELDNOTES_CORE_UNICODE_H_
