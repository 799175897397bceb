#include "common/wx/heading.h"

#include <wx/sizer.h>

namespace fieldnotes::wxcommon {

wxStaticText* MakeHeading(wxWindow* parent, const wxString& text) {
  auto* heading = new wxStaticText(parent, wxID_ANY, wxString());
  heading->SetFont(heading->GetFont().Bold());
  SetHeading(heading, text);
  return heading;
}

void SetHeading(wxStaticText* heading, const wxString& text) {
  // Headings carry names from data ("Safety number with Sam & Alex"): an
  // & is shown, never taken as a keyboard mnemonic.
  heading->SetLabelText(text);
  const wxSize extent = heading->GetTextExtent(text);
  heading->SetMinSize(wxSize(extent.GetWidth() + heading->FromDIP(4), extent.GetHeight()));
  heading->InvalidateBestSize();
  if (heading->GetContainingSizer() != nullptr) heading->GetParent()->Layout();
}

void SetFormMessage(wxStaticText* message, const wxString& text, int width) {
  message->SetLabelText(text);
  message->Wrap(message->FromDIP(width));
  message->Show(!text.empty());
  message->GetParent()->Layout();
}

void CenterForm(wxWindow* page, wxSizer* form, int margin) {
  auto* outer = new wxBoxSizer(wxVERTICAL);
  outer->AddStretchSpacer(1);
  outer->Add(form, 0, wxALIGN_CENTER_HORIZONTAL | wxALL, margin);
  outer->AddStretchSpacer(2);
  page->SetSizer(outer);
}

}  // namespace fieldnotes::wxcommon
