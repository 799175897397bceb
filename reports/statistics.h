// The few probabilities the detectors need to tell a pattern from noise.
// Exact sums, no approximations: the inputs are small (weeks, spikes).
#ifndef FIELDNOTES_REPORTS_STATISTICS_H_
#define FIELDNOTES_REPORTS_STATISTICS_H_

#include <span>

namespace fieldnotes::reports {

// P(X >= k) for X ~ Binomial(n, p). Returns 1 for k <= 0 and 0 for k > n.
// Requires 0 <= p <= 1.
double BinomialUpperTail(int n, int k, double p);

// P(X >= k) where X is the number of successes among independent trials
// with success probabilities `p` (a Poisson-binomial variable). Returns 1
// for k <= 0 and 0 for k > p.size(). O(n^2) for n trials.
double PoissonBinomialUpperTail(std::span<const double> p, int k);

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_STATISTICS_H_
