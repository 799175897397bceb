// SharingController: what the app does to share a report with a therapist,
// over the engine's engine/sharing.h and sync/sharing.h, the same calls
// fieldnotes-cli makes (client/cli/commands_share.cpp): link with an invite code, the safety
// number, verify, check for a key change, end a link, share a kept report,
// withdraw it, and the receipts.
//
// Work that talks to the server runs on a worker thread (BackgroundTask).
// The journal is not thread-safe, so for that time it is lent to the worker
// (JournalController::lent()): the UI thread leaves it alone, and the
// dialog that started the work shows a busy strip and cannot be closed.
// One piece of work at a time; `done` runs on the UI thread, never after
// the controller is gone. The local calls (links, safety number, consents,
// a stored report) run on the UI thread and give Busy while work is out.
#ifndef FIELDNOTES_CLIENT_UI_SHARING_CONTROLLER_H_
#define FIELDNOTES_CLIENT_UI_SHARING_CONTROLLER_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/wx/background_task.h"
#include "core/clock.h"
#include "core/status.h"
#include "reports/report_store.h"
#include "engine/kept_reports.h"
#include "engine/sharing.h"
#include "sync/sharing.h"

class wxDialog;

namespace fieldnotes::client {

class JournalController;

class SharingController {
 public:
  using Linked = LinkedTherapist;  // engine/sharing.h

  template <typename T>
  using Done = std::function<void(T)>;

  // `controller` must outlive this object.
  explicit SharingController(JournalController& controller);
  // Waits for work in progress (bounded by the connection's timeouts) and
  // drops its result.
  ~SharingController();
  SharingController(const SharingController&) = delete;
  SharingController& operator=(const SharingController&) = delete;

  bool busy() const { return task_ && task_->busy(); }
  const core::Clock& clock() const;
  // Waits for work in progress and drops its result (closing the window).
  void Finish();

  // The sharing dialog on screen, if any: locking closes it first.
  void SetOpenDialog(wxDialog* dialog) { open_dialog_ = dialog; }
  wxDialog* open_dialog() const { return open_dialog_; }

  // ---- in the journal, on the UI thread ----
  core::Result<std::vector<sync::TherapistLink>> Links() const;
  core::Result<std::string> SafetyNumber(const sync::TherapistLink& link);
  // Report id -> the names of the links it was shared with
  // (engine/kept_reports.h ReportsSharedWith).
  core::Result<SharedWithNames> SharedWith() const;
  // Each shared report as the journal knows it, state "unknown".
  core::Result<std::vector<sync::ReceiptLine>> KnownReceipts() const;
  // The stored report `id`, with its PDF.
  core::Result<reports::StoredReport> Report(const std::string& id) const;

  // ---- with the server, on a worker thread ----
  // Redeems the invite code; the new link is not verified yet.
  void Link(sync::LinkRequest request, Done<core::Result<Linked>> done);
  // Asks for the clinician's current keys; a change shows as key_changed().
  void Refresh(sync::TherapistLink link, Done<core::Result<Linked>> done);
  // Marks the number shown for `link` as compared. Refused when the server
  // has other keys by now; the journal then holds them (read the links
  // again and show the new number).
  void Verify(sync::TherapistLink link, Done<core::Result<Linked>> done);
  void Remove(sync::TherapistLink link, Done<core::Status> done);
  // Shares the kept report `report` (with its PDF), kept by the server
  // until `expires_at`.
  void Share(sync::TherapistLink link, reports::StoredReport report, int64_t expires_at,
             Done<core::Result<sync::Consent>> done);
  void Withdraw(std::string report_id, Done<core::Result<std::vector<sync::Consent>>> done);
  void FetchReceipts(Done<core::Result<sync::Receipts>> done);

 private:
  // Lends the journal to `work` on the worker; an exception becomes an
  // Internal status, so the journal always comes back.
  template <typename T>
  void Run(std::function<T(core::Journal&)> work, Done<T> done);

  JournalController& controller_;
  std::unique_ptr<wxcommon::BackgroundTask> task_;
  wxDialog* open_dialog_ = nullptr;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_SHARING_CONTROLLER_H_
