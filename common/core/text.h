// Folding of UTF-8 for search and patterns, on the Unicode layer
// (core/unicode.h).
#ifndef FIELDNOTES_CORE_TEXT_H_
#define FIELDNOTES_CORE_TEXT_H_

#include <string>
#include <string_view>

namespace fieldnotes::core::text {

// Folds UTF-8 for case- and accent-insensitive matching, for search and for
// every comparison the patterns, the six-word rule and safety make:
//  - Latin (Basic, Latin-1 Supplement, Extended-A and -B, Latin Extended
//    Additional), Greek and Cyrillic by tables: lower-cased and stripped of
//    diacritics ("É"->"e", "ß"->"ss", "Œ"->"oe", "İ" and "ı"->"i"; Greek
//    tonos and dialytika removed, final sigma -> sigma; "Ё"->"е" but "й"
//    kept);
//  - every other character by ICU's NFKC_Casefold (full case folding with
//    compatibility normalisation): full-width letters, ligatures ("ﬁ"->"fi"),
//    the Kelvin and Ohm signs, Armenian, Georgian, Cherokee, kana voicing
//    marks composed, default-ignorable characters (ZWJ, ZWNJ, variation
//    selectors) removed; except that a character is never made longer
//    (then it is only case-folded: "⅓" stays "⅓");
//  - combining marks U+0300-U+036F dropped.
// Invalid UTF-8 becomes U+FFFD (one per maximal ill-formed subpart). The
// result is UTF-8, never longer than valid input, and Fold(Fold(s)) ==
// Fold(s). ASCII takes a fast path that does not call ICU.
std::string Fold(std::string_view utf8);

// True when Fold(haystack) contains Fold(needle). `folded_haystack` must
// already be folded; the needle is folded here.
bool ContainsFolded(std::string_view folded_haystack, std::string_view folded_needle);

}  // namespace fieldnotes::core::text

#endif  // FIELDNOTES_CORE_TEXT_H_
