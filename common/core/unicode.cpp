// Word segmentation is two-speed. Scripts written with spaces (Latin, Greek,
// Cyrillic, Armenian, Georgian, Hebrew, Arabic, Devanagari, Hangul, ...)
// are cut by character class alone, one pass, no allocation: that is nearly
// every byte of a journal, and the rule is the one the tokenizer has always
// documented. Only runs of scripts without spaces go through ICU's word
// break iterator, whose dictionary engines (Thai, Lao, Khmer, Burmese, and
// Chinese/Japanese) find the words; UAX #29 alone would make a whole Thai
// sentence one word.
#include "core/unicode.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <memory>

namespace fieldnotes::core::unicode {
namespace {

CharKind ClassifyPunctuation(char32_t cp) {
  switch (cp) {
    case 0x2026:  // … (Sentence_Break Other, but it ends sentences in journals)
    case 0x037E:  // Greek question mark (Sentence_Break SContinue, like ';')
      return CharKind::kSentenceEnd;
    case 0x2013:  // – en dash
    case 0x2014:  // — em dash
    case 0x3001:  // 、 ideographic comma
    case 0xFF0C:  // ， full-width comma
    case 0xFF1A:  // ： full-width colon
    case 0xFF08:  // （
    case 0xFF09:  // ）
    case 0xFE50:  // ﹐ small comma
    case 0x060C:  // ، Arabic comma
    case 0x061B:  // ؛ Arabic semicolon
    case 0x055D:  // ՝ Armenian comma
    case 0x1363:  // ፣ Ethiopic comma
      return CharKind::kClauseBreak;
    default:
      break;
  }
  switch (u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_SENTENCE_BREAK)) {
    case U_SB_STERM:
    case U_SB_ATERM:
    case U_SB_SEP:
      return CharKind::kSentenceEnd;
    default:
      return CharKind::kSeparator;
  }
}

struct BreakIteratorDeleter {
  void operator()(icu::BreakIterator* b) const { delete b; }
};

// ICU's word break iterator for the root locale, one per thread (break
// iterators are not thread-safe). Null when ICU's data is missing, in which
// case a dictionary run is one word, as before this layer existed.
icu::BreakIterator* WordIterator() {
  thread_local std::unique_ptr<icu::BreakIterator, BreakIteratorDeleter> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator, BreakIteratorDeleter> b(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) b.reset();
    return b;
  }();
  return it.get();
}

// Calls fn(begin, end) for each word ICU finds in text[begin, end), a run
// of letters of scripts that need a dictionary.
template <typename Fn>
void DictionaryWords(std::string_view text, size_t begin, size_t end, Fn&& fn) {
  icu::BreakIterator* bi = WordIterator();
  if (bi == nullptr) {
    fn(begin, end);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, text.data() + begin, static_cast<int64_t>(end - begin), &status);
  bi->setText(&ut, status);
  if (U_FAILURE(status)) {
    utext_close(&ut);
    fn(begin, end);
    return;
  }
  // UText over UTF-8 has byte offsets as its native indexes.
  int32_t from = bi->first();
  for (int32_t to = bi->next(); to != icu::BreakIterator::DONE; from = to, to = bi->next()) {
    fn(begin + static_cast<size_t>(from), begin + static_cast<size_t>(to));
  }
  // The iterator keeps a shallow clone of `ut`; point it at nothing before
  // the text goes away.
  UText empty = UTEXT_INITIALIZER;
  utext_openUTF8(&empty, "", 0, &status);
  bi->setText(&empty, status);
  utext_close(&empty);
  utext_close(&ut);
}

}  // namespace

char32_t NextSlow(std::string_view text, size_t& i) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data() + i);
  const size_t left = text.size() - i;
  const int32_t length = static_cast<int32_t>(left < 4 ? left : 4);
  int32_t k = 0;
  UChar32 c;
  U8_NEXT_OR_FFFD(s, k, length, c);
  i += static_cast<size_t>(k);
  return static_cast<char32_t>(c);
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacement;
  char b[4];
  int32_t n = 0;
  U8_APPEND_UNSAFE(b, n, cp);
  out.append(b, static_cast<size_t>(n));
}

CharKind internal::ClassifyNonAscii(char32_t cp) {
  if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) return CharKind::kApostrophe;
  if (cp == kReplacement) return CharKind::kSeparator;
  const auto c = static_cast<UChar32>(cp);
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_COMBINING_SPACING_MARK:
    case U_ENCLOSING_MARK:
      return CharKind::kLetter;
    case U_NON_SPACING_MARK:
      return u_hasBinaryProperty(c, UCHAR_VARIATION_SELECTOR) ? CharKind::kInvisible
                                                              : CharKind::kLetter;
    case U_FORMAT_CHAR:
      // U+200B ZERO WIDTH SPACE is how Thai and Khmer writers mark a word
      // boundary; the other format characters live inside words.
      return cp == 0x200B ? CharKind::kSeparator : CharKind::kInvisible;
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_CONTROL_CHAR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
      return ClassifyPunctuation(cp);
    default:  // spaces, symbols, emoji, other numbers (² ½ ①), private use, unassigned
      return CharKind::kSeparator;
  }
}

bool IsIdeographOrKana(char32_t cp) {
  if (cp < 0x2E80) return false;
  const auto c = static_cast<UChar32>(cp);
  UErrorCode status = U_ZERO_ERROR;
  // Script_Extensions, so that ー (Common, used by both kana) counts; the
  // ideographic comma and full stop share the extension but are not letters.
  const bool script = uscript_hasScript(c, USCRIPT_HAN) || uscript_hasScript(c, USCRIPT_HIRAGANA) ||
                      uscript_hasScript(c, USCRIPT_KATAKANA);
  return U_SUCCESS(status) && script && Classify(cp) == CharKind::kLetter;
}

bool NeedsDictionary(char32_t cp) {
  if (cp < 0x0E00) return false;
  if (u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT)
    return Classify(cp) == CharKind::kLetter;
  return IsIdeographOrKana(cp);
}

void internal::DictionaryRun(std::string_view text, size_t begin, size_t end,
                             void (*emit)(void*, size_t, size_t), void* context) {
  DictionaryWords(text, begin, end, [&](size_t b, size_t e) { emit(context, b, e); });
}

void ForEachWord(std::string_view text, Ideographs ideographs,
                 const std::function<void(const WordBounds&)>& fn) {
  ForEachWordOf(text, ideographs, fn);
}

void AppendWordBytes(std::string_view text, const WordBounds& w, Apostrophes apostrophes,
                     std::string& out) {
  const std::string_view word = text.substr(w.begin, w.end - w.begin);
  if (w.plain) {
    out.append(word);
    return;
  }
  size_t i = 0;
  while (i < word.size()) {
    const size_t start = i;
    const CharKind kind = Classify(Next(word, i));
    if (kind == CharKind::kInvisible) continue;
    if (kind == CharKind::kApostrophe) {
      if (apostrophes == Apostrophes::kStraight) out += '\'';
      continue;
    }
    out.append(word.substr(start, i - start));
  }
}

}  // namespace fieldnotes::core::unicode
