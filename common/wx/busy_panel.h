// BusyPanel: a quiet "working on it" strip: a spinner, a message and, when
// the amount of work is known, a progress bar. It is a ProgressObserver, so
// a ProgressRelay can drive it from a worker thread.
#ifndef FIELDNOTES_COMMON_WX_BUSY_PANEL_H_
#define FIELDNOTES_COMMON_WX_BUSY_PANEL_H_

#include <wx/panel.h>

#include <initializer_list>

#include "common/wx/progress.h"

class wxActivityIndicator;
class wxGauge;
class wxStaticText;

namespace fieldnotes::wxcommon {

class BusyPanel : public wxPanel, public ProgressObserver {
 public:
  explicit BusyPanel(wxWindow* parent);

  // Shows the panel with `message` and a spinning indicator.
  void Start(const wxString& message);
  // Hides it.
  void Stop();
  // Start(message) with `controls` disabled when `busy`; else Stop() (if
  // running) with them enabled again.
  void Hold(bool busy, const wxString& message, std::initializer_list<wxWindow*> controls);
  bool running() const { return running_; }
  wxString message() const;

  void UpdateMessage(const wxString& message) override;
  void UpdateProgress(std::optional<double> fraction) override;

 private:
  wxActivityIndicator* spinner_;
  wxStaticText* label_;
  wxGauge* gauge_;
  bool running_ = false;
};

}  // namespace fieldnotes::wxcommon

#endif  // FIELDNOTES_COMMON_WX_BUSY_PANEL_H_
