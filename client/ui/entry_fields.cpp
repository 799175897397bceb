#include "ui/entry_fields.h"

#include <wx/combobox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "common/wx/screen_fit.h"
#include "common/wx/str_helpers.h"
#include "ui/emotion_picker.h"
#include "ui/entry_text.h"
#include "ui/scale_controls.h"

namespace fieldnotes::client {

using core::EntryKind;
using wxcommon::ToUtf8;
using wxcommon::ToWx;

EntryFields::EntryFields(wxWindow* parent)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL) {
  // It does not scroll by itself: the form it is in scrolls as one.
  const int gap = FromDIP(8);

  emotions_ = new EmotionPicker(this);
  auto* spike_texts = new wxBoxSizer(wxVERTICAL);
  before_ = AddText(spike_texts, _("What happened right &before?"), kBeforeName, 2, &before_field_);
  body_ = AddText(spike_texts, _("Where did you feel it in your bod&y?"), kBodyName, 1, &body_field_);
  thought_ = AddText(spike_texts, _("The e&xact thought:"), kThoughtName, 2, &thought_field_);
  unsaid_ = AddText(spike_texts, _("What you almost sa&id:"), kUnsaidName, 1, &unsaid_field_);

  auto* top = new wxBoxSizer(wxHORIZONTAL);
  top->Add(emotions_, 0, wxEXPAND | wxRIGHT, 2 * gap);
  top->Add(spike_texts, 1, wxEXPAND);

  intensity_label_ = new wxStaticText(this, wxID_ANY, _("&How strong was it?"));
  intensity_ = new IntensityControl(this);
  auto* intensity_row = new wxBoxSizer(wxHORIZONTAL);
  intensity_row->Add(intensity_label_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
  intensity_row->Add(intensity_, 0, wxALIGN_CENTER_VERTICAL);

  auto* rest = new wxBoxSizer(wxVERTICAL);
  thread_field_.label = new wxStaticText(this, wxID_ANY, _("Which s&uggestion from a session?"));
  thread_ = new wxComboBox(this, wxID_ANY);
  thread_->SetName(kThreadName);
  thread_->SetHint(_("Pick one, or type a new one"));
  thread_field_.control = thread_;
  // Tab from the thread's box goes on to "how it went", as it reads: GTK
  // would first stop on the box's drop-down button, or pass the text by.
  thread_->Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
    if (e.GetKeyCode() == WXK_TAB && !e.HasAnyModifiers()) {
      if (wxWindow* next = AfterThread()) {
        next->SetFocus();
        return;
      }
    }
    e.Skip();
  });
  rest->Add(thread_field_.label, 0, wxBOTTOM, gap / 2);
  rest->Add(thread_, 0, wxEXPAND | wxBOTTOM, gap);
  text_ = AddText(rest, _("&Anything else:"), kTextName, 3, &text_field_);
  auto* tags_label = new wxStaticText(this, wxID_ANY, _("Ta&gs (separate with commas, optional):"));
  tags_ = new wxTextCtrl(this, wxID_ANY);
  tags_->SetName(kTagsName);
  rest->Add(tags_label, 0, wxBOTTOM, gap / 2);
  rest->Add(tags_, 0, wxEXPAND);

  auto* box = new wxBoxSizer(wxVERTICAL);
  box->Add(top, 0, wxEXPAND | wxBOTTOM, gap);
  box->Add(intensity_row, 0, wxBOTTOM, gap);
  box->Add(rest, 1, wxEXPAND);
  auto* margin = new wxBoxSizer(wxVERTICAL);
  margin->Add(box, 1, wxEXPAND | wxALL, gap);
  SetSizer(margin);
  UpdateVisibility();
}

wxTextCtrl* EntryFields::AddText(wxSizer* sizer, const wxString& label, const char* name, int lines,
                                 Field* field) {
  field->label = new wxStaticText(this, wxID_ANY, label);
  const int height = GetCharHeight() * lines + FromDIP(12);
  auto* ctrl = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(-1, height),
                              wxTE_MULTILINE | wxTE_WORDWRAP);
  ctrl->SetName(name);
  field->control = ctrl;
  sizer->Add(field->label, 0, wxBOTTOM, FromDIP(4));
  sizer->Add(ctrl, lines > 2 ? 1 : 0, wxEXPAND | wxBOTTOM, FromDIP(8));
  return ctrl;
}

void EntryFields::SetKind(EntryKind kind) {
  kind_ = kind;
  switch (kind) {
    case EntryKind::kSpike:
      text_field_.label->SetLabel(_("&Anything else:"));
      break;
    case EntryKind::kLoop:
      text_field_.label->SetLabel(_("The thought that keeps coming back, &word for word:"));
      break;
    case EntryKind::kThread:
      text_field_.label->SetLabel(_("How it actually &went (the honest version):"));
      break;
    case EntryKind::kNote:
      text_field_.label->SetLabel(_("&Write it down:"));
      break;
  }
  UpdateVisibility();
}

void EntryFields::UpdateVisibility() {
  const bool spike = kind_ == EntryKind::kSpike;
  const bool feelings = spike || kind_ == EntryKind::kNote;
  emotions_->Show(feelings || !emotions_->GetEmotions().empty());
  intensity_label_->Show(spike || intensity_->GetValue().has_value());
  intensity_->Show(spike || intensity_->GetValue().has_value());
  for (auto [field, ctrl] :
       {std::pair{&before_field_, before_}, std::pair{&body_field_, body_},
        std::pair{&thought_field_, thought_}, std::pair{&unsaid_field_, unsaid_}}) {
    const bool show = spike || !ctrl->IsEmpty();
    field->label->Show(show);
    field->control->Show(show);
  }
  const bool thread = kind_ == EntryKind::kThread || !thread_->GetValue().empty();
  thread_field_.label->Show(thread);
  thread_->Show(thread);
  Layout();
  wxcommon::RelayoutParent(this);
}

void EntryFields::SetThreads(const std::vector<std::string>& titles) {
  const wxString current = thread_->GetValue();
  thread_->Clear();
  for (const std::string& t : titles) thread_->Append(ToWx(t));
  thread_->ChangeValue(current);
}

void EntryFields::ReadInto(core::Entry& e) const {
  e.kind = kind_;
  e.emotions = emotions_->GetEmotions();
  e.intensity = intensity_->GetValue();
  e.before = ToUtf8(before_->GetValue());
  e.body = ToUtf8(body_->GetValue());
  e.thought = ToUtf8(thought_->GetValue());
  e.unsaid = ToUtf8(unsaid_->GetValue());
  e.text = ToUtf8(text_->GetValue());
  e.thread = ToUtf8(thread_->GetValue().Strip(wxString::both));
  e.tags = SplitWords(ToUtf8(tags_->GetValue()));
}

void EntryFields::Load(const core::Entry& e) {
  emotions_->SetEmotions(e.emotions);
  intensity_->SetValue(e.intensity);
  before_->ChangeValue(ToWx(e.before));
  body_->ChangeValue(ToWx(e.body));
  thought_->ChangeValue(ToWx(e.thought));
  unsaid_->ChangeValue(ToWx(e.unsaid));
  text_->ChangeValue(ToWx(e.text));
  thread_->ChangeValue(ToWx(e.thread));
  tags_->ChangeValue(ToWx(JoinWords(e.tags)));
  SetKind(e.kind);
}

void EntryFields::Clear() {
  emotions_->Clear();
  intensity_->SetValue(std::nullopt);
  for (wxTextCtrl* t : {before_, body_, thought_, unsaid_, text_, tags_})
    t->ChangeValue(wxString());
  thread_->ChangeValue(wxString());
  UpdateVisibility();
}

wxWindow* EntryFields::AfterThread() const { return text_->IsShown() ? text_ : nullptr; }

void EntryFields::FocusOn(const char* name) {
  if (wxWindow* w = FindWindow(name)) w->SetFocus();
}

void EntryFields::FocusFirst() {
  switch (kind_) {
    case EntryKind::kSpike:
      before_->SetFocus();
      break;
    case EntryKind::kThread:
      thread_->SetFocus();
      break;
    default:
      text_->SetFocus();
  }
}

}  // namespace fieldnotes::client
