// Pieces shared by the safety list's reader (safety_list_parser.cpp) and
// its matcher (safety_phrases.cpp); not part of the reports API.
#ifndef FIELDNOTES_REPORTS_SAFETY_PHRASES_INTERNAL_H_
#define FIELDNOTES_REPORTS_SAFETY_PHRASES_INTERNAL_H_

#include <libstemmer.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/unicode.h"

namespace fieldnotes::reports::safety_internal {

// Words of at least this many letters match with one typo, when the word
// written has at least this many letters too.
inline constexpr size_t kFuzzyLetters = 5;

inline size_t CharacterCount(std::string_view s) {
  return core::unicode::CountCodePoints(s);  // s is folded: valid UTF-8
}

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

// One stemmer per language and thread: libstemmer's stemmers keep state
// between calls, and SafetyDetector must be callable from any thread.
inline sb_stemmer* StemmerOf(const std::string& language) {
  thread_local std::unordered_map<std::string, std::unique_ptr<sb_stemmer, StemmerDeleter>>
      stemmers;
  auto it = stemmers.find(language);
  if (it == stemmers.end()) {
    it = stemmers
             .emplace(language, std::unique_ptr<sb_stemmer, StemmerDeleter>(
                                    sb_stemmer_new(language.c_str(), nullptr)))
             .first;
  }
  return it->second.get();
}

}  // namespace fieldnotes::reports::safety_internal

#endif  // FIELDNOTES_REPORTS_SAFETY_PHRASES_INTERNAL_H_
