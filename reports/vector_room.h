// Growing and trimming the large vectors the analysis cache keeps for as
// long as the journal is open (TextUnits, RecurringHistory): by an eighth
// when full instead of doubling, so that half a million units do not carry
// as much again unused, and trimmed after a bulk add.
#ifndef FIELDNOTES_REPORTS_VECTOR_ROOM_H_
#define FIELDNOTES_REPORTS_VECTOR_ROOM_H_

#include <cstddef>
#include <iterator>

namespace fieldnotes::reports {

// Makes room in `v` for `more` elements: an eighth more than needed when it
// has to grow.
template <typename V>
void Room(V& v, size_t more) {
  if (v.capacity() - v.size() >= more) return;
  v.reserve(v.size() + more + v.size() / 8);
}

// Gives back `v`'s room beyond an eighth of its size, keeping a 32nd.
template <typename V>
void TrimRoom(V& v) {
  if (v.capacity() <= v.size() + v.size() / 8) return;
  V copy;
  copy.reserve(v.size() + v.size() / 32);
  copy.insert(copy.end(), std::make_move_iterator(v.begin()), std::make_move_iterator(v.end()));
  v.swap(copy);
}

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_VECTOR_ROOM_H_
