// The flows both faces used to write themselves, now the engine's: which
// kept reports were brought to a session (taken or shared) and marking one
// taken (engine/kept_reports.h), the loops the person joins or keeps apart
// with an undo (engine/loops.h), and `check` (engine/journal_files.h).
// The CLI's `report taken` and `loop same|apart` go through the same calls.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "engine/journal_files.h"
#include "engine/kept_reports.h"
#include "engine/loops.h"
#include "engine_fixture.h"
#include "support/temp_dir.h"

namespace fieldnotes::testing {

BOOST_AUTO_TEST_SUITE(kept_reports_and_loops)

BOOST_FIXTURE_TEST_CASE(a_kept_report_is_marked_taken_and_unmarked, EngineFixture) {
  MakeJournal();
  BOOST_REQUIRE(Cli({"report", "--pdf", dir.File("one.pdf")}, now) == 0);
  std::string id;
  {
    auto journal = Open();
    auto kept = client::ListKeptReports(*journal);
    BOOST_REQUIRE(kept.ok());
    BOOST_REQUIRE(kept->size() == 1u);
    BOOST_TEST(!kept->front().pdf.empty());
    id = kept->front().id;
    auto brought = client::ReportsBrought(*journal);
    BOOST_REQUIRE(brought.ok());
    BOOST_TEST((brought->Of(id) == client::Brought::kNo));
    BOOST_TEST(brought->All().empty());

    // By a prefix, as the CLI takes it; the full id comes back.
    auto marked = client::MarkReportTaken(*journal, id.substr(0, 8), true);
    BOOST_REQUIRE_MESSAGE(marked.ok(), marked.status().ToString());
    BOOST_TEST(*marked == id);
    brought = client::ReportsBrought(*journal);
    BOOST_TEST((brought->Of(id) == client::Brought::kTaken));
    BOOST_TEST(brought->All().count(id) == 1u);
    BOOST_TEST(client::MarkReportTaken(*journal, "ffffffffffff", true).status().IsNotFound());
    // Nothing shared: no names.
    auto with = client::ReportsSharedWith(*journal);
    BOOST_REQUIRE(with.ok());
    BOOST_TEST(with->empty());
  }
  // The CLI's `report taken --undo` is the same call: the mark goes.
  BOOST_REQUIRE(Cli({"report", "taken", id.substr(0, 8), "--undo"}, now) == 0);
  auto journal = Open();
  BOOST_TEST((client::ReportsBrought(*journal)->Of(id) == client::Brought::kNo));
}

BOOST_FIXTURE_TEST_CASE(loops_joined_kept_apart_and_undone, EngineFixture) {
  MakeJournal();
  auto journal = Open();
  std::vector<std::string> loops;
  for (const core::Entry& e : journal->entries().oldest_first())
    if (e.kind == core::EntryKind::kLoop) loops.push_back(e.id);
  BOOST_REQUIRE(loops.size() >= 2u);
  const std::vector<std::string> two = {loops[0], loops[1]};

  auto joined = client::JoinLoops(*journal, two);
  BOOST_REQUIRE_MESSAGE(joined.ok(), joined.status().ToString());
  BOOST_TEST(joined->before.empty());
  BOOST_REQUIRE(joined->after.GroupOf(loops[0]) != nullptr);
  BOOST_TEST(client::LoopDecisions(*journal)->same.size() == 1u);
  // Undo puts the groups back as they were.
  BOOST_REQUIRE(client::UndoLoopDecision(*journal, *joined).ok());
  BOOST_TEST(client::LoopDecisions(*journal)->empty());

  auto apart = client::SeparateLoops(*journal, two);
  BOOST_REQUIRE(apart.ok());
  BOOST_TEST(client::LoopDecisions(*journal)->Declined(loops[0], loops[1]));

  // A suggestion declined: each side kept apart from the other.
  reports::LoopSuggestion s;
  s.first = {loops[0]};
  s.second = {loops[1]};
  BOOST_REQUIRE(client::UndoLoopDecision(*journal, *apart).ok());
  auto declined = client::DeclineSuggestion(*journal, s);
  BOOST_REQUIRE(declined.ok());
  BOOST_TEST(declined->after.apart.size() == 1u);
  BOOST_TEST(client::LoopDecisions(*journal)->Declined(loops[1], loops[0]));

  // Kept apart, they are never suggested together again.
  auto suggestions = client::SuggestSameWorry(*journal);
  BOOST_REQUIRE(suggestions.ok());
  for (const reports::LoopSuggestion& x : *suggestions) {
    for (const std::string& a : x.first)
      for (const std::string& b : x.second)
        BOOST_TEST(!((a == loops[0] && b == loops[1]) || (a == loops[1] && b == loops[0])));
  }
}

BOOST_FIXTURE_TEST_CASE(check_reads_every_record, EngineFixture) {
  MakeJournal();
  auto journal = Open();
  const core::CheckReport report = client::CheckJournal(*journal);
  BOOST_TEST(report.ok());
  BOOST_TEST(report.records_checked >= journal->entries().size());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace fieldnotes::testing
