// An earlier report beside the one open: the client's previous report opens
// beside it by itself, any other can be chosen, and a report the client
// withdrew is never offered (and closes if it was beside).
#include <wx/choice.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "clinician/ui/earlier_report_pane.h"
#include "clinician/ui/report_view.h"
#include "common/wx/pdf_preview.h"
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

}  // namespace

BOOST_FIXTURE_TEST_CASE(the_previous_report_opens_beside_and_a_withdrawn_one_goes,
                        ViewerFixture) {
  SetUpClinician();
  TestClient sam = PairClient("Sam K.");
  const int64_t later = sync::NowSeconds() + 30 * 86400;
  std::map<std::string, std::string> ids;  // by period end
  for (const char* end : {"2026-11-01", "2026-11-08", "2026-11-15"}) {
    auto up = client_connection().Upload(sam.credential,
                                         Seal(RealPdf(std::string("week to ") + end), sam.key),
                                         {end, later});
    BOOST_REQUIRE_MESSAGE(up.ok(), up.status().ToString());
    ids[end] = up->report_id;
  }
  // Another client's report is never beside Sam's.
  TestClient alex = PairClient("Alex M.");
  BOOST_REQUIRE(client_connection()
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
  BOOST_TEST(!view.stacked());
  BOOST_TEST(std::abs(current_width - beside.GetSize().GetWidth()) <= view.FromDIP(24),
             current_width << " beside " << beside.GetSize().GetWidth());
  BOOST_TEST(beside.GetSize().GetWidth() >= view.FromDIP(clinician::ReportView::kMinHalfDip));
  // Too narrow for two readable halves: one above the other, each as wide
  // as the view.
  const wxSize was = view.GetSize();
  view.SetSize(wxSize(view.FromDIP(300), was.GetHeight()));
  view.SendSizeEvent();
  BOOST_TEST(view.stacked());
  BOOST_TEST(beside.GetSize().GetWidth() >= view.FromDIP(280), beside.GetSize().GetWidth());
  BOOST_TEST(view.preview().GetParent()->GetSize().GetWidth() >= view.FromDIP(280));
  view.SetSize(was);
  view.SendSizeEvent();
  BOOST_TEST(!view.stacked());

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
  BOOST_TEST(Find<wxChoice>(&beside, clinician::EarlierReportPane::kChoiceName)->GetCount() == 1u);

  // Opening the earliest left: nothing before it, the later one offered.
  ws.OpenReport(ids["2026-11-08"]);
  BOOST_REQUIRE(WaitUntil([&] { return !ws.opening(); }, std::chrono::seconds(20)));
  BOOST_REQUIRE(beside.choices().size() == 1u);
  BOOST_TEST(beside.choices()[0].info.period_end == "2026-11-15");
  BOOST_TEST(!beside.shown().has_value());
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
