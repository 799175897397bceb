// Safety matching (DESIGN.md §7, docs/safety.md): one entry read by every
// language's list and the classifier next to them, as `add`, `edit`,
// `answer` and `import` do, over entries of the generated journal. In the
// same run: the nine lists without the classifier, and the English list
// alone, matched without stems (what one entry cost before the lists of
// the other eight languages).
#include <algorithm>
#include <chrono>

#include "bench/journal_bench.h"
#include "reports/embedded_data.h"
#include "reports/safety_classifier.h"
#include "reports/safety_detector.h"

namespace fieldnotes::bench {
namespace {

using Clock = std::chrono::steady_clock;

// The most entries timed: enough for a stable p99, quick on any journal.
constexpr size_t kSafetyEntries = 5000;

template <typename Check>
std::vector<double> TimeEach(const core::EntryList& entries, size_t count, Check check,
                             size_t& raised) {
  std::vector<double> ms;
  raised = 0;
  for (size_t i = 0; i < count; ++i) {
    const auto start = Clock::now();
    raised += check(entries[i]).raised();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  return ms;
}

}  // namespace

core::Status JournalBench::MeasureSafety(const core::Journal& journal) {
  const core::EntryList entries = journal.entries();
  const size_t count = std::min(entries.size(), kSafetyEntries);
  *log_ << "timing the safety check of " << count << " entries..." << std::endl;
  const reports::SafetyDetector& all = reports::SafetyDetector::Default();
  all.CheckText("warm up: the lists and the model are built on first use");
  const reports::SafetyDetector& lists = reports::SafetyDetector::ListsOnly();
  auto english = reports::SafetyDetector::FromLists(
      {reports::FindEmbeddedFile("safety/en.txt").value_or(std::string_view())});
  if (!english.ok()) return english.status().WithContext("the English safety list");

  size_t raised_all = 0, raised_lists = 0, raised_english = 0;
  const std::vector<double> ms_all = TimeEach(
      entries, count, [&](const core::Entry& e) { return all.Check(e); }, raised_all);
  const std::vector<double> ms_lists = TimeEach(
      entries, count, [&](const core::Entry& e) { return lists.Check(e); }, raised_lists);
  // The classifier alone, on every field of the entry (the detector runs it
  // only on the fields the lists leave quiet): its own share of the time.
  const reports::SafetyClassifier& model = reports::SafetyClassifier::Default();
  struct ModelResult {
    bool any = false;
    bool raised() const { return any; }
  };
  size_t raised_model = 0;
  const std::vector<double> ms_model = TimeEach(
      entries, count,
      [&](const core::Entry& e) {
        ModelResult r;
        for (const core::CompactString* f : {&e.before, &e.body, &e.thought, &e.unsaid, &e.text})
          if (!f->empty()) r.any |= model.Check(*f).raised;
        for (const auto& q : e.followups)
          if (!q.answer.empty()) r.any |= model.Check(q.answer).raised;
        return r;
      },
      raised_model);
  const std::vector<double> ms_english = TimeEach(
      entries, count, [&](const core::Entry& e) { return english->Check(e); }, raised_english);
  const std::string over = std::to_string(count) + " entries";
  report_->Add({"safety_p50_ms", "Safety check of one entry, nine lists and the classifier, p50",
                Median(ms_all), "ms", std::nullopt, over});
  report_->Add({"safety_p99_ms", "Safety check of one entry, nine lists and the classifier, p99",
                Quantile(ms_all, 0.99), "ms", 5.0,
                over + "; " + std::to_string(raised_all) + " raised"});
  report_->Add({"safety_lists_p50_ms", "The nine lists without the classifier, p50",
                Median(ms_lists), "ms", std::nullopt, over});
  report_->Add({"safety_lists_p99_ms", "The nine lists without the classifier, p99",
                Quantile(ms_lists, 0.99), "ms", std::nullopt,
                over + "; " + std::to_string(raised_lists) + " raised"});
  report_->Add({"safety_model_p50_ms", "The classifier alone, every text field, p50",
                Median(ms_model), "ms", std::nullopt, over});
  report_->Add({"safety_model_p99_ms", "The classifier alone, every text field, p99",
                Quantile(ms_model, 0.99), "ms", std::nullopt,
                over + "; " + std::to_string(raised_model) + " over its threshold"});
  report_->Add({"safety_en_p99_ms", "Baseline: the English list alone, without stems, p99",
                Quantile(ms_english, 0.99), "ms", std::nullopt,
                over + "; " + std::to_string(raised_english) + " raised"});
  return core::Status::Ok();
}

}  // namespace fieldnotes::bench
