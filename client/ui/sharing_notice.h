// SharingNotice: the line inside a sharing dialog that says how things
// went: a note ("Shared."), a problem in the words of
// wxcommon::DescribeStatus with the technical details behind a "Details"
// expander, and a "Try again" button when trying again can help (the
// server could not be reached). An icon goes with the words, never colour
// alone. Hidden while there is nothing to say.
#ifndef FIELDNOTES_CLIENT_UI_SHARING_NOTICE_H_
#define FIELDNOTES_CLIENT_UI_SHARING_NOTICE_H_

#include <wx/panel.h>

#include <functional>

#include "core/status.h"

class wxButton;
class wxCollapsiblePane;
class wxStaticBitmap;
class wxStaticText;
class wxTextCtrl;

namespace fieldnotes::client {

class SharingNotice : public wxPanel {
 public:
  static constexpr char kName[] = "sharing_notice";
  static constexpr char kRetryName[] = "sharing_retry";

  // `width`: where the words wrap, in DIPs.
  SharingNotice(wxWindow* parent, int width);

  // A plain note (an information icon).
  void Note(const wxString& text);
  // `status` (not ok) in words; `what_failed` as for DescribeStatus
  // (_("Fieldnotes could not share the report.")). `retry`, when given, is offered as "Try again".
  void Problem(const core::Status& status, const wxString& what_failed,
               std::function<void()> retry = {});
  // A problem said in words of the caller's own, `details` behind them.
  void Problem(const wxString& message, const wxString& details);
  void Clear();

  wxString text() const;
  // What is behind the "Details" expander.
  wxString details() const;
  bool retry_offered() const;
  wxButton* retry_button() const { return retry_; }

 private:
  void Fit(const wxString& text, bool problem);

  int width_;
  wxStaticBitmap* icon_;
  wxStaticText* text_;
  wxCollapsiblePane* details_;
  wxTextCtrl* details_text_;
  wxButton* retry_;
  std::function<void()> retry_fn_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_SHARING_NOTICE_H_
