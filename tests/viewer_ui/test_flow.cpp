// The whole flow in the viewer, against a real server process: a new key
// file, signing in (which publishes the keys), an invite with a local
// label, a client who links and shares through fieldnotes-cli, the report
// listed as new, opened and drawn, the receipt on the server, and nothing
// decrypted left on disk.
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/listctrl.h>

#include <boost/test/unit_test.hpp>

#include "clinician/ui/client_view.h"
#include "clinician/ui/invite_dialog.h"
#include "clinician/ui/key_panel.h"
#include "clinician/ui/report_view.h"
#include "clinician/ui/session_controller.h"
#include "clinician/ui/sign_in_panel.h"
#include "clinician/ui/workspace_panel.h"
#include "common/wx/pdf_preview.h"
#include "support/run_process.h"
#include "viewer_fixture.h"

namespace fieldnotes::testing {
namespace {

constexpr char kCanary[] = "CANARY-viewer-3e7f1a";

// The share of pixels in `image` that are not (nearly) `background`.
double InkShare(const wxImage& image, unsigned char background) {
  size_t ink = 0;
  const size_t n = static_cast<size_t>(image.GetWidth()) * image.GetHeight();
  const unsigned char* p = image.GetData();
  for (size_t i = 0; i < n; ++i, p += 3) {
    if (std::abs(p[0] - background) > 40 || std::abs(p[1] - background) > 40 ||
        std::abs(p[2] - background) > 40)
      ++ink;
  }
  return n == 0 ? 0 : static_cast<double>(ink) / static_cast<double>(n);
}

// What the window shows on the screen, read back from the display.
wxImage OnScreen(wxWindow* window) {
  const wxSize size = window->GetClientSize();
  wxBitmap bitmap(size);
  wxMemoryDC memory(bitmap);
  wxClientDC screen(window);
  memory.Blit(0, 0, size.GetWidth(), size.GetHeight(), &screen, 0, 0);
  memory.SelectObject(wxNullBitmap);
  return bitmap.ConvertToImage();
}

std::vector<std::filesystem::path> HoldersOf(const std::filesystem::path& dir,
                                             const std::string& needle) {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(
           dir, std::filesystem::directory_options::skip_permission_denied, ec);
       it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec) && ReadFile(it->path()).find(needle) != std::string::npos)
      out.push_back(it->path());
  }
  return out;
}

}  // namespace

BOOST_FIXTURE_TEST_CASE(a_shared_report_is_new_opens_as_pages_and_leaves_nothing_behind,
                        ViewerFixture) {
  // First run: the key file is made in the viewer, then the sign-in.
  OpenFrame();
  BOOST_TEST(frame().key_panel().creating());
  Unlock();
  BOOST_TEST(std::filesystem::exists(keys()));
  BOOST_REQUIRE(frame().sign_in() != nullptr);
  SignInWithViewer();
  // The keys are on the server: fieldnotes-clinician (same key file and
  // state) sees the session and the keys.
  frame().Lock("test");  // releases the state file for the CLI
  ProcessResult publish = Clinician({"keys", "publish"});
  BOOST_TEST(publish.exit_code == 0, publish.err);
  BOOST_TEST(publish.out.find("Nothing changed") != std::string::npos, publish.out);
  Unlock();
  BOOST_REQUIRE(frame().workspace() != nullptr);

  // An invite with a label kept here.
  clinician::InviteDialog invite(&frame(), *frame().controller());
  Find<wxTextCtrl>(&invite, clinician::InviteDialog::kLabelName)->ChangeValue("Alex M.");
  invite.Make();
  BOOST_REQUIRE(WaitUntil([&] { return !invite.busy(); }));
  const std::string code = invite.code().utf8_string();
  BOOST_REQUIRE_MESSAGE(code.size() == 11 && code[5] == '-', invite.message().utf8_string());
  BOOST_TEST(invite.message().utf8_string().find("Alex M.") != std::string::npos);

  ClientLinksAndShares(code, kCanary);
  RefreshAndWait();
  clinician::WorkspacePanel& ws = workspace();
  BOOST_REQUIRE(ws.overview());
  BOOST_REQUIRE(ws.overview()->reports.size() == 1);
  BOOST_REQUIRE(ws.overview()->clients.size() == 1);
  const clinician::ClientRow& client = ws.overview()->clients[0];
  BOOST_TEST(client.label == "Alex M.");
  BOOST_TEST(client.new_reports == 1);
  BOOST_TEST(client.safety_number == client_safety_number);
  // New is said in words in the list, not by colour or weight alone.
  BOOST_TEST(ws.reports_list().GetItemText(0, 0) == "New");
  BOOST_TEST(ws.reports_list().GetItemText(0, 1) == "Alex M.");
  BOOST_TEST(ws.clients_list().GetItemText(0, 2) == "1 new");

  // The safety number, as the client's screen shows it.
  ws.ShowClient(client.client_id);
  BOOST_TEST(ws.page() == clinician::WorkspacePanel::Page::kClient);
  wxString digits = ws.client_view().number_text();
  digits.Replace(" ", "");
  digits.Replace("\n", "");
  BOOST_TEST(digits.utf8_string() == client_safety_number);
  // The client shown beside the lists follows a refresh (it once kept the
  // old words beside a list that said otherwise).
  const std::string client_id = client.client_id;  // `client` goes with the refresh
  std::optional<core::Status> renamed;
  frame().controller()->SetLabel(client_id, "Alex Morgan", [&](core::Status s) { renamed = s; });
  BOOST_REQUIRE(WaitUntil([&] { return renamed.has_value(); }, std::chrono::seconds(10)));
  BOOST_REQUIRE_MESSAGE(renamed->ok(), renamed->ToString());
  RefreshAndWait();
  BOOST_TEST(ws.page() == clinician::WorkspacePanel::Page::kClient);
  BOOST_TEST(ws.client_view().client().label == "Alex Morgan");
  // A private note: kept only in the state file sealed with the key file.
  std::optional<core::Status> kept;
  frame().controller()->SetNote(client_id, "Ask about the Sunday evenings.",
                                [&](core::Status s) { kept = s; });
  BOOST_REQUIRE(WaitUntil([&] { return kept.has_value(); }, std::chrono::seconds(10)));
  BOOST_REQUIRE_MESSAGE(kept->ok(), kept->ToString());
  RefreshAndWait();
  BOOST_TEST(ws.client_view().note_text() == "Ask about the Sunday evenings.");
  BOOST_TEST(ReadFile(keys() + ".state").find("Sunday evenings") == std::string::npos);

  // Opening: fetched, checked, decrypted in memory, drawn.
  ws.OpenReport(ws.overview()->reports[0].info.report_id);
  BOOST_REQUIRE(WaitUntil([&] { return !ws.opening(); }, std::chrono::seconds(20)));
  BOOST_REQUIRE_MESSAGE(ws.page() == clinician::WorkspacePanel::Page::kReport,
                        ws.refusal().utf8_string() + ws.notice().utf8_string());
  wxcommon::PdfPreview& preview = ws.report_view().preview();
  BOOST_REQUIRE(preview.page_count() >= 1);
  BOOST_TEST(InkShare(preview.page(0), 255) > 0.01);  // the page is not blank
  Pump(200);
  preview.Update();
  const wxImage shown = OnScreen(&preview);
  BOOST_TEST(InkShare(shown, shown.GetRed(2, 2)) > 0.02);  // and it is on the screen
  BOOST_TEST(ws.reports_list().GetItemText(0, 0) == "Opened");
  BOOST_TEST(ws.report_view().report()->receipt.ok());

  // The receipt reached the server: the client sees "opened".
  core::json::Value receipts = CliJson({"receipts"});
  BOOST_REQUIRE(receipts.as_array().size() == 1);
  BOOST_TEST(receipts.as_array()[0].as_object().Find("state")->as_string() == "opened");

  // Zoom and pages. Zoomed in, the pages are drawn again, sharper, on the
  // preview's own thread, and shown when ready.
  BOOST_TEST(preview.shown_dpi() == clinician::SessionController::kPageDpi);
  for (int i = 0; i < 4; ++i) ws.report_view().ZoomIn();
  BOOST_TEST(preview.zoom() > 2.0);
  BOOST_REQUIRE(
      WaitUntil([&] { return preview.shown_dpi() > clinician::SessionController::kPageDpi; },
                std::chrono::seconds(20)));
  BOOST_TEST(preview.shown_dpi() <= wxcommon::PdfPreview::kMaxDpi);
  Pump(200);
  preview.Update();
  const wxImage zoomed = OnScreen(&preview);
  BOOST_TEST(InkShare(zoomed, zoomed.GetRed(2, 2)) > 0.005);
  ws.report_view().ZoomToFit();
  BOOST_TEST(preview.zoom() == 1.0);
  ws.report_view().NextPage();
  BOOST_TEST(preview.current_page() == std::min<size_t>(1, preview.page_count() - 1));

  // A copy only when asked, where asked.
  const std::filesystem::path copy = client_dir() / "saved-copy.pdf";
  BOOST_TEST(ws.report_view().SaveCopyTo(copy.string(), false).empty());
  BOOST_TEST(ReadFile(copy) == ReadFile(client_dir() / "report.pdf"));
  BOOST_TEST(!ws.report_view().SaveCopyTo(copy.string(), false).empty());  // never replaced unasked

  // The canary was really in the report the client shared...
  ProcessResult text =
      RunProcess("/usr/bin/pdftotext", {(client_dir() / "report.pdf").string(), "-"});
  BOOST_TEST(text.out.find(kCanary) != std::string::npos, "the canary is not in the report");
  // (the search finds a PDF where there is one: the client's own copy)...
  BOOST_TEST(!HoldersOf(client_dir(), "%PDF").empty());
  // ...and neither it nor any PDF is in the viewer's folder, TMPDIR or HOME.
  for (const std::filesystem::path& where :
       {dir().path() / "clinician", RunRoot() / "tmp", RunRoot() / "home"}) {
    for (const std::string& needle : {std::string(kCanary), std::string("%PDF")}) {
      const auto holders = HoldersOf(where, needle);
      BOOST_TEST(holders.empty(),
                 needle << " found in " << (holders.empty() ? "" : holders[0].string()));
    }
  }

  // Locking wipes the pages and the keys.
  frame().Lock("test");
  BOOST_TEST(!frame().unlocked());
  BOOST_TEST(frame().workspace() == nullptr);
  BOOST_TEST(frame().key_panel().IsShown());
}

BOOST_AUTO_TEST_CASE(the_empty_workspace_tells_a_new_therapist_what_to_do) {
  BOOST_TEST(clinician::HomeWords(0, 0).Contains("Invite a client"));
  BOOST_TEST(clinician::HomeWords(0, 0).Contains("Sharing, Link a therapist"));
  BOOST_TEST(clinician::HomeWords(2, 0).StartsWith("Nothing new."));
  BOOST_TEST(clinician::HomeWords(2, 2).StartsWith("2 new reports."));
  BOOST_TEST(clinician::PeriodEndWords("2026-12-06") == "6 December 2026");
}

BOOST_FIXTURE_TEST_CASE(idle_time_locks_and_signing_out_asks_to_sign_in_again, ViewerFixture) {
  SetUpClinician();  // fieldnotes-clinician: init, login, keys publish
  Unlock();
  BOOST_REQUIRE(frame().workspace() != nullptr);  // the CLI's session is shared
  const auto start = std::chrono::steady_clock::now();
  frame().idle_lock().NoteActivity(start);
  frame().idle_lock().Check(start + std::chrono::minutes(4));
  Pump(20);
  BOOST_TEST(frame().unlocked());
  frame().idle_lock().Check(start + std::chrono::minutes(5) + std::chrono::seconds(1));
  BOOST_REQUIRE(WaitUntil([&] { return !frame().unlocked(); }));
  BOOST_TEST(frame().GetStatusBar()->GetStatusText().utf8_string().find("without use") !=
             std::string::npos);

  Unlock();
  BOOST_REQUIRE(frame().workspace() != nullptr);
  frame().SignOut();
  BOOST_REQUIRE(WaitUntil([&] { return frame().sign_in() != nullptr; }));
  BOOST_TEST(frame().workspace() == nullptr);
  // Signing in again: a wrong password, then a server certificate this
  // computer does not trust (no CA file given), each said in words.
  clinician::SignInPanel& panel = *frame().sign_in();
  panel.Prefill(wxString::FromUTF8(url()), wxString::FromUTF8(ca()), kEmail);
  panel.Submit("not the password at all");
  BOOST_REQUIRE(WaitUntil([&] { return !panel.busy(); }, std::chrono::seconds(20)));
  BOOST_TEST(panel.message().Contains("did not accept that email and password"),
             panel.message().utf8_string());
  panel.Prefill(wxString::FromUTF8(url()), wxString(), kEmail);
  panel.Submit(kPassword);
  BOOST_REQUIRE(WaitUntil([&] { return !panel.busy(); }, std::chrono::seconds(20)));
  BOOST_TEST(panel.message().Contains("certificate is not one this computer trusts"),
             panel.message().utf8_string());
  BOOST_TEST(frame().workspace() == nullptr);
  // The server ended the session too: the CLI is signed out as well.
  frame().Lock("test");
  ProcessResult clients = Clinician({"clients"});
  BOOST_TEST(clients.exit_code != 0);
  BOOST_TEST(clients.err.find("signed out") != std::string::npos, clients.err);
}

}  // namespace fieldnotes::testing
