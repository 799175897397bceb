#include "reports/tokenizer.h"

#include <libstemmer.h>

#include <cstdlib>

#include "core/text.h"
#include "core/unicode.h"
#include "reports/embedded_data.h"

namespace fieldnotes::reports {

void ForEachWord(std::string_view text, const std::function<void(const WordSpan&)>& fn) {
  using core::unicode::WordBounds;
  std::string raw;  // the word's bytes, apostrophes straight, invisible characters left out
  std::string folded;
  core::unicode::ForEachWordOf(
      text, core::unicode::Ideographs::kDictionary, [&](const WordBounds& b) {
        raw.clear();
        if (b.plain) {
          raw.append(text.substr(b.begin, b.end - b.begin));
        } else {
          core::unicode::AppendWordBytes(text, b, core::unicode::Apostrophes::kStraight, raw);
        }
        WordSpan w;
        if (b.ascii) {
          for (char& c : raw) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
          }
          w.folded = raw;
        } else {
          folded = core::text::Fold(raw);
          w.folded = folded;
        }
        w.begin = b.begin;
        w.end = b.end;
        w.new_sentence = b.new_sentence;
        w.new_clause = b.new_clause;
        fn(w);
      });
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

uint32_t Tokenizer::TermOfStem(std::string_view stem) {
  auto it = stem_ids_.find(stem);
  if (it != stem_ids_.end()) return it->second;
  const auto id = static_cast<uint32_t>(stems_.size());
  stem_ids_.emplace(std::string(stem), id);
  stems_.emplace_back(stem);
  return id;
}

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
