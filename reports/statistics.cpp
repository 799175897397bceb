#include "reports/statistics.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace fieldnotes::reports {

double BinomialUpperTail(int n, int k, double p) {
  if (k <= 0) return 1.0;
  if (k > n) return 0.0;
  if (p <= 0.0) return 0.0;
  if (p >= 1.0) return 1.0;
  // Sum the terms in log space: n is at most a few thousand.
  const double lp = std::log(p);
  const double lq = std::log1p(-p);
  double sum = 0.0;
  for (int i = k; i <= n; ++i) {
    double log_term = std::lgamma(n + 1.0) - std::lgamma(i + 1.0) - std::lgamma(n - i + 1.0) +
                      i * lp + (n - i) * lq;
    sum += std::exp(log_term);
  }
  return std::min(1.0, sum);
}

double PoissonBinomialUpperTail(std::span<const double> p, int k) {
  if (k <= 0) return 1.0;
  if (static_cast<size_t>(k) > p.size()) return 0.0;
  // dist[j] = P(j successes so far), truncated at k: dist[k] collects ">= k".
  std::vector<double> dist(k + 1, 0.0);
  dist[0] = 1.0;
  for (double pi : p) {
    pi = std::clamp(pi, 0.0, 1.0);
    dist[k] += dist[k - 1] * pi;
    for (int j = k - 1; j >= 1; --j) dist[j] = dist[j] * (1 - pi) + dist[j - 1] * pi;
    dist[0] *= (1 - pi);
  }
  return std::min(1.0, dist[k]);
}

}  // namespace fieldnotes::reports
