// Sharing from the desktop app against a real fieldnotes-server process:
// link with an invite code through the link dialog, the safety number it
// shows against sync::LinkSafetyNumber and the therapist's side, verify,
// share the weekly report through the consent dialog and find it on the
// server (it opens only with the therapist's key), the receipt, withdraw
// (the server answers 404), a key change that stops sharing until verified
// again, a server that is down, and locking while the server is asked.
#include <wx/app.h>
#include <wx/choice.h>
#include <wx/display.h>
#include <wx/filepicker.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <boost/test/unit_test.hpp>

#include "core/envelope.h"
#include "core/key_file.h"
#include "core/safety_number.h"
#include "reports/report_store.h"
#include "server_process.h"
#include "sync/sharing.h"
#include "ui/earlier_reports_dialog.h"
#include "engine/journal_controller.h"
#include "engine/kept_reports.h"
#include "ui/link_dialog.h"
#include "ui/links_dialog.h"
#include "ui/receipts_dialog.h"
#include "ui/report_panel.h"
#include "ui/safety_number_panel.h"
#include "ui/share_dialog.h"
#include "ui/sharing_controller.h"
#include "ui/sharing_notice.h"
#include "ui/workspace_panel.h"
#include "ui_fixture.h"

namespace fieldnotes::testing {
namespace {

using client::EarlierReportsDialog;
using client::LinkDialog;
using client::LinksDialog;
using client::ReceiptsDialog;
using client::ShareDialog;
using core::EntryKind;
namespace crypto = core::crypto;

bool Yes(wxWindow*, const wxString&) { return true; }

std::string Text(wxWindow* w) { return w ? w->GetLabel().utf8_string() : std::string(); }

// The app's journal, with a week to report on, unlocked; a server with a
// therapist who has published keys.
struct Sharing : FrameFixture {
  ServerProcess server{dir.File("server")};

  Sharing() {
    std::vector<core::Entry> week;
    for (int days : {1, 3, 5})
      week.push_back(MakeEntry(EntryKind::kLoop, "They will think I cannot cope.", days));
    MakeJournal(journal_path, week);
    Unlock();
  }
  client::WorkspacePanel& workspace() { return *frame().workspace(); }
  client::SharingController& sharing() { return workspace().sharing(); }
  core::Journal& journal() { return frame().controller()->journal(); }
  void Settle() {
    Pump(20);
    BOOST_REQUIRE(WaitUntil([&] { return !sharing().busy(); }, std::chrono::seconds(20)));
    Pump(20);
  }

  // Links through the dialog as a person would: fields, then Link.
  sync::TherapistLink LinkWithDialog(bool verify) {
    std::unique_ptr<LinkDialog> dialog(new LinkDialog(&frame(), sharing()));
    dialog->Show();
    Find<wxTextCtrl>(dialog.get(), LinkDialog::kServerName)->SetValue(server.url());
    Find<wxTextCtrl>(dialog.get(), LinkDialog::kCodeName)->SetValue(server.Invite());
    Find<wxTextCtrl>(dialog.get(), LinkDialog::kLabelName)->SetValue("Dr Rivera");
    auto* ca = Find<wxFilePickerCtrl>(dialog.get(), LinkDialog::kCaName);
    BOOST_REQUIRE(ca != nullptr);
    ca->SetPath(wxString::FromUTF8(server.ca()));
    BOOST_TEST(ca->GetPath().utf8_string() == server.ca());
    Click(dialog->link_button());
    BOOST_TEST(sharing().busy());
    BOOST_TEST(frame().controller()->lent());  // the worker has the journal
    Settle();
    BOOST_REQUIRE_MESSAGE(
        dialog->link().has_value(),
        (dialog->notice().text() + " | " + dialog->notice().details()).utf8_string());
    sync::TherapistLink link = *dialog->link();
    BOOST_TEST(!link.verified());

    // The number shown is the sync library's, and the therapist's.
    const std::string digits = sync::LinkSafetyNumber(journal(), link).value();
    BOOST_TEST(dialog->number_panel().digits() == digits);
    const std::string shown =
        Text(Find<wxStaticText>(dialog.get(), client::SafetyNumberPanel::kNumberName));
    BOOST_TEST(shown.substr(0, 11) == digits.substr(0, 5) + " " + digits.substr(5, 5));
    BOOST_TEST(shown.find('\n') != std::string::npos);  // in lines of groups
    auto links = server.connection().ListLinks(server.token()).value();
    BOOST_REQUIRE(!links.empty());
    auto client_key = crypto::HexDecode(links.back().client_key).value();
    BOOST_TEST(core::SafetyNumber(client_key, server.keys().sealing.public_key,
                                  server.keys().signing.public_key)
                   .value() == digits);
    if (verify) {
      Click(dialog->number_panel().verify_button());
      Settle();
      BOOST_REQUIRE_MESSAGE(dialog->link()->can_share(), dialog->notice().text().utf8_string());
      BOOST_TEST(sync::FindLink(journal(), link.id).value().can_share());
      link = *dialog->link();
    }
    return link;
  }

  // The report on the Weekly report page, kept in the journal.
  reports::StoredReport KeptReport() {
    workspace().ShowPage(client::WorkspacePanel::Page::kReport);
    client::ReportPanel& page = workspace().report();
    BOOST_REQUIRE(WaitUntil([&] { return !page.busy() && page.report() != nullptr; }));
    auto id = page.KeepInJournal();
    BOOST_REQUIRE_MESSAGE(id.ok(), id.status().ToString());
    BOOST_TEST(page.KeepInJournal().value() == *id);  // kept once
    return reports::ReportStore::Load(journal(), *id).value();
  }

  std::unique_ptr<ShareDialog> OpenShare(const reports::StoredReport& report) {
    std::unique_ptr<ShareDialog> dialog(new ShareDialog(&frame(), sharing(), report));
    dialog->Show();
    Settle();  // it asks the server for the therapist's keys first
    return dialog;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(sharing)

BOOST_FIXTURE_TEST_CASE(link_verify_share_receipt_withdraw, Sharing) {
  const sync::TherapistLink unverified = LinkWithDialog(false);
  const reports::StoredReport report = KeptReport();

  // Not verified: the consent dialog says so and will not share.
  auto early = OpenShare(report);
  BOOST_TEST(!early->can_share());
  BOOST_TEST(!early->share_button()->IsEnabled());
  BOOST_TEST(early->link_state_text().utf8_string().find("not compared") != std::string::npos);
  early->StartShare();
  Settle();
  BOOST_TEST(server.connection().ListReports(server.token()).value().empty());
  early.reset();
  Pump(20);

  // Verified in the therapists dialog.
  auto links = std::make_unique<LinksDialog>(&frame(), sharing(), Yes);
  links->Show();
  BOOST_REQUIRE(links->selected().has_value());
  BOOST_TEST(links->number_panel().digits() ==
             sync::LinkSafetyNumber(journal(), unverified).value());
  links->MarkVerified();
  Settle();
  BOOST_TEST(links->links().front().can_share());
  links.reset();
  Pump(20);

  // The consent dialog says exactly what leaves, to whom, until when.
  auto dialog = OpenShare(report);
  const std::string what = dialog->what_text().utf8_string();
  BOOST_TEST(what.find(report.content.title) != std::string::npos);
  BOOST_TEST(what.find(std::to_string(report.pages) + (report.pages == 1 ? " page" : " pages")) !=
             std::string::npos);
  const std::string sha = reports::PdfSha256(report.pdf);
  BOOST_TEST(Text(Find<wxStaticText>(dialog.get(), "share_sha256")).find(sha.substr(0, 8)) !=
             std::string::npos);
  BOOST_TEST(Text(Find<wxStaticText>(dialog.get(), "share_sha256")).find(sha.substr(56, 8)) !=
             std::string::npos);
  const int64_t now = core::SystemClock::Instance().Now().unix_seconds;
  BOOST_TEST(dialog->expires_at() >= now + 30 * 86400 - 5);  // the CLI's default
  BOOST_TEST(dialog->expires_at() <= now + 30 * 86400 + 5);
  // Only as long as the server keeps reports (90 days, its /v1/health).
  auto* until = Find<wxChoice>(dialog.get(), ShareDialog::kUntilName);
  BOOST_REQUIRE(until != nullptr);
  BOOST_TEST(until->GetString(until->GetCount() - 1).utf8_string() == "90 days");
  dialog->ChooseDays(365);
  BOOST_TEST(dialog->expires_at() <= now + 90 * 86400 + 5);
  // The whole dialog, and its Share button, are on the screen.
  const wxRect screen = wxDisplay(dialog.get()).GetClientArea();
  BOOST_TEST(dialog->GetSize().GetHeight() <= screen.GetHeight());
  BOOST_TEST(screen.Contains(dialog->share_button()->GetScreenRect()));
  dialog->ChooseDays(7);
  const int64_t expires = dialog->expires_at();
  BOOST_REQUIRE(dialog->can_share());
  Click(dialog->share_button());
  Settle();
  BOOST_REQUIRE_MESSAGE(dialog->consent().has_value(), dialog->notice().text().utf8_string());
  BOOST_TEST(dialog->notice().text().utf8_string().find("Shared.") == 0u);
  dialog.reset();
  Pump(20);

  // In the journal: the consent for exactly this PDF.
  auto consents = sync::ListConsents(journal()).value();
  BOOST_REQUIRE(consents.size() == 1u);
  BOOST_TEST(consents[0].report_id == report.id);
  BOOST_TEST(consents[0].sha256 == sha);
  BOOST_TEST(consents[0].expires_at == expires);
  // On the server: an envelope only the therapist opens, signed by this journal.
  auto arrived = server.connection().ListReports(server.token()).value();
  BOOST_REQUIRE(arrived.size() == 1u);
  const std::string server_id = arrived[0].report_id;
  BOOST_TEST(server_id == consents[0].server_report_id);
  auto envelope = server.connection().DownloadReport(server.token(), server_id);
  BOOST_REQUIRE(envelope.ok());
  auto signing = core::LoadOrCreateSigningKey(journal()).value();
  auto opened = core::envelope::Open(*envelope, server.keys().sealing, signing.public_key);
  BOOST_REQUIRE_MESSAGE(opened.ok(), opened.status().ToString());
  BOOST_TEST(std::string(reinterpret_cast<const char*>(opened->content.data()),
                         opened->content.size()) == report.pdf);

  // The receipt follows it.
  BOOST_REQUIRE(server.connection().MarkOpened(server.token(), server_id).ok());
  auto receipts = std::make_unique<ReceiptsDialog>(&frame(), sharing(), Yes);
  receipts->Show();
  Settle();
  BOOST_REQUIRE(receipts->lines().size() == 1u);
  BOOST_TEST(receipts->lines()[0].state == "opened");
  BOOST_TEST(receipts->state_text(0).utf8_string().find("Opened by your therapist") == 0u);

  // Withdraw: the server deletes it at once.
  receipts->Select(0);
  receipts->Withdraw();
  Settle();
  Settle();  // the receipts are asked for again
  BOOST_TEST(receipts->lines()[0].state == "withdrawn");
  BOOST_TEST(receipts->state_text(0).utf8_string().find("Withdrawn") == 0u);
  BOOST_TEST(server.connection().DownloadReport(server.token(), server_id).status().IsNotFound());
  BOOST_TEST(sync::ListConsents(journal()).value()[0].withdrawn_at != 0);
  receipts.reset();
  Pump(20);
  BOOST_TEST(DialogRecorder::shown().empty());
}

BOOST_AUTO_TEST_CASE(retention_choices_follow_the_server) {
  BOOST_TEST(ShareDialog::DayChoices(90) == (std::vector<int>{1, 7, 14, 30, 90}));
  BOOST_TEST(ShareDialog::DayChoices(60) == (std::vector<int>{1, 7, 14, 30, 60}));
  BOOST_TEST(ShareDialog::DayChoices(0) == (std::vector<int>{1, 7, 14, 30, 90, 365}));
  BOOST_TEST(ShareDialog::DayChoices(3650) == (std::vector<int>{1, 7, 14, 30, 90, 365}));
  BOOST_TEST(ShareDialog::DayChoices(1) == (std::vector<int>{1}));
  // A dialog taller than the screen gives up what does not fit.
  BOOST_TEST(client::SharingDialog::FitsIn(768, 600, 400, 48) == 400);
  BOOST_TEST(client::SharingDialog::FitsIn(768, 900, 600, 48) == 420);
}

BOOST_FIXTURE_TEST_CASE(a_changed_key_stops_sharing_until_verified_again, Sharing) {
  const sync::TherapistLink link = LinkWithDialog(true);
  const std::string before = sync::LinkSafetyNumber(journal(), link).value();
  const reports::StoredReport report = KeptReport();

  // The therapist's keys change on the server.
  server.PublishNewKeys();
  auto dialog = OpenShare(report);
  BOOST_TEST(!dialog->can_share());
  BOOST_TEST(!dialog->share_button()->IsEnabled());
  BOOST_TEST(dialog->link_state_text().utf8_string().find("has changed") != std::string::npos);
  dialog->StartShare();  // refused: nothing is asked of the server
  BOOST_TEST(!sharing().busy());
  dialog.reset();
  Pump(20);
  BOOST_TEST(server.connection().ListReports(server.token()).value().empty());
  BOOST_TEST(sync::ListConsents(journal()).value().empty());

  // The therapists dialog shows the warning and the new number.
  auto links = std::make_unique<LinksDialog>(&frame(), sharing(), Yes);
  links->Show();
  BOOST_TEST(links->number_panel().warning_shown());
  BOOST_TEST(Find<wxWindow>(links.get(), client::SafetyNumberPanel::kWarningName)->IsShown());
  const std::string after = links->number_panel().digits();
  BOOST_TEST(after != before);
  BOOST_TEST(after ==
             sync::LinkSafetyNumber(journal(), sync::FindLink(journal(), link.id).value()).value());
  links->MarkVerified();
  Settle();
  BOOST_TEST(!links->number_panel().warning_shown());
  links.reset();
  Pump(20);

  auto again = OpenShare(report);
  BOOST_TEST(again->can_share());
  Click(again->share_button());
  Settle();
  BOOST_REQUIRE_MESSAGE(again->consent().has_value(), again->notice().text().utf8_string());
  again.reset();
  Pump(20);
  auto arrived = server.connection().ListReports(server.token()).value();
  BOOST_REQUIRE(arrived.size() == 1u);
  auto envelope = server.connection().DownloadReport(server.token(), arrived[0].report_id).value();
  auto signing = core::LoadOrCreateSigningKey(journal()).value();
  BOOST_TEST(core::envelope::Open(envelope, server.keys().sealing, signing.public_key).ok());
}

BOOST_FIXTURE_TEST_CASE(a_server_that_is_down_is_said_calmly_with_try_again, Sharing) {
  LinkWithDialog(true);
  server.Stop();
  auto receipts = std::make_unique<ReceiptsDialog>(&frame(), sharing(), Yes);
  receipts->Show();
  Settle();
  // Nothing shared yet, so nothing to ask about: the links dialog asks.
  receipts.reset();
  auto links = std::make_unique<LinksDialog>(&frame(), sharing(), Yes);
  links->Show();
  links->CheckForChanges();
  Settle();
  const std::string said = links->notice().text().utf8_string();
  BOOST_TEST(said.find("could not be reached") != std::string::npos, said);
  BOOST_TEST(links->notice().retry_offered());
  // The link is as it was: verified, nothing lost.
  BOOST_TEST(links->links().front().can_share());
  links.reset();
  Pump(20);
  BOOST_TEST(DialogRecorder::shown().empty());
}

BOOST_FIXTURE_TEST_CASE(ending_a_link_asks_once_and_try_again_does_not_ask_again, Sharing) {
  LinkWithDialog(true);
  server.Stop();
  std::vector<wxString> asked;
  auto links = std::make_unique<LinksDialog>(&frame(), sharing(),
                                             [&asked](wxWindow*, const wxString& question) {
                                               asked.push_back(question);
                                               return true;
                                             });
  links->Show();
  links->Select(0);
  Click(Find<wxButton>(links.get(), LinksDialog::kRemoveName));
  Settle();
  BOOST_REQUIRE(asked.size() == 1u);
  BOOST_TEST(asked[0].utf8_string().find("End the link with Dr Rivera?") == 0u);
  BOOST_REQUIRE(links->notice().retry_offered());
  Click(links->notice().retry_button());
  Settle();
  BOOST_TEST(asked.size() == 1u);               // already confirmed
  BOOST_TEST(links->notice().retry_offered());  // still down: offered again
  // Nothing was ended while the server could not be reached.
  BOOST_TEST(links->links().size() == 1u);
  BOOST_TEST(links->links().front().can_share());
  links.reset();
  Pump(20);
}

BOOST_FIXTURE_TEST_CASE(an_earlier_kept_report_is_chosen_and_shared, Sharing) {
  LinkWithDialog(true);
  const reports::StoredReport current = KeptReport();
  // A report kept a week before, as the app keeps them.
  reports::StoredReport older = current;
  older.id = "00000000-0000-4000-8000-000000000001";
  older.created_at.unix_seconds -= 7 * 86400;
  older.content.subtitle = "Oct 26 to Nov 2, 2026";
  BOOST_REQUIRE(reports::ReportStore::Save(journal(), older).ok());
  frame().controller()->NoteKeptReport(older);

  auto kept = frame().controller()->StoredReports();
  BOOST_REQUIRE(kept.ok());
  auto chooser = std::make_unique<EarlierReportsDialog>(&frame(), std::move(kept).value());
  chooser->Show();
  BOOST_REQUIRE(chooser->row_count() == 2u);
  BOOST_TEST(chooser->row_text(0, 0).utf8_string() == current.content.subtitle);  // newest first
  BOOST_TEST(chooser->row_text(1, 0).utf8_string() == "Oct 26 to Nov 2, 2026");
  BOOST_TEST(chooser->row_text(1, 3).utf8_string() == "Not shared");
  BOOST_TEST(chooser->share_button()->IsEnabled());
  chooser->Select(1);
  Click(chooser->share_button());
  BOOST_REQUIRE(chooser->chosen().has_value());
  BOOST_TEST(*chooser->chosen() == older.id);
  chooser.reset();

  auto dialog = OpenShare(reports::ReportStore::Load(journal(), older.id).value());
  BOOST_REQUIRE(dialog->can_share());
  Click(dialog->share_button());
  Settle();
  BOOST_REQUIRE_MESSAGE(dialog->consent().has_value(), dialog->notice().text().utf8_string());
  BOOST_TEST(dialog->consent()->report_id == older.id);
  dialog.reset();
  Pump(20);
  BOOST_TEST(server.connection().ListReports(server.token()).value().size() == 1u);
  // Listed again, it says with whom it was shared.
  EarlierReportsDialog again(&frame(), frame().controller()->StoredReports().value(),
                             sharing().SharedWith().value());
  BOOST_TEST(again.row_text(1, 3).utf8_string() == "With Dr Rivera");
  BOOST_TEST(again.row_text(0, 3).utf8_string() == "Not shared");

  // The one taken to a session is marked, and the mark taken off again.
  EarlierReportsDialog::Taken taken;
  taken.mark = [&](const std::string& id, bool mark) {
    return client::MarkReportTaken(journal(), id, mark).status();
  };
  EarlierReportsDialog marking(&frame(), frame().controller()->StoredReports().value(), {},
                               std::move(taken));
  marking.Select(0);
  BOOST_TEST(marking.taken_button()->GetLabel().utf8_string() == "Taken to a s&ession");
  BOOST_TEST(marking.row_text(0, 4).utf8_string().empty());
  marking.ToggleTaken();
  BOOST_TEST(marking.row_text(0, 4).utf8_string() == "Yes");
  BOOST_TEST(marking.taken_button()->GetLabel().utf8_string() == "Not &taken after all");
  BOOST_TEST(reports::ReportStore::TakenIds(journal()).value().contains(current.id));
  marking.ToggleTaken();
  BOOST_TEST(reports::ReportStore::TakenIds(journal()).value().empty());

  // With nothing kept, there is nothing to share.
  EarlierReportsDialog empty(&frame(), {});
  BOOST_TEST(empty.row_count() == 0u);
  BOOST_TEST(!empty.share_button()->IsEnabled());
}

BOOST_FIXTURE_TEST_CASE(locking_waits_for_the_server_and_closes_the_dialog, Sharing) {
  LinkWithDialog(true);
  // Locking destroys it: held by a weak reference only.
  auto* links = new LinksDialog(&frame(), sharing(), Yes);
  links->Show();
  wxWeakRef<wxDialog> open(links);
  links->CheckForChanges();
  BOOST_REQUIRE(sharing().busy());
  frame().Lock("Locked.");
  BOOST_TEST(frame().unlocked());  // the worker still has the journal
  BOOST_REQUIRE(WaitUntil([&] { return !frame().unlocked(); }, std::chrono::seconds(20)));
  BOOST_TEST(WaitUntil([&] {
    wxTheApp->ProcessIdle();
    return open.get() == nullptr;
  }));
}

BOOST_AUTO_TEST_SUITE_END()

// CTest runs this suite on a 1366x768 display too.
BOOST_AUTO_TEST_SUITE(fits_the_screen)

BOOST_FIXTURE_TEST_CASE(the_consent_dialog_and_its_share_button_are_on_the_screen, Sharing) {
  LinkWithDialog(true);
  auto dialog = OpenShare(KeptReport());
  Pump(400);  // it fits itself again once GTK has measured what it shows
  const wxRect screen = wxDisplay(dialog.get()).GetClientArea();
  BOOST_TEST(dialog->GetSize().GetHeight() <= screen.GetHeight(),
             dialog->GetSize().GetHeight() << " on a screen " << screen.GetHeight() << " high");
  BOOST_TEST(screen.Contains(dialog->share_button()->GetScreenRect().GetBottomRight()));
  BOOST_TEST(dialog->can_share());
  BOOST_TEST(dialog->share_button()->IsShownOnScreen());
}
BOOST_AUTO_TEST_SUITE_END()

}  // namespace fieldnotes::testing
