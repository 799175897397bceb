// Text helpers for search: Unicode-aware folding of UTF-8.
#ifndef FIELDNOTES_CORE_TEXT_H_
#define FIELDNOTES_CORE_TEXT_H_

#include <string>
#include <string_view>

namespace fieldnotes::core::text {

// Folds UTF-8 for case- and accent-insensitive matching: lower-cases and
// strips diacritics for Latin (Basic, Latin-1 Supplement, Extended-A and
// -B, Latin Extended Additional, e.g. "É"->"e", "ß"->"ss", "Œ"->"oe"),
// Greek (tonos and dialytika removed, final sigma -> sigma) and Cyrillic
// ("Ё"->"е"), drops combining marks (U+0300-U+036F), and maps other
// characters to themselves. Invalid UTF-8 bytes become U+FFFD. The result
// is UTF-8.
std::string Fold(std::string_view utf8);

// True when Fold(haystack) contains Fold(needle). `folded_haystack` must
// already be folded; the needle is folded here.
bool ContainsFolded(std::string_view folded_haystack, std::string_view folded_needle);

}  // namespace fieldnotes::core::text

#endif  // FIELDNOTES_CORE_TEXT_H_
