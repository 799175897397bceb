// Controls for the optional 0-10 numbers of an entry: an intensity slider
// that starts "not set" (so an untouched slider never records a number),
// and a mood choice whose first item is "not noted".
#ifndef FIELDNOTES_CLIENT_UI_SCALE_CONTROLS_H_
#define FIELDNOTES_CLIENT_UI_SCALE_CONTROLS_H_

#include <wx/choice.h>
#include <wx/panel.h>

#include <optional>

class wxButton;
class wxSlider;
class wxStaticText;

namespace fieldnotes::client {

class IntensityControl : public wxPanel {
 public:
  static constexpr char kName[] = "intensity";

  explicit IntensityControl(wxWindow* parent);
  std::optional<int> GetValue() const { return value_; }
  void SetValue(std::optional<int> value);
  // Where "Set it" puts the slider.
  static constexpr int kStartValue = 5;
  bool slider_shown() const;

 private:
  void ShowValue();
  // Tells the form the value changed, as moving the slider does.
  void Announce();

  std::optional<int> value_;
  wxSlider* slider_;
  wxStaticText* words_;
  wxButton* clear_;
  wxButton* set_;
};

class MoodChoice : public wxChoice {
 public:
  MoodChoice(wxWindow* parent, const wxString& name);
  std::optional<int> GetMood() const;
  void SetMood(std::optional<int> mood);
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_SCALE_CONTROLS_H_
