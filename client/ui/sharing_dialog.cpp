#include "ui/sharing_dialog.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/display.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>

#include "ui/sharing_controller.h"

namespace fieldnotes::client {

SharingDialog::SharingDialog(wxWindow* parent, SharingController& sharing, const wxString& title,
                             long style)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize, style),
      sharing_(sharing),
      refit_(this) {
  sharing_.SetOpenDialog(this);
  Bind(
      wxEVT_TIMER, [this](wxTimerEvent&) { Refit(); }, refit_.GetId());
  Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& e) {
    if (busy() && e.CanVeto()) {
      e.Veto();
      return;
    }
    e.Skip();
  });
}

void SharingDialog::Refit() {
  if (GetSizer() == nullptr) return;
  if (body_ != nullptr && body_->GetSizer() != nullptr) {
    // All of the body when it fits; else as much as the screen holds.
    const wxSize whole = body_->GetSizer()->GetMinSize();
    body_->SetMinSize(whole);
    GetSizer()->SetSizeHints(this);
    const int room = FitsIn(wxDisplay(this).GetClientArea().GetHeight(), GetSize().GetHeight(),
                            whole.GetHeight(), FromDIP(kWindowFrameDip));
    if (room < whole.GetHeight()) {
      body_->SetMinSize(
          wxSize(whole.GetWidth() + wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, this), room));
      GetSizer()->SetSizeHints(this);
    }
    body_->FitInside();
  } else {
    GetSizer()->SetSizeHints(this);
  }
  Layout();
}

int SharingDialog::FitsIn(int screen, int dialog, int body, int frame) {
  const int over = dialog + frame - screen;
  if (over <= 0) return body;
  return std::max(body / 4, body - over);
}

void SharingDialog::RefitSoon() {
  Refit();
  refit_.StartOnce(150);
}

SharingDialog::~SharingDialog() {
  refit_.Stop();
  if (sharing_.open_dialog() == this) sharing_.SetOpenDialog(nullptr);
}

bool SharingDialog::busy() const { return sharing_.busy(); }

void SharingDialog::HoldWhileBusy(wxButton* close) {
  SetEscapeId(wxID_CANCEL);
  close->Bind(wxEVT_BUTTON, [this](wxCommandEvent& e) {
    if (!busy()) e.Skip();  // the dialog's own handler closes it
  });
}

void SharingDialog::AddFooter(wxBoxSizer* box, wxWindow* busy, wxWindow* notice, wxSizer* buttons,
                              int gap) {
  box->Add(busy, 0, wxEXPAND | wxLEFT | wxRIGHT, 2 * gap);
  box->Add(notice, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 2 * gap);
  box->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 2 * gap);
}

}  // namespace fieldnotes::client
