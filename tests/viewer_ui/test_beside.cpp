// An earlier report beside the one open: the client's previous report opens
// beside it by itself, any other can be chosen, and a report the client
// withdrew is never offered (and closes if it was beside).
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "clinician/ui/client_view.h"
#include "clinician/ui/earlier_report_pane.h"
#include "clinician/ui/report_view.h"
#include "clinician/ui/viewer_settings.h"
#include "common/wx/accessible.h"
#include "common/wx/list_columns.h"
#include "common/wx/pdf_preview.h"
#include "common/wx/screen_fit.h"
#include "viewer_fixture.h"

namespace fieldnotes::testing {
namespace {

// A real report PDF (pages to draw), with `marker` after its end so each
// envelope differs.
std::string RealPdf(const std::string& marker) {
  std::ifstream in(std::string(FIELDNOTES_SOURCE_DIR) + "/docs/examples/sample-report.pdf",
                   std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  BOOST_REQUIRE(bytes.str().size() > 1000);
  return bytes.str() + "\n% " + marker + "\n";
}

// A PDF of `pages` empty A4 pages (poppler reads it as any other), with
// `marker` in it so each envelope differs.
std::string PagesPdf(int pages, const std::string& marker) {
  std::vector<std::string> objects;
  std::string kids;
  for (int i = 0; i < pages; ++i) kids += std::to_string(3 + i) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>");
  for (int i = 0; i < pages; ++i)
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
  std::string pdf = "%PDF-1.4\n% " + marker + "\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    char line[24];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace

BOOST_FIXTURE_TEST_CASE(the_previous_report_opens_beside_and_a_withdrawn_one_goes, ViewerFixture) {
  SetUpClinician();
  TestClient sam = PairClient("Sam K.");
  const int64_t later = sync::NowSeconds() + 30 * 86400;
  std::map<std::string, std::string> ids;  // by period end
  for (const char* end : {"2026-11-01", "2026-11-08", "2026-11-15"}) {
    auto up = client_connection().Upload(
        sam.credential, Seal(RealPdf(std::string("week to ") + end), sam.key), {end, later});
    BOOST_REQUIRE_MESSAGE(up.ok(), up.status().ToString());
    ids[end] = up->report_id;
  }
  // Another client's report is never beside Sam's.
  TestClient alex = PairClient("Alex M.");
  BOOST_REQUIRE(
      client_connection()
          .Upload(alex.credential, Seal(SamplePdf("alex"), alex.key), {"2026-11-10", later})
          .ok());
  Unlock();
  clinician::WorkspacePanel& ws = workspace();
  BOOST_REQUIRE(WaitUntil([&] { return !ws.refreshing(); }));
  BOOST_REQUIRE(ws.overview() && ws.overview()->reports.size() == 4u);

  ws.OpenReport(ids["2026-11-15"]);
  BOOST_REQUIRE(WaitUntil([&] { return !ws.opening(); }, std::chrono::seconds(20)));
  BOOST_REQUIRE(ws.page() == clinician::WorkspacePanel::Page::kReport);
  clinician::EarlierReportPane& beside = ws.report_view().earlier();
  BOOST_TEST(beside.IsShown());
  BOOST_REQUIRE(beside.choices().size() == 2u);  // Sam's others, newest first
  BOOST_TEST(beside.choices()[0].info.period_end == "2026-11-08");
  BOOST_TEST(beside.choices()[1].info.period_end == "2026-11-01");
  // The previous one opens beside by itself, under its own header.
  BOOST_REQUIRE(WaitUntil([&] { return beside.shown().has_value(); }, std::chrono::seconds(20)));
  BOOST_TEST(beside.shown()->row.info.report_id == ids["2026-11-08"]);
  BOOST_TEST(beside.title_text().Contains("8 November 2026"), beside.title_text().utf8_string());
  BOOST_TEST(beside.preview().page_count() >= 1u);
  BOOST_TEST(ws.report_view().preview().page_count() >= 1u);  // and the current one stays

  // Two halves of the same width, each a readable page: the earlier one is
  // never a sliver beside the current one's header and buttons.
  clinician::ReportView& view = ws.report_view();
  view.SendSizeEvent();
  const int current_width = view.preview().GetParent()->GetSize().GetWidth();
  BOOST_TEST(!view.one_at_a_time());
  BOOST_TEST(std::abs(current_width - beside.GetSize().GetWidth()) <= view.FromDIP(24),
             current_width << " beside " << beside.GetSize().GetWidth());
  BOOST_TEST(beside.GetSize().GetWidth() >= view.FromDIP(clinician::ReportView::kMinHalfDip));
  // Too narrow for two readable halves: one at a time, as wide and as tall
  // as the view, and a switch above to choose which.
  wxWindow* current = view.preview().GetParent();
  auto* show_this = Find<wxRadioButton>(&view, clinician::ReportView::kThisSwitchName);
  auto* show_earlier = Find<wxRadioButton>(&view, clinician::ReportView::kEarlierSwitchName);
  BOOST_REQUIRE(show_this != nullptr && show_earlier != nullptr);
  BOOST_TEST(!show_this->IsShown());  // beside: no switch
  const wxSize was = view.GetSize();
  view.SetSize(wxSize(view.FromDIP(300), was.GetHeight()));
  view.SendSizeEvent();  // (no event loop here: the book would lay the view out again)
  BOOST_TEST(view.one_at_a_time());
  BOOST_TEST(show_this->IsShown());
  BOOST_TEST(show_this->GetValue());
  BOOST_TEST(current->IsShown());
  BOOST_TEST(!beside.IsShown());
  BOOST_TEST(current->GetSize().GetWidth() >= view.FromDIP(280), current->GetSize().GetWidth());
  BOOST_TEST(current->GetSize().GetHeight() >= was.GetHeight() - view.FromDIP(60));
  view.ShowEarlierInFront(true);  // "Earlier report"
  BOOST_TEST(show_earlier->GetValue());
  BOOST_TEST(beside.IsShown());
  BOOST_TEST(!current->IsShown());
  BOOST_TEST(beside.GetSize().GetWidth() >= view.FromDIP(280), beside.GetSize().GetWidth());
  BOOST_TEST(beside.preview().GetSize().GetHeight() >= was.GetHeight() / 2);
  BOOST_TEST(beside.preview().page_count() >= 1u);
  view.SetSize(was);
  view.SendSizeEvent();
  BOOST_TEST(!view.one_at_a_time());
  BOOST_TEST(current->IsShown());
  BOOST_TEST(beside.IsShown());
  BOOST_TEST(!show_this->IsShown());

  // Any other can be chosen.
  beside.Choose(1);
  BOOST_REQUIRE(WaitUntil(
      [&] { return beside.shown() && beside.shown()->row.info.report_id == ids["2026-11-01"]; },
      std::chrono::seconds(20)));
  BOOST_TEST(beside.title_text().Contains("1 November 2026"));

  // Withdrawn by the client: gone from the choices, closed where it was shown.
  BOOST_REQUIRE(client_connection().Withdraw(sam.credential, ids["2026-11-01"]).ok());
  RefreshAndWait();
  BOOST_TEST(beside.choices().size() == 1u);
  BOOST_TEST(!beside.shown().has_value());
  BOOST_TEST(beside.preview().page_count() == 0u);
  // None is shown beside now: the choice says so in words, before the
  // report still there, rather than stay blank.
  auto* choice = Find<wxChoice>(&beside, clinician::EarlierReportPane::kChoiceName);
  BOOST_REQUIRE(choice != nullptr);
  BOOST_TEST(choice->GetCount() == 2u);
  BOOST_TEST(beside.choice_text() == _("Choose a report to read beside this one."),
             beside.choice_text().utf8_string());

  // Opening the earliest left: nothing before it, the later one offered.
  ws.OpenReport(ids["2026-11-08"]);
  BOOST_REQUIRE(WaitUntil([&] { return !ws.opening(); }, std::chrono::seconds(20)));
  BOOST_REQUIRE(beside.choices().size() == 1u);
  BOOST_TEST(beside.choices()[0].info.period_end == "2026-11-15");
  BOOST_TEST(!beside.shown().has_value());
  // The choice says there is no earlier one, in words, not blank; the
  // later one is the next item.
  BOOST_TEST(beside.choice_text() == _("No earlier report from this client yet."),
             beside.choice_text().utf8_string());
  BOOST_REQUIRE(choice->GetCount() == 2u);
  BOOST_TEST(choice->GetString(1).Contains("15 November 2026"), choice->GetString(1).utf8_string());
  // Choosing the words opens nothing.
  choice->SetSelection(0);
  wxCommandEvent words(wxEVT_CHOICE, choice->GetId());
  words.SetEventObject(choice);
  words.SetInt(0);
  choice->ProcessWindowEvent(words);
  BOOST_TEST(!beside.opening());
  Pump(20);
  BOOST_TEST(!beside.shown().has_value());
  // Choosing the later one (the item after the words) opens it, and the
  // words go.
  choice->SetSelection(1);
  wxCommandEvent later_one(wxEVT_CHOICE, choice->GetId());
  later_one.SetEventObject(choice);
  later_one.SetInt(1);
  choice->ProcessWindowEvent(later_one);
  BOOST_REQUIRE(WaitUntil([&] { return beside.shown().has_value(); }, std::chrono::seconds(20)));
  BOOST_TEST(beside.shown()->row.info.report_id == ids["2026-11-15"]);
  BOOST_TEST(choice->GetCount() == 1u);
  BOOST_TEST(beside.choice_text().Contains("15 November 2026"), beside.choice_text().utf8_string());
}

// Too narrow for two halves, the earlier report showing: the keys (the
// menu bar's Zoom in, Next page...), the "More" menu and the pane's own row
// act on it, not on the report hidden behind the switch; back to "This
// report", they act on that one again.
BOOST_FIXTURE_TEST_CASE(at_a_narrow_size_the_keys_act_on_the_report_showing, ViewerFixture) {
  SetUpClinician();
  TestClient sam = PairClient("Sam K.");
  const int64_t later = sync::NowSeconds() + 30 * 86400;
  std::map<std::string, std::string> ids;
  for (const char* end : {"2026-11-01", "2026-11-08"}) {
    auto up = client_connection().Upload(
        sam.credential, Seal(PagesPdf(3, std::string("week to ") + end), sam.key), {end, later});
    BOOST_REQUIRE_MESSAGE(up.ok(), up.status().ToString());
    ids[end] = up->report_id;
  }
  Unlock();
  clinician::WorkspacePanel& ws = workspace();
  BOOST_REQUIRE(WaitUntil([&] { return !ws.refreshing(); }));
  ws.OpenReport(ids["2026-11-08"]);
  BOOST_REQUIRE(WaitUntil([&] { return !ws.opening(); }, std::chrono::seconds(20)));
  clinician::ReportView& view = ws.report_view();
  clinician::EarlierReportPane& beside = view.earlier();
  BOOST_REQUIRE(WaitUntil([&] { return beside.shown().has_value(); }, std::chrono::seconds(20)));
  Pump(20);
  wxcommon::PdfPreview& current = view.preview();
  wxcommon::PdfPreview& earlier = beside.preview();
  BOOST_REQUIRE(current.page_count() == 3u);
  BOOST_REQUIRE(earlier.page_count() == 3u);

  // What Ctrl+=, Ctrl+- and Ctrl+Page Down do: the menu bar's items.
  clinician::ViewerFrame& f = frame();
  auto menu = [&f](const wxString& label) {
    int id = wxNOT_FOUND;
    for (size_t i = 0; i < f.GetMenuBar()->GetMenuCount() && id == wxNOT_FOUND; ++i)
      id = f.GetMenuBar()->GetMenu(i)->FindItem(label);
    BOOST_REQUIRE_MESSAGE(id != wxNOT_FOUND, label.utf8_string());
    wxCommandEvent e(wxEVT_MENU, id);
    e.SetEventObject(&f);
    f.ProcessWindowEvent(e);
  };
  auto label = [](wxWindow* in, const char* name) {
    auto* text = Find<wxStaticText>(in, name);
    BOOST_REQUIRE(text != nullptr);
    return text->GetLabelText();
  };

  const wxSize was = view.GetSize();
  view.SetSize(wxSize(view.FromDIP(300), was.GetHeight()));
  view.SendSizeEvent();
  BOOST_REQUIRE(view.one_at_a_time());
  view.ShowEarlierInFront(true);
  BOOST_REQUIRE(beside.IsShown());
  BOOST_REQUIRE(!current.GetParent()->IsShown());
  BOOST_TEST(current.zoom() == 1.0);
  BOOST_TEST(earlier.zoom() == 1.0);

  menu(_("Zoom in"));
  BOOST_TEST(earlier.zoom() > 1.0);
  BOOST_TEST(current.zoom() == 1.0);  // the hidden one stays as it was
  menu(_("Fit the width"));
  BOOST_TEST(earlier.zoom() == 1.0);
  menu(_("Next page"));
  BOOST_TEST(earlier.current_page() == 1u);
  BOOST_TEST(current.current_page() == 0u);
  BOOST_TEST(label(&beside, clinician::EarlierReportPane::kPageLabelName) ==
             wxString::Format(_("Page %zu of %zu"), size_t{2}, size_t{3}));
  BOOST_TEST(label(&view, clinician::ReportView::kPageLabelName) ==
             wxString::Format(_("Page %zu of %zu"), size_t{1}, size_t{3}));
  menu(_("Previous page"));
  BOOST_TEST(earlier.current_page() == 0u);
  menu(_("Zoom out"));
  BOOST_TEST(earlier.zoom() < 1.0);
  BOOST_TEST(current.zoom() == 1.0);

  // The "More" menu's items, the same.
  std::unique_ptr<wxMenu> more = view.MakeMoreMenu();
  wxMenuItem* fit = more->FindItem(more->FindItem(_("Fit the width")));
  BOOST_REQUIRE(fit != nullptr);
  wxCommandEvent click(wxEVT_MENU, fit->GetId());
  click.SetEventObject(more.get());
  more->ProcessEvent(click);
  BOOST_TEST(earlier.zoom() == 1.0);

  // The earlier report's own row: its zoom and page buttons, shown with
  // it, say what they do and act on it.
  wxWindow* row = Find<wxWindow>(&beside, clinician::EarlierReportPane::kToolsName);
  BOOST_REQUIRE(row != nullptr);
  BOOST_TEST(row->IsShown());
  wxButton* zoom_in = nullptr;
  wxButton* next = nullptr;
  for (wxWindow* child : row->GetChildren()) {
    auto* b = dynamic_cast<wxButton*>(child);
    if (b == nullptr) continue;
    BOOST_TEST(!b->GetToolTipText().empty(), b->GetLabel());
    if (wxcommon::AccessibleName(b) == _("Zoom in")) zoom_in = b;
    if (wxcommon::AccessibleName(b) == _("Next page")) next = b;
  }
  BOOST_REQUIRE(zoom_in != nullptr && next != nullptr);
  for (wxButton* b : {zoom_in, next}) {
    wxCommandEvent press(wxEVT_BUTTON, b->GetId());
    press.SetEventObject(b);
    b->ProcessWindowEvent(press);
  }
  BOOST_TEST(earlier.zoom() > 1.0);
  BOOST_TEST(earlier.current_page() == 1u);
  BOOST_TEST(current.zoom() == 1.0);
  BOOST_TEST(current.current_page() == 0u);

  // Narrower still, the row keeps to the pane's width: "Fit width" and the
  // page count give way (both are in the menus), never cut.
  view.SetSize(wxSize(view.FromDIP(200), was.GetHeight()));
  view.SendSizeEvent();
  BOOST_REQUIRE(beside.IsShown());
  // (What the row's shown controls need, against the width it has: the
  // children are placed when the row is next laid out.)
  BOOST_TEST(row->GetSizer()->CalcMin().GetWidth() <= row->GetSize().GetWidth(),
             row->GetSizer()->CalcMin().GetWidth() << " in " << row->GetSize().GetWidth());
  BOOST_TEST(row->GetRect().GetRight() < beside.GetClientSize().GetWidth());
  BOOST_TEST(zoom_in->IsShown());
  BOOST_TEST(next->IsShown());
  view.SetSize(wxSize(view.FromDIP(300), was.GetHeight()));
  view.SendSizeEvent();

  // "This report" in front: the keys are its again.
  view.ShowEarlierInFront(false);
  BOOST_REQUIRE(current.GetParent()->IsShown());
  const double earlier_zoom = earlier.zoom();
  menu(_("Zoom in"));
  BOOST_TEST(current.zoom() > 1.0);
  BOOST_TEST(earlier.zoom() == earlier_zoom);
  menu(_("Next page"));
  BOOST_TEST(current.current_page() == 1u);
  BOOST_TEST(earlier.current_page() == 1u);
  BOOST_TEST(label(&view, clinician::ReportView::kPageLabelName) ==
             wxString::Format(_("Page %zu of %zu"), size_t{2}, size_t{3}));

  // Side by side, the keys act on the half the keyboard is in.
  view.SetSize(was);
  view.SendSizeEvent();
  BOOST_REQUIRE(!view.one_at_a_time());
  menu(_("Fit the width"));
  BOOST_TEST(current.zoom() == 1.0);
  earlier.SetFocus();
  Pump(20);
  BOOST_REQUIRE(beside.HasFocusWithin());
  menu(_("Fit the width"));
  BOOST_TEST(earlier.zoom() == 1.0);
  menu(_("Zoom in"));
  BOOST_TEST(earlier.zoom() > 1.0);
  BOOST_TEST(current.zoom() == 1.0);
  current.SetFocus();
  Pump(20);
  BOOST_REQUIRE(!beside.HasFocusWithin());
  menu(_("Zoom out"));
  BOOST_TEST(current.zoom() < 1.0);
  BOOST_TEST(earlier.zoom() > 1.0);
}

// A 1920x1080 screen at GDK_SCALE=2 is 960x540 of room: the window the
// viewer takes there, two reports compared in it.
BOOST_FIXTURE_TEST_CASE(on_a_small_screen_the_report_gets_the_room, ViewerFixture) {
  SetUpClinician();
  TestClient sam = PairClient("Sam K.");
  const int64_t later = sync::NowSeconds() + 30 * 86400;
  std::vector<std::string> ids;
  for (const char* end : {"2026-11-01", "2026-11-08", "2026-11-15"}) {
    auto up = client_connection().Upload(
        sam.credential, Seal(RealPdf(std::string("week to ") + end), sam.key), {end, later});
    BOOST_REQUIRE_MESSAGE(up.ok(), up.status().ToString());
    ids.push_back(up->report_id);
  }
  Unlock();
  clinician::ViewerFrame& f = frame();
  f.SetMinSize(wxDefaultSize);
  const wxSize small = wxcommon::FitSize(f.GetSize(), wxSize(0, 0), wxRect(0, 0, 960, 540),
                                         f.FromDIP(wxSize(16, 48)));
  f.SetSize(small);
  Pump(20);
  BOOST_REQUIRE(f.GetSize() == small);
  clinician::WorkspacePanel& ws = workspace();
  BOOST_REQUIRE(WaitUntil([&] { return !ws.refreshing(); }));

  // The lists' columns as wide as their words where there is room: nothing
  // cut, no scrolling sideways, the day each report was shared too.
  BOOST_TEST(WaitUntil([&] { return ws.reports_list().GetColumnCount() == 4; }));
  for (wxListView* list : {&ws.clients_list(), &ws.reports_list()}) {
    int total = 0;
    for (int col = 0; col < list->GetColumnCount(); ++col) {
      BOOST_TEST(list->GetColumnWidth(col) == wxcommon::ColumnContentWidth(list, col),
                 list->GetName() << " column " << col);
      total += list->GetColumnWidth(col);
    }
    BOOST_TEST(total <= list->GetClientSize().GetWidth(), list->GetName());
  }

  // A client's page: every line within the view, wrapped to its width.
  ws.ShowSelectedClient();
  Pump(10);
  BOOST_REQUIRE(ws.page() == clinician::WorkspacePanel::Page::kClient);
  clinician::ClientView& client = ws.client_view();
  // All of it within reach: taller than the window, it scrolls.
  BOOST_TEST(client.GetVirtualSize().GetHeight() >= client.GetSizer()->GetMinSize().GetHeight());
  for (wxWindow* child : client.GetChildren()) {
    if (!child->IsShown()) continue;
    BOOST_TEST(child->GetRect().GetRight() < client.GetClientSize().GetWidth(),
               child->GetName() << ": " << child->GetLabel());
    if (auto* text = dynamic_cast<wxStaticText*>(child)) {
      for (const wxString& line : wxSplit(text->GetLabel(), '\n', '\0'))
        BOOST_TEST(text->GetTextExtent(line).GetWidth() <= text->GetSize().GetWidth(),
                   "cut: " << line);
    }
  }

  ws.OpenReport(ids[2]);
  BOOST_REQUIRE(WaitUntil([&] { return !ws.opening(); }, std::chrono::seconds(20)));
  clinician::ReportView& view = ws.report_view();
  clinician::EarlierReportPane& beside = view.earlier();
  BOOST_REQUIRE(WaitUntil([&] { return beside.shown().has_value(); }, std::chrono::seconds(20)));
  Pump(20);
  BOOST_TEST(view.comparing());
  BOOST_TEST(!view.one_at_a_time());  // side by side: the lists narrowed for it
  BOOST_TEST(view.compact());
  // The lists narrowed as far as they still say who and which week, each
  // whole: the day shared goes whole or stays whole, never half a column.
  {
    wxListView& reports = ws.reports_list();
    auto fitted = [&reports] {
      for (int col = 0; col < reports.GetColumnCount(); ++col)
        if (reports.GetColumnWidth(col) != wxcommon::ColumnContentWidth(&reports, col))
          return false;
      return true;
    };
    // (The columns are fitted once the list has its new size.)
    BOOST_TEST(WaitUntil(fitted));
    int total = 0;
    for (int col = 0; col < reports.GetColumnCount(); ++col) {
      BOOST_TEST(reports.GetColumnWidth(col) == wxcommon::ColumnContentWidth(&reports, col), col);
      total += reports.GetColumnWidth(col);
    }
    BOOST_TEST(reports.GetColumnCount() >= 3);
    BOOST_TEST(total <= reports.GetClientSize().GetWidth());
    BOOST_TEST(ws.clients_list().GetColumnWidth(1) ==
               wxcommon::ColumnContentWidth(&ws.clients_list(), 1));  // the latest report's day
  }
  // The report's pages get at least half the window's height...
  const int height = f.GetSize().GetHeight();
  BOOST_TEST_MESSAGE("window " << f.GetSize().GetWidth() << "x" << height << ": the report's pages "
                               << view.preview().GetSize().GetWidth() << "x"
                               << view.preview().GetSize().GetHeight() << ", the earlier one's "
                               << beside.preview().GetSize().GetWidth() << "x"
                               << beside.preview().GetSize().GetHeight());
  BOOST_TEST(view.preview().GetSize().GetHeight() >= height / 2,
             view.preview().GetSize().GetHeight() << " of " << height);
  BOOST_TEST(beside.preview().GetSize().GetHeight() >= height / 2);
  // ...under a header of a line or two and one row of controls.
  auto* subtitle = Find<wxStaticText>(&view, clinician::ReportView::kSubtitleName);
  BOOST_REQUIRE(subtitle != nullptr);
  BOOST_TEST(subtitle->GetSize().GetHeight() < 2 * subtitle->GetCharHeight());
  BOOST_TEST(subtitle->GetLabelText().Contains("Sealed to you"));  // whole, for a screen reader
  BOOST_TEST(subtitle->GetToolTipText().Contains("Sealed to you"));
  wxWindow* row = Find<wxWindow>(&view, clinician::ReportView::kToolsName);
  BOOST_REQUIRE(row != nullptr);
  int shown = 0;
  for (wxWindow* child : row->GetChildren()) {
    if (!child->IsShown()) continue;
    ++shown;
    const wxRect r = child->GetRect();
    BOOST_TEST(r.GetBottom() < row->GetClientSize().GetHeight(), child->GetLabel());
    BOOST_TEST(r.GetRight() < row->GetClientSize().GetWidth(), child->GetLabel());
    if (auto* b = dynamic_cast<wxButton*>(child)) {
      BOOST_TEST(!wxcommon::AccessibleName(b).empty(), b->GetLabel());
      BOOST_TEST(!b->GetToolTipText().empty(), b->GetLabel());
    }
  }
  BOOST_TEST(shown >= 6);  // zoom, pages, more, close at the least
  BOOST_TEST(row->GetClientSize().GetHeight() < 3 * row->GetCharHeight());
  // The earlier report's zoom and pages, in its half: what is shown is
  // whole, on one line, and its zoom and page buttons are there.
  wxWindow* beside_row = Find<wxWindow>(&beside, clinician::EarlierReportPane::kToolsName);
  BOOST_REQUIRE(beside_row != nullptr);
  BOOST_TEST(beside_row->IsShown());
  int beside_buttons = 0;
  for (wxWindow* child : beside_row->GetChildren()) {
    if (!child->IsShown()) continue;
    const wxRect r = child->GetRect();
    BOOST_TEST(r.GetBottom() < beside_row->GetClientSize().GetHeight(), child->GetLabel());
    BOOST_TEST(r.GetRight() < beside_row->GetClientSize().GetWidth(), child->GetLabel());
    if (dynamic_cast<wxButton*>(child) != nullptr) ++beside_buttons;
  }
  BOOST_TEST(beside_buttons >= 4);  // zoom out and in, previous and next page
  BOOST_TEST(beside_row->GetClientSize().GetHeight() < 3 * beside_row->GetCharHeight());
  // What the row has no room for is in its menu (and the menu bar's).
  std::unique_ptr<wxMenu> more = view.MakeMoreMenu();
  std::set<std::string> actions;
  for (wxMenuItem* item : more->GetMenuItems()) {
    if (item->IsSeparator()) continue;
    BOOST_TEST(item->GetItemLabel().Contains("&"), item->GetItemLabel().utf8_string());
    BOOST_TEST(item->GetItemLabel().Contains("\t"), item->GetItemLabel().utf8_string());
    actions.insert(item->GetItemLabelText().utf8_string());
  }
  for (const char* action : {"Zoom in", "Zoom out", "Fit the width", "Next page", "Previous page",
                             "Print the report…", "Save a copy of the report…", "Close the report"})
    BOOST_TEST(actions.count(action) == 1u, action);
  // The menu's items do what they say.
  const double zoom = view.preview().zoom();
  wxMenuItem* zoom_in = more->FindItem(more->FindItem(_("Zoom in")));
  BOOST_REQUIRE(zoom_in != nullptr);
  wxCommandEvent click(wxEVT_MENU, zoom_in->GetId());
  click.SetEventObject(more.get());
  more->ProcessEvent(click);
  BOOST_TEST(view.preview().zoom() > zoom);
  view.ZoomToFit();

  // View, Lists beside a report (F9) off: the report takes the whole
  // width, and the choice is kept for the next time.
  const int half = view.preview().GetSize().GetWidth();
  f.SetListsBesideReport(false);
  Pump(20);
  BOOST_TEST(!ws.lists_shown());
  BOOST_TEST(view.preview().GetSize().GetWidth() > half + f.FromDIP(60));
  BOOST_TEST(!clinician::LoadLook(settings_path().string()).lists_beside_report);
  // Ctrl+2 brings the lists back to choose another report...
  ws.FocusReports();
  Pump(5);
  BOOST_TEST(ws.lists_shown());
  // ...which opens with the whole width again.
  ws.OpenReport(ids[1]);
  BOOST_REQUIRE(WaitUntil([&] { return !ws.opening(); }, std::chrono::seconds(20)));
  Pump(10);
  BOOST_TEST(!ws.lists_shown());
  // Closed, the lists are back as they were, the day shared with them.
  ws.CloseReport();
  Pump(10);
  BOOST_TEST(ws.lists_shown());
  // (The columns are fitted once the list has its new size.)
  BOOST_TEST(WaitUntil([&] { return ws.reports_list().GetColumnCount() == 4; }));

  // The next run of the viewer remembers.
  OpenFrame();
  BOOST_TEST(!frame().look().lists_beside_report);
  Unlock();
  BOOST_TEST(!workspace().lists_beside_report());
  frame().SetListsBesideReport(true);
  BOOST_TEST(clinician::LoadLook(settings_path().string()).lists_beside_report);
  BOOST_TEST(workspace().lists_shown());
}

BOOST_AUTO_TEST_CASE(the_look_is_the_defaults_without_a_file) {
  BOOST_TEST(clinician::LoadLook("").lists_beside_report);
  BOOST_TEST(clinician::LoadLook((RunRoot() / "no-such.ini").string()).lists_beside_report);
  BOOST_TEST(!clinician::SaveLook("", clinician::ViewerLook{}));
}

BOOST_AUTO_TEST_CASE(previous_is_the_newest_before_for_the_same_client) {
  auto row = [](const char* client, const char* id, const char* end, int64_t up) {
    clinician::ReportRow r;
    r.info.client_id = client;
    r.info.report_id = id;
    r.info.period_end = end;
    r.info.uploaded_at = up;
    return r;
  };
  const std::vector<clinician::ReportRow> rows = {
      row("a", "1", "2026-11-01", 10), row("a", "2", "2026-11-08", 20),
      row("b", "3", "2026-11-12", 30), row("a", "4", "2026-11-15", 40),
      row("a", "5", "2026-11-15", 35)};
  BOOST_TEST(*clinician::PreviousReport(rows[3], rows) == 4u);  // same period, shared before
  BOOST_TEST(*clinician::PreviousReport(rows[4], rows) == 1u);
  BOOST_TEST(*clinician::PreviousReport(rows[1], rows) == 0u);
  BOOST_TEST(!clinician::PreviousReport(rows[0], rows).has_value());
  BOOST_TEST(!clinician::PreviousReport(rows[2], rows).has_value());  // b has none
}

}  // namespace fieldnotes::testing
