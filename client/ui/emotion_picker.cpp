#include "ui/emotion_picker.h"

#include <wx/checklst.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

#include "common/wx/str_helpers.h"
#include "core/model.h"
#include "core/text.h"
#include "ui/entry_text.h"

namespace fieldnotes::client {

using wxcommon::ToUtf8;
using wxcommon::ToWx;

std::vector<std::string> SplitWords(const std::string& text) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string word = text.substr(start, comma - start);
    const size_t first = word.find_first_not_of(" \t\r\n");
    const size_t last = word.find_last_not_of(" \t\r\n");
    if (first != std::string::npos) words.push_back(word.substr(first, last - first + 1));
    start = comma + 1;
  }
  return words;
}

EmotionPicker::EmotionPicker(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
  const int gap = FromDIP(4);
  wxArrayString words;
  for (std::string_view w : core::EmotionVocabulary()) words.Add(ToWx(w));
  auto* label = new wxStaticText(this, wxID_ANY, _("&Emotions (tick any):"));
  list_ = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(200), FromDIP(150)),
                             words);
  list_->SetName(kListName);
  auto* own_label = new wxStaticText(this, wxID_ANY, _("Or your &own words:"));
  own_ = new wxTextCtrl(this, wxID_ANY);
  own_->SetName(kOwnName);
  own_->SetHint(_("e.g. dread, on edge"));

  auto* box = new wxBoxSizer(wxVERTICAL);
  box->Add(label, 0, wxBOTTOM, gap);
  box->Add(list_, 1, wxEXPAND | wxBOTTOM, 2 * gap);
  box->Add(own_label, 0, wxBOTTOM, gap);
  box->Add(own_, 0, wxEXPAND);
  SetSizer(box);
}

std::vector<std::string> EmotionPicker::GetEmotions() const {
  std::vector<std::string> out;
  for (unsigned i = 0; i < list_->GetCount(); ++i)
    if (list_->IsChecked(i)) out.push_back(ToUtf8(list_->GetString(i)));
  for (std::string& w : SplitWords(ToUtf8(own_->GetValue()))) {
    // "Anxiety" typed by hand is the vocabulary word.
    std::string folded = core::text::Fold(w);
    if (core::IsVocabularyEmotion(folded)) w = folded;
    if (std::find(out.begin(), out.end(), w) == out.end()) out.push_back(std::move(w));
  }
  return out;
}

void EmotionPicker::SetEmotions(const std::vector<std::string>& emotions) {
  Clear();
  std::vector<std::string> own;
  for (const std::string& e : emotions) {
    const int index = list_->FindString(ToWx(e), true);
    if (core::IsVocabularyEmotion(e) && index != wxNOT_FOUND) {
      list_->Check(static_cast<unsigned>(index));
    } else {
      own.push_back(e);
    }
  }
  own_->ChangeValue(ToWx(JoinWords(own)));
}

void EmotionPicker::Clear() {
  for (unsigned i = 0; i < list_->GetCount(); ++i) list_->Check(i, false);
  own_->ChangeValue(wxString());
}

}  // namespace fieldnotes::client
