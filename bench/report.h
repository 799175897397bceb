// Measurements, their targets (DESIGN.md §7) and the two ways of printing
// them: a Markdown table for people, JSON for scripts.
#ifndef FIELDNOTES_BENCH_REPORT_H_
#define FIELDNOTES_BENCH_REPORT_H_

#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace fieldnotes::bench {

// The q-th quantile (0..1) of `samples`, nearest-rank; 0 when empty.
double Quantile(std::vector<double> samples, double q);
double Median(std::vector<double> samples);

struct Measurement {
  std::string key;    // stable name for --json, e.g. "save_p99_ms"
  std::string label;  // for the table
  double value = 0;
  std::string unit;  // "ms", "s", "×"
  // An upper bound from DESIGN.md §7; none for measurements that only
  // explain the others.
  std::optional<double> target;
  std::string note;

  bool has_target() const { return target.has_value(); }
  bool pass() const { return !target || value <= *target; }
};

struct Report {
  std::vector<std::pair<std::string, std::string>> context;  // machine, sizes, versions
  std::vector<Measurement> measurements;

  void Add(Measurement m) { measurements.push_back(std::move(m)); }
  bool AllPass() const;
  void PrintMarkdown(std::ostream& out) const;
  void PrintJson(std::ostream& out) const;
};

}  // namespace fieldnotes::bench

#endif  // FIELDNOTES_BENCH_REPORT_H_
