// LastSessionAsk: a quiet strip that asks for the date of the last therapy
// session while none is recorded, so "since your last session" can be true
// (until then patterns and the report cover the last 14 days and say so).
//
// The workspace shows it once, on the first unlock of a journal without
// sessions (the journal remembers it asked; "Not now" puts it away); the
// Weekly report page shows it whenever no session is recorded, with its own
// words and no "Not now".
#ifndef FIELDNOTES_CLIENT_UI_LAST_SESSION_ASK_H_
#define FIELDNOTES_CLIENT_UI_LAST_SESSION_ASK_H_

#include <wx/panel.h>

#include "core/model.h"

class wxButton;
class wxStaticText;

namespace fieldnotes::client {

class PageHost;

class LastSessionAsk : public wxPanel {
 public:
  static constexpr char kAddName[] = "last_session_add";
  static constexpr char kNotNowName[] = "last_session_not_now";

  // `offer_not_now`: the once-only ask of the first run.
  LastSessionAsk(wxWindow* parent, PageHost& host, const wxString& text, bool offer_not_now);

  // Shown only while the journal has no session (and, for the once-only
  // ask, was never asked before). Returns whether it is shown.
  bool Refresh();
  // The date was given: adds the session as the dialog gives it (tests call
  // this directly). False when the journal refused it (said).
  bool AddSession(const core::Session& session);
  void NotNow();

 private:
  void AddWithDialog();
  // Wraps the words to the width left beside the buttons.
  void Rewrap();

  PageHost& host_;
  bool once_;
  wxString words_;       // the words, unwrapped
  int wrapped_at_ = -1;  // the width they were last wrapped to
  wxStaticText* text_;
  wxButton* add_;
  wxButton* not_now_ = nullptr;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_LAST_SESSION_ASK_H_
