// WelcomePanel: the first-run page. Shown once, when a new journal (no
// entries, no sessions) is first unlocked, and again from Help > Welcome
// and the four kinds (Shift+F1). It says, in the guide's words, what a
// spike, a loop, a thread and a note are for, and asks for the date of the
// last session (optional): given, it is saved as a session through the
// journal controller, as Sessions and threads does.
#ifndef FIELDNOTES_CLIENT_UI_WELCOME_PANEL_H_
#define FIELDNOTES_CLIENT_UI_WELCOME_PANEL_H_

#include <wx/datetime.h>
#include <wx/scrolwin.h>

#include <functional>

class wxButton;
class wxStaticText;

namespace fieldnotes::client {

class DateField;
class PageHost;

class WelcomePanel : public wxScrolledWindow {
 public:
  static constexpr char kDateName[] = "welcome_session_date";
  static constexpr char kSaveDateName[] = "welcome_save_date";
  static constexpr char kStartName[] = "welcome_start";

  // `done`: the client is through with it (Start writing, or the session
  // saved and Start writing pressed); the workspace shows the pages again.
  WelcomePanel(wxWindow* parent, PageHost& host, std::function<void()> done);

  // Whether a journal sees the page on its first unlock is the engine's
  // (engine/first_run.h IsNewJournal, BeginWelcome).

  // Before showing: the date field back to a week ago, the message cleared;
  // with a session on record already, its date instead of the question.
  void Reset();
  // Saves the day in the date field as the last session (at noon, local
  // time). False when the journal refused it (said on the page).
  bool SaveLastSession();
  void SetDay(const wxDateTime& day);
  void Start();
  bool session_saved() const { return saved_; }
  wxString message_text() const;

 private:
  PageHost& host_;
  std::function<void()> done_;
  wxStaticText* date_label_;
  DateField* date_;
  wxButton* save_date_;
  wxButton* start_;
  wxStaticText* message_;
  bool saved_ = false;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_WELCOME_PANEL_H_
