// The languages the patterns read with their own rules (stop words, stems,
// contractions, phrase rules): English, German, French and Spanish. Text in
// any other language is read with the English rules, which still let the
// same words match (docs/patterns.md, "Languages").
#ifndef FIELDNOTES_REPORTS_LANGUAGE_H_
#define FIELDNOTES_REPORTS_LANGUAGE_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace fieldnotes::reports {

enum class Language : uint8_t { kEnglish, kGerman, kFrench, kSpanish };

inline constexpr size_t kLanguageCount = 4;
inline constexpr std::array<Language, kLanguageCount> kLanguages = {
    Language::kEnglish, Language::kGerman, Language::kFrench, Language::kSpanish};

// "en", "de", "fr", "es": the names of the data files (reports/data/*/<code>.txt).
constexpr std::string_view LanguageCode(Language l) {
  constexpr std::array<std::string_view, kLanguageCount> kCodes = {"en", "de", "fr", "es"};
  return kCodes[static_cast<size_t>(l)];
}

// The language of a code ("de", or a data file's name "de.txt"); nullopt
// for any other.
constexpr std::optional<Language> LanguageFromCode(std::string_view code) {
  if (code.ends_with(".txt")) code.remove_suffix(4);
  for (Language l : kLanguages) {
    if (LanguageCode(l) == code) return l;
  }
  return std::nullopt;
}

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_LANGUAGE_H_
