#include "clinician/ui/client_view.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

#include "clinician/ui/report_view.h"
#include "common/wx/accessible.h"
#include "common/wx/heading.h"
#include "common/wx/safety_number_text.h"
#include "common/wx/str_helpers.h"

namespace fieldnotes::clinician {

using wxcommon::ToWx;

ClientView::ClientView(wxWindow* parent, Actions actions)
    : wxScrolledWindow(parent, wxID_ANY), actions_(std::move(actions)) {
  SetName("client_view");
  // On a short window (GDK_SCALE=2) the page scrolls, the note and its
  // button included.
  SetScrollRate(0, FromDIP(12));
  const int gap = FromDIP(8);
  title_ = wxcommon::MakeHeading(this, wxString());
  title_->SetFont(title_->GetFont().Scaled(1.3f));
  since_ = new wxStaticText(this, wxID_ANY, wxString());
  auto* number_heading = wxcommon::MakeHeading(this, _("Safety number"));
  number_ = new wxStaticText(this, wxID_ANY, wxString());
  number_->SetName(kNumberName);
  wxFont mono(wxFontInfo(number_->GetFont().GetPointSize() * 1.8).Family(wxFONTFAMILY_TELETYPE));
  number_->SetFont(mono);
  explain_ = new wxStaticText(this, wxID_ANY, wxString());
  wxcommon::SetWrappedText(
      explain_,
      _("Read these digits with your client, in session or on the phone. If their screen shows "
        "the same ones, the reports you receive are really theirs and only you can open them."),
      FromDIP(520));
  warning_ = new wxStaticText(this, wxID_ANY, wxString());
  warning_->SetName("client_warning");
  auto* rename = new wxButton(this, wxID_ANY, _("&Rename…"));
  auto* end = new wxButton(this, wxID_ANY, _("&End the link…"));
  rename->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { actions_.rename(client_); });
  end->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { actions_.end_link(client_); });
  note_words_ = new wxStaticText(this, wxID_ANY, wxString());
  wxcommon::SetWrappedText(
      note_words_,
      _("The name you give a client, and your note, stay on this computer, sealed with your key "
        "file. The server knows them only by a number."),
      FromDIP(520));

  auto* note_heading = wxcommon::MakeHeading(this, _("My private note"));
  note_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(200, 120)),
                         wxTE_MULTILINE | wxTE_WORDWRAP);
  note_->SetName(kNoteName);
  wxcommon::SetAccessibleName(note_, _("My private note about this client"));
  auto* save_note = new wxButton(this, wxID_ANY, _("Keep the &note"));
  save_note->SetToolTip(_("Kept only on this computer, sealed with your key file; never sent"));
  save_note->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (actions_.save_note) actions_.save_note(client_, wxcommon::ToUtf8(note_->GetValue()));
  });
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->Add(rename, 0, wxRIGHT, gap);
  buttons->Add(end, 0);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(title_, 0, wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  sizer->Add(since_, 0, wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  sizer->Add(number_heading, 0, wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  sizer->Add(number_, 0, wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  sizer->Add(explain_, 0, wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  sizer->Add(warning_, 0, wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  sizer->Add(buttons, 0, wxALL, 2 * gap);
  sizer->Add(note_words_, 0, wxLEFT | wxRIGHT, 2 * gap);
  sizer->Add(note_heading, 0, wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  sizer->Add(note_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  sizer->Add(save_note, 0, wxALL, 2 * gap);
  SetSizer(sizer);
  // The words wrap to the width the view has (a small screen, GDK_SCALE=2),
  // no wider than reads well.
  Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    FitText();
    e.Skip();
  });
}

void ClientView::FitText() {
  const int room = GetClientSize().GetWidth() - FromDIP(40);
  if (room <= 0) return;
  const int width = std::min(FromDIP(560), std::max(FromDIP(160), room));
  for (wxStaticText* text : {since_, explain_, warning_, note_words_})
    wxcommon::WrapTo(text, width);
  FitInside();
}

void ClientView::Show(const ClientRow& client) {
  // A refresh shows the same client again: words typed and not yet kept
  // stay as they are.
  if (client.client_id != client_.client_id || !note_->IsModified()) {
    note_->ChangeValue(wxcommon::ToWx(client.note));
    note_->DiscardEdits();
  }
  client_ = client;
  wxcommon::SetHeading(title_, ClientName(client.label, client.client_id));
  // TRANSLATORS: %1$s and %2$s are a day and a time.
  wxcommon::SetWrappedText(
      since_,
      client.latest_report_at != 0
          ? wxString::Format(_("Linked since %1$s. Latest report shared %2$s."),
                             LocalTime(client.paired_at), LocalTime(client.latest_report_at))
          : wxString::Format(_("Linked since %s. No report shared yet."),
                             LocalTime(client.paired_at)),
      0);
  number_->SetLabelText(client.safety_number.empty()
                            ? _("(not available)")
                            : wxcommon::SafetyNumberLines(client.safety_number));
  wxcommon::SetAccessibleName(number_,
                              wxString::Format(_("Safety number %s"), number_->GetLabelText()));
  wxcommon::SetWrappedText(
      warning_,
      client.key_changed ? _("Careful: the server now reports a different key for this client than "
                             "the one first seen, so their reports are not opened. If they set up "
                             "Fieldnotes again, end this link and send them a new invite.")
                         : wxString(),
      0);
  warning_->Show(client.key_changed);
  FitText();
  Layout();
  FitInside();
}

wxString ClientView::number_text() const { return number_->GetLabelText(); }

wxString ClientView::note_text() const { return note_->GetValue(); }

void ClientView::NoteKept(const std::string& client_id) {
  if (client_id == client_.client_id) note_->DiscardEdits();
}

}  // namespace fieldnotes::clinician
