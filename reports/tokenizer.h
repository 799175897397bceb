// Tokenizer: splits the client's text into words and maps each word to a
// term, the id of its Snowball stem, so "worry", "worried" and "worrying"
// are one term. Stop words ("the", "I'm", "just") are marked, not dropped:
// loops are compared word for word, other entries by content words only.
//
// Words are folded first (core::text::Fold: lower case, no accents,
// compatibility forms such as "ﬁ" and full-width letters read as the plain
// ones), and curly apostrophes read as straight ones. English contractions are
// expanded (reports/data/contractions/en.txt): "they're" gives the tokens
// "they" and "are", both spanning the original word. Stemming is English (libstemmer);
// words of other languages pass through mostly unchanged, which still lets
// identical words match.
#ifndef FIELDNOTES_REPORTS_TOKENIZER_H_
#define FIELDNOTES_REPORTS_TOKENIZER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

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
  // English stemmer and stop words (reports/data/stopwords/en.txt).
  Tokenizer();
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  // Appends the tokens of `text` to `out`; offsets refer to `text`.
  // Sentence indexes start at 0 for each call. Not thread-safe: the word
  // cache and the stemmer are shared state.
  void Tokenize(std::string_view text, std::vector<Token>& out);

  // The term of one already folded word (adds it when new).
  uint32_t TermOfFolded(std::string_view folded_word);
  // The term of a stem (adds it when new), as if a word with that stem had
  // been read: AnalysisCache hands its terms over this way.
  uint32_t TermOfStem(std::string_view stem);
  // The stem a term stands for.
  std::string_view StemOf(uint32_t term) const { return stems_[term]; }
  size_t term_count() const { return stems_.size(); }
  bool IsStopWord(std::string_view folded_word) const;

 private:
  struct WordInfo {
    uint32_t term;
    bool stop;
  };
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct StemmerDeleter {
    void operator()(::sb_stemmer* s) const;
  };

  const WordInfo& Lookup(std::string_view folded_word);

  std::unique_ptr<::sb_stemmer, StemmerDeleter> stemmer_;
  std::unordered_map<std::string, WordInfo, StringHash, std::equal_to<>> words_;
  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> stem_ids_;
  std::unordered_set<std::string, StringHash, std::equal_to<>> stop_words_;
  std::unordered_map<std::string, std::vector<std::string>, StringHash, std::equal_to<>>
      contractions_;
  std::vector<std::string> stems_;
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_TOKENIZER_H_
