// The month view (Month, Ctrl+5), the first-run page (Help, Shift+F1) and
// the daily reminder (Settings), in the real frame on a real journal.
#include <wx/dataview.h>

#include <boost/test/unit_test.hpp>

#include "common/wx/accessible.h"
#include "engine/first_run.h"
#include "engine/journal_controller.h"
#include "engine/month_moods.h"
#include "engine/settings.h"
#include "ui/daily_reminder.h"
#include "ui/last_session_ask.h"
#include "ui/month_grid.h"
#include "ui/month_panel.h"
#include "ui/settings_dialog.h"
#include "ui/timeline_list.h"
#include "ui/timeline_panel.h"
#include "ui/welcome_panel.h"
#include "ui/workspace_panel.h"
#include "ui_fixture.h"

namespace fieldnotes::testing {
namespace {

using client::WorkspacePanel;
using core::EntryKind;

// Day `day` of the month before this one, at `hour` local time.
core::Timestamp LastMonth(int day, int hour) {
  core::Date today = core::SystemClock::Instance().Now().LocalDate();
  int year = today.year, month = today.month;
  client::AddMonths(year, month, -1);
  const int64_t local = core::DaysFromCivil(core::Date{year, month, day}) * 86400 + hour * 3600;
  const int32_t offset = core::LocalOffsetMinutesAt(local);
  return core::Timestamp{local - int64_t{offset} * 60, offset};
}

core::Entry At(EntryKind kind, core::Timestamp when, std::optional<int> intensity,
               std::optional<int> mood_after) {
  core::Entry e = MakeEntry(kind, "a few lines", 0);
  e.written_at = when;
  e.intensity = intensity;
  e.mood_after = mood_after;
  if (kind == EntryKind::kSpike) e.emotions = {"anxiety"};
  return e;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(month_view)

BOOST_FIXTURE_TEST_CASE(the_month_shows_each_day_written_and_opens_it_in_look_back, FrameFixture) {
  MakeJournal(journal_path, {At(EntryKind::kSpike, LastMonth(3, 9), 7, std::nullopt),
                             At(EntryKind::kNote, LastMonth(3, 20), 2, 6),
                             At(EntryKind::kLoop, LastMonth(10, 8), std::nullopt, std::nullopt),
                             MakeEntry(EntryKind::kNote, "today", 0)});
  Unlock();
  WorkspacePanel& w = *frame().workspace();
  BOOST_TEST(!w.welcome_shown());            // not a new journal
  w.ShowPage(WorkspacePanel::Page::kMonth);  // View > Month, Ctrl+5
  client::MonthPanel& page = w.month();
  // This month first, today chosen.
  const core::Date today = core::SystemClock::Instance().Now().LocalDate();
  BOOST_TEST(page.month().month == today.month);
  BOOST_TEST(page.grid().chosen_day() == today.day);

  page.Step(-1);  // Previous month
  const client::MonthMoods& m = page.month();
  BOOST_TEST(page.title_text() == client::MonthTitle(m.year, m.month));
  BOOST_TEST(m.days_written() == 2);
  // Each day's numbers, in words too: never colour alone.
  BOOST_TEST(page.list().GetItemCount() == 2);
  BOOST_TEST(page.list().GetTextValue(0, 1) == "2");                      // entries on the 3rd
  BOOST_TEST(page.list().GetTextValue(0, 2) == "7");                      // the strongest
  BOOST_TEST(page.list().GetTextValue(0, 3) == "6");                      // the last mood noted
  BOOST_TEST(page.list().GetTextValue(1, 2) == wxString::FromUTF8("–"));  // none given
  // The cell says it too: a line each when the cell has room, and sharing
  // lines when it is short of them (a large font, GDK_SCALE=2), so the
  // strongest and the mood still show beside the count.
  {
    client::MonthGrid& grid = page.grid();
    const wxSize was = grid.GetSize();
    const int line = grid.GetCharHeight();
    auto joined = [&grid] {
      wxString all;
      for (const wxString& l : grid.CellText(3)) all += l + "\n";
      return all;
    };
    auto says_all = [](const wxString& all) {
      return (all.Contains("strongest 7") || all.Contains("str. 7")) &&
             (all.Contains("mood 6") || all.Contains("m. 6")) && all.Contains("2");
    };
    // The strength bar is in the cell, under the day's first line, at any
    // size: the intensity never rests on the number alone. A day without
    // one given has none.
    auto has_bar = [&grid, line](int day) {
      const wxRect bar = grid.CellBar(day);
      const wxRect cell = grid.CellRect(day);
      return !bar.IsEmpty() && bar.height >= grid.FromDIP(3) && cell.Contains(bar) &&
             bar.y >= cell.y + line;  // under the day's number
    };
    // Roomy: the day, then the count, the strongest and the mood, a line each.
    grid.SetSize(wxSize(grid.FromDIP(900), grid.HeaderHeight() + 6 * 8 * line));
    BOOST_TEST(grid.CellText(3).size() == 4u, joined().utf8_string());
    BOOST_TEST(says_all(joined()), joined().utf8_string());
    BOOST_TEST(has_bar(3));
    BOOST_TEST(grid.CellBar(10).IsEmpty());  // no intensity given on the 10th
    const wxRect roomy_bar = grid.CellBar(3);
    // Two lines' room, as at GDK_SCALE=2 on 1920x1080: all of it still
    // shows, the bar too, within the day's cell.
    grid.SetSize(
        wxSize(grid.FromDIP(900), grid.HeaderHeight() + grid.Rows() * (2 * line + line / 2)));
    BOOST_TEST(grid.CellRect(3).GetHeight() < 3 * line);
    BOOST_TEST(grid.CellText(3).size() <= 2u, joined().utf8_string());
    BOOST_TEST(says_all(joined()), joined().utf8_string());
    BOOST_TEST(has_bar(3), grid.CellBar(3).y << " in " << grid.CellRect(3).y);
    BOOST_TEST(grid.CellBar(3).width == roomy_bar.width);  // as wide: the same scale
    BOOST_TEST(grid.CellBar(10).IsEmpty());
    grid.SetSize(was);
  }
  page.ChooseDay(3);
  BOOST_TEST(page.chosen_text().Contains("2 entries."));
  BOOST_TEST(page.chosen_text().Contains("The strongest feeling given: 7 out of 10."));
  BOOST_TEST(page.chosen_text().Contains("The last mood noted: 6 out of 10."));
  // A screen reader reads the chosen day from the calendar itself.
  BOOST_TEST(wxcommon::AccessibleName(&page.grid()).Contains("2 entries."));
  BOOST_TEST(page.list().GetSelectedRow() == 0);  // the list follows

  // A day without entries says so and stays here.
  page.ChooseDay(4);
  BOOST_TEST(page.chosen_text().Contains("Nothing written."));
  BOOST_TEST(!page.OpenChosenDay());
  BOOST_TEST((w.current_page() == WorkspacePanel::Page::kMonth));

  // The 3rd opens in Look back, on its newest entry.
  page.ChooseDay(3);
  BOOST_REQUIRE(page.OpenChosenDay());
  BOOST_TEST((w.current_page() == WorkspacePanel::Page::kLookBack));
  const core::Entry* chosen = w.timeline().list().Selected();
  BOOST_REQUIRE(chosen != nullptr);
  BOOST_TEST(chosen->written_at.LocalDate().day == 3);
  BOOST_TEST((chosen->kind == EntryKind::kNote));  // 20:00, the newest of the day

  // Moving past the first day goes to the month before.
  w.ShowPage(WorkspacePanel::Page::kMonth);
  const int shown_month = page.month().month;
  page.ChooseDay(1);
  page.ChooseDay(0);
  BOOST_TEST(page.month().month != shown_month);
  BOOST_TEST(page.grid().chosen_day() ==
             client::DaysInMonth(page.month().year, page.month().month));
  page.ShowThisMonth();
  BOOST_TEST(page.month().month == today.month);
  BOOST_TEST(page.month().days_written() >= 1);  // today's entry

  // A change in the journal shows at once.
  BOOST_REQUIRE(frame().controller()->AddEntry(MakeEntry(EntryKind::kNote, "later", 0)).ok());
  w.JournalChanged();
  BOOST_TEST(page.month().Day(today.day)->entries == 2);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(first_run)

BOOST_FIXTURE_TEST_CASE(a_new_journal_is_welcomed_once_and_can_save_the_last_session,
                        FrameFixture) {
  MakeJournal(journal_path);
  Unlock();
  WorkspacePanel& w = *frame().workspace();
  // What the first unlock does (AppOptions::welcome_new_journals).
  BOOST_TEST(w.ShowWelcomeIfNew());
  BOOST_TEST(w.welcome_shown());
  // The welcome asks for the date itself: no second ask above it.
  BOOST_TEST(!w.last_session_ask().IsShown());
  BOOST_TEST(client::WelcomeShown(frame().controller()->journal()));
  std::string words;
  for (wxWindow* child : w.welcome().GetChildren()) {
    wxString label = child->GetLabel();
    label.Replace("\n", " ");
    words += label.utf8_string() + " ";
  }
  for (const char* kind : {"Spike", "Loop", "Thread", "Note", "word for word", "honest version"})
    BOOST_TEST(words.find(kind) != std::string::npos, kind);

  w.welcome().SetDay(wxDateTime(3, wxDateTime::Nov, 2026));
  BOOST_REQUIRE(w.welcome().SaveLastSession());
  BOOST_TEST(w.welcome().session_saved());
  BOOST_TEST(w.welcome().message_text().Contains("3 November 2026"));
  const auto& sessions = frame().controller()->journal().sessions();
  BOOST_REQUIRE(sessions.size() == 1u);
  BOOST_TEST((sessions[0].at.LocalDate() == core::Date{2026, 11, 3}));

  w.welcome().Start();  // Start writing
  BOOST_TEST(!w.welcome_shown());
  BOOST_TEST((w.current_page() == WorkspacePanel::Page::kWrite));

  // Not again on the next unlock; Help brings it back.
  frame().Lock("test");
  Unlock();
  WorkspacePanel& again = *frame().workspace();
  BOOST_TEST(!again.ShowWelcomeIfNew());
  BOOST_TEST(!again.welcome_shown());
  again.ShowWelcome();
  BOOST_TEST(again.welcome_shown());
  // With a session on record it says so rather than ask again.
  BOOST_TEST(again.welcome().message_text().Contains("3 November 2026"));
  BOOST_TEST(!Find<wxWindow>(&again.welcome(), client::WelcomePanel::kSaveDateName)->IsShown());
  again.ShowPage(WorkspacePanel::Page::kLookBack);  // any page puts it away
  BOOST_TEST(!again.welcome_shown());
}

BOOST_FIXTURE_TEST_CASE(the_date_is_optional, FrameFixture) {
  MakeJournal(journal_path);
  Unlock();
  WorkspacePanel& w = *frame().workspace();
  BOOST_REQUIRE(w.ShowWelcomeIfNew());
  w.welcome().Start();
  BOOST_TEST(!w.welcome_shown());
  BOOST_TEST(frame().controller()->journal().sessions().empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(daily_reminder)

BOOST_FIXTURE_TEST_CASE(off_by_default_then_once_at_its_time_on_a_day_without_entries,
                        FrameFixture) {
  MakeJournal(journal_path, {MakeEntry(EntryKind::kNote, "two days ago", 2)});
  Unlock();
  std::vector<wxString> shown;
  frame().reminder().SetNotify(
      [&shown](const wxString&, const wxString& text) { shown.push_back(text); });
  BOOST_TEST(!frame().controller()->settings().reminder_minutes.has_value());
  BOOST_TEST(!frame().reminder().Check());  // off

  // Set in the Settings dialog, for the minute it is now.
  const core::Timestamp now = core::SystemClock::Instance().Now();
  const int minutes = static_cast<int>((now.LocalSeconds() / 60) % (24 * 60));
  client::AppSettings settings = frame().controller()->settings();
  settings.reminder_minutes = minutes;
  {
    client::SettingsDialog dialog(&frame(), settings);
    BOOST_TEST((dialog.GetSettings().reminder_minutes == minutes));
    BOOST_REQUIRE(frame().ApplySettings(dialog.GetSettings()));
  }
  BOOST_TEST(frame().reminder().Check());
  BOOST_REQUIRE(shown.size() == 1u);
  BOOST_TEST(shown[0] == client::DailyReminder::Words());
  BOOST_TEST(!frame().reminder().Check());  // once a day
  BOOST_TEST(shown.size() == 1u);

  // The dialog turns it off again.
  settings = frame().controller()->settings();
  settings.reminder_minutes.reset();
  client::SettingsDialog off(&frame(), settings);
  BOOST_TEST(!off.GetSettings().reminder_minutes.has_value());
}

BOOST_FIXTURE_TEST_CASE(not_when_something_was_written_today, FrameFixture) {
  MakeJournal(journal_path, {MakeEntry(EntryKind::kNote, "this morning", 0)});
  Unlock();
  int shown = 0;
  frame().reminder().SetNotify([&shown](const wxString&, const wxString&) { ++shown; });
  const core::Timestamp now = core::SystemClock::Instance().Now();
  client::AppSettings settings = frame().controller()->settings();
  settings.reminder_minutes = static_cast<int>((now.LocalSeconds() / 60) % (24 * 60));
  BOOST_REQUIRE(frame().ApplySettings(settings));
  BOOST_TEST(!frame().reminder().Check());
  BOOST_TEST(shown == 0);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace fieldnotes::testing
