// SessionController: the viewer's one door to the clinician's session
// (sync/clinician_session.h). Every network call and every decryption
// runs on a worker thread, one at a time in the order asked; the results
// come back on the UI thread (BackgroundTask, CallAfter) as plain copies,
// so the windows never touch the session while the worker does.
//
// Destroying the controller waits for the work in flight, drops what is
// queued, and closes the session (its keys are wiped).
#ifndef FIELDNOTES_CLINICIAN_UI_SESSION_CONTROLLER_H_
#define FIELDNOTES_CLINICIAN_UI_SESSION_CONTROLLER_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/wx/background_task.h"
#include "common/wx/pdf_pages.h"
#include "core/crypto.h"
#include "sync/clinician_session.h"

namespace fieldnotes::clinician {

template <typename T>
using Done = std::function<void(core::Result<T>)>;
using StatusDone = std::function<void(core::Status)>;

// One client as the lists show it.
struct ClientRow {
  std::string client_id;
  std::string label;          // the clinician's words; may be empty
  std::string safety_number;  // 60 digits
  int64_t paired_at = 0;
  int64_t latest_report_at = 0;  // uploaded_at of the newest report; 0 for none
  int new_reports = 0;           // listed reports not opened here yet
  bool key_changed = false;      // the server reports another key: reports refused
  std::string note;              // the clinician's private note (sync::StoredClient::note)
};

// One report as the lists show it.
struct ReportRow {
  sync::ReportInfo info;
  std::string label;  // of its client, may be empty
  bool is_new = false;
};

// What a refresh found.
struct Overview {
  std::string server_url;
  std::string email;
  std::vector<ClientRow> clients;
  std::vector<ReportRow> reports;  // newest first
};

// A report that passed every check, ready to show.
struct OpenedReport {
  ReportRow row;
  std::shared_ptr<core::crypto::SecureBytes> pdf;  // wiped when the last holder lets go
  std::vector<wxcommon::PagePixels> pages;
  core::Status receipt;  // whether the server was told it was opened
};

class SessionController {
 public:
  // The page resolution the report view draws at before zooming.
  static constexpr double kPageDpi = 110;

  explicit SessionController(std::unique_ptr<sync::ClinicianSession> session);
  ~SessionController();
  SessionController(const SessionController&) = delete;
  SessionController& operator=(const SessionController&) = delete;

  // Read on the UI thread when nothing is running (true after every done).
  bool signed_in() const { return signed_in_; }
  const std::string& server_url() const { return server_url_; }
  const std::string& email() const { return email_; }
  const std::string& ca_file() const { return ca_file_; }
  bool busy() const { return task_.busy(); }

  void SignIn(std::string server_url, std::string ca_file, std::string email,
              std::shared_ptr<core::crypto::SecureString> password, Done<sync::PublishedKeys> done);
  void SignOut(Done<bool> done);
  void Refresh(Done<Overview> done);
  // Downloads, checks, records as opened, tells the server, draws the pages.
  void Open(ReportRow row, Done<OpenedReport> done);
  void Invite(std::optional<std::string> label, Done<sync::InviteResponse> done);
  void SetLabel(std::string client_id, std::string label, StatusDone done);
  // Keeps the private note about a client in the state file (sealed with
  // the key file; never sent). InvalidArgument over kMaxClientNoteBytes.
  void SetNote(std::string client_id, std::string note, StatusDone done);
  void EndLink(std::string client_id, StatusDone done);

 private:
  // Runs `work(session)` on the worker after what is queued before it.
  template <typename T>
  void Enqueue(std::function<core::Result<T>(sync::ClinicianSession&)> work, Done<T> done);
  void Next();
  void NoteState();

  std::unique_ptr<sync::ClinicianSession> session_;
  wxcommon::BackgroundTask task_;
  std::deque<std::function<void()>> queue_;
  bool signed_in_ = false;
  std::string server_url_;
  std::string email_;
  std::string ca_file_;
};

// Overview from the session (worker thread): the clients with their safety
// numbers and newest report, the reports newest first. Marks what was
// listed as seen when `remember`.
core::Result<Overview> BuildOverview(sync::ClinicianSession& session, bool remember);

}  // namespace fieldnotes::clinician

#endif  // FIELDNOTES_CLINICIAN_UI_SESSION_CONTROLLER_H_
