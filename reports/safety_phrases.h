// SafetyPhrases: one language's safety word list (reports/data/safety/*.txt,
// whose header documents the format) and the matcher that reads text with
// it: contractions expanded, clauses cut, negations and idioms handled.
#ifndef FIELDNOTES_REPORTS_SAFETY_PHRASES_H_
#define FIELDNOTES_REPORTS_SAFETY_PHRASES_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace fieldnotes::reports {

enum class SafetyCategory { kSuicide, kSelfHarm, kHarmToOthers, kDanger };

// "suicide", "self_harm", "harm_to_others", "danger".
std::string_view SafetyCategoryName(SafetyCategory c);

class SafetyPhrases {
 public:
  // A raise phrase found in a text, not negated and not part of an idiom.
  struct Match {
    SafetyCategory category;
    size_t phrase = 0;      // index of the phrase in its section, for tests
    size_t first_word = 0;  // word range in the normalized text
    size_t end_word = 0;
  };

  // Parses a list. InvalidArgument naming `name` and the line for an
  // unknown section, an unknown category, unbalanced brackets, or a
  // phrase outside a section.
  static core::Result<SafetyPhrases> Parse(std::string_view data, std::string_view name);

  // Every raise phrase in `text` (UTF-8, any case) that is not negated
  // and not overlapped by a not_danger phrase.
  std::vector<Match> Find(std::string_view text) const;

  // The words the matcher sees: folded, contractions expanded.
  std::vector<std::string> Normalize(std::string_view text) const;

  size_t phrase_count() const { return raise_.size(); }

 private:
  struct Atom {
    std::string text;
    bool prefix = false;  // word*
    bool any = false;     // _
  };
  struct Slot {
    std::vector<std::vector<Atom>> alternatives;
    bool optional = false;
  };
  struct Phrase {
    std::vector<Slot> slots;
    SafetyCategory category = SafetyCategory::kSuicide;
    size_t index = 0;
  };
  struct Text {
    std::vector<std::string> words;
    std::vector<int> clause;  // clause number of each word
  };

  static core::Result<Phrase> ParsePhrase(std::string_view line);
  static bool AtomMatches(const Atom& a, std::string_view word);
  Text Prepare(std::string_view text) const;
  // Largest end position of a match of `p` starting at `start`, or 0.
  size_t MatchAt(const Phrase& p, const Text& t, size_t start) const;
  bool MatchSlots(const Phrase& p, size_t slot, const Text& t, size_t pos, int clause,
                  size_t& best_end) const;
  bool Negated(const Text& t, size_t start) const;
  bool InList(const std::vector<Atom>& list, std::string_view word) const;

  std::map<std::string, std::vector<std::string>, std::less<>> contractions_;
  std::vector<Atom> clause_breaks_;
  std::vector<Atom> negations_;
  std::vector<Atom> bridges_;
  std::vector<Phrase> raise_;
  std::vector<Phrase> not_danger_;
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_SAFETY_PHRASES_H_
