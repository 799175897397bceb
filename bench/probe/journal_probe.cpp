// journal-probe: a kept journal for looking at one cost at a time, without
// generating and importing it on every run (fieldnotes-bench does both).
//
//   journal-probe make DIR N       generate N entries (the bench's corpus) into DIR/journal.db
//   journal-probe open DIR [RUNS]  unlock RUNS times: after the KDF, fully loaded, peak memory
//   journal-probe search DIR       the bench's queries: p50/p95, checked against the scan
//   journal-probe day DIR          the bench's steps from unlock on (open as the app does,
//                                  search, analysis cache, analyses, reports), with the
//                                  resident size and the allocator's figures after each
//   journal-probe report DIR [RUNS] the weekly report's content (analysis, six-word check)
//                                  after the cache is warm: the first one, then the best
//                                  of RUNS more; the same for the whole history
//   journal-probe check DIR [RUNS]  the six-word check alone on those two reports' content
//
// Not a benchmark of record (bench/run.sh is); a tool for profilers
// (perf, heaptrack) pointed at one step.
#include <malloc.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "bench/corpus.h"
#include "core/clock.h"
#include "core/journal.h"
#include "core/text.h"
#include "reports/analysis_cache.h"
#include "reports/font_locator.h"
#include "reports/pattern_analyzer.h"
#include "reports/period.h"
#include "reports/report_builder.h"
#include "reports/report_content.h"
#include "reports/report_pdf.h"
#include "reports/six_word_rule.h"

namespace {

using Clock = std::chrono::steady_clock;
const char* const kPassphrase = "correct horse battery staple, but longer";

double MsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double StatusMib(const char* key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::string k(key);
  while (std::getline(in, line))
    if (line.rfind(k, 0) == 0) return std::strtod(line.c_str() + k.size(), nullptr) / 1024.0;
  return 0;
}

double PeakMib() { return StatusMib("VmHWM:"); }

// Resident now and at its peak, and what the allocator holds: in use
// (uordblks + hblkhd) and free but kept (fordblks).
void Show(const char* step) {
  if (std::getenv("TRIM_ALL")) ::malloc_trim(0);
  const struct mallinfo2 m = ::mallinfo2();
  const double mib = 1024.0 * 1024.0;
  std::printf("%-34s rss %7.1f  peak %7.1f  in use %7.1f  free kept %7.1f  (MiB)\n", step,
              StatusMib("VmRSS:"), PeakMib(), static_cast<double>(m.uordblks + m.hblkhd) / mib,
              static_cast<double>(m.fordblks) / mib);
  std::fflush(stdout);
}

// CPU time of the whole process (every thread), in ms.
double CpuMs() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000.0 +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000.0;
}

double Quantile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return v[static_cast<size_t>(q * static_cast<double>(v.size() - 1))];
}

// "Now" for the analyses: the day after the generated journal ends, as the
// bench has it.
fieldnotes::core::Timestamp ProbeNow() {
  return fieldnotes::core::Timestamp{
      fieldnotes::core::DaysFromCivil({2026, 7, 1}) * 86400 + 9 * 3600, 0};
}

// The journal in DIR opened and loaded, with `cache` warmed on it; null on
// any failure.
std::unique_ptr<fieldnotes::core::Journal> OpenWarm(const std::string& dir,
                                                    fieldnotes::reports::AnalysisCache& cache) {
  auto j = fieldnotes::core::Journal::Open(dir + "/journal.db", kPassphrase, {});
  if (!j.ok() || !(*j)->WaitLoaded().ok()) return nullptr;
  cache.Warm((*j)->entries(), (*j)->revision());
  return std::move(*j);
}

// The analysis of `period` and the report content on it, as the bench
// builds it (the agenda a client would pick).
fieldnotes::core::Result<fieldnotes::reports::ReportContent> Content(
    const fieldnotes::reports::JournalData& data, const fieldnotes::reports::Period& period,
    const fieldnotes::core::Clock& clock) {
  const auto patterns = fieldnotes::reports::PatternAnalyzer::Analyze(data, period, clock);
  fieldnotes::reports::ReportOptions ro;
  ro.agenda = {"Sunday nights, and the messages"};
  return fieldnotes::reports::ReportBuilder::Build({data, &patterns, nullptr, ""}, ro);
}

int Make(const std::string& dir, size_t n) {
  fieldnotes::bench::CorpusGenerator gen(20261103);
  const int64_t end = fieldnotes::core::DaysFromCivil({2026, 6, 30}) * 86400;
  auto corpus = gen.Generate(n, end);
  auto j = fieldnotes::core::Journal::Create(dir + "/journal.db", kPassphrase, {});
  if (!j.ok()) {
    std::cerr << j.status().ToString() << "\n";
    return 1;
  }
  std::vector<fieldnotes::core::ImportItem> items;
  for (auto& s : corpus.sessions) {
    fieldnotes::core::ImportItem it;
    it.type = fieldnotes::core::ImportItem::Type::kSession;
    it.session = s;
    items.push_back(std::move(it));
  }
  for (auto& e : corpus.entries) {
    fieldnotes::core::ImportItem it;
    it.entry = e;
    items.push_back(std::move(it));
  }
  auto st = (*j)->Import(items);
  if (!st.ok()) {
    std::cerr << st.status().ToString() << "\n";
    return 1;
  }
  std::cout << st->entries_added << " entries\n";
  return 0;
}

int Open(const std::string& dir, int runs) {
  fieldnotes::core::JournalOptions options;
  if (const char* first = std::getenv("LOAD_FIRST"))
    options.load_first = std::strtoul(first, nullptr, 10);
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    const double cpu0 = CpuMs();
    auto j = fieldnotes::core::Journal::Open(dir + "/journal.db", kPassphrase, options);
    const double ms = MsSince(start);
    const double cpu = CpuMs() - cpu0;
    if (!j.ok()) {
      std::cerr << j.status().ToString() << "\n";
      return 1;
    }
    const double after = ms - (*j)->last_kdf_seconds() * 1000;
    if (!(*j)->WaitLoaded().ok()) return 1;
    (void)(*j)->Search("zzzz-nothing");
    const double full = MsSince(start) - (*j)->last_kdf_seconds() * 1000;
    std::cout << "after kdf " << after << " ms (cpu with kdf " << cpu << " ms), search ready "
              << full << " ms, entries " << (*j)->entries().size() << ", peak " << PeakMib()
              << " MiB\n";
  }
  return 0;
}

int Search(const std::string& dir) {
  auto j = fieldnotes::core::Journal::Open(dir + "/journal.db", kPassphrase, {});
  if (!j.ok()) return 1;
  std::vector<double> ms;
  for (int round = 0; round < 3; ++round) {
    for (const std::string& q : fieldnotes::bench::SearchQueries()) {
      auto start = Clock::now();
      auto found = (*j)->Search(q);
      ms.push_back(MsSince(start));
      if (round == 0) {
        const std::string needle = fieldnotes::core::text::Fold(q);
        size_t hits = 0;
        for (const auto& e : (*j)->entries())
          if (fieldnotes::core::text::Fold(e.SearchableText()).find(needle) != std::string::npos)
            ++hits;
        if (hits != found.size()) {
          std::cerr << "MISMATCH " << q << " " << found.size() << " vs " << hits << "\n";
          return 1;
        }
        double best = ms.back();
        for (int k = 0; k < 4; ++k) {
          auto again = Clock::now();
          (void)(*j)->Search(q);
          best = std::min(best, MsSince(again));
        }
        std::cout << found.size() << "\t" << ms.back() << " ms\tbest of 5 " << best << " ms\t" << q
                  << "\n";
      }
    }
  }
  std::cout << "p50 " << Quantile(ms, 0.5) << " ms, p95 " << Quantile(ms, 0.95) << " ms, peak "
            << PeakMib() << " MiB\n";
  return 0;
}

// The bench's steps from unlock on (bench/journal_bench.cpp), one at a
// time, each followed by the process's memory. Set TRIM=1 to give freed
// memory back to the system after the load (malloc_trim), TRIM_ALL=1 after
// every step, and see what of the resident size is the allocator's.
int Day(const std::string& dir) {
  namespace fn = fieldnotes;
  ::malloc_trim(0);
  std::ofstream("/proc/self/clear_refs") << "5";
  Show("start");
  fn::core::JournalOptions options;
  options.load_first = fn::core::kFirstScreenEntries;
  auto j = fn::core::Journal::Open(dir + "/journal.db", kPassphrase, options);
  if (!j.ok()) return 1;
  Show("open (first screen)");
  if (!(*j)->WaitLoaded().ok()) return 1;
  Show("every entry loaded");
  if (std::getenv("TRIM")) {
    ::malloc_trim(0);
    Show("malloc_trim");
  }
  for (const std::string& q : fn::bench::SearchQueries()) (void)(*j)->Search(q);
  Show("searches");
  fn::reports::AnalysisCache cache;
  cache.Warm((*j)->entries(), (*j)->revision());
  Show("analysis cache warm");
  fn::core::FakeClock clock(ProbeNow());
  fn::reports::JournalData data{(*j)->entries(), (*j)->sessions(), (*j)->threads()};
  data.cache = &cache;
  data.revision = (*j)->revision();
  const auto whole = fn::reports::Period::WholeHistory((*j)->entries().oldest_first(), clock);
  const auto recent = fn::reports::Period::SinceLastSession((*j)->sessions(), clock);
  for (const auto* period : {&whole, &recent}) {
    auto patterns = fn::reports::PatternAnalyzer::Analyze(data, *period, clock);
    Show(period == &whole ? "analysis, whole history" : "analysis, since the last session");
  }
  for (const auto* period : {&recent, &whole}) {
    auto content = Content(data, *period, clock);
    if (!content.ok()) return 1;
    Show(period == &whole ? "report content, whole history" : "report content, weekly");
    auto fonts = fn::reports::FindReportFonts();
    if (!fonts.ok()) return 1;
    auto pdf = fn::reports::ReportPdf::Render(*content, fn::reports::Paper::kA4, *fonts);
    if (!pdf.ok()) return 1;
    Show(period == &whole ? "report PDF, whole history" : "report PDF, weekly");
  }
  return 0;
}

// The report content as the bench times it (analysis of the whole history,
// content, six-word check; no PDF), the first time after the cache is warm
// (when the six-word rule's per-entry data is worked out) and the best of
// `runs` more, weekly and over the whole history.
int ReportTimes(const std::string& dir, int runs) {
  namespace fn = fieldnotes;
  fn::reports::AnalysisCache cache;
  const auto j = OpenWarm(dir, cache);
  if (!j) return 1;
  fn::core::FakeClock clock(ProbeNow());
  fn::reports::JournalData data{j->entries(), j->sessions(), j->threads()};
  data.cache = &cache;
  data.revision = j->revision();
  const auto whole = fn::reports::Period::WholeHistory(j->entries().oldest_first(), clock);
  const auto recent = fn::reports::Period::SinceLastSession(j->sessions(), clock);
  for (const auto* period : {&recent, &whole}) {
    std::vector<double> ms;
    for (int i = 0; i <= runs; ++i) {
      const auto start = Clock::now();
      if (!Content(data, *period, clock).ok()) return 1;
      ms.push_back(MsSince(start));
    }
    std::printf("%-14s first %8.1f ms  best of %d more %8.1f ms  peak %7.1f MiB\n",
                period == &whole ? "whole history" : "weekly", ms[0], runs,
                *std::min_element(ms.begin() + 1, ms.end()), PeakMib());
  }
  std::printf("six-word rule's filters %.2f MiB in %zu blocks\n",
              static_cast<double>(cache.run_filter_bytes()) / (1024.0 * 1024.0),
              cache.run_blocks());
  return 0;
}

// The six-word check alone on the weekly and the whole-history report's
// content, with the cache (as ReportBuilder runs it): the first check after
// the cache is warm, then the best of `runs` more.
int CheckTimes(const std::string& dir, int runs) {
  namespace fn = fieldnotes;
  fn::reports::AnalysisCache cache;
  const auto j = OpenWarm(dir, cache);
  if (!j) return 1;
  fn::core::FakeClock clock(ProbeNow());
  fn::reports::JournalData data{j->entries(), j->sessions(), j->threads()};
  const auto whole = fn::reports::Period::WholeHistory(j->entries().oldest_first(), clock);
  const auto recent = fn::reports::Period::SinceLastSession(j->sessions(), clock);
  for (const auto* period : {&recent, &whole}) {
    auto content = Content(data, *period, clock);
    if (!content.ok()) return 1;
    const auto texts = fn::reports::GuardedTexts(*content);
    std::vector<double> ms;
    size_t found = 0;
    for (int i = 0; i <= runs; ++i) {
      const auto start = Clock::now();
      found = fn::reports::SixWordRule::Check(j->entries(), texts, &cache, j->revision()).size();
      ms.push_back(MsSince(start));
    }
    std::printf("%-14s first %8.2f ms  best of %d more %8.2f ms  (%zu found)\n",
                period == &whole ? "whole history" : "weekly", ms[0], runs,
                *std::min_element(ms.begin() + 1, ms.end()), found);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: journal-probe make|open|search|day|report|check DIR [N]\n";
    return 2;
  }
  const std::string cmd = argv[1], dir = argv[2];
  if (cmd == "make" && argc > 3) return Make(dir, std::strtoul(argv[3], nullptr, 10));
  if (cmd == "open") return Open(dir, argc > 3 ? std::atoi(argv[3]) : 3);
  if (cmd == "search") return Search(dir);
  if (cmd == "day") return Day(dir);
  if (cmd == "report") return ReportTimes(dir, argc > 3 ? std::atoi(argv[3]) : 3);
  if (cmd == "check") return CheckTimes(dir, argc > 3 ? std::atoi(argv[3]) : 10);
  std::cerr << "usage: journal-probe make|open|search|day|report|check DIR [N]\n";
  return 2;
}
