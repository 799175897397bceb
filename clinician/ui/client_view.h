// ClientView: one client: their label (the clinician's own words, kept on
// this computer only), since when they are linked, and the safety number to
// compare with them in session, large enough to read aloud. From here the
// label can be changed and the link ended.
#ifndef FIELDNOTES_CLINICIAN_UI_CLIENT_VIEW_H_
#define FIELDNOTES_CLINICIAN_UI_CLIENT_VIEW_H_

#include <wx/panel.h>

#include <functional>

#include "clinician/ui/session_controller.h"

class wxButton;
class wxStaticText;

namespace fieldnotes::clinician {

class ClientView : public wxPanel {
 public:
  static constexpr char kNumberName[] = "client_safety_number";

  struct Actions {
    std::function<void(const ClientRow&)> rename;
    std::function<void(const ClientRow&)> end_link;
  };
  ClientView(wxWindow* parent, Actions actions);

  void Show(const ClientRow& client);
  const ClientRow& client() const { return client_; }
  wxString number_text() const;

 private:
  Actions actions_;
  ClientRow client_;
  wxStaticText* title_;
  wxStaticText* since_;
  wxStaticText* number_;
  wxStaticText* warning_;
};

}  // namespace fieldnotes::clinician

#endif  // FIELDNOTES_CLINICIAN_UI_CLIENT_VIEW_H_
