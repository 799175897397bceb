// SafetyFeatures: what the safety classifier (safety_classifier.h) sees of
// a text, the same for training (tests/tools/safety_train.cpp) and for use.
//
// The text is read by the lists' own word layer (SafetyPhrases::SplitWords:
// ICU folding, so lower case and no accents), and each word gives:
//   w:WORD      the folded word;
//   s:STEM      its Snowball stem in each of the eight languages that have
//               one (people mix languages, and one model reads them all);
//   b:A B       the stems of two neighbouring words of one sentence, each
//               word's shortest stem of three letters or more ("not want",
//               "nicht mehr", "quiero morir");
//   c:GRAM      the character 3-, 4- and 5-grams of "<word>", for typos,
//               slang and digits for letters ("<su", "uici", "k1ll").
// Nothing is dropped: negations and pronouns carry the meaning here.
// Each feature string is hashed (FNV-1a, 64 bits) into 2^kHashBits
// indexes; a feature counts once per text, and the vector has unit length.
#ifndef FIELDNOTES_REPORTS_SAFETY_FEATURES_H_
#define FIELDNOTES_REPORTS_SAFETY_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "reports/safety_phrases.h"

namespace fieldnotes::reports {

struct SafetyFeature {
  uint32_t index = 0;  // 0 .. 2^kHashBits - 1
  float value = 0;
};

class SafetyFeatures {
 public:
  static constexpr uint32_t kHashBits = 20;
  static constexpr uint32_t kSize = uint32_t{1} << kHashBits;

  // The features of `text` (UTF-8, any case), sorted by index, each index
  // once, with unit Euclidean length; empty for a text without words.
  // Thread-safe (each thread keeps its own cache of words it has met).
  static std::vector<SafetyFeature> Of(std::string_view text);
  // The same, from the words the lists read (SafetyPhrases::SplitWords):
  // a text is split once for both.
  static std::vector<SafetyFeature> Of(const std::vector<SafetyPhrases::Word>& words);

  // The feature strings behind each index of Of(text), for explaining a
  // score: (index, "s:want"), sorted by index, several per index when
  // their hashes collide.
  static std::vector<std::pair<uint32_t, std::string>> Named(std::string_view text);
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_SAFETY_FEATURES_H_
