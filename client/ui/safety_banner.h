// SafetyBanner: the crisis lines for the person's region, shown in the
// window when what they wrote raises the safety flag (or when they ask for
// them from the Help menu). Plain words, the window's own colours, no
// alarm, no sound, no dialog to get past, and nothing sent anywhere: the
// flag exists only to show this (docs/patterns.md, "Safety").
#ifndef FIELDNOTES_CLIENT_UI_SAFETY_BANNER_H_
#define FIELDNOTES_CLIENT_UI_SAFETY_BANNER_H_

#include <wx/panel.h>

#include <string>

class wxButton;
class wxStaticText;

namespace fieldnotes::client {

class SafetyBanner : public wxPanel {
 public:
  static constexpr char kName[] = "safety_banner";

  explicit SafetyBanner(wxWindow* parent);

  // Shows the lines for `region` (ISO code or alias; "" for anywhere).
  // Shows the lines for `region`; with `include_abuse`, also the lines for
  // abuse at home (CrisisResources::LinesFor).
  void ShowFor(const std::string& region, bool include_abuse);
  void Dismiss();
  // The words shown, for tests.
  wxString text() const;

 private:
  wxStaticText* message_;
  wxStaticText* lines_;
  wxStaticText* footer_;
  wxButton* close_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_SAFETY_BANNER_H_
