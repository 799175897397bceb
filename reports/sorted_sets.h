// Overlap of two sorted, duplicate-free ranges (term ids, concepts), shared
// by the recurring detector, text units and the loop suggester.
#ifndef FIELDNOTES_REPORTS_SORTED_SETS_H_
#define FIELDNOTES_REPORTS_SORTED_SETS_H_

#include <cstddef>

namespace fieldnotes::reports {

// How many elements the two sorted ranges have in common.
template <typename A, typename B>
size_t CountShared(const A& a, const B& b) {
  size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
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
