// ShareDialog: consent to share one weekly report. It says exactly what
// leaves the computer (the report's PDF only: its title and period, pages,
// size and SHA-256; never an entry), to whom (the link's name and server),
// and until when (the server deletes it then; 30 days unless they choose
// otherwise, as fieldnotes-cli share). On opening it asks the server for
// the therapist's current keys, so a changed safety number is shown (icon
// and words) and Share stays off until it is compared again. Sharing runs
// on a worker thread (SharingController); the dialog waits meanwhile.
#ifndef FIELDNOTES_CLIENT_UI_SHARE_DIALOG_H_
#define FIELDNOTES_CLIENT_UI_SHARE_DIALOG_H_

#include <optional>
#include <vector>

#include "reports/report_store.h"
#include "sync/sharing.h"
#include "ui/sharing_dialog.h"

class wxButton;
class wxChoice;
class wxStaticBitmap;
class wxStaticText;

namespace fieldnotes::wxcommon {
class BusyPanel;
}

namespace fieldnotes::client {

class SharingController;
class SharingNotice;

class ShareDialog : public SharingDialog {
 public:
  static constexpr char kWhatName[] = "share_what";
  static constexpr char kToName[] = "share_to";
  static constexpr char kUntilName[] = "share_until";
  static constexpr char kLinkStateName[] = "share_link_state";
  static constexpr char kShareName[] = "share_go";
  // The expiry choices, in days; kDefaultShareDays is among them.
  static constexpr int kDayChoices[] = {1, 7, 14, 30, 90, 365};
  // Those a server that keeps reports at most `max_days` accepts (all of
  // them when 0: not known), with `max_days` itself when it falls between.
  static std::vector<int> DayChoices(int64_t max_days);

  ShareDialog(wxWindow* parent, SharingController& sharing, reports::StoredReport report);

  // Chooses the link at `index` (of links()) and checks its keys.
  void ChooseLink(size_t index);
  void ChooseDays(int days);
  void StartShare();

  bool can_share() const;
  int64_t expires_at() const;
  const std::vector<sync::TherapistLink>& links() const { return links_; }
  const std::optional<sync::Consent>& consent() const { return consent_; }
  wxString what_text() const;
  wxString link_state_text() const;
  SharingNotice& notice() { return *notice_; }
  wxButton* share_button() const { return share_; }

 private:
  void CheckKeys();
  void ShowLinkState();
  void UpdateUntil();
  void SetDayChoices(int64_t max_days);
  void SetBusy(const wxString& what);
  void SetIdle();

  reports::StoredReport report_;
  std::vector<sync::TherapistLink> links_;
  size_t chosen_ = 0;
  bool checked_ = false;  // the chosen link's keys were asked for
  std::optional<sync::Consent> consent_;
  std::vector<int> day_choices_;  // of until_, in order

  wxStaticText* what_;
  wxChoice* to_;
  wxStaticBitmap* state_icon_;
  wxStaticText* state_;
  wxChoice* until_;
  wxStaticText* until_words_;
  wxcommon::BusyPanel* busy_;
  SharingNotice* notice_;
  wxButton* share_;
  wxButton* close_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_SHARE_DIALOG_H_
