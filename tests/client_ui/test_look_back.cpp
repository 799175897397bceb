// Looking back: timeline, search as you type, edit / delete with undo,
// sessions and threads, the patterns view and the entries behind it.
#include <wx/infobar.h>
#include <wx/srchctrl.h>
#include <wx/textctrl.h>

#include <boost/test/unit_test.hpp>

#include "reports/loop_groups.h"
#include "ui/entry_fields.h"
#include "engine/journal_controller.h"
#include "ui/patterns_panel.h"
#include "ui/sessions_panel.h"
#include "ui/timeline_list.h"
#include "ui/timeline_panel.h"
#include "ui/workspace_panel.h"
#include "ui/write_panel.h"
#include "ui_fixture.h"

namespace fieldnotes::testing {
namespace {

using client::WorkspacePanel;
using core::EntryKind;

std::vector<core::Entry> ThreeEntries() {
  core::Entry spike = MakeEntry(EntryKind::kSpike, "", 3);
  spike.emotions = {"anxiety"};
  spike.before = "Walking by the river when the phone rang";
  spike.thought = "Something has happened to Mum";
  core::Entry loop = MakeEntry(EntryKind::kLoop, "I am always the one who ruins it", 2);
  core::Entry note = MakeEntry(EntryKind::kNote, "Café with Ana. A good hour.", 1);
  return {spike, loop, note};
}

BOOST_AUTO_TEST_SUITE(look_back)

BOOST_FIXTURE_TEST_CASE(search_as_you_type, FrameFixture) {
  MakeJournal(journal_path, ThreeEntries());
  Unlock();
  WorkspacePanel& w = *frame().workspace();
  client::TimelinePanel& timeline = w.timeline();
  BOOST_TEST(timeline.list().model().entry_count() == 3u);
  // Three days, three headings.
  BOOST_TEST(timeline.list().GetItemCount() == 6);

  w.Find();  // Ctrl+F
  BOOST_TEST((w.current_page() == WorkspacePanel::Page::kLookBack));
  auto* search = Find<wxSearchCtrl>(&timeline, client::TimelinePanel::kSearchName);
  search->SetValue("riv");  // each keystroke searches
  BOOST_TEST(timeline.list().model().entry_count() == 1u);
  search->SetValue("cafe");  // accents and case do not matter
  BOOST_TEST(timeline.list().model().entry_count() == 1u);
  BOOST_TEST(timeline.count_text().Contains("1 entry contains"));
  search->SetValue("nothing like this");
  BOOST_TEST(timeline.list().model().entry_count() == 0u);
  BOOST_TEST(timeline.count_text() == "No entries contain that.");
  search->SetValue("");
  BOOST_TEST(timeline.list().model().entry_count() == 3u);
}

BOOST_FIXTURE_TEST_CASE(edit_and_delete_can_be_undone, FrameFixture) {
  MakeJournal(journal_path, ThreeEntries());
  Unlock();
  WorkspacePanel& w = *frame().workspace();
  client::JournalController& c = *frame().controller();
  const core::Entry loop = c.journal().entries()[1];
  BOOST_REQUIRE((loop.kind == EntryKind::kLoop));

  // Edit: the entry opens in the form; the change is saved in place.
  w.ShowEntry(loop.id);
  BOOST_TEST(w.timeline().list().Selected()->id == loop.id);
  w.EditSelected();
  BOOST_TEST((w.current_page() == WorkspacePanel::Page::kWrite));
  BOOST_TEST(w.write().editing_id() == loop.id);
  auto* text = Find<wxTextCtrl>(&w.write(), client::EntryFields::kTextName);
  BOOST_TEST(text->GetValue() == "I am always the one who ruins it");
  text->SetValue("I am often the one who ruins it");
  BOOST_REQUIRE(w.write().Save());
  BOOST_TEST(c.journal().GetEntry(loop.id)->text == "I am often the one who ruins it");
  BOOST_TEST(c.journal().entries().size() == 3u);
  BOOST_TEST(c.journal().GetEntry(loop.id)->written_at.SameAs(loop.written_at));
  BOOST_TEST(w.notice().IsShown());
  // (Its button reads "Undo", not "&Undo": GTK makes it, so the AT-SPI
  // check, client_atspi, reads it.)

  w.Undo();
  BOOST_TEST(c.journal().GetEntry(loop.id)->text == "I am always the one who ruins it");
  BOOST_TEST(!w.undo_notice_shown());  // done with

  // Delete, from the timeline; undo brings it back whole, same id.
  w.ShowEntry(loop.id);
  w.timeline().DeleteSelected();
  BOOST_TEST(c.journal().entries().size() == 2u);
  BOOST_TEST(c.journal().GetEntry(loop.id).status().IsNotFound());
  BOOST_TEST(w.timeline().list().model().entry_count() == 2u);
  BOOST_TEST(c.CanUndo());
  w.Undo();
  BOOST_REQUIRE(c.journal().entries().size() == 3u);
  BOOST_TEST((*c.journal().GetEntry(loop.id) == loop));
  BOOST_TEST(w.timeline().list().Selected()->id == loop.id);

  // Not undone: the notice goes by itself after a while.
  w.set_undo_notice_ms(300);
  w.ShowEntry(loop.id);
  w.timeline().DeleteSelected();
  BOOST_TEST(w.undo_notice_shown());
  BOOST_TEST(WaitUntil([&] { return !w.undo_notice_shown(); }));
  BOOST_TEST(c.CanUndo());  // Edit, Undo still can
  BOOST_TEST(DialogRecorder::shown().empty());
}

BOOST_FIXTURE_TEST_CASE(sessions_and_threads, FrameFixture) {
  core::Entry thread = MakeEntry(EntryKind::kThread, "Did it on Tuesday.", 1);
  thread.thread = "Name the thought";
  MakeJournal(journal_path, {thread});
  Unlock();
  WorkspacePanel& w = *frame().workspace();
  w.ShowPage(WorkspacePanel::Page::kSessions);
  BOOST_TEST(w.sessions().thread_count() == 1u);
  BOOST_TEST(w.sessions().session_count() == 0u);

  core::Session s;
  s.at = core::SystemClock::Instance().Now();
  s.at.unix_seconds -= 5 * 86400;
  s.note = "We talked about naming the thought.";
  BOOST_REQUIRE(w.sessions().AddSession(s));
  BOOST_TEST(frame().controller()->journal().sessions().size() == 1u);
  BOOST_TEST(w.sessions().session_count() == 1u);

  w.WriteFollowUp("Name the thought");
  BOOST_TEST((w.current_page() == WorkspacePanel::Page::kWrite));
  BOOST_TEST((w.write().ReadForm().kind == EntryKind::kThread));
  BOOST_TEST(w.write().ReadForm().thread == "Name the thought");
}

BOOST_FIXTURE_TEST_CASE(patterns_show_their_evidence, FrameFixture) {
  std::vector<core::Entry> entries;
  for (int day : {5, 3, 1}) {
    entries.push_back(
        MakeEntry(EntryKind::kLoop, "Everyone is going to find out I am a fraud", day));
  }
  entries.push_back(MakeEntry(EntryKind::kNote, "Bought bread.", 4));
  MakeJournal(journal_path, entries);
  Unlock();
  WorkspacePanel& w = *frame().workspace();
  client::PatternsPanel& patterns = w.patterns();
  w.ShowPage(WorkspacePanel::Page::kPatterns);  // analyses when first shown
  BOOST_REQUIRE(WaitUntil([&] { return !patterns.busy() && !patterns.observations().empty(); }));
  size_t recurring = patterns.observations().size();
  for (size_t i = 0; i < patterns.observations().size(); ++i)
    if (patterns.observations()[i].type() == reports::ObservationType::kRecurring) recurring = i;
  BOOST_REQUIRE(recurring < patterns.observations().size());

  patterns.SelectObservation(recurring);
  BOOST_REQUIRE(patterns.evidence_ids().size() == 3u);
  patterns.OpenEvidence(1);
  BOOST_TEST((w.current_page() == WorkspacePanel::Page::kLookBack));
  BOOST_TEST(w.timeline().list().Selected()->id == patterns.evidence_ids()[1]);
}

BOOST_FIXTURE_TEST_CASE(the_same_worry_in_other_words_is_the_clients_to_decide, FrameFixture) {
  std::vector<core::Entry> entries;
  for (int day : {9, 6})
    entries.push_back(MakeEntry(EntryKind::kLoop, "Mum will be so disappointed in me.", day));
  entries.push_back(
      MakeEntry(EntryKind::kLoop, "My mother is going to be so disappointed in me again.", 2));
  MakeJournal(journal_path, entries);
  Unlock();
  WorkspacePanel& w = *frame().workspace();
  client::PatternsPanel& patterns = w.patterns();
  w.ShowPage(WorkspacePanel::Page::kPatterns);
  BOOST_REQUIRE(WaitUntil([&] { return !patterns.busy() && patterns.suggestion() != nullptr; }));
  BOOST_TEST(patterns.suggestion()->first.size() == 2u);
  // Nothing is joined until the client says so.
  BOOST_TEST(reports::LoadLoopGroups(frame().controller()->journal())->same.empty());

  patterns.SameWorry();
  BOOST_REQUIRE(WaitUntil([&] { return !patterns.busy(); }));
  auto groups = reports::LoadLoopGroups(frame().controller()->journal());
  BOOST_REQUIRE(groups.ok() && groups->same.size() == 1u);
  BOOST_TEST(groups->same[0].size() == 3u);
  BOOST_TEST(patterns.suggestion() == nullptr);
  // Counted together: three loops, in these or other words.
  bool together = false;
  for (const auto& o : patterns.observations())
    together |= o.type() == reports::ObservationType::kRecurring && o.evidence.size() == 3u &&
                o.summary.find("in these or other words") != std::string::npos;
  BOOST_TEST(together);

  // Undo: apart again, and suggested again.
  patterns.UndoLoops();
  BOOST_REQUIRE(WaitUntil([&] { return !patterns.busy() && patterns.suggestion() != nullptr; }));
  BOOST_TEST(reports::LoadLoopGroups(frame().controller()->journal())->same.empty());
  // Not the same: never suggested again.
  patterns.NotTheSame();
  BOOST_REQUIRE(WaitUntil([&] { return !patterns.busy(); }));
  patterns.Analyze();
  BOOST_REQUIRE(WaitUntil([&] { return !patterns.busy(); }));
  BOOST_TEST(patterns.suggestion() == nullptr);
  BOOST_TEST(reports::LoadLoopGroups(frame().controller()->journal())->apart.size() == 2u);
}

BOOST_FIXTURE_TEST_CASE(twenty_thousand_entries_stay_quick, FrameFixture) {
  {
    auto journal = MakeJournal(journal_path);
    std::vector<core::ImportItem> items(20000);
    const int64_t now = core::SystemClock::Instance().Now().unix_seconds;
    for (size_t i = 0; i < items.size(); ++i) {
      core::Entry& e = items[i].entry;
      e.id = core::NewUuid();
      e.kind = static_cast<EntryKind>(i % 4);
      e.written_at = core::Timestamp{now - static_cast<int64_t>(i) * 4 * 3600, 60};
      e.text = "entry number " + std::to_string(i) + (i % 1000 == 7 ? " lighthouse" : "");
    }
    BOOST_REQUIRE(journal->Import(items).ok());
  }
  Unlock();
  client::TimelinePanel& timeline = frame().workspace()->timeline();
  BOOST_TEST(timeline.list().model().entry_count() == 20000u);
  frame().workspace()->ShowPage(WorkspacePanel::Page::kLookBack);
  auto* search = Find<wxSearchCtrl>(&timeline, client::TimelinePanel::kSearchName);
  const auto start = std::chrono::steady_clock::now();
  for (const char* typed : {"l", "li", "lig", "ligh", "light"}) search->SetValue(typed);
  Pump(10);
  const auto per_key = (std::chrono::steady_clock::now() - start) / 5;
  BOOST_TEST(timeline.list().model().entry_count() == 20u);
  BOOST_TEST_MESSAGE("search + redraw per keystroke at 20,000 entries: "
                     << std::chrono::duration_cast<std::chrono::milliseconds>(per_key).count()
                     << " ms");
  // The budget is 50 ms; a shared test machine gets slack.
  BOOST_TEST(per_key < std::chrono::milliseconds(250));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::testing
