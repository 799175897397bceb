// The pseudo-locale check (tests/i18n): the viewer started in a language
// whose every message is accented and a third longer. Each page a
// therapist meets, from the first key file to an open report, shows no
// English word of ours and no label cut off, at 1366x768; the screenshots
// are kept (CTest's viewer_ui_pseudo, <build>/tests/pseudo/shots/viewer).
#include <wx/frame.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <boost/test/unit_test.hpp>

#include "clinician/ui/invite_dialog.h"
#include "support/wx_pseudo.h"
#include "viewer_fixture.h"

namespace fieldnotes::testing {

// Disabled in the ordinary run (which is in English); CTest names it.
BOOST_AUTO_TEST_SUITE(pseudo_locale, *boost::unit_test::disabled())

// The check itself: it finds a label left in English and one squeezed
// into less room than its words need, and passes data and pseudo text.
BOOST_AUTO_TEST_CASE(the_check_finds_english_and_cut_off_labels) {
  auto* frame = new wxFrame(nullptr, wxID_ANY, "check");
  auto* english = new wxStaticText(frame, wxID_ANY, "Left in English");
  auto* squeezed = new wxStaticText(frame, wxID_ANY, wxString::FromUTF8("[Šɋûééžéđ ţéẋţ·····]"),
                                    wxDefaultPosition, wxSize(20, -1), wxST_NO_AUTORESIZE);
  auto* data = new wxStaticText(frame, wxID_ANY, "Alex M., 7 December 2026");
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(english);
  sizer->Add(squeezed);
  sizer->Add(data);
  frame->SetSizer(sizer);
  frame->Show();
  Pump(100);
  const std::vector<std::string> problems = PseudoProblems(frame, {"Alex M."});
  BOOST_TEST(problems.size() == 2u);
  std::string all;
  for (const std::string& p : problems) all += p + "\n";
  BOOST_TEST(all.find("in English: \"Left in English\"") != std::string::npos, all);
  BOOST_TEST(all.find("cut off") != std::string::npos, all);
  frame->Destroy();
  Pump(50);
}

BOOST_FIXTURE_TEST_CASE(every_page_of_the_viewer_is_translated_and_fits, ViewerFixture) {
  BOOST_REQUIRE_MESSAGE(PseudoRun(), "run by CTest's viewer_ui_pseudo, in the pseudo-locale");
  OpenFrame();
  frame().SetSize(wxSize(1366, 740));
  CheckPseudoPage(&frame(), "viewer-01-new-key-file");
  Unlock();
  BOOST_REQUIRE(frame().sign_in() != nullptr);
  CheckPseudoPage(&frame(), "viewer-02-sign-in");
  SignInWithViewer();
  CheckPseudoPage(&frame(), "viewer-03-no-clients-yet");

  clinician::InviteDialog invite(&frame(), *frame().controller());
  invite.Show();
  CheckPseudoPage(&invite, "viewer-04-invite");
  Find<wxTextCtrl>(&invite, clinician::InviteDialog::kLabelName)->ChangeValue("Alex M.");
  invite.Make();
  BOOST_REQUIRE(WaitUntil([&] { return !invite.busy(); }));
  const std::string code = invite.code().utf8_string();
  CheckPseudoPage(&invite, "viewer-05-invite-code", {code, "Alex M."});
  invite.Hide();

  ClientLinksAndShares(code, "pseudo-canary");
  RefreshAndWait();
  clinician::WorkspacePanel& ws = workspace();
  BOOST_REQUIRE(ws.overview() && ws.overview()->clients.size() == 1);
  const std::string client_id = ws.overview()->clients[0].client_id;
  CheckPseudoPage(&frame(), "viewer-06-a-new-report", {"Alex M."});
  ws.ShowClient(client_id);
  CheckPseudoPage(&frame(), "viewer-07-client", {"Alex M."});
  ws.OpenReport(ws.overview()->reports[0].info.report_id);
  BOOST_REQUIRE(WaitUntil([&] { return !ws.opening(); }, std::chrono::seconds(20)));
  BOOST_REQUIRE(ws.page() == clinician::WorkspacePanel::Page::kReport);
  CheckPseudoPage(&frame(), "viewer-08-report", {"Alex M."});
  frame().Lock("test");
  CheckPseudoPage(&frame(), "viewer-09-locked");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace fieldnotes::testing
