// The open journal's analysis cache (JournalController::analysis_cache()):
// the app's Patterns page and report page use the one cache, it follows
// saves, edits and deletes, and what it gives is exactly the analysis
// without it.
#include <boost/test/unit_test.hpp>

#include "core/json.h"
#include "engine/journal_controller.h"
#include "engine/patterns.h"
#include "engine/weekly_report.h"
#include "engine_fixture.h"
#include "reports/pattern_analyzer.h"

namespace fieldnotes::testing {
namespace {

core::Entry Loop(const core::Clock& clock, std::string thought, int64_t hours_ago) {
  core::Entry e;
  e.kind = core::EntryKind::kLoop;
  e.written_at = clock.Now();
  e.written_at.unix_seconds -= hours_ago * 3600;
  e.thought = std::move(thought);
  return e;
}

// The analysis since the last session without any cache.
std::string Uncached(const client::JournalController& c) {
  reports::JournalData data = c.data();
  data.cache = nullptr;
  const auto groups = reports::LoadLoopGroups(c.journal());
  BOOST_REQUIRE(groups.ok());
  data.same_worry = groups->same;
  const auto period = reports::Period::SinceLastSession(data.sessions, c.clock());
  return core::json::Write(
      reports::PatternsToJson(reports::PatternAnalyzer::Analyze(data, period, c.clock())));
}

std::string Cached(const client::JournalController& c) {
  auto snapshot = client::TakePatternSnapshot(c.journal(), c.analysis_cache());
  BOOST_REQUIRE(snapshot.ok());
  BOOST_REQUIRE(snapshot->cache == c.analysis_cache());
  auto analysis = client::AnalyzePatterns(*snapshot, c.clock());
  BOOST_REQUIRE(analysis.ok());
  return core::json::Write(reports::PatternsToJson(analysis->patterns));
}

}  // namespace

BOOST_FIXTURE_TEST_CASE(one_cache_per_open_journal_follows_every_change, EngineFixture) {
  MakeJournal();
  client::JournalController controller(Open(), now);
  BOOST_REQUIRE(controller.analysis_cache() != nullptr);
  BOOST_TEST(controller.data().cache == controller.analysis_cache().get());
  BOOST_TEST(controller.analysis_cache()->size() == 0u);

  BOOST_TEST(Cached(controller) == Uncached(controller));
  const size_t first = controller.analysis_cache()->size();
  BOOST_TEST(first == controller.journal().entries().size());

  // Saves: the same worry three times, then the analysis notices it.
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    auto id =
        controller.AddEntry(Loop(now, "Everyone at the choir will see that I cannot sing.", 3 - i));
    BOOST_REQUIRE(id.ok());
    ids.push_back(*id);
  }
  const std::string after_adds = Cached(controller);
  BOOST_TEST(after_adds == Uncached(controller));
  BOOST_TEST(after_adds.find("choir") != std::string::npos);
  BOOST_TEST(controller.analysis_cache()->size() == first + 3);

  // An edit: the words it had are gone from the analysis.
  core::Entry edited = *controller.journal().GetEntry(ids[1]);
  edited.thought = "The rehearsal went fine in the end.";
  BOOST_REQUIRE(controller.UpdateEntry(edited).ok());
  const std::string after_edit = Cached(controller);
  BOOST_TEST(after_edit == Uncached(controller));

  // A delete is forgotten, and undo brings it back.
  BOOST_REQUIRE(controller.DeleteEntry(ids[0]).ok());
  BOOST_TEST(Cached(controller) == Uncached(controller));
  BOOST_TEST(controller.analysis_cache()->size() == first + 2);
  BOOST_REQUIRE(controller.Undo().ok());
  BOOST_TEST(Cached(controller) == Uncached(controller));

  // The report page's snapshot carries the same cache.
  auto stored = controller.StoredReports();
  BOOST_REQUIRE(stored.ok());
  auto report = client::TakeSnapshot(controller.journal(), controller.settings(),
                                     std::move(stored).value(), controller.analysis_cache());
  BOOST_REQUIRE(report.ok());
  BOOST_TEST(report->cache == controller.analysis_cache());
  BOOST_TEST(client::BuildReportContent(*report, {}, now).ok());
}

}  // namespace fieldnotes::testing
