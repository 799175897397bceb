// SearchIndex: the words of the journal's folded text and the entries each
// appears in, kept in memory only (never on disk: it is the client's words),
// so that Journal::Search reads the few entries that can match instead of
// every one. It only narrows: every candidate is still checked by a
// substring search, so Search finds exactly what a scan of every entry finds.
//
// A word here is a run of bytes other than ASCII separators (ASCII letters
// and digits, and every byte of a non-ASCII character). A needle "a b c"
// found in a text has its inner words ("b") as whole words of that text,
// and its first and last words inside words of the text; a needle of one
// word lies inside one word of the text. So the entries holding a word that
// fits the needle's most selective word are a superset of the matches.
#ifndef FIELDNOTES_CORE_SEARCH_INDEX_H_
#define FIELDNOTES_CORE_SEARCH_INDEX_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/posting_list.h"

namespace fieldnotes::core::internal {

class SearchIndex {
 public:
  // Adds the folded text of the next entry; its position is size() before
  // the call.
  void Add(std::string_view folded);
  size_t size() const { return added_; }

  struct Narrowed {
    std::vector<uint32_t> positions;  // ascending, unique
    // True when `positions` are exactly the entries that contain the
    // needle, so none needs reading: a needle of one word (every byte a
    // word byte) lies inside one word of a text, so the entries holding a
    // word that contains it are the answer. False: each may contain it.
    bool exact = false;
  };
  // The entries that may contain `folded_needle` (not empty): those holding,
  // for every word of the needle, a word that fits it (inner words exactly,
  // the first and the last anywhere inside a word), or nullopt when the
  // needle has nothing selective enough to narrow by (the caller scans
  // every entry instead).
  std::optional<Narrowed> Candidates(std::string_view folded_needle) const;

  // Gives back what the lists grew by but do not use: after adding many
  // entries at once (unlock).
  void Shrink();

 private:
  std::unordered_map<std::string, uint32_t> ids_;  // word -> id
  // Every word once, each followed by '\n' (never a word byte), so one
  // substring search finds every word that contains a part of a needle.
  std::string dict_;
  std::vector<uint32_t> starts_;       // id -> where its word starts in dict_
  std::vector<PostingList> postings_;  // id -> positions, ascending, unique
  size_t added_ = 0;
};

}  // namespace fieldnotes::core::internal

#endif  // FIELDNOTES_CORE_SEARCH_INDEX_H_
