// Helpers for the weekly report tests: the sample week in a real journal,
// a report built the way the CLI builds it, and an independent check of the
// six-word rule on everything the report's JSON says.
#ifndef FIELDNOTES_TESTS_REPORTS_REPORT_FIXTURE_H_
#define FIELDNOTES_TESTS_REPORTS_REPORT_FIXTURE_H_

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/journal.h"
#include "core/json.h"
#include "reports/pattern_analyzer.h"
#include "reports/report_builder.h"
#include "support/temp_dir.h"

namespace fieldnotes::reports::testing {

// A journal in a temporary folder holding docs/examples/sample-week.jsonl:
// sessions on Nov 2 and Nov 9 2026 (17:00, +01:00) and 18 entries between.
class SampleJournal {
 public:
  SampleJournal();
  core::Journal& journal() { return *journal_; }
  JournalData data() const {
    return JournalData{journal_->entries().oldest_first(), journal_->sessions(), journal_->threads()};
  }
  const std::string& dir() const { return dir_path_; }

 private:
  fieldnotes::testing::TempDir dir_;
  std::string dir_path_;
  std::unique_ptr<core::Journal> journal_;
};

// The report for `period`, built as `fieldnotes-cli report` builds it;
// fails the test when the builder fails.
ReportContent BuildReport(const JournalData& data, const Period& period, const core::Clock& clock,
                          const ReportOptions& options = {},
                          const ReportContent* previous = nullptr);

// The sample week's period: Nov 2 to Nov 9 2026, and a clock just before
// the Nov 9 session.
Period SampleWeek();
const core::Clock& SampleClock();

// Every six-word run (as SixWordRule::Words sees words) of any protected
// field of any entry, found by brute force.
std::set<std::string> EntryRuns(std::span<const core::Entry> entries);

// The runs of `runs` that appear in any string of the content's JSON, apart
// from the client's own lines and after cutting every excerpt the client
// chose out of the text. Written without SixWordRule::Check, so the two
// check each other.
std::vector<std::string> LeakedRuns(const ReportContent& content,
                                    const std::set<std::string>& runs);

}  // namespace fieldnotes::reports::testing

#endif  // FIELDNOTES_TESTS_REPORTS_REPORT_FIXTURE_H_
