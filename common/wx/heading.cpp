#include "common/wx/heading.h"

#include <wx/arrstr.h>
#include <wx/clntdata.h>
#include <wx/sizer.h>

#include <algorithm>

namespace fieldnotes::wxcommon {

wxStaticText* MakeHeading(wxWindow* parent, const wxString& text) {
  auto* heading = new wxStaticText(parent, wxID_ANY, wxString());
  heading->SetFont(heading->GetFont().Bold());
  SetHeading(heading, text);
  return heading;
}

namespace {

// The words a text was given, before any wrapping.
void KeepWords(wxStaticText* text, const wxString& words) {
  text->SetClientObject(new wxStringClientData(words));
}

wxString WordsOf(const wxStaticText* text) {
  if (const auto* kept = dynamic_cast<const wxStringClientData*>(text->GetClientObject()))
    return kept->GetData();
  return text->GetLabelText();
}

}  // namespace

void SetHeading(wxStaticText* heading, const wxString& text) {
  KeepWords(heading, text);
  // Headings carry names from data ("Safety number with Sam & Alex"): an
  // & is shown, never taken as a keyboard mnemonic.
  heading->SetLabelText(text);
  const wxSize extent = heading->GetTextExtent(text);
  heading->SetMinSize(wxSize(extent.GetWidth() + heading->FromDIP(4), extent.GetHeight()));
  heading->InvalidateBestSize();
  if (heading->GetContainingSizer() != nullptr) heading->GetParent()->Layout();
}

wxString UnwrappedText(const wxStaticText* text) { return WordsOf(text); }

void SetWrappedText(wxStaticText* text, const wxString& words, int width) {
  KeepWords(text, words);
  WrapTo(text, width);
}

void WrapTo(wxStaticText* text, int width) {
  const wxString words = WordsOf(text);
  text->SetLabelText(words);
  if (width > 0) text->Wrap(width);
  // Sized from the lines as wrapped, in the text's own font: GTK would size
  // a bold heading in the regular one.
  int longest = 0;
  int height = 0;
  for (const wxString& line : wxSplit(text->GetLabelText(), '\n', '\0')) {
    const wxSize extent = text->GetTextExtent(line.empty() ? wxString(" ") : line);
    longest = std::max(longest, extent.GetWidth());
    height += extent.GetHeight();
  }
  text->SetMinSize(wxSize(longest + text->FromDIP(4), height));
  text->InvalidateBestSize();
}

void ShowOnOneLine(wxStaticText* text) {
  wxString line = WordsOf(text);
  line.Replace("\n", " ");
  text->SetLabelText(line);
  text->SetToolTip(line);
  // As narrow as the sizer likes: the toolkit cuts the rest.
  text->SetMinSize(wxSize(text->FromDIP(40), text->GetTextExtent(line.empty() ? " " : line).y));
  text->InvalidateBestSize();
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
