#include "reports/tokenizer.h"

#include <libstemmer.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <unordered_set>

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

constexpr uint8_t Bit(Language l) { return static_cast<uint8_t>(1u << static_cast<unsigned>(l)); }

constexpr std::array<const char*, kLanguageCount> kStemmers = {"english", "german", "french",
                                                               "spanish"};

// A clue's weight, shared between the languages it belongs to: a stop word
// of one language only weighs 12, of two 6 each; a letter a third of that.
constexpr int kStopClue = 12;
constexpr int kLetterClue = 4;
// A sentence is read in a language of its own when it has at least two
// clear stop words of it.
constexpr int kSentenceClues = 2 * kStopClue;

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Lower case, accents kept: what the German, French and Spanish stemmers read.
std::string Lower(std::string_view word) {
  if (IsAscii(word)) {
    std::string out(word);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    return out;
  }
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  u.toLower(icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  return out;
}

constexpr uint8_t kFrenchOrSpanish = Bit(Language::kFrench) | Bit(Language::kSpanish);
constexpr uint8_t kGermanOrSpanish = Bit(Language::kGerman) | Bit(Language::kSpanish);

// Letters that only some of the four languages write.
uint8_t LetterClues(std::string_view word) {
  uint8_t out = 0;
  size_t i = 0;
  while (i < word.size()) {
    const char32_t cp = static_cast<char32_t>(u_tolower(static_cast<UChar32>(core::unicode::Next(word, i))));
    switch (cp) {
      case U'ß': case U'ä': case U'ö':
        out |= Bit(Language::kGerman);
        break;
      case U'ñ': case U'á': case U'í': case U'ó': case U'ú':
        out |= Bit(Language::kSpanish);
        break;
      case U'à': case U'â': case U'ç': case U'è': case U'ê': case U'ë': case U'î': case U'ï':
      case U'ô': case U'ù': case U'û': case U'œ':
        out |= Bit(Language::kFrench);
        break;
      case U'é':
        out |= kFrenchOrSpanish;
        break;
      case U'ü':
        out |= kGermanOrSpanish;
        break;
      default:
        break;
    }
  }
  return out;
}

// German separable particles, lower case: "an" in "ich rufe sie an",
// "angerufen", "anzurufen". Longest first, so "vorbei" is tried before "vor".
constexpr std::array<std::string_view, 30> kGermanParticles = {
    "zusammen", "zurück", "heraus", "herum", "hinaus", "vorbei", "weiter", "runter", "fest",
    "fort",     "heim",   "raus",   "rein",  "rauf",   "hoch",   "nach",   "ab",     "an",
    "auf",      "aus",    "bei",    "ein",   "her",    "hin",    "los",    "mit",    "vor",
    "weg",      "zu",     "durch"};
static_assert(kGermanParticles.size() == 30);

bool IsGermanParticle(std::string_view folded) {
  if (folded == "zuruck") return true;
  return std::find(kGermanParticles.begin(), kGermanParticles.end(), folded) !=
         kGermanParticles.end();
}

bool IsGermanConjunction(std::string_view folded) {
  return folded == "und" || folded == "oder" || folded == "aber" || folded == "sondern" ||
         folded == "denn";
}

// The German phrase rules on one lower-case word that is not a noun: the
// particle's past participle and zu-infinitive read as the verb
// ("angerufen", "anzurufen" -> "anrufen"), and the "ge-" of a weak past
// participle taken off ("gesagt" -> "sag", as "sage" stems). Strong
// participles without a particle keep their "ge-": too many verbs start
// with it ("gehören", "gewinnen").
std::string GermanBase(std::string lower) {
  constexpr size_t kMinRest = 4;
  for (std::string_view p : kGermanParticles) {
    if (!lower.starts_with(p)) continue;
    std::string_view after = std::string_view(lower).substr(p.size());
    for (std::string_view infix : {std::string_view("ge"), std::string_view("zu")}) {
      if (!after.starts_with(infix)) continue;
      std::string_view rest = after.substr(2);
      if (rest.size() < kMinRest) continue;
      if (rest.ends_with("en")) return std::string(p) + std::string(rest);
      if (infix == "ge" && rest.ends_with("t"))
        return std::string(p) + std::string(rest.substr(0, rest.size() - 1));
    }
    break;  // the longest particle only: "auf" is not tried after "aufgeben"'s "auf" failed
  }
  if (lower.starts_with("ge") && lower.size() >= 2 + kMinRest && lower.ends_with("t")) {
    return lower.substr(2, lower.size() - 3);
  }
  return lower;
}

// A German finite verb known to be one (its particle was found): the
// endings of "du rufst" and "er ruft" taken off, as the stemmer takes off
// "ich rufe"'s, so "ruft ... an" and "rufe ... an" are one verb.
std::string GermanVerb(std::string lower) {
  if (lower.size() > 4 && lower.ends_with("st")) {
    lower.resize(lower.size() - 2);
  } else if (lower.size() > 3 && lower.ends_with("t")) {
    lower.pop_back();
  }
  return lower;
}

}  // namespace

struct Tokenizer::Lists {
  using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
  struct PerLanguage {
    StringSet stop_words;
    // A whole word ("they're") -> its words, or a prefix ending in an
    // apostrophe ("l'") -> its word; folded.
    std::unordered_map<std::string, std::vector<std::string>, StringHash, std::equal_to<>>
        contractions;
    bool prefixes = false;  // some contractions are prefixes
  };
  std::array<PerLanguage, kLanguageCount> of;

  Lists() {
    for (Language l : kLanguages) {
      PerLanguage& d = of[static_cast<size_t>(l)];
      const std::string code(LanguageCode(l));
      ForEachLine("stopwords/" + code + ".txt",
                  [&](std::string_view line) { d.stop_words.emplace(core::text::Fold(line)); });
      ForEachLine("contractions/" + code + ".txt", [&](std::string_view line) {
        size_t eq = line.find(" = ");
        if (eq == std::string_view::npos) std::abort();
        std::vector<std::string> words;
        std::string_view rest = line.substr(eq + 3);
        while (!rest.empty()) {
          size_t sp = rest.find(' ');
          words.push_back(core::text::Fold(rest.substr(0, sp)));
          rest = sp == std::string_view::npos ? std::string_view() : rest.substr(sp + 1);
        }
        std::string key = core::text::Fold(line.substr(0, eq));
        if (key.ends_with('\'')) d.prefixes = true;
        d.contractions.emplace(std::move(key), std::move(words));
      });
    }
  }
  const PerLanguage& operator[](Language l) const { return of[static_cast<size_t>(l)]; }
};

const Tokenizer::Lists& Tokenizer::TheLists() {
  static const Lists lists;  // immutable once made; made once (thread-safe)
  return lists;
}

Tokenizer::Tokenizer() : lists_(TheLists()) {}

::sb_stemmer* Tokenizer::Stemmer(Language language) {
  auto& stemmer = stemmers_[static_cast<size_t>(language)];
  if (!stemmer) {
    stemmer.reset(sb_stemmer_new(kStemmers[static_cast<size_t>(language)], nullptr));
    if (!stemmer) std::abort();  // libstemmer without one of the four: a broken install
  }
  return stemmer.get();
}

Tokenizer::~Tokenizer() = default;

bool Tokenizer::IsStopWord(std::string_view folded_word, Language language) const {
  const Lists::StringSet& s = lists_[language].stop_words;
  return s.find(folded_word) != s.end();
}

std::pair<const std::string*, Tokenizer::WordInfo*> Tokenizer::Info(std::string_view word) {
  auto it = words_.find(word);
  if (it != words_.end()) return {&it->first, &it->second};
  WordInfo info;
  const bool ascii = IsAscii(word);
  info.folded = ascii ? Lower(word) : core::text::Fold(word);
  if (!word.empty()) {
    size_t i = 0;
    info.capital = u_isupper(static_cast<UChar32>(core::unicode::Next(word, i))) != 0;
  }
  info.apostrophe = info.folded.find('\'') != std::string::npos;
  for (Language l : kLanguages) {
    const Lists::PerLanguage& d = lists_[l];
    if (d.stop_words.contains(info.folded)) info.stop |= Bit(l);
    if (!info.apostrophe) continue;
    // The whole word ("they're"), or an elided prefix ("l'").
    if (d.contractions.contains(info.folded) ||
        (d.prefixes &&
         d.contractions.contains(info.folded.substr(0, info.folded.find('\'') + 1)))) {
      info.clues |= Bit(l);
    }
  }
  info.clues |= info.stop;
  if (!ascii) info.letters = LetterClues(word);
  auto added = words_.emplace(std::string(word), std::move(info)).first;
  return {&added->first, &added->second};
}

uint32_t Tokenizer::StemId(std::string stem) {
  auto [sit, added] = stem_ids_.emplace(stem, static_cast<uint32_t>(stems_.size()));
  if (added) stems_.push_back(std::move(stem));
  return sit->second;
}

uint32_t Tokenizer::Term(const std::string& key, WordInfo& info, Language language,
                         bool capital) {
  const bool noun = capital && language == Language::kGerman;
  uint32_t& term = noun ? info.german_noun : info.term[static_cast<size_t>(language)];
  if (term != kNoTerm) return term;
  ::sb_stemmer* stemmer = Stemmer(language);
  // English as it always was: the folded word. The others lower-cased with
  // their accents, which their stemmers read, and the stem folded.
  std::string input = language == Language::kEnglish ? info.folded : Lower(key);
  if (language == Language::kGerman && !noun) input = GermanBase(std::move(input));
  const sb_symbol* stem =
      sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(input.data()),
                      static_cast<int>(input.size()));
  std::string stem_text =
      stem ? std::string(reinterpret_cast<const char*>(stem),
                         static_cast<size_t>(sb_stemmer_length(stemmer)))
           : input;
  if (language != Language::kEnglish) stem_text = core::text::Fold(stem_text);
  term = StemId(std::move(stem_text));
  return term;
}

uint32_t Tokenizer::TermOfFolded(std::string_view folded_word) {
  auto [key, info] = Info(folded_word);
  return Term(*key, *info, Language::kEnglish, false);
}

uint32_t Tokenizer::TermOfWord(std::string_view word, Language language) {
  auto [key, info] = Info(word);
  return Term(*key, *info, language, info->capital);
}

uint32_t Tokenizer::TermOfStem(std::string_view stem) {
  auto it = stem_ids_.find(stem);
  if (it != stem_ids_.end()) return it->second;
  return StemId(std::string(stem));
}

void Tokenizer::Read(std::string_view text) {
  using core::unicode::WordBounds;
  pending_.clear();
  core::unicode::ForEachWordOf(
      text, core::unicode::Ideographs::kDictionary, [&](const WordBounds& b) {
        std::string_view word = text.substr(b.begin, b.end - b.begin);
        if (!b.plain) {
          scratch_.clear();
          core::unicode::AppendWordBytes(text, b, core::unicode::Apostrophes::kStraight, scratch_);
          word = scratch_;
        }
        bool capital = false;
        if (b.ascii) {
          // ASCII words are kept lower-cased, as they always were: one entry
          // for "Worry" and "worry". Whether this one had a capital is noted
          // here (German nouns).
          capital = word[0] >= 'A' && word[0] <= 'Z';
          if (word.data() != scratch_.data()) scratch_.assign(word);
          for (char& c : scratch_) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
          }
          word = scratch_;
        }
        auto [key, info] = Info(word);
        if (!b.ascii) capital = info->capital;
        pending_.push_back(
            Pending{info, key, b.begin, b.end, b.new_sentence, b.new_clause, capital});
      });
}

// Clues of each language; a language without a single word of its own
// (only letters) scores nothing: "Café" alone is not French.
struct Tokenizer::Clues {
  std::array<int, kLanguageCount> score{};
  uint8_t words = 0;  // languages with a word among the clues

  void Add(uint8_t word_bits, uint8_t letter_bits) {
    words |= word_bits;
    const uint8_t bits[2] = {word_bits, letter_bits};
    const int weights[2] = {kStopClue, kLetterClue};
    for (size_t k = 0; k < 2; ++k) {
      const int n = std::popcount(bits[k]);
      if (n == 0) continue;
      for (size_t l = 0; l < kLanguageCount; ++l) {
        if (bits[k] >> l & 1) score[l] += weights[k] / n;
      }
    }
  }
  int Of(Language l) const {
    return (words >> static_cast<unsigned>(l) & 1) != 0 ? score[static_cast<size_t>(l)] : 0;
  }
};

Language Tokenizer::Decide(const Clues& clues) {
  int best = 0;
  for (Language l : kLanguages) best = std::max(best, clues.Of(l));
  if (best == 0 || clues.Of(Language::kEnglish) == best) return Language::kEnglish;
  for (Language l : kLanguages) {
    if (clues.Of(l) == best) return l;
  }
  return Language::kEnglish;
}

Language Tokenizer::DetectLanguage(std::string_view text) {
  Read(text);
  Clues clues;
  for (const Pending& p : pending_) clues.Add(p.info->clues, p.info->letters);
  return Decide(clues);
}

void Tokenizer::Tokenize(std::string_view text, std::vector<Token>& out) {
  Read(text);
  Clues clues;
  for (const Pending& p : pending_) clues.Add(p.info->clues, p.info->letters);
  Emit(out, Decide(clues), /*detect=*/true);
}

void Tokenizer::Tokenize(std::string_view text, std::vector<Token>& out, Language language) {
  Read(text);
  Emit(out, language, /*detect=*/false);
}

size_t Tokenizer::SeparableVerb(size_t clause_begin, size_t last) const {
  // The finite verb: the first word of the clause that is neither a stop
  // word nor a noun (German nouns start with a capital); else the clause's
  // first word, capitalised because it starts the sentence ("Rufe sie an!").
  const uint8_t de = Bit(Language::kGerman);
  for (size_t k = clause_begin; k < last; ++k) {
    const WordInfo& w = *pending_[k].info;
    if (!pending_[k].capital && (w.stop & de) == 0 && w.folded.size() >= 2 && !w.apostrophe &&
        !IsGermanParticle(w.folded))
      return k;
  }
  const WordInfo& first = *pending_[clause_begin].info;
  if (clause_begin < last && (first.stop & de) == 0 && !first.apostrophe) return clause_begin;
  return SIZE_MAX;
}

void Tokenizer::Emit(std::vector<Token>& out, Language text_language, bool detect) {
  const size_t n = pending_.size();
  std::vector<uint32_t> joined;  // German: a verb's term with its particle; kNoTerm otherwise
  uint32_t sentence = 0;
  for (size_t a = 0; a < n;) {
    size_t b = a + 1;
    while (b < n && !pending_[b].new_sentence) ++b;
    Language language = text_language;
    if (detect) {
      Clues clues;
      for (size_t k = a; k < b; ++k) clues.Add(pending_[k].info->clues, pending_[k].info->letters);
      const Language own = Decide(clues);
      // Its own language when it says so clearly, or when it has nothing
      // of the text's ("I called Mum." among German sentences).
      if (clues.Of(own) > clues.Of(text_language) &&
          (clues.Of(own) >= kSentenceClues || clues.Of(text_language) == 0))
        language = own;
    }
    joined.clear();
    if (language == Language::kGerman) {
      // A particle that ends a clause (or comes right before "und", "oder",
      // ...) belongs to the clause's verb: "ich rufe sie nicht an" reads
      // "anrufe", as "angerufen" and "anzurufen" read "anrufen".
      size_t clause = a;
      for (size_t k = a; k < b; ++k) {
        if (pending_[k].new_clause && k != a) clause = k;
        const WordInfo& w = *pending_[k].info;
        if (pending_[k].capital || !IsGermanParticle(w.folded)) continue;
        // It ends the clause, or comes before "und", "oder", ..., or before
        // "zu" and its verb ("ich fange an zu weinen"); "ab und zu" is an
        // idiom ("now and then"), not a particle.
        const std::string_view next =
            k + 1 < b ? std::string_view(pending_[k + 1].info->folded) : std::string_view();
        const bool ends = k + 1 == b || pending_[k + 1].new_clause || IsGermanConjunction(next) ||
                          (next == "zu" && k + 2 < b);
        const bool idiom = (w.folded == "ab" && next == "und" && k + 2 < b &&
                            pending_[k + 2].info->folded == "zu") ||
                           (w.folded == "zu" && k >= a + 2 && pending_[k - 1].info->folded == "und" &&
                            pending_[k - 2].info->folded == "ab");
        if (!ends || idiom || k == clause) continue;
        const size_t verb = SeparableVerb(clause, k);
        if (verb == SIZE_MAX) continue;
        if (joined.empty()) joined.assign(b - a, kNoTerm);
        if (joined[verb - a] != kNoTerm) continue;
        joined[verb - a] = TermOfWord(w.folded + GermanVerb(Lower(*pending_[verb].key)),
                                      Language::kGerman);
        joined[k - a] = kNoTerm - 1;  // the particle itself is dropped
        clause = k + 1;
      }
    }
    for (size_t k = a; k < b; ++k) {
      if (!joined.empty() && joined[k - a] != kNoTerm) {
        if (joined[k - a] == kNoTerm - 1) continue;
        out.push_back(Token{joined[k - a], pending_[k].begin, pending_[k].end, sentence, false});
        continue;
      }
      EmitWord(pending_[k], language, sentence, out);
    }
    ++sentence;
    a = b;
  }
}

void Tokenizer::EmitWord(const Pending& p, Language language, uint32_t sentence,
                         std::vector<Token>& out) {
  const Lists::PerLanguage& d = lists_[language];
  const uint8_t bit = Bit(language);
  auto push = [&](const std::string& key, WordInfo& info, bool capital) {
    out.push_back(Token{Term(key, info, language, capital), p.begin, p.end, sentence,
                        (info.stop & bit) != 0});
  };
  WordInfo& info = *p.info;
  if (info.apostrophe && !d.contractions.empty()) {
    const auto push_parts = [&](const std::vector<std::string>& parts) {
      for (const std::string& part : parts) {
        auto [key, part_info] = Info(part);
        push(*key, *part_info, false);
      }
    };
    auto it = d.contractions.find(info.folded);
    if (it != d.contractions.end()) {
      push_parts(it->second);
      return;
    }
    if (d.prefixes) {
      it = d.contractions.find(std::string_view(info.folded).substr(0, info.folded.find('\'') + 1));
      const size_t cut = p.key->find('\'');
      if (it != d.contractions.end() && cut != std::string::npos && cut + 1 < p.key->size()) {
        push_parts(it->second);
        // The rest is a word of its own, as written ("l'école": "école";
        // "qu'il": "il", itself perhaps elided again).
        auto [key, rest] = Info(std::string_view(*p.key).substr(cut + 1));
        EmitWord(Pending{rest, key, p.begin, p.end, false, false, rest->capital}, language,
                 sentence, out);
        return;
      }
    }
  }
  push(*p.key, info, p.capital);
}

}  // namespace fieldnotes::reports
