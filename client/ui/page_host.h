// PageHost: what a page of the workspace (Write, Look back, Patterns,
// Sessions and threads; later the weekly report and sharing) may ask of the
// workspace that holds it. Pages talk to the journal through the controller
// and to each other only through this, so a new page slots in without
// knowing the others.
#ifndef FIELDNOTES_CLIENT_UI_PAGE_HOST_H_
#define FIELDNOTES_CLIENT_UI_PAGE_HOST_H_

#include <wx/string.h>

#include <string>

namespace fieldnotes::client {

class JournalController;

class PageHost {
 public:
  virtual ~PageHost() = default;

  virtual JournalController& controller() = 0;
  // Entries or sessions changed: every page drops rows pointing into the
  // journal and shows the new state. `select_id`: an entry to keep in view.
  virtual void JournalChanged(const std::string& select_id = {}) = 0;
  // Opens the entry in the writing form.
  virtual void EditEntry(const std::string& id) = 0;
  // Shows the entry in the timeline.
  virtual void ShowEntry(const std::string& id) = 0;
  // Opens the writing form for a follow-up of the thread `title`.
  virtual void WriteFollowUp(const std::string& title) = 0;
  // After an entry was saved: the safety check, then (new entries only)
  // the follow-up questions.
  virtual void EntrySaved(const std::string& id, bool is_new) = 0;
  // A short line in the status bar ("Saved.").
  virtual void SetStatus(const wxString& text) = 0;
  // A notice at the top with an Undo button, after an edit or a delete.
  virtual void OfferUndo(const wxString& text) = 0;
  // Opens the consent dialog for the stored report `report_id`.
  virtual void ShareStoredReport(const std::string& report_id) = 0;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_PAGE_HOST_H_
