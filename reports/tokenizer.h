// Tokenizer: splits the client's text into words and maps each word to a
// term, the id of its Snowball stem, so "worry", "worried" and "worrying"
// are one term, and so are "Sorge" and "Sorgen". Stop words ("the", "I'm",
// "ich", "je") are marked, not dropped: loops are compared word for word,
// other entries by content words only.
//
// Languages (docs/patterns.md, "Languages"): English, German, French and
// Spanish each have their stop words (reports/data/stopwords/<lang>.txt),
// contractions (reports/data/contractions/<lang>.txt: "they're" is "they
// are", "l'appelle" is "le appelle") and Snowball stemmer. Each text is read
// in the language it is written in, decided sentence by sentence from its
// function words and letters (DetectLanguage), so a journal may change
// language from one entry, or one sentence, to the next. Text of any other
// language, or with no clue at all ("Mama."), is read as English.
//
// German also has its phrase rules: a separable verb is one word wherever
// its particle stands ("ich rufe sie an", "angerufen" and "anzurufen" are
// all "anrufen"), and the "ge-" of a past participle is taken off ("gesagt"
// is "sagen").
//
// Words are folded for stop words and contractions (core::text::Fold: lower
// case, no accents, "ß" as "ss", compatibility forms such as "ﬁ" and
// full-width letters read as the plain ones), and curly apostrophes read as
// straight ones. English words are stemmed folded, as they always were;
// German, French and Spanish ones lower-cased with their accents, which
// their stemmers need ("énervée" and "énervé" are one stem), and the stem
// is folded after, so a term never depends on accents.
#ifndef FIELDNOTES_REPORTS_TOKENIZER_H_
#define FIELDNOTES_REPORTS_TOKENIZER_H_

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "reports/language.h"

struct sb_stemmer;  // libstemmer.h, included by tokenizer.cpp only

namespace fieldnotes::reports {

struct Token {
  uint32_t term = 0;      // stem id; equal ids mean equal stems
  uint32_t begin = 0;     // byte offset of the word in the tokenized text
  uint32_t end = 0;       // one past its last byte
  uint32_t sentence = 0;  // index of the sentence within the text, from 0
  bool stop = false;      // a stop word
};

// One word as ForEachWord sees it.
struct WordSpan {
  std::string_view folded;  // folded form, apostrophes straight; valid during the call
  uint32_t begin = 0;       // byte range in the original text
  uint32_t end = 0;
  bool new_sentence = false;  // . ! ? ; … or a line break since the previous word
  bool new_clause = false;    // new_sentence, or , : ( ) – — since the previous word
};

// Calls `fn` for each word of `text` in order, as core::unicode::ForEachWord
// finds them: a word is a run of letters, digits and inner apostrophes;
// hyphens split words ("self-harm" is two). Thai, Lao, Khmer, Burmese,
// Chinese and Japanese, written without spaces, are split into words by
// ICU's dictionaries. Invalid UTF-8 bytes count as separators.
void ForEachWord(std::string_view text, const std::function<void(const WordSpan&)>& fn);

class Tokenizer {
 public:
  // The stemmers, stop words and contractions of every language.
  Tokenizer();
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  // Appends the tokens of `text` to `out`; offsets refer to `text`.
  // Sentence indexes start at 0 for each call. Each sentence is read in its
  // language: its own when its function words say so (two or more, more
  // than the text's language has in it; or any, when the text's language
  // has none in it: "I called Mum." among German sentences), else the
  // text's (DetectLanguage).
  // The result depends on `text` alone, never on what was read before. Not
  // thread-safe: the word cache and the stemmers are shared state.
  void Tokenize(std::string_view text, std::vector<Token>& out);
  // The same, every sentence read in `language` (a word list of that
  // language, say).
  void Tokenize(std::string_view text, std::vector<Token>& out, Language language);

  // The language of `text` as Tokenize reads it: the one whose stop words,
  // contractions and letters ("ß", "ñ", "ç") it has most of, each clue
  // shared between the languages it belongs to; English on a tie with
  // English, or when there is no clue.
  Language DetectLanguage(std::string_view text);

  // The term of one already folded English word (adds it when new).
  uint32_t TermOfFolded(std::string_view folded_word);
  // The term of one word of `language` as written (adds it when new).
  uint32_t TermOfWord(std::string_view word, Language language);
  // The term of a stem (adds it when new), as if a word with that stem had
  // been read: AnalysisCache hands its terms over this way.
  uint32_t TermOfStem(std::string_view stem);
  // The stem a term stands for.
  std::string_view StemOf(uint32_t term) const { return stems_[term]; }
  size_t term_count() const { return stems_.size(); }
  // A stop word of English (reports/data/stopwords/en.txt), folded.
  bool IsStopWord(std::string_view folded_word) const {
    return IsStopWord(folded_word, Language::kEnglish);
  }
  bool IsStopWord(std::string_view folded_word, Language language) const;

 private:
  static constexpr uint32_t kNoTerm = UINT32_MAX;
  // One distinct word as written (apostrophes straight, invisible
  // characters left out; ASCII lower-cased): what it is in every language.
  struct WordInfo {
    std::string folded;
    std::array<uint32_t, kLanguageCount> term{kNoTerm, kNoTerm, kNoTerm, kNoTerm};
    uint32_t german_noun = kNoTerm;  // German, written with a capital (no participle rules)
    uint8_t stop = 0;     // bit per language: a stop word there
    uint8_t clues = 0;    // bit per language: a stop word or contraction of it
    uint8_t letters = 0;  // bit per language: a letter only it uses among the four
    bool capital = false;     // starts with a capital letter (never, for ASCII)
    bool apostrophe = false;  // has an apostrophe inside
  };
  struct Pending {
    WordInfo* info;
    const std::string* key;
    uint32_t begin, end;
    bool new_sentence, new_clause;
    bool capital;  // as written here
  };
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct StemmerDeleter {
    void operator()(::sb_stemmer* s) const;
  };
  // The stop words and contractions of every language, read once for
  // every tokenizer of the program (tokenizer.cpp).
  struct Lists;
  static const Lists& TheLists();

  // The word's key (as written, ASCII lower-cased) and info, added when new.
  std::pair<const std::string*, WordInfo*> Info(std::string_view word);
  // Its term in `language`; `capital`: written with a capital here.
  uint32_t Term(const std::string& key, WordInfo& info, Language language, bool capital);
  uint32_t StemId(std::string stem);
  // Fills pending_ with the words of `text`.
  void Read(std::string_view text);
  struct Clues;
  static Language Decide(const Clues& clues);
  void Emit(std::vector<Token>& out, Language text_language, bool detect);
  void EmitWord(const Pending& p, Language language, uint32_t sentence, std::vector<Token>& out);
  // German: the clause ending at pending_[last] ends in a separable
  // particle; its verb's index, or SIZE_MAX.
  size_t SeparableVerb(size_t clause_begin, size_t last) const;

  // The stemmer of a language, made when first needed (most journals
  // use one or two of the four).
  ::sb_stemmer* Stemmer(Language language);

  const Lists& lists_;
  std::array<std::unique_ptr<::sb_stemmer, StemmerDeleter>, kLanguageCount> stemmers_;
  std::unordered_map<std::string, WordInfo, StringHash, std::equal_to<>> words_;
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> stem_ids_;
  std::vector<std::string> stems_;
  std::vector<Pending> pending_;
  std::string scratch_;
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_TOKENIZER_H_
