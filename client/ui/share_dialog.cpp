#include "ui/share_dialog.h"

#include <wx/artprov.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include "common/wx/accessible.h"
#include "common/wx/busy_panel.h"
#include "common/wx/heading.h"
#include "common/wx/str_helpers.h"
#include "core/timestamp.h"
#include "ui/sharing_controller.h"
#include "ui/sharing_notice.h"
#include "ui/sharing_words.h"

namespace fieldnotes::client {
namespace {

using wxcommon::ToWx;

constexpr int kWrapDip = 560;

// The SHA-256 in groups of eight, on two lines, to read out or compare.
wxString Fingerprint(const std::string& hex) {
  wxString out;
  for (size_t i = 0; i < hex.size(); i += 8) {
    if (i > 0) out += (i == 32) ? "\n" : " ";
    out += ToWx(hex.substr(i, 8));
  }
  return out;
}

}  // namespace

ShareDialog::ShareDialog(wxWindow* parent, SharingController& sharing, reports::StoredReport report)
    : SharingDialog(parent, sharing, _("Share this report")), report_(std::move(report)) {
  SetName("share_dialog");
  const int gap = FromDIP(8);
  const int wrap = FromDIP(kWrapDip);
  const ShareSummary summary = SummarizeShare(report_);

  // The words scroll on a short screen; the buttons stay on it.
  auto* body = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                    wxVSCROLL | wxTAB_TRAVERSAL);
  body->SetName("share_body");
  body->SetScrollRate(0, FromDIP(12));
  SetScrollingBody(body);
  auto* what_heading = wxcommon::MakeHeading(body, _("What leaves this computer"));
  wxString what = _("Only the PDF of this report, exactly as you saw it:\n\n");
  // TRANSLATORS: the report being shared: %1$s its title, %2$s the days
  // it covers.
  what += wxString::Format(_("“%1$s”, %2$s"), ToWx(summary.title), ToWx(summary.subtitle)) + "\n";
  // TRANSLATORS: the size of the report being shared: %1$d pages, %2$s bytes
  // (a number written with its thousands separators).
  what += wxString::Format(wxPLURAL("%1$d page, %2$s bytes", "%1$d pages, %2$s bytes",
                                    wxcommon::PluralCount(summary.pages)),
                           summary.pages, Thousands(static_cast<int64_t>(summary.bytes))) +
          "\n";
  what_ = new wxStaticText(body, wxID_ANY, wxString());
  what_->SetName(kWhatName);
  what_->SetLabelText(what);  // the title may hold an "&"
  what_->Wrap(wrap);
  auto* sha_label = new wxStaticText(body, wxID_ANY, _("Its fingerprint (SHA-256):"));
  auto* sha = new wxStaticText(body, wxID_ANY, Fingerprint(summary.sha256));
  sha->SetName("share_sha256");
  sha->SetFont(wxFont(wxFontInfo().Family(wxFONTFAMILY_TELETYPE)));
  wxcommon::SetAccessibleName(sha, wxString::Format(_("Fingerprint %s"), ToWx(summary.sha256)));
  auto* never = new wxStaticText(
      body, wxID_ANY,
      _("No entry of your journal is sent. The PDF is sealed so that only your therapist can open "
      "it, and signed by you; the server cannot read it."));
  never->Wrap(wrap);

  auto* to_heading = wxcommon::MakeHeading(body, _("Who can open it"));
  auto* to_label = new wxStaticText(body, wxID_ANY, _("&Share with"));
  to_ = new wxChoice(body, wxID_ANY);
  to_->SetName(kToName);
  wxcommon::SetAccessibleName(to_, _("Share with"));
  state_icon_ = new wxStaticBitmap(
      body, wxID_ANY,
      wxArtProvider::GetBitmapBundle(wxART_INFORMATION, wxART_OTHER, FromDIP(wxSize(32, 32))));
  state_ = new wxStaticText(body, wxID_ANY, wxString());
  state_->SetName(kLinkStateName);

  auto* until_heading = wxcommon::MakeHeading(body, _("Until when"));
  auto* until_label = new wxStaticText(body, wxID_ANY, _("&Keep it on the server for"));
  until_ = new wxChoice(body, wxID_ANY);
  until_->SetName(kUntilName);
  wxcommon::SetAccessibleName(until_, _("Keep it on the server for"));
  until_words_ = new wxStaticText(body, wxID_ANY, wxString());
  until_words_->SetName("share_until_words");
  SetDayChoices(0);

  busy_ = new wxcommon::BusyPanel(this);
  notice_ = new SharingNotice(this, kWrapDip - 60);
  share_ = new wxButton(this, wxID_OK, _("&Share"));
  share_->SetName(kShareName);
  close_ = new wxButton(this, wxID_CANCEL, _("Cancel"));

  auto* to_row = new wxBoxSizer(wxHORIZONTAL);
  to_row->Add(to_label, 0, wxALIGN_CENTRE_VERTICAL | wxRIGHT, gap);
  to_row->Add(to_, 1);
  auto* state_row = new wxBoxSizer(wxHORIZONTAL);
  state_row->Add(state_icon_, 0, wxRIGHT | wxALIGN_TOP, gap);
  state_row->Add(state_, 1);
  auto* until_row = new wxBoxSizer(wxHORIZONTAL);
  until_row->Add(until_label, 0, wxALIGN_CENTRE_VERTICAL | wxRIGHT, gap);
  until_row->Add(until_, 0);
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->AddStretchSpacer();
  buttons->Add(close_, 0, wxRIGHT, gap);
  buttons->Add(share_, 0);

  auto* words = new wxBoxSizer(wxVERTICAL);
  const int side = wxLEFT | wxRIGHT;
  words->Add(what_heading, 0, side | wxTOP, 2 * gap);
  words->AddSpacer(gap / 2);
  words->Add(what_, 0, side, 2 * gap);
  words->Add(sha_label, 0, side, 2 * gap);
  words->Add(sha, 0, side | wxTOP | wxBOTTOM, 2 * gap);
  words->Add(never, 0, side, 2 * gap);
  words->Add(to_heading, 0, side | wxTOP, 2 * gap);
  words->Add(to_row, 0, wxEXPAND | side | wxTOP, 2 * gap);
  words->Add(state_row, 0, wxEXPAND | side | wxTOP, 2 * gap);
  words->Add(until_heading, 0, side | wxTOP, 2 * gap);
  words->Add(until_row, 0, side | wxTOP, 2 * gap);
  words->Add(until_words_, 0, side | wxTOP, 2 * gap);
  body->SetSizer(words);
  auto* box = new wxBoxSizer(wxVERTICAL);
  box->Add(body, 1, wxEXPAND);
  box->Add(busy_, 0, wxEXPAND | side | wxTOP, 2 * gap);
  box->Add(notice_, 0, wxEXPAND | side | wxTOP, 2 * gap);
  box->Add(buttons, 0, wxEXPAND | wxALL, 2 * gap);
  SetSizer(box);

  to_->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) {
    if (e.GetInt() >= 0) ChooseLink(static_cast<size_t>(e.GetInt()));
  });
  until_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { UpdateUntil(); });
  share_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { StartShare(); });
  HoldWhileBusy(close_);

  if (auto links = sharing_.Links(); links.ok()) {
    links_ = std::move(links).value();
  } else {
    notice_->Problem(links.status(), _("Fieldnotes could not read your links."));
  }
  for (const sync::TherapistLink& l : links_)
    to_->Append(LinkName(l) + " (" + ToWx(l.server_url) + ")");
  UpdateUntil();
  if (links_.empty()) {
    to_->Disable();
    state_->SetLabelText(
        _("No therapist linked yet. Link one first (Sharing, Link a therapist), with the invite "
        "code they give you."));
    state_->Wrap(wrap - FromDIP(40));
    share_->Disable();
    RefitSoon();
  } else {
    // The last linked is the likely one.
    to_->SetSelection(static_cast<int>(links_.size()) - 1);
    RefitSoon();
    ChooseLink(links_.size() - 1);
  }
  close_->SetFocus();
}

bool ShareDialog::can_share() const {
  return !consent_ && checked_ && chosen_ < links_.size() &&
         WhyNotShare(links_[chosen_]) == ShareBlock::kNone;
}

std::vector<int> ShareDialog::DayChoices(int64_t max_days) {
  std::vector<int> out;
  for (int days : kDayChoices)
    if (max_days <= 0 || days <= max_days) out.push_back(days);
  // A server's own limit between the usual choices is a choice too.
  if (max_days > 0 && (out.empty() || out.back() < max_days) && max_days < kDayChoices[5])
    out.push_back(static_cast<int>(max_days));
  return out;
}

void ShareDialog::SetDayChoices(int64_t max_days) {
  const int sel = until_->GetSelection();
  const int was = sel >= 0 && static_cast<size_t>(sel) < day_choices_.size() ? day_choices_[sel]
                                                                             : kDefaultShareDays;
  day_choices_ = DayChoices(max_days);
  until_->Clear();
  int keep = -1;
  for (int days : day_choices_) {
    until_->Append(wxString::Format(wxPLURAL("%d day", "%d days", wxcommon::PluralCount(days)), days));
    // The choice made so far, or the nearest the server allows.
    if (days <= was) keep = static_cast<int>(until_->GetCount()) - 1;
  }
  until_->SetSelection(std::max(0, keep));
  UpdateUntil();
}

int64_t ShareDialog::expires_at() const {
  const int sel = until_->GetSelection();
  const int days = sel < 0 || static_cast<size_t>(sel) >= day_choices_.size() ? kDefaultShareDays
                                                                              : day_choices_[sel];
  return ExpiryAfterDays(sharing_.clock(), days);
}

void ShareDialog::ChooseDays(int days) {
  for (size_t i = 0; i < day_choices_.size(); ++i)
    if (day_choices_[i] == days) until_->SetSelection(static_cast<int>(i));
  UpdateUntil();
}

void ShareDialog::UpdateUntil() {
  // TRANSLATORS: %s is a day and a time.
  until_words_->SetLabelText(wxString::Format(
      _("The server deletes it on %s, or as soon as you withdraw it."), When(expires_at())));
  Layout();
}

void ShareDialog::ChooseLink(size_t index) {
  if (index >= links_.size() || busy()) return;
  chosen_ = index;
  to_->SetSelection(static_cast<int>(index));
  checked_ = false;
  ShowLinkState();
  CheckKeys();
}

void ShareDialog::CheckKeys() {
  if (chosen_ >= links_.size() || busy()) return;
  SetBusy(_("Checking your therapist's keys with the server…"));
  sharing_.Refresh(links_[chosen_], [this](core::Result<SharingController::Linked> fresh) {
    if (fresh.ok()) {
      links_[chosen_] = fresh->link;
      checked_ = true;
      // Only as long as this server keeps reports (its /v1/health).
      if (fresh->max_retention_days > 0) SetDayChoices(fresh->max_retention_days);
    }
    SetIdle();
    if (!fresh.ok()) {
      notice_->Problem(fresh.status(), _("Fieldnotes could not reach the server."),
                       fresh.status().code() == core::Status::Code::kUnavailable
                           ? std::function<void()>([this] { CheckKeys(); })
                           : nullptr);
    }
  });
}

void ShareDialog::ShowLinkState() {
  const sync::TherapistLink& l = links_[chosen_];
  wxString words;
  wxArtID icon = wxART_INFORMATION;
  const ShareBlock block = WhyNotShare(l);
  if (block == ShareBlock::kKeyChanged) {
    icon = wxART_WARNING;
    // TRANSLATORS: %s is the therapist's name as the client labelled them.
    words = wxString::Format(_("The safety number of %s has changed since you compared it. This "
                               "often just means a new computer. Nothing will be shared until you "
                               "compare the new number with them (Sharing, Therapists and safety "
                               "numbers) and mark it verified."),
                             LinkName(l));
  } else if (block == ShareBlock::kNotVerified) {
    icon = wxART_WARNING;
    words = wxString::Format(_("You have not compared the safety number with %s yet. Do that "
                               "first (Sharing, Therapists and safety numbers); then you can "
                               "share."),
                             LinkName(l));
  } else {
    icon = wxART_TICK_MARK;
    // TRANSLATORS: %1$s is a day and a time, %2$s the therapist's name.
    words = wxString::Format(_("Safety number compared and verified on %1$s. Only %2$s can open "
                               "it."),
                             When(l.verified_at), LinkName(l));
  }
  state_icon_->SetBitmap(
      wxArtProvider::GetBitmapBundle(icon, wxART_OTHER, FromDIP(wxSize(32, 32))));
  state_->SetLabelText(words);
  state_->Wrap(FromDIP(kWrapDip - 40));
  wxcommon::SetAccessibleName(state_, words);
  share_->Enable(can_share() && !busy());
  Layout();
  RefitSoon();
}

void ShareDialog::SetBusy(const wxString& what) {
  notice_->Clear();
  busy_->Start(what);
  share_->Disable();
  close_->Disable();
  to_->Disable();
  until_->Disable();
  Layout();
}

void ShareDialog::SetIdle() {
  busy_->Stop();
  close_->Enable();
  to_->Enable(!consent_ && !links_.empty());
  until_->Enable(!consent_);
  ShowLinkState();
}

void ShareDialog::StartShare() {
  if (!can_share() || busy()) return;
  SetBusy(_("Sealing and sending the report…"));
  sharing_.Share(links_[chosen_], report_, expires_at(), [this](core::Result<sync::Consent> consent) {
    if (!consent.ok()) {
      // A key that changed meanwhile is in the journal now: show it.
      if (auto links = sharing_.Links(); links.ok())
        for (const sync::TherapistLink& l : *links)
          if (l.id == links_[chosen_].id) links_[chosen_] = l;
      SetIdle();
      if (consent.status().code() == core::Status::Code::kInvalidArgument) {
        // The server turned down what was sent (a date it does not keep
        // to, a size over its limit): nothing left, and its reason is in
        // the details.
        notice_->Problem(
            _("The server did not take the report as it was sent, so nothing was shared. Choosing a "
            "shorter time to keep it, or sharing again, may help."),
            wxcommon::ToWx(consent.status().ToString()));
        return;
      }
      notice_->Problem(consent.status(), _("Fieldnotes could not share the report."),
                       consent.status().code() == core::Status::Code::kUnavailable
                           ? std::function<void()>([this] { StartShare(); })
                           : nullptr);
      return;
    }
    consent_ = *consent;
    SetIdle();
    share_->Hide();
    close_->SetLabel(_("&Close"));
    // TRANSLATORS: %s is a day and a time.
    notice_->Note(wxString::Format(_("Shared. The server keeps it until %s. Sharing, Receipts "
                                     "shows when it is opened, and lets you withdraw it."),
                                   When(consent_->expires_at)));
    RefitSoon();
    close_->SetFocus();
  });
}

wxString ShareDialog::what_text() const { return what_->GetLabelText(); }

wxString ShareDialog::link_state_text() const { return state_->GetLabelText(); }

}  // namespace fieldnotes::client
