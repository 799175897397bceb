#include "ui/last_session_ask.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

#include "common/wx/error_words.h"
#include "common/wx/screen_fit.h"
#include "common/wx/str_helpers.h"
#include "engine/first_run.h"
#include "engine/journal_controller.h"
#include "ui/page_host.h"
#include "ui/session_dialog.h"

namespace fieldnotes::client {
namespace {

// The least width of the words beside the buttons.
constexpr int kTextMinDip = 160;

}  // namespace

LastSessionAsk::LastSessionAsk(wxWindow* parent, PageHost& host, const wxString& text,
                               bool offer_not_now)
    : wxPanel(parent, wxID_ANY), host_(host), once_(offer_not_now), words_(text) {
  SetName(offer_not_now ? "last_session_ask_once" : "last_session_ask");
  const int gap = FromDIP(8);
  text_ = new wxStaticText(this, wxID_ANY, text);
  // Until the strip has its width the words ask for little room; then they
  // wrap to what is left beside the buttons (a translation may be longer).
  text_->SetMinSize(wxSize(FromDIP(kTextMinDip), -1));
  add_ = new wxButton(this, wxID_ANY, _("Add my &last session…"));
  add_->SetName(kAddName);
  add_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AddWithDialog(); });
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  row->Add(text_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
  row->Add(add_, 0, wxALIGN_CENTER_VERTICAL);
  if (offer_not_now) {
    not_now_ = new wxButton(this, wxID_ANY, _("&Not now"));
    not_now_->SetName(kNotNowName);
    not_now_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { NotNow(); });
    row->Add(not_now_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, gap);
  }
  auto* box = new wxBoxSizer(wxVERTICAL);
  box->Add(row, 0, wxEXPAND | wxALL, gap);
  SetSizer(box);
  Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    e.Skip();
    Rewrap();
  });
  Hide();  // Refresh() decides
}

void LastSessionAsk::Rewrap() {
  const int gap = FromDIP(8);
  int room = GetClientSize().GetWidth() - 3 * gap - add_->GetSize().GetWidth();
  if (not_now_ != nullptr) room -= not_now_->GetSize().GetWidth() + gap;
  room = std::max(room, FromDIP(kTextMinDip));
  if (room == wrapped_at_) return;
  wrapped_at_ = room;
  text_->SetMinSize(wxSize(FromDIP(kTextMinDip), -1));
  text_->SetLabel(words_);
  text_->Wrap(room);
  text_->InvalidateBestSize();
  text_->SetMinSize(wxSize(FromDIP(kTextMinDip), text_->GetBestSize().GetHeight()));
  // The strip's height follows the lines: lay the page out again once this
  // size event is over.
  CallAfter([this] {
    InvalidateBestSize();
    wxcommon::RelayoutParent(this);
  });
}

bool LastSessionAsk::Refresh() {
  JournalController& controller = host_.controller();
  bool show = !controller.lent() && NoSessionYet(controller.journal());
  // Asked once: from the moment it shows, the journal remembers it.
  if (once_ && !IsShown()) show = show && TakeLastSessionAsk(controller.journal());
  if (show != IsShown()) {
    Show(show);
    wxcommon::RelayoutParent(this);
  }
  return show;
}

void LastSessionAsk::AddWithDialog() {
  SessionDialog dialog(this, host_.controller().clock());
  if (dialog.ShowModal() == wxID_OK) AddSession(dialog.GetSession());
}

bool LastSessionAsk::AddSession(const core::Session& session) {
  JournalController& controller = host_.controller();
  auto id = controller.AddSession(session);
  if (!id.ok()) {
    wxcommon::ShowError(this, wxcommon::DescribeStatus(id.status(), _("Fieldnotes could not add the session.")));
    return false;
  }
  host_.SetStatus(_("Session added. Patterns and the report now count from it."));
  host_.JournalChanged();
  Refresh();
  return true;
}

void LastSessionAsk::NotNow() {
  JournalController& controller = host_.controller();
  if (!controller.lent()) (void)MarkLastSessionAsked(controller.journal());
  Hide();
  wxcommon::RelayoutParent(this);
}

}  // namespace fieldnotes::client
