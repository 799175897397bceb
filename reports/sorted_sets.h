// Overlap of two sorted, duplicate-free ranges (term ids, concepts), shared
// by the recurring detector, text units and the loop suggester.
#ifndef FIELDNOTES_REPORTS_SORTED_SETS_H_
#define FIELDNOTES_REPORTS_SORTED_SETS_H_

#include <cstddef>

namespace fieldnotes::reports {

// How many elements the two sorted ranges have in common.
template <typename A, typename B>
size_t CountShared(const A& a, const B& b) {
  size_t n = 0;
  auto i = a.begin();
  auto j = b.begin();
  const auto a_end = a.end();
  const auto b_end = b.end();
  while (i != a_end && j != b_end) {
    const auto x = *i;
    const auto y = *j;
    if (x < y) {
      ++i;
    } else if (y < x) {
      ++j;
    } else {
      ++n;
      ++i;
      ++j;
    }
  }
  return n;
}

// The Dice coefficient of two sorted ranges: 2·shared / (|a| + |b|); 0 when
// both are empty.
template <typename A, typename B>
double Dice(const A& a, const B& b) {
  const size_t total = a.size() + b.size();
  return total == 0 ? 0.0 : 2.0 * static_cast<double>(CountShared(a, b)) / static_cast<double>(total);
}

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_SORTED_SETS_H_
