// Fitting the screen: the window no larger than the work area, the Write
// form scrolling as one (every field keeps its height, Save stays on the
// screen) with a follow-up question and the crisis lines above it, and the
// report's pages keeping their half of the page whatever the lines say.
// CTest runs this suite on a 1280x800 and on a 1366x768 display.
#include <wx/app.h>
#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/fileconf.h>
#include <wx/scrolwin.h>
#include <wx/textctrl.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "common/wx/pdf_preview.h"
#include "common/wx/screen_fit.h"
#include "ui/app_options.h"
#include "ui/entry_fields.h"
#include "ui/followup_panel.h"
#include "engine/journal_controller.h"
#include "ui/journal_files.h"
#include "ui/main_frame.h"
#include "ui/report_panel.h"
#include "ui/safety_banner.h"
#include "ui/workspace_panel.h"
#include "ui/write_panel.h"
#include "ui_fixture.h"

namespace fieldnotes::testing {
namespace {

using client::EntryFields;
using client::ReportPanel;
using client::WritePanel;
using core::EntryKind;

bool Inside(const wxRect& outer, const wxRect& inner) {
  return outer.Contains(inner.GetTopLeft()) && outer.Contains(inner.GetBottomRight());
}

BOOST_AUTO_TEST_SUITE(fits_the_screen)

BOOST_AUTO_TEST_CASE(a_size_fits_the_room_it_is_given) {
  using wxcommon::FitSize;
  const wxSize frame(16, 48);
  // 1920x1080 at GDK_SCALE=2 is 960x540 of room for a 1100x760 window.
  BOOST_TEST((FitSize({1100, 760}, {760, 520}, wxRect(0, 0, 960, 540), frame) == wxSize(944, 492)));
  BOOST_TEST(
      (FitSize({1100, 760}, {760, 520}, wxRect(0, 0, 1366, 768), frame) == wxSize(1100, 720)));
  BOOST_TEST(
      (FitSize({1100, 760}, {760, 520}, wxRect(0, 0, 2560, 1440), frame) == wxSize(1100, 760)));
  BOOST_TEST(
      (FitSize({300, 200}, {760, 520}, wxRect(0, 0, 2560, 1440), frame) == wxSize(760, 520)));
}

BOOST_FIXTURE_TEST_CASE(the_window_is_on_the_screen_whole, FrameFixture) {
  Unlock();
  const wxRect area = wxcommon::WorkArea(&frame());
  BOOST_TEST(frame().GetSize().GetWidth() <= area.GetWidth());
  BOOST_TEST(frame().GetSize().GetHeight() <= area.GetHeight());
  BOOST_TEST(Inside(area, frame().GetScreenRect()));
}

BOOST_FIXTURE_TEST_CASE(the_write_form_scrolls_rather_than_squeezes, FrameFixture) {
  Unlock();
  client::WorkspacePanel& w = *frame().workspace();
  WritePanel& write = w.write();
  // A follow-up question and the crisis lines above the form, as after
  // saving a hard entry.
  core::Entry spike;
  spike.kind = EntryKind::kSpike;
  spike.written_at = frame().controller()->clock().Now();
  spike.before = "A message from my manager.";
  auto id = frame().controller()->AddEntry(spike);
  BOOST_REQUIRE(id.ok());
  write.followups().Ask(
      *id, {{"What were you afraid would happen?", ""}, {"What did you need right then?", ""}});
  w.ShowCrisisResources(true);
  Pump(50);
  BOOST_REQUIRE(write.followups().asking());

  // Save is on the screen, below the form.
  auto* save = Find<wxButton>(&write, WritePanel::kSaveName);
  BOOST_REQUIRE(save != nullptr);
  BOOST_TEST(Inside(frame().GetScreenRect(), save->GetScreenRect()));
  // Every field keeps the height it needs: none squeezed to a sliver.
  for (const char* name :
       {EntryFields::kBeforeName, EntryFields::kBodyName, EntryFields::kThoughtName,
        EntryFields::kUnsaidName, EntryFields::kTextName, EntryFields::kTagsName}) {
    auto* field = Find<wxTextCtrl>(&write, name);
    BOOST_REQUIRE_MESSAGE(field != nullptr, name);
    BOOST_TEST(field->GetSize().GetHeight() >= field->GetEffectiveMinSize().GetHeight(), name);
    BOOST_TEST(field->GetSize().GetHeight() >= field->GetCharHeight(), name);
  }
  // What does not fit is reached by scrolling the form (and the keyboard
  // scrolls it there): "Anything else" and Tags are in it, below the rest.
  wxScrolledWindow& form = write.form();
  auto* tags = Find<wxTextCtrl>(&write, EntryFields::kTagsName);
  if (form.GetVirtualSize().GetHeight() > form.GetClientSize().GetHeight()) {
    int unit_y = 0;
    form.GetScrollPixelsPerUnit(nullptr, &unit_y);
    BOOST_REQUIRE(unit_y > 0);
    form.Scroll(0, form.GetVirtualSize().GetHeight() / unit_y);
    Pump(20);
  }
  BOOST_TEST(Inside(form.GetScreenRect(), tags->GetScreenRect()));
}

std::vector<core::Entry> AWeek() {
  std::vector<core::Entry> entries;
  for (int days : {1, 2, 4, 6})
    entries.push_back(
        MakeEntry(EntryKind::kLoop, "Everyone is going to find out I am a fraud.", days));
  core::Entry spike = MakeEntry(EntryKind::kSpike, "", 3);
  spike.emotions = {"anxiety"};
  spike.intensity = 7;
  spike.before = "A message from my manager: can we talk today?";
  entries.push_back(spike);
  return entries;
}

void Settle(ReportPanel& page) {
  Pump(20);
  BOOST_REQUIRE(WaitUntil([&] { return !page.busy() && page.report() != nullptr; }));
  Pump(50);
}

BOOST_FIXTURE_TEST_CASE(the_report_pages_keep_their_half_after_ticks_and_own_words, FrameFixture) {
  MakeJournal(journal_path, AWeek());
  Unlock();
  client::WorkspacePanel& w = *frame().workspace();
  w.ShowPage(client::WorkspacePanel::Page::kReport);
  ReportPanel& page = w.report();
  Settle(page);
  auto readable = [&](const char* when) {
    const int shown = page.preview().GetClientSize().GetWidth();
    // At least two fifths of the page (it once shrank to a 95-pixel
    // thumbnail after the first tick), and the page drawn that wide.
    BOOST_TEST(shown * 5 >= page.GetClientSize().GetWidth() * 2,
               when << ": preview " << shown << " of " << page.GetClientSize().GetWidth());
    BOOST_TEST(page.preview().page_count() > 0u);
  };
  readable("first shown");
  auto* picks = Find<wxCheckListBox>(&page, ReportPanel::kPicksName);
  BOOST_REQUIRE(picks != nullptr);
  BOOST_REQUIRE(picks->GetCount() > 0u);
  page.SetPicked(0, true);
  Settle(page);
  readable("after a tick");
  page.AddOwnAgenda(
      "How the Sunday evening dread starts already on Saturday afternoon, and what I do then "
      "instead of resting, which is mostly checking email and feeling behind");
  Settle(page);
  readable("after own words");
  BOOST_REQUIRE(!page.line_ids().empty());
  page.RewordLine(0,
                  "My mood moved less than I thought it did this week, even on the days "
                  "with messages from my manager");
  Settle(page);
  readable("after a reword");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(app_files)

BOOST_AUTO_TEST_CASE(help_is_found_installed_or_in_the_source_tree) {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "bin");
  const std::string none = client::FindHelpFile(dir.File("bin/fieldnotes"));
  BOOST_TEST((none.empty() || none == "/usr/share/doc/fieldnotes/client-app.md"));
  std::filesystem::create_directories(dir.path() / "share/doc/fieldnotes");
  WriteFile(dir.path() / "share/doc/fieldnotes/client-app.md", "# Fieldnotes\n");
  BOOST_TEST(client::FindHelpFile(dir.File("bin/fieldnotes")) ==
             dir.File("bin/../share/doc/fieldnotes/client-app.md"));
  // The guide this source tree ships is there to be found.
  BOOST_TEST(std::filesystem::exists(std::string(FIELDNOTES_SOURCE_DIR) + "/docs/client-app.md"));
}

BOOST_FIXTURE_TEST_CASE(export_and_an_encrypted_backup_from_the_file_menu, FrameFixture) {
  MakeJournal(journal_path, {MakeEntry(EntryKind::kLoop, "The same worry about the rent.", 1)});
  Unlock();
  const core::Journal& journal = frame().controller()->journal();
  const std::string out = dir.File("export.jsonl");
  std::string said;
  BOOST_REQUIRE(client::ExportJournal(journal, client::ExportFormat::kJsonl, out, &said).ok());
  BOOST_TEST(ReadFile(out).find("The same worry about the rent.") != std::string::npos);
  BOOST_TEST(said.find("not encrypted") != std::string::npos);
  BOOST_TEST(client::BackupFileName(core::Date{2026, 12, 6}) ==
             "fieldnotes-backup-2026-12-06.fieldnotes");
  const std::string backup = dir.File("b.fieldnotes");
  BOOST_REQUIRE(journal.Backup(backup).ok());
  BOOST_TEST(ReadFile(backup).find("The same worry") == std::string::npos);
  auto copy = core::Journal::Open(backup, kPassphrase);
  BOOST_REQUIRE(copy.ok());
  BOOST_TEST((*copy)->entries().size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(the_window_opens_as_large_and_where_it_was_closed, FrameFixture) {
  TempDir config;
  wxConfigBase* before = wxConfigBase::Set(
      new wxFileConfig("fieldnotes", wxString(), wxString::FromUTF8(config.File("window.ini")),
                       wxString(), wxCONFIG_USE_LOCAL_FILE));
  client::AppOptions options = Options();
  options.remember_window = true;
  auto* first = new client::MainFrame(options);
  first->Show();
  Pump(30);
  first->SetSize(wxSize(900, 600));
  Pump(30);
  first->Destroy();  // closing keeps its size and place
  wxTheApp->ProcessIdle();
  Pump(30);
  auto* again = new client::MainFrame(options);
  again->Show();
  Pump(30);
  BOOST_TEST(again->GetSize().GetWidth() == 900);
  BOOST_TEST(again->GetSize().GetHeight() == 600);
  again->Destroy();
  wxTheApp->ProcessIdle();
  Pump(30);
  delete wxConfigBase::Set(before);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::testing
