#include "bench/report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/json.h"

namespace fieldnotes::bench {
namespace {

std::string FormatValue(double v, const std::string& unit) {
  char buf[64];
  if (unit == "×") {
    std::snprintf(buf, sizeof buf, "%.2f×", v);
  } else if (v >= 100) {
    std::snprintf(buf, sizeof buf, "%.0f %s", v, unit.c_str());
  } else if (v >= 10) {
    std::snprintf(buf, sizeof buf, "%.1f %s", v, unit.c_str());
  } else {
    std::snprintf(buf, sizeof buf, "%.2f %s", v, unit.c_str());
  }
  return buf;
}

std::string FormatTarget(const Measurement& m) {
  if (!m.target) return "—";
  if (m.unit == "×") return "≤ " + FormatValue(*m.target, m.unit);
  char buf[64];
  std::snprintf(buf, sizeof buf, "≤ %g %s", *m.target, m.unit.c_str());
  return buf;
}

}  // namespace

double Quantile(std::vector<double> samples, double q) {
  if (samples.empty()) return 0;
  std::sort(samples.begin(), samples.end());
  // Nearest rank: the smallest sample with at least q of the samples at or below it.
  auto rank = static_cast<size_t>(std::ceil(q * static_cast<double>(samples.size())));
  return samples[std::clamp<size_t>(rank, 1, samples.size()) - 1];
}

double Median(std::vector<double> samples) { return Quantile(std::move(samples), 0.5); }

bool Report::AllPass() const {
  return std::all_of(measurements.begin(), measurements.end(),
                     [](const Measurement& m) { return m.pass(); });
}

void Report::PrintMarkdown(std::ostream& out) const {
  for (const auto& [k, v] : context) out << "- " << k << ": " << v << "\n";
  out << "\n| measurement | result | target (DESIGN.md §7) | status |\n";
  out << "|---|---:|---|---|\n";
  for (const Measurement& m : measurements) {
    out << "| " << m.label;
    if (!m.note.empty()) out << " (" << m.note << ")";
    out << " | " << FormatValue(m.value, m.unit) << " | " << FormatTarget(m) << " | "
        << (m.has_target() ? (m.pass() ? "PASS" : "**MISS**") : "info") << " |\n";
  }
}

void Report::PrintJson(std::ostream& out) const {
  core::json::Object root;
  core::json::Object ctx;
  for (const auto& [k, v] : context) ctx.Set(k, core::json::Value(v));
  root.Set("context", core::json::Value(std::move(ctx)));
  core::json::Array list;
  for (const Measurement& m : measurements) {
    core::json::Object o;
    o.Set("key", core::json::Value(m.key));
    o.Set("label", core::json::Value(m.label));
    o.Set("value", core::json::Value(m.value));
    o.Set("unit", core::json::Value(m.unit));
    o.Set("target", m.target ? core::json::Value(*m.target) : core::json::Value());
    o.Set("status", core::json::Value(m.has_target() ? (m.pass() ? "pass" : "miss") : "info"));
    if (!m.note.empty()) o.Set("note", core::json::Value(m.note));
    list.push_back(core::json::Value(std::move(o)));
  }
  root.Set("measurements", core::json::Value(std::move(list)));
  root.Set("all_pass", core::json::Value(AllPass()));
  out << core::json::WritePretty(core::json::Value(std::move(root))) << "\n";
}

}  // namespace fieldnotes::bench
