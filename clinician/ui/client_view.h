// ClientView: one client: their label (the clinician's own words, kept on
// this computer only), since when they are linked, and the safety number to
// compare with them in session, large enough to read aloud. From here the
// label can be changed and the link ended.
#ifndef FIELDNOTES_CLINICIAN_UI_CLIENT_VIEW_H_
#define FIELDNOTES_CLINICIAN_UI_CLIENT_VIEW_H_

#include <wx/scrolwin.h>

#include <functional>

#include "clinician/ui/session_controller.h"

class wxButton;
class wxStaticText;
class wxTextCtrl;

namespace fieldnotes::clinician {

class ClientView : public wxScrolledWindow {
 public:
  static constexpr char kNumberName[] = "client_safety_number";

  struct Actions {
    std::function<void(const ClientRow&)> rename;
    std::function<void(const ClientRow&)> end_link;
    // Keep the private note typed for this client.
    std::function<void(const ClientRow&, const std::string& note)> save_note;
  };
  ClientView(wxWindow* parent, Actions actions);

  void Show(const ClientRow& client);
  const ClientRow& client() const { return client_; }
  wxString number_text() const;
  static constexpr char kNoteName[] = "client_note";
  wxString note_text() const;
  // The note of `client_id` was kept: what is typed is no longer new.
  void NoteKept(const std::string& client_id);

 private:
  // Wraps the words at the width the view has.
  void FitText();

  Actions actions_;
  ClientRow client_;
  wxStaticText* title_;
  wxStaticText* since_;
  wxStaticText* explain_;
  wxStaticText* note_words_;
  wxStaticText* number_;
  wxStaticText* warning_;
  wxTextCtrl* note_;
};

}  // namespace fieldnotes::clinician

#endif  // FIELDNOTES_CLINICIAN_UI_CLIENT_VIEW_H_
