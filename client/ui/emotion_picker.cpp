#include "ui/emotion_picker.h"

#include <wx/checklst.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>

#include "common/wx/str_helpers.h"
#include "core/display.h"
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
  // The list shows each word in the UI language and keeps the canonical
  // (English) word beside it: that is what an entry stores, so patterns
  // count the same feeling whatever language it was picked in.
  wxArrayString words;
  for (std::string_view w : core::EmotionVocabulary()) {
    canonical_.emplace_back(w);
    words.Add(ToWx(core::EmotionWord(w)));
  }
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
    if (list_->IsChecked(i)) out.push_back(canonical_[i]);
  for (std::string& w : SplitWords(ToUtf8(own_->GetValue()))) {
    // "Anxiety" typed by hand is the vocabulary word, and so is its
    // translation ("Angst" in German).
    const std::string folded = core::text::Fold(w);
    for (const std::string& c : canonical_) {
      if (folded == c || folded == core::text::Fold(core::EmotionWord(c))) {
        w = c;
        break;
      }
    }
    if (std::find(out.begin(), out.end(), w) == out.end()) out.push_back(std::move(w));
  }
  return out;
}

void EmotionPicker::SetEmotions(const std::vector<std::string>& emotions) {
  Clear();
  std::vector<std::string> own;
  for (const std::string& e : emotions) {
    const auto found = std::find(canonical_.begin(), canonical_.end(), e);
    if (found != canonical_.end()) {
      list_->Check(static_cast<unsigned>(found - canonical_.begin()));
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
