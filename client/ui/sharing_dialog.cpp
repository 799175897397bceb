#include "ui/sharing_dialog.h"

#include <wx/button.h>
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
  GetSizer()->SetSizeHints(this);
  Layout();
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
