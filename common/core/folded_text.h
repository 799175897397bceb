// FoldedText: what the journal keeps in memory of an entry's folded
// searchable text (text::Fold of Entry::SearchableText), for search.
//
// Most entries' folded text is their text with its ASCII letters
// lower-cased; keeping a second copy of it would hold most of the
// journal's text twice. So the folded text is kept only when it differs
// from that (accents, other scripts, ß, ...), and otherwise read from the
// entry's fields when needed. With it, a signature of the pairs of bytes
// that occur in the folded text (256 bits, one per hash of a pair): a
// needle with a pair the signature lacks is not in the text, which
// answers most non-matches without reading the entry. Both are exact: the
// signature only ever says "not there" when the needle is not there.
// Memory only (the client's words).
#ifndef FIELDNOTES_CORE_FOLDED_TEXT_H_
#define FIELDNOTES_CORE_FOLDED_TEXT_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/model.h"

namespace fieldnotes::core::internal {

// The pairs of adjacent bytes of a text, hashed into 256 bits.
struct PairSignature {
  std::array<uint64_t, 4> bits{};
  static PairSignature Of(std::string_view text);
  // True when every pair of `needle` (its PairSignature) is in this one.
  bool MayContain(const PairSignature& needle) const {
    return ((bits[0] & needle.bits[0]) == needle.bits[0]) &
           ((bits[1] & needle.bits[1]) == needle.bits[1]) &
           ((bits[2] & needle.bits[2]) == needle.bits[2]) &
           ((bits[3] & needle.bits[3]) == needle.bits[3]);
  }
};

struct FoldedText {
  // The folded text, or empty when it is the searchable text with its
  // ASCII letters lower-cased.
  std::string kept;
  PairSignature pairs;

  // Folds `e`'s searchable text and keeps what is needed of it.
  static FoldedText Of(const Entry& e);
  // The folded text of `e` (which this was made from): `kept`, or made
  // again in `scratch`.
  std::string_view Text(const Entry& e, std::string& scratch) const;
  // True when the folded text of `e` contains `needle` (folded, not
  // empty), whose pairs are `needle_pairs`; exactly what
  // Text(e).find(needle) != npos says.
  bool Contains(const Entry& e, std::string_view needle, const PairSignature& needle_pairs,
                std::string& scratch) const;
};

}  // namespace fieldnotes::core::internal

#endif  // FIELDNOTES_CORE_FOLDED_TEXT_H_
