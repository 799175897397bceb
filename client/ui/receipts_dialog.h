// ReceiptsDialog: what became of each report shared: to whom, when, and
// what the server says now (delivered, downloaded, opened, withdrawn,
// expired), joined with the consents kept in the journal. It shows the
// journal's view at once and asks the server on a worker thread; a server
// that cannot be reached is said calmly, with Try again. "Withdraw…" (after
// a confirmation) has the server delete the report at once.
#ifndef FIELDNOTES_CLIENT_UI_RECEIPTS_DIALOG_H_
#define FIELDNOTES_CLIENT_UI_RECEIPTS_DIALOG_H_

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "sync/sharing.h"
#include "ui/sharing_dialog.h"

class wxButton;
class wxListView;

namespace fieldnotes::wxcommon {
class BusyPanel;
}

namespace fieldnotes::client {

class SharingController;
class SharingNotice;

class ReceiptsDialog : public SharingDialog {
 public:
  static constexpr char kListName[] = "receipts_list";
  static constexpr char kWithdrawName[] = "receipts_withdraw";
  static constexpr char kRefreshName[] = "receipts_refresh";

  using ConfirmFn = std::function<bool(wxWindow*, const wxString& question)>;
  ReceiptsDialog(wxWindow* parent, SharingController& sharing, ConfirmFn confirm);

  // Asks the server again.
  void Refresh();
  void Select(size_t row);
  // Withdraws the report of the chosen line (every link it went to).
  void Withdraw();

  const std::vector<sync::ReceiptLine>& lines() const { return lines_; }
  // The words in the list's "What happened" column for `row`.
  wxString state_text(size_t row) const;
  SharingNotice& notice() { return *notice_; }

 private:
  void ShowLines();
  void SetBusy(const wxString& what);
  void SetIdle();
  wxString ReportWords(const std::string& report_id);

  ConfirmFn confirm_;
  std::vector<sync::ReceiptLine> lines_;
  std::map<std::string, wxString> report_words_;  // report id -> its period
  long chosen_ = -1;
  wxListView* list_;
  wxcommon::BusyPanel* busy_;
  SharingNotice* notice_;
  wxButton* refresh_;
  wxButton* withdraw_;
  wxButton* close_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_RECEIPTS_DIALOG_H_
