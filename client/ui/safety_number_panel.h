// SafetyNumberPanel: one link's safety number, for comparing with the
// therapist: who and where (the link's label and server), the 60 digits in
// twelve groups of five (the same layout as on the therapist's screen), the
// step in words ("compare this with your therapist"), and a button to mark
// it verified. When the therapist's keys changed since they were verified,
// a warning with an icon and words says so, and sharing waits until the new
// number is compared.
#ifndef FIELDNOTES_CLIENT_UI_SAFETY_NUMBER_PANEL_H_
#define FIELDNOTES_CLIENT_UI_SAFETY_NUMBER_PANEL_H_

#include <wx/panel.h>

#include <functional>
#include <string>

#include "sync/sharing.h"

class wxButton;
class wxStaticBitmap;
class wxStaticText;

namespace fieldnotes::client {

class SafetyNumberPanel : public wxPanel {
 public:
  static constexpr char kNumberName[] = "safety_number";
  static constexpr char kVerifyName[] = "safety_verify";
  static constexpr char kWarningName[] = "safety_key_changed";

  // `on_verify` runs when the person says the numbers match.
  SafetyNumberPanel(wxWindow* parent, std::function<void()> on_verify);

  void SetLink(const sync::TherapistLink& link, const std::string& digits);
  void Clear();
  // While work is out: the button waits.
  void EnableVerify(bool enable);

  // The digits shown, without spaces or line breaks.
  std::string digits() const { return digits_; }
  bool warning_shown() const;
  wxButton* verify_button() const { return verify_; }

 private:
  std::function<void()> on_verify_;
  std::string digits_;
  bool can_verify_ = false;
  wxStaticText* who_;
  wxStaticText* where_;
  wxPanel* warning_;
  wxStaticText* warning_text_;
  wxStaticText* number_;
  wxStaticText* how_;
  wxStaticText* state_;
  wxStaticBitmap* state_icon_;
  wxButton* verify_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_SAFETY_NUMBER_PANEL_H_
