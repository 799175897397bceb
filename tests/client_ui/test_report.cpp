// The weekly report page: suggestions picked, own words, a reworded and a
// removed line, a skipped follow-up marked as a question, the preview, the
// PDF saved (read back with pdftotext) and kept in the journal, where
// fieldnotes-cli finds it.
#include <wx/checklst.h>
#include <wx/dcmemory.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "common/wx/pdf_pages.h"
#include "common/wx/pdf_printout.h"
#include "reports/report_store.h"
#include "support/run_process.h"
#include "engine/first_run.h"
#include "engine/journal_controller.h"
#include "ui/last_session_ask.h"
#include "engine/report_choices.h"
#include "ui/report_panel.h"
#include "ui/workspace_panel.h"
#include "ui_fixture.h"

namespace fieldnotes::testing {
namespace {

using client::ReportPanel;
using core::EntryKind;

const char kLoop[] = "Everyone is going to find out I am a fraud.";

std::vector<core::Entry> AWeek() {
  std::vector<core::Entry> entries;
  for (int days : {1, 2, 4, 6}) entries.push_back(MakeEntry(EntryKind::kLoop, kLoop, days));
  core::Entry spike = MakeEntry(EntryKind::kSpike, "", 3);
  spike.emotions = {"anxiety"};
  spike.intensity = 7;
  spike.mood_before = 3;
  spike.mood_after = 5;
  spike.before = "A message from my manager: can we talk today?";
  spike.thought = "She found the mistake.";
  spike.followups = {{"What were you afraid would happen?", ""}};
  entries.push_back(spike);
  core::Entry thread = MakeEntry(EntryKind::kThread, "Did it, five minutes round the block.", 2);
  thread.thread = "A walk before email";
  entries.push_back(thread);
  return entries;
}

// Waits for the report to be built again after a change.
void Settle(ReportPanel& page) {
  Pump(20);
  BOOST_REQUIRE(WaitUntil([&] { return !page.busy() && page.report() != nullptr; }));
}

const reports::ReportSection& SectionOf(ReportPanel& page, reports::SectionKind kind) {
  return *page.report()->content.Section(kind);
}

size_t RowOf(ReportPanel& page, const std::string& prefix) {
  const auto& ids = page.line_ids();
  auto it = std::find_if(ids.begin(), ids.end(),
                         [&](const std::string& id) { return id.rfind(prefix, 0) == 0; });
  BOOST_REQUIRE_MESSAGE(it != ids.end(), "no line " + prefix);
  return static_cast<size_t>(it - ids.begin());
}

void Tick(wxCheckListBox* list, int index) {
  list->Check(static_cast<unsigned>(index));
  wxCommandEvent e(wxEVT_CHECKLISTBOX, list->GetId());
  e.SetInt(index);
  e.SetEventObject(list);
  list->ProcessWindowEvent(e);
}

std::string Flat(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

BOOST_AUTO_TEST_SUITE(report)

BOOST_FIXTURE_TEST_CASE(my_words_in_full_on_a_loop_line_and_back, FrameFixture) {
  MakeJournal(journal_path, AWeek());
  Unlock();
  client::WorkspacePanel& w = *frame().workspace();
  w.ShowPage(client::WorkspacePanel::Page::kReport);
  ReportPanel& page = w.report();
  Settle(page);
  const size_t row = RowOf(page, "recurring-");
  const std::string id = page.line_ids()[row];
  // By default, the first five words only.
  BOOST_TEST(page.report()->content.FindItem(id)->text.find(kLoop) == std::string::npos);
  page.ToggleQuoted(row);
  Settle(page);
  BOOST_TEST(page.choices().quotes == std::vector<std::string>{id});
  const std::string whole = std::string(kLoop).substr(0, std::strlen(kLoop) - 1);  // no "."
  BOOST_TEST(page.report()->content.FindItem(id)->text.find(whole) != std::string::npos,
             page.report()->content.FindItem(id)->text);
  // What the preview shows is the PDF that would be shared.
  const std::string path =
      (std::filesystem::path(journal_path).parent_path() / "quoted.pdf").string();
  BOOST_REQUIRE(page.SaveTo(path));
  const ProcessResult text = RunProcess("/usr/bin/pdftotext", {"-enc", "UTF-8", path, "-"});
  BOOST_TEST(Flat(text.out).find(whole) != std::string::npos);
  page.ToggleQuoted(RowOf(page, "recurring-"));
  Settle(page);
  BOOST_TEST(page.choices().quotes.empty());
  // A line without the client's words says so and changes nothing.
  page.ToggleQuoted(RowOf(page, "mood"));
  Pump(5);
  BOOST_TEST(page.choices().quotes.empty());
}

BOOST_FIXTURE_TEST_CASE(without_a_session_the_app_asks_once_for_its_date, FrameFixture) {
  MakeJournal(journal_path, AWeek());
  Unlock();
  client::WorkspacePanel& w = *frame().workspace();
  // First unlock of a journal without sessions: asked once, gently.
  client::LastSessionAsk& once = w.last_session_ask();
  BOOST_TEST(once.IsShown());
  BOOST_TEST(client::LastSessionAsked(frame().controller()->journal()));
  once.NotNow();
  BOOST_TEST(!once.IsShown());
  BOOST_TEST(!once.Refresh());  // asked already: not again

  // The report page says what it covers and offers the same.
  w.ShowPage(client::WorkspacePanel::Page::kReport);
  ReportPanel& page = w.report();
  Settle(page);
  BOOST_TEST(page.no_session_ask().IsShown());
  BOOST_TEST(!page.report()->content.last_session.has_value());
  core::Session session;
  session.at = core::SystemClock::Instance().Now();
  session.at.unix_seconds -= 5 * 86400;
  BOOST_REQUIRE(page.no_session_ask().AddSession(session));
  Settle(page);
  BOOST_TEST(!page.no_session_ask().IsShown());
  BOOST_TEST(frame().controller()->journal().sessions().size() == 1u);
  BOOST_TEST(page.report()->content.last_session.has_value());
}

BOOST_FIXTURE_TEST_CASE(make_a_report_and_save_the_pdf, FrameFixture) {
  MakeJournal(journal_path, AWeek());
  Unlock();
  client::JournalController& controller = *frame().controller();
  core::Session session;
  session.at = core::SystemClock::Instance().Now();
  session.at.unix_seconds -= 9 * 86400;
  BOOST_REQUIRE(controller.AddSession(session).ok());
  client::WorkspacePanel& w = *frame().workspace();
  w.JournalChanged();

  // Ctrl+R's page: built off the UI thread, then shown with its pages.
  w.ShowPage(client::WorkspacePanel::Page::kReport);
  ReportPanel& page = w.report();
  Settle(page);
  BOOST_TEST(page.report()->pdf.pages >= 1);
  BOOST_TEST(page.preview_pages() == static_cast<size_t>(page.report()->pdf.pages));
  BOOST_TEST(SectionOf(page, reports::SectionKind::kAgenda).items.empty());
  {
    // The preview's pixels are the page: ink near the top left (the title),
    // nothing but paper in the right margin.
    auto pages = wxcommon::RenderPdfPages(page.report()->pdf.bytes, 72);
    BOOST_REQUIRE(pages.ok());
    const wxcommon::PagePixels& p = pages->front();
    BOOST_TEST(std::abs(p.width - 595) <= 20);  // A4 at 72 dpi (Letter: 612)
    auto dark = [&](int x0, int y0, int x1, int y1) {
      int n = 0;
      for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x)
          if (p.rgb[3 * (static_cast<size_t>(y) * p.width + x)] < 128) ++n;
      return n;
    };
    BOOST_TEST(dark(0, 0, p.width / 2, p.height / 8) > 50);
    BOOST_TEST(dark(p.width - 30, 0, p.width, p.height) == 0);
  }

  // The suggestions to bring: tick the first.
  auto* picks = Find<wxCheckListBox>(&page, ReportPanel::kPicksName);
  BOOST_REQUIRE(picks != nullptr);
  BOOST_REQUIRE(picks->GetCount() >= 1u);
  BOOST_REQUIRE(!page.report()->content.suggestions.empty());
  const std::string picked = page.report()->content.suggestions.front();
  Tick(picks, 0);
  Settle(page);
  BOOST_TEST(page.choices().picks == std::vector<std::string>{picked});
  BOOST_REQUIRE(SectionOf(page, reports::SectionKind::kAgenda).items.size() == 1u);
  BOOST_TEST(SectionOf(page, reports::SectionKind::kAgenda).items[0].id == picked);

  // And one in their own words (Enter adds it).
  auto* own = Find<wxTextCtrl>(&page, ReportPanel::kOwnAgendaName);
  own->SetValue("Ask about the Sunday evenings");
  wxCommandEvent enter(wxEVT_TEXT_ENTER, own->GetId());
  enter.SetEventObject(own);
  own->ProcessWindowEvent(enter);
  Settle(page);
  BOOST_REQUIRE(SectionOf(page, reports::SectionKind::kAgenda).items.size() == 2u);
  BOOST_TEST(SectionOf(page, reports::SectionKind::kAgenda).items[1].text ==
             "Ask about the Sunday evenings");

  // A third is one too many: said, and nothing changes.
  page.AddOwnAgenda("And a third thing");
  Settle(page);
  BOOST_TEST(page.message().Contains("Two things"));
  BOOST_TEST(SectionOf(page, reports::SectionKind::kAgenda).items.size() == 2u);

  // The skipped follow-up is offered as a question; tick it.
  auto* questions = Find<wxCheckListBox>(&page, ReportPanel::kQuestionsName);
  const int q = questions->FindString("What were you afraid would happen?");
  BOOST_REQUIRE(q != wxNOT_FOUND);
  Tick(questions, q);
  Settle(page);
  BOOST_REQUIRE(SectionOf(page, reports::SectionKind::kQuestions).items.size() == 1u);

  // Reword the mood line; leave out another.
  page.RewordLine(RowOf(page, "mood"), "My week felt heavier than usual.");
  Settle(page);
  BOOST_TEST(page.report()->content.FindItem("mood")->text == "My week felt heavier than usual.");
  BOOST_TEST(page.report()->content.FindItem("mood")->client_written);
  const auto& ids = page.line_ids();
  const auto other = std::find_if(ids.begin(), ids.end(), [&](const std::string& id) {
    return id != picked && id != "mood" && id.rfind("agenda-", 0) != 0 &&
           id.rfind("question-", 0) != 0;
  });
  BOOST_REQUIRE(other != ids.end());
  const std::string removed = *other;
  page.RemoveLine(static_cast<size_t>(other - ids.begin()));
  Settle(page);
  BOOST_TEST(page.report()->content.FindItem(removed) == nullptr);
  BOOST_TEST(page.preview_pages() == static_cast<size_t>(page.report()->pdf.pages));

  // Save: the file is exactly the PDF shown, and the report is kept.
  const std::string path = dir.File("notes für die Sitzung.pdf");
  BOOST_REQUIRE(page.SaveTo(path));
  const std::string bytes = ReadFile(path);
  BOOST_TEST(bytes.rfind("%PDF-", 0) == 0u);
  BOOST_TEST(bytes == page.report()->pdf.bytes);
  BOOST_TEST(!std::filesystem::exists(path + ".fieldnotes-tmp"));

  const ProcessResult text = RunProcess("/usr/bin/pdftotext", {"-enc", "UTF-8", path, "-"});
  BOOST_REQUIRE_MESSAGE(text.exit_code == 0, text.err);
  const std::string pdf_text = Flat(text.out);
  BOOST_TEST(pdf_text.find("Ask about the Sunday evenings") != std::string::npos);
  BOOST_TEST(pdf_text.find("My week felt heavier than usual.") != std::string::npos);
  BOOST_TEST(pdf_text.find("What were you afraid would happen?") != std::string::npos);
  BOOST_TEST(pdf_text.find("Notes for my next session") != std::string::npos);

  auto stored = reports::ReportStore::List(controller.journal());
  BOOST_REQUIRE(stored.ok());
  BOOST_REQUIRE(stored->size() == 1u);
  BOOST_TEST(reports::PdfSha256(stored->front().pdf) == reports::PdfSha256(bytes));
  // The page's list of kept reports (read at unlock, off the UI thread) has
  // it too, for "what changed" next time, without holding its PDF.
  auto kept = controller.StoredReports();
  BOOST_REQUIRE(kept.ok());
  BOOST_REQUIRE(kept->size() == 1u);
  BOOST_TEST(kept->front().id == stored->front().id);
  BOOST_TEST(kept->front().pdf.empty());
  // Saving again keeps no second copy.
  BOOST_REQUIRE(page.SaveTo(path));
  BOOST_TEST(reports::ReportStore::List(controller.journal())->size() == 1u);

  // fieldnotes-cli sees the same report in the same journal.
  ProcessOptions env;
  env.env["FIELDNOTES_PASSPHRASE"] = kPassphrase;
  const ProcessResult list =
      RunProcess(FIELDNOTES_CLI, {"--journal", journal_path, "report", "list", "--json"}, env);
  BOOST_TEST(list.exit_code == 0, list.err);
  BOOST_TEST(list.out.find(stored->front().id) != std::string::npos, list.out);
  BOOST_TEST(DialogRecorder::shown().empty());
}

BOOST_FIXTURE_TEST_CASE(start_again_forgets_the_choices, FrameFixture) {
  MakeJournal(journal_path, AWeek());
  Unlock();
  client::WorkspacePanel& w = *frame().workspace();
  w.ShowPage(client::WorkspacePanel::Page::kReport);
  ReportPanel& page = w.report();
  Settle(page);
  page.AddOwnQuestion("Why Sundays?");
  Settle(page);
  BOOST_TEST(page.choices().questions.size() == 1u);
  page.StartAgain();
  Settle(page);
  BOOST_TEST(page.choices().questions.empty());
  BOOST_TEST(SectionOf(page, reports::SectionKind::kQuestions).items.empty());
}

BOOST_FIXTURE_TEST_CASE(choices_that_no_longer_fit_are_set_aside, FrameFixture) {
  MakeJournal(journal_path, AWeek());
  Unlock();
  client::WorkspacePanel& w = *frame().workspace();
  w.ShowPage(client::WorkspacePanel::Page::kReport);
  ReportPanel& page = w.report();
  Settle(page);
  const std::string picked = page.report()->content.suggestions.front();
  BOOST_REQUIRE(picked.rfind("recurring-", 0) == 0);  // the loop, written four times
  page.SetPicked(0, true);
  Settle(page);
  BOOST_REQUIRE(page.choices().picks.size() == 1u);

  // The loops are deleted: what was picked is no longer in the journal.
  client::JournalController& controller = *frame().controller();
  std::vector<std::string> loops;
  for (const core::Entry& e : controller.journal().entries())
    if (e.kind == EntryKind::kLoop) loops.push_back(e.id);
  for (const std::string& id : loops) BOOST_REQUIRE(controller.DeleteEntry(id).ok());
  w.JournalChanged();
  Settle(page);
  BOOST_TEST(page.choices().picks.empty());
  BOOST_TEST(page.message().Contains("set aside"));
  BOOST_TEST(SectionOf(page, reports::SectionKind::kAgenda).items.empty());
  BOOST_TEST(DialogRecorder::shown().empty());
}

BOOST_FIXTURE_TEST_CASE(printing_draws_the_saved_pages, FrameFixture) {
  MakeJournal(journal_path, AWeek());
  Unlock();
  client::WorkspacePanel& w = *frame().workspace();
  w.ShowPage(client::WorkspacePanel::Page::kReport);
  ReportPanel& page = w.report();
  Settle(page);
  // The printout a printer would get, drawn into memory instead.
  wxcommon::PdfPrintout printout(page.report()->pdf.bytes, "Notes for my next session");
  wxBitmap paper(620, 877, 24);  // A4 at 75 dpi
  wxMemoryDC dc(paper);
  dc.SetBackground(*wxBLACK_BRUSH);
  dc.Clear();
  printout.SetDC(&dc);
  printout.SetPPIPrinter(75, 75);
  printout.SetPPIScreen(75, 75);
  printout.SetPageSizePixels(620, 877);
  printout.SetPaperRectPixels(wxRect(0, 0, 620, 877));
  printout.SetPageSizeMM(210, 297);
  printout.OnPreparePrinting();
  int min_page = 0, max_page = 0, from = 0, to = 0;
  printout.GetPageInfo(&min_page, &max_page, &from, &to);
  BOOST_TEST(max_page == page.report()->pdf.pages);
  BOOST_REQUIRE(printout.HasPage(1));
  BOOST_REQUIRE(printout.OnPrintPage(1));
  BOOST_TEST(!printout.HasPage(max_page + 1));
  dc.SelectObject(wxNullBitmap);
  const wxImage printed = paper.ConvertToImage();
  // The page covers the paper: white where the black was, ink in the title.
  BOOST_TEST(printed.GetRed(610, 860) > 200);
  int ink = 0;
  for (int y = 20; y < 120; ++y)
    for (int x = 20; x < 300; ++x)
      if (printed.GetRed(x, y) < 128) ++ink;
  BOOST_TEST(ink > 50);
}

BOOST_FIXTURE_TEST_CASE(kept_reports_are_read_when_the_journal_opens, FrameFixture) {
  {
    auto journal = MakeJournal(journal_path, AWeek());
    reports::StoredReport earlier;
    earlier.id = core::NewUuid();
    earlier.created_at = core::SystemClock::Instance().Now();
    earlier.created_at.unix_seconds -= 8 * 86400;
    earlier.paper = "a4";
    earlier.pages = 1;
    earlier.content.title = "Notes for my next session";
    earlier.pdf = "%PDF-1.4 kept earlier";
    BOOST_REQUIRE(reports::ReportStore::Save(*journal, earlier).ok());
  }
  Unlock();
  auto kept = frame().controller()->StoredReports();
  BOOST_REQUIRE(kept.ok());
  BOOST_REQUIRE(kept->size() == 1u);
  BOOST_TEST(kept->front().content.title == "Notes for my next session");
  BOOST_TEST(kept->front().pdf.empty());
}

BOOST_FIXTURE_TEST_CASE(choices_survive_locking, FrameFixture) {
  MakeJournal(journal_path, AWeek());
  Unlock();
  frame().workspace()->ShowPage(client::WorkspacePanel::Page::kReport);
  Settle(frame().workspace()->report());
  {
    ReportPanel& page = frame().workspace()->report();
    Tick(Find<wxCheckListBox>(&page, ReportPanel::kPicksName), 0);
    Settle(page);
    page.AddOwnQuestion("Why Sunday evenings?");
    Settle(page);
    BOOST_REQUIRE(page.choices().picks.size() == 1u);
  }
  const reports::ReportOptions before = frame().workspace()->report().choices();
  frame().Lock("Locked.");
  BOOST_REQUIRE(!frame().unlocked());
  // Kept encrypted in the journal, not in clear in the file.
  for (const char* suffix : {"", "-wal"})
    BOOST_TEST(ReadFile(journal_path + suffix).find("Why Sunday evenings?") == std::string::npos);
  Unlock();
  frame().workspace()->ShowPage(client::WorkspacePanel::Page::kReport);
  ReportPanel& page = frame().workspace()->report();
  Settle(page);
  BOOST_TEST(page.choices().picks == before.picks);
  BOOST_TEST(page.choices().questions == before.questions);
  BOOST_TEST(SectionOf(page, reports::SectionKind::kAgenda).items.size() == 1u);

  // Start again forgets them, also for the next time.
  page.StartAgain();
  Settle(page);
  frame().Lock("Locked.");
  Unlock();
  frame().workspace()->ShowPage(client::WorkspacePanel::Page::kReport);
  Settle(frame().workspace()->report());
  BOOST_TEST(frame().workspace()->report().choices().picks.empty());
  BOOST_TEST(frame().workspace()->report().choices().questions.empty());
}

BOOST_AUTO_TEST_CASE(report_choices_records_that_do_not_parse_are_refused) {
  for (const char* bad : {"", "[]", "{}", R"({"format":2})", R"({"format":1,"picks":"x"})",
                          R"({"format":1,"picks":[1]})", R"({"format":1,"rewords":[["a"]]})",
                          R"({"format":1,"rewords":[["a",2]]})"}) {
    BOOST_TEST(!client::ChoicesFromJson(bad).ok(), bad);
  }
  reports::ReportOptions c;
  c.picks = {"obs-1"};
  c.agenda = {"Mine, with \"quotes\" and ünïcode"};
  c.rewords = {{"item-1", "in my words"}};
  c.removes = {"item-2"};
  auto back = client::ChoicesFromJson(client::ChoicesToJson(c));
  BOOST_REQUIRE(back.ok());
  BOOST_TEST(back->picks == c.picks);
  BOOST_TEST(back->agenda == c.agenda);
  BOOST_TEST((back->rewords == c.rewords));
  BOOST_TEST(back->removes == c.removes);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::testing
