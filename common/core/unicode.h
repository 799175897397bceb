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

// Appends cp (a scalar value; anything else appends U+FFFD) as UTF-8.
void AppendUtf8(std::string& out, char32_t cp);

// What a character is to words and sentences. One classification for the
// tokenizer, the six-word rule and safety matching, from ICU's character
// properties (general category, Sentence_Break), not from block ranges.
enum class CharKind : uint8_t {
  kLetter,      // letters, digits, combining marks: they build words
  kApostrophe,  // ' ’ ‘ ʼ: inside a word, between two letters, only
  kInvisible,   // format characters (ZWJ, ZWNJ, soft hyphen), variation selectors: vanish
  kSentenceEnd, // . ! ? ; … a line break, and every script's full stop (。 । ۔ ။ ። ؟ …)
  kClauseBreak, // , : ( ) – — 、 ， and the like
  kSeparator,   // spaces, other punctuation, symbols, emoji, U+FFFD
};
CharKind Classify(char32_t cp);

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

// The bytes of text[w.begin, w.end) without invisible characters, and with
// apostrophes either dropped or written as a straight "'". ASCII is not
// lower-cased here; fold the result (core/text.h) when that is needed.
enum class Apostrophes { kStraight, kDrop };
void AppendWordBytes(std::string_view text, const WordBounds& w, Apostrophes apostrophes,
                     std::string& out);

}  // namespace fieldnotes::core::unicode

#endif  // FIELDNOTES_CORE_UNICODE_H_
