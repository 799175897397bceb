#include "reports/tokenizer.h"

#include <libstemmer.h>

#include <cstdlib>

#include "core/text.h"
#include "reports/embedded_data.h"

namespace fieldnotes::reports {
namespace {

enum class CharClass { kLetter, kApostrophe, kSentenceBreak, kClauseBreak, kSeparator };

// Decodes one code point at text[i]; sets `len`. Invalid bytes decode as
// U+FFFD with length 1.
char32_t Decode(std::string_view text, size_t i, size_t& len) {
  const auto b = static_cast<unsigned char>(text[i]);
  auto cont = [&](size_t k) {
    return i + k < text.size() && (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
  };
  auto at = [&](size_t k) {
    return static_cast<char32_t>(static_cast<unsigned char>(text[i + k]));
  };
  if (b < 0x80) {
    len = 1;
    return b;
  }
  if (b >= 0xC2 && b <= 0xDF && cont(1)) {
    len = 2;
    return ((b & 0x1F) << 6) | (at(1) & 0x3F);
  }
  if (b >= 0xE0 && b <= 0xEF && cont(1) && cont(2)) {
    char32_t cp = ((b & 0x0F) << 12) | ((at(1) & 0x3F) << 6) | (at(2) & 0x3F);
    if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
      len = 3;
      return cp;
    }
  }
  if (b >= 0xF0 && b <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    char32_t cp =
        ((b & 0x07) << 18) | ((at(1) & 0x3F) << 12) | ((at(2) & 0x3F) << 6) | (at(3) & 0x3F);
    if (cp >= 0x10000 && cp <= 0x10FFFF) {
      len = 4;
      return cp;
    }
  }
  len = 1;
  return 0xFFFD;
}

CharClass Classify(char32_t cp) {
  if (cp < 0x80) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'))
      return CharClass::kLetter;
    switch (cp) {
      case '\'':
        return CharClass::kApostrophe;
      case '.':
      case '!':
      case '?':
      case ';':
      case '\n':
        return CharClass::kSentenceBreak;
      case ',':
      case ':':
      case '(':
      case ')':
        return CharClass::kClauseBreak;
      default:
        return CharClass::kSeparator;
    }
  }
  if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) return CharClass::kApostrophe;
  if (cp == 0x2026 || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF0E)
    return CharClass::kSentenceBreak;
  if (cp == 0x2013 || cp == 0x2014 || cp == 0x3001 || cp == 0xFF0C) return CharClass::kClauseBreak;
  if (cp == 0xFFFD) return CharClass::kSeparator;
  // Punctuation and symbol blocks; everything else counts as a letter.
  if ((cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7) return CharClass::kSeparator;
  if (cp >= 0x2000 && cp <= 0x2BFF) return CharClass::kSeparator;
  if (cp >= 0x3000 && cp <= 0x303F) return CharClass::kSeparator;
  if (cp >= 0xFE30 && cp <= 0xFE4F) return CharClass::kSeparator;
  if ((cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20))
    return CharClass::kSeparator;
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return CharClass::kSeparator;  // emoji
  if (cp >= 0xFE00 && cp <= 0xFE0F) return CharClass::kSeparator;    // variation selectors
  return CharClass::kLetter;
}

}  // namespace

void ForEachWord(std::string_view text, const std::function<void(const WordSpan&)>& fn) {
  std::string raw;  // the word's bytes, ASCII lower-cased, apostrophes straight
  bool needs_fold = false;
  bool in_word = false;
  bool pending_apostrophe = false;
  bool new_sentence = false;
  bool new_clause = false;
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string folded;

  auto finish = [&] {
    if (!in_word) return;
    WordSpan w;
    if (needs_fold) {
      folded = core::text::Fold(raw);
      w.folded = folded;
    } else {
      w.folded = raw;
    }
    w.begin = begin;
    w.end = end;
    w.new_sentence = new_sentence;
    w.new_clause = new_clause || new_sentence;
    fn(w);
    in_word = false;
    pending_apostrophe = false;
    new_sentence = false;
    new_clause = false;
  };

  size_t i = 0;
  while (i < text.size()) {
    size_t len = 1;
    const char32_t cp = Decode(text, i, len);
    const CharClass cls = Classify(cp);
    if (cls == CharClass::kLetter) {
      if (!in_word) {
        in_word = true;
        raw.clear();
        needs_fold = false;
        begin = static_cast<uint32_t>(i);
      } else if (pending_apostrophe) {
        raw += '\'';
      }
      pending_apostrophe = false;
      if (cp < 0x80) {
        char c = static_cast<char>(cp);
        raw += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      } else {
        raw.append(text.substr(i, len));
        needs_fold = true;
      }
      end = static_cast<uint32_t>(i + len);
    } else if (cls == CharClass::kApostrophe && in_word && !pending_apostrophe) {
      pending_apostrophe = true;  // kept only when a letter follows
    } else {
      finish();
      if (cls == CharClass::kSentenceBreak) new_sentence = true;
      if (cls == CharClass::kClauseBreak) new_clause = true;
    }
    i += len;
  }
  finish();
}

void Tokenizer::StemmerDeleter::operator()(::sb_stemmer* s) const { sb_stemmer_delete(s); }

namespace {

// Calls fn for each non-empty, non-comment line of an embedded data file.
template <typename Fn>
void ForEachLine(std::string_view file, Fn fn) {
  std::optional<std::string_view> data = FindEmbeddedFile(file);
  // The files are part of the build; a missing one is a programming error.
  if (!data) std::abort();
  size_t pos = 0;
  while (pos < data->size()) {
    size_t eol = data->find('\n', pos);
    if (eol == std::string_view::npos) eol = data->size();
    std::string_view line = data->substr(pos, eol - pos);
    pos = eol + 1;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    fn(line);
  }
}

}  // namespace

Tokenizer::Tokenizer() : stemmer_(sb_stemmer_new("english", nullptr)) {
  if (!stemmer_) std::abort();
  ForEachLine("stopwords/en.txt", [&](std::string_view line) { stop_words_.emplace(line); });
  ForEachLine("contractions/en.txt", [&](std::string_view line) {
    size_t eq = line.find(" = ");
    if (eq == std::string_view::npos) std::abort();
    std::vector<std::string> words;
    std::string_view rest = line.substr(eq + 3);
    while (!rest.empty()) {
      size_t sp = rest.find(' ');
      words.emplace_back(rest.substr(0, sp));
      rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
    }
    contractions_.emplace(std::string(line.substr(0, eq)), std::move(words));
  });
}

Tokenizer::~Tokenizer() = default;

bool Tokenizer::IsStopWord(std::string_view folded_word) const {
  return stop_words_.find(folded_word) != stop_words_.end();
}

const Tokenizer::WordInfo& Tokenizer::Lookup(std::string_view folded_word) {
  auto it = words_.find(folded_word);
  if (it != words_.end()) return it->second;
  const sb_symbol* stem =
      sb_stemmer_stem(stemmer_.get(), reinterpret_cast<const sb_symbol*>(folded_word.data()),
                      static_cast<int>(folded_word.size()));
  std::string stem_text =
      stem ? std::string(reinterpret_cast<const char*>(stem), sb_stemmer_length(stemmer_.get()))
           : std::string(folded_word);
  auto [sit, added] = stem_ids_.emplace(stem_text, static_cast<uint32_t>(stems_.size()));
  if (added) stems_.push_back(std::move(stem_text));
  WordInfo info{sit->second, IsStopWord(folded_word)};
  return words_.emplace(std::string(folded_word), info).first->second;
}

uint32_t Tokenizer::TermOfFolded(std::string_view folded_word) { return Lookup(folded_word).term; }

void Tokenizer::Tokenize(std::string_view text, std::vector<Token>& out) {
  uint32_t sentence = 0;
  bool first = true;
  ForEachWord(text, [&](const WordSpan& w) {
    if (w.new_sentence && !first) ++sentence;
    first = false;
    if (w.folded.find('\'') != std::string_view::npos) {
      auto it = contractions_.find(w.folded);
      if (it != contractions_.end()) {
        for (const std::string& part : it->second) {
          const WordInfo& info = Lookup(part);
          out.push_back(Token{info.term, w.begin, w.end, sentence, info.stop});
        }
        return;
      }
    }
    const WordInfo& info = Lookup(w.folded);
    out.push_back(Token{info.term, w.begin, w.end, sentence, info.stop});
  });
}

}  // namespace fieldnotes::reports
