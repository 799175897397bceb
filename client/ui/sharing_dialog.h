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
class wxScrolledWindow;
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
  // The height the body gets: all of `body` when a dialog `dialog` tall
  // (with a window frame of `frame` around it) fits on a screen `screen`
  // tall; else less by what does not fit (at least a quarter of it).
  static int FitsIn(int screen, int dialog, int body, int frame);
  // Room left for a window manager's title bar.
  static constexpr int kWindowFrameDip = 48;

 protected:
  // `sharing` must outlive the dialog.
  SharingDialog(wxWindow* parent, SharingController& sharing, const wxString& title,
                long style = wxDEFAULT_DIALOG_STYLE);
  // `body` (a child holding the dialog's words, in its own sizer) scrolls
  // when the dialog would be taller than the screen's work area, so the
  // buttons under it are always on the screen.
  void SetScrollingBody(wxScrolledWindow* body) { body_ = body; }
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
  wxScrolledWindow* body_ = nullptr;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_SHARING_DIALOG_H_
