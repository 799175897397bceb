// The journal benchmark of DESIGN.md §7: a generated journal of ten years of
// heavy use, imported, unlocked, searched and written to, each step timed.
#ifndef FIELDNOTES_BENCH_JOURNAL_BENCH_H_
#define FIELDNOTES_BENCH_JOURNAL_BENCH_H_

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>

#include "bench/corpus.h"
#include "bench/report.h"
#include "core/journal.h"
#include "core/status.h"
#include "reports/analysis_cache.h"

namespace fieldnotes::bench {

struct BenchOptions {
  size_t entries = 20000;
  int kdf_runs = 3;
  int unlock_runs = 5;
  int saves = 200;
  int search_rounds = 3;  // each query is timed this many times
  int pattern_runs = 5;   // each analysis is timed this many times
  int report_runs = 5;    // each report is made this many times
  int envelope_runs = 9;  // each 1 MB report is sealed and opened this many times
  uint64_t seed = 20261103;
  std::string dir;  // an empty, writable directory; the journal goes here
  std::string passphrase = "correct horse battery staple, but longer";
};

class JournalBench {
 public:
  // `log` gets progress lines for people (stderr); results go to `report`.
  JournalBench(BenchOptions options, Report* report, std::ostream* log);

  // Runs every step in order. A failure of the journal itself (an error
  // Status) stops the run; a missed target does not.
  core::Status Run();

 private:
  core::Status Generate();
  core::Status MeasureImport();
  core::Status MeasureKdf();
  core::Status MeasureUnlock();
  core::Status MeasureSearch(const core::Journal& journal);
  core::Status MeasureSave(core::Journal& journal);
  core::Status MeasureCheck(const core::Journal& journal);
  core::Status MeasurePatterns(const core::Journal& journal);
  // report_bench.cpp: the weekly report, analysis + content + PDF.
  core::Status MeasureReport(const core::Journal& journal);
  // safety_bench.cpp: one entry read by every language's safety list.
  core::Status MeasureSafety(const core::Journal& journal);
  // envelope_bench.cpp: sealing and opening a 1 MB report.
  core::Status MeasureEnvelope();

  BenchOptions options_;
  Report* report_;
  std::ostream* log_;
  CorpusGenerator generator_;
  std::string journal_path_;
  std::string import_path_;
  std::unique_ptr<core::Journal> journal_;  // the last one unlocked
  // Kept between the analyses and reports, as the app keeps it.
  std::unique_ptr<reports::AnalysisCache> cache_;
};

}  // namespace fieldnotes::bench

#endif  // FIELDNOTES_BENCH_JOURNAL_BENCH_H_
