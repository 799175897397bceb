// SharingDialog: what the four sharing dialogs (link, therapists, consent,
// receipts) have in common. It tells the SharingController it is on screen
// (so locking can close it first), and while work it started is out with
// the server it cannot be closed: not by its close button, not by Escape,
// not by the window's close box.
#ifndef FIELDNOTES_CLIENT_UI_SHARING_DIALOG_H_
#define FIELDNOTES_CLIENT_UI_SHARING_DIALOG_H_

#include <wx/dialog.h>
#include <wx/timer.h>

class wxBoxSizer;
class wxButton;
class wxSizer;

namespace fieldnotes::client {

class SharingController;

class SharingDialog : public wxDialog {
 public:
  ~SharingDialog() override;
  // True while work started here (or anywhere) is out with the server.
  bool busy() const;
  // Fits the dialog to what it shows, now and again in a moment: GTK
  // measures controls that were just shown only once they are drawn.
  void RefitSoon();

 protected:
  // `sharing` must outlive the dialog.
  SharingDialog(wxWindow* parent, SharingController& sharing, const wxString& title,
                long style = wxDEFAULT_DIALOG_STYLE);
  // `close` (id wxID_CANCEL, also Escape's) closes the dialog unless busy().
  void HoldWhileBusy(wxButton* close);
  // Under the content in `box`: the busy strip, the notice and the row of
  // buttons, as the link and therapists dialogs lay them out.
  static void AddFooter(wxBoxSizer* box, wxWindow* busy, wxWindow* notice, wxSizer* buttons,
                        int gap);

  SharingController& sharing_;

 private:
  void Refit();
  wxTimer refit_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_SHARING_DIALOG_H_
