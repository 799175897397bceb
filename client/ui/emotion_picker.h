// EmotionPicker: the fixed emotion vocabulary (core::EmotionVocabulary) as
// a check list shown in the UI language (arrows move, Space ticks, typing a letter jumps), plus a
// field for the person's own words, comma-separated.
#ifndef FIELDNOTES_CLIENT_UI_EMOTION_PICKER_H_
#define FIELDNOTES_CLIENT_UI_EMOTION_PICKER_H_

#include <wx/panel.h>

#include <string>
#include <vector>

class wxCheckListBox;
class wxTextCtrl;

namespace fieldnotes::client {

class EmotionPicker : public wxPanel {
 public:
  static constexpr char kListName[] = "emotions";
  static constexpr char kOwnName[] = "own_emotion";

  explicit EmotionPicker(wxWindow* parent);

  // Vocabulary words first (in list order, canonical: the English word
  // whatever the UI language shows), then the person's own as typed.
  std::vector<std::string> GetEmotions() const;
  void SetEmotions(const std::vector<std::string>& emotions);
  void Clear();

 private:
  wxCheckListBox* list_;
  wxTextCtrl* own_;
  std::vector<std::string> canonical_;  // the vocabulary word of each list row
};

// Splits "a, b ,c" into trimmed, non-empty words.
std::vector<std::string> SplitWords(const std::string& text);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_EMOTION_PICKER_H_
