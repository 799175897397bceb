#include "clinician/ui/session_controller.h"

#include <algorithm>
#include <map>

#include "core/i18n.h"

namespace fieldnotes::clinician {

core::Result<Overview> BuildOverview(sync::ClinicianSession& session, bool remember) {
  auto refreshed = session.RefreshClients();
  if (!refreshed.ok()) return refreshed.status();
  auto listed = session.ListReports(remember);
  if (!listed.ok()) return listed.status();
  Overview out;
  out.server_url = session.state().server_url;
  out.email = session.state().email;
  std::map<std::string, size_t> row_of;
  for (const sync::LinkSummary& link : refreshed->links) {
    const sync::StoredClient* stored = session.store().FindClientById(link.client_id);
    if (stored == nullptr) continue;  // a malformed entry ObserveLinks did not pin
    ClientRow row;
    row.client_id = stored->client_id;
    row.label = stored->label;
    row.note = stored->note;
    row.paired_at = link.created_at;
    row.key_changed = !stored->other_key.empty();
    auto number = sync::ClientSafetyNumber(*stored, session.keys());
    if (number.ok()) row.safety_number = *number;
    row_of[row.client_id] = out.clients.size();
    out.clients.push_back(std::move(row));
  }
  for (sync::ListedReport& r : *listed) {
    ReportRow row;
    row.label = r.client != nullptr ? r.client->label : std::string();
    // "New" is what nobody has opened yet: the server's opened receipt is
    // the one record of that, shared with fieldnotes-clinician.
    row.is_new = !r.info.opened_at.has_value();
    row.info = std::move(r.info);
    if (auto it = row_of.find(row.info.client_id); it != row_of.end()) {
      ClientRow& client = out.clients[it->second];
      client.latest_report_at = std::max(client.latest_report_at, row.info.uploaded_at);
      if (row.is_new) ++client.new_reports;
    }
    out.reports.push_back(std::move(row));
  }
  std::stable_sort(out.reports.begin(), out.reports.end(), [](const auto& a, const auto& b) {
    return a.info.uploaded_at > b.info.uploaded_at;
  });
  return out;
}

SessionController::SessionController(std::unique_ptr<sync::ClinicianSession> session)
    : session_(std::move(session)) {
  NoteState();
}

SessionController::~SessionController() {
  queue_.clear();
  // ~BackgroundTask (declared after session_, so destroyed first) waits for
  // the work in flight before the session and its keys go.
}

void SessionController::NoteState() {
  const sync::ClinicianState& s = session_->state();
  signed_in_ =
      !s.token.empty() && (s.token_expires_at == 0 || s.token_expires_at > sync::NowSeconds());
  server_url_ = s.server_url;
  email_ = s.email;
  ca_file_ = s.ca_file;
}

template <typename T>
void SessionController::Enqueue(std::function<core::Result<T>(sync::ClinicianSession&)> work,
                                Done<T> done) {
  queue_.push_back([this, work = std::move(work), done = std::move(done)]() mutable {
    sync::ClinicianSession* session = session_.get();
    task_.Run([session, work = std::move(work)]() { return work(*session); },
              [this, done = std::move(done)](core::Result<T> result) mutable {
                NoteState();
                done(std::move(result));
                Next();
              });
  });
  if (!task_.busy() && queue_.size() == 1) Next();
}

void SessionController::Next() {
  if (task_.busy() || queue_.empty()) return;
  auto run = std::move(queue_.front());
  queue_.pop_front();
  run();
}

void SessionController::SignIn(std::string server_url, std::string ca_file, std::string email,
                               std::shared_ptr<core::crypto::SecureString> password,
                               Done<sync::PublishedKeys> done) {
  Enqueue<sync::PublishedKeys>(
      [server_url, ca_file, email,
       password](sync::ClinicianSession& s) -> core::Result<sync::PublishedKeys> {
        FN_RETURN_IF_ERROR(s.SignIn(server_url, ca_file, email, password->str()));
        // Publishing is idempotent: the same keys again change nothing.
        return s.PublishKeys();
      },
      std::move(done));
}

void SessionController::SignOut(Done<bool> done) {
  Enqueue<bool>([](sync::ClinicianSession& s) { return s.SignOut(); }, std::move(done));
}

void SessionController::Refresh(Done<Overview> done) {
  Enqueue<Overview>([](sync::ClinicianSession& s) { return BuildOverview(s, true); },
                    std::move(done));
}

void SessionController::Open(ReportRow row, Done<OpenedReport> done) {
  Enqueue<OpenedReport>(
      [row = std::move(row)](sync::ClinicianSession& s) -> core::Result<OpenedReport> {
        auto verified = s.VerifyReport(row.info);
        if (!verified.ok()) return verified.status();
        // Recorded before it is shown: a replay of this envelope as another
        // report is refused from now on.
        FN_RETURN_IF_ERROR(s.RecordOpened(*verified));
        OpenedReport out;
        out.row = row;
        out.pdf = std::make_shared<core::crypto::SecureBytes>(std::move(verified->pdf));
        auto pages = wxcommon::RenderPdfPages(core::crypto::AsChars(out.pdf->view()), kPageDpi);
        if (!pages.ok()) return core::Status::Refused(core::Tr("its PDF could not be drawn."));
        out.pages = std::move(pages).value();
        out.receipt = s.SendOpenedReceipt(row.info.report_id);
        if (out.receipt.ok()) out.row.info.opened_at = sync::NowSeconds();
        out.row.is_new = false;
        return out;
      },
      std::move(done));
}

void SessionController::Invite(std::optional<std::string> label, Done<sync::InviteResponse> done) {
  Enqueue<sync::InviteResponse>(
      [label = std::move(label)](sync::ClinicianSession& s) { return s.Invite(label); },
      std::move(done));
}

void SessionController::SetLabel(std::string client_id, std::string label, StatusDone done) {
  Enqueue<bool>(
      [client_id, label](sync::ClinicianSession& s) -> core::Result<bool> {
        FN_RETURN_IF_ERROR(sync::CheckClientLabel(label));
        sync::StoredClient* client = s.store().FindClientById(client_id);
        if (client == nullptr)
          return core::Status::NotFound(core::Tr("that client is not known here."));
        client->label = label;
        FN_RETURN_IF_ERROR(s.store().Save());
        return true;
      },
      [done = std::move(done)](core::Result<bool> r) {
        done(r.ok() ? core::Status::Ok() : r.status());
      });
}

void SessionController::SetNote(std::string client_id, std::string note, StatusDone done) {
  Enqueue<bool>(
      [client_id, note](sync::ClinicianSession& s) -> core::Result<bool> {
        if (note.size() > sync::kMaxClientNoteBytes)
          return core::Status::InvalidArgument(core::Tr("the note is too long to keep."));
        sync::StoredClient* client = s.store().FindClientById(client_id);
        if (client == nullptr)
          return core::Status::NotFound(core::Tr("that client is not known here."));
        client->note = note;
        FN_RETURN_IF_ERROR(s.store().Save());
        return true;
      },
      [done = std::move(done)](core::Result<bool> r) {
        done(r.ok() ? core::Status::Ok() : r.status());
      });
}

void SessionController::EndLink(std::string client_id, StatusDone done) {
  Enqueue<bool>(
      [client_id](sync::ClinicianSession& s) -> core::Result<bool> {
        FN_RETURN_IF_ERROR(s.EndLink(client_id));
        return true;
      },
      [done = std::move(done)](core::Result<bool> r) {
        done(r.ok() ? core::Status::Ok() : r.status());
      });
}

}  // namespace fieldnotes::clinician
