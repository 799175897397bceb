// reports and fetch: what the clinician's clients shared, and opening one.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "clinician/cli/commands.h"
#include "core/envelope.h"
#include "core/json.h"
#include "sync/api.h"

namespace fieldnotes::clinician {
namespace {

using core::Status;
using core::crypto::ByteView;
using core::json::Array;
using core::json::Object;
using core::json::Value;

constexpr std::string_view kPdfMagic = "%PDF-";

Value TimeOrNull(const std::optional<int64_t>& t) {
  return t ? Value(sync::FormatTime(*t)) : Value();
}

std::string FolderOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

bool LooksLikeReportId(const std::string& id) {
  return id.size() >= 8 && id.size() <= sync::kIdHexChars && sync::IsLowerHex(id, id.size());
}

// The report with this id or unique id prefix among the listed ones.
CliResult<const sync::ReportInfo*> FindReport(const std::vector<sync::ReportInfo>& reports,
                                              const std::string& id) {
  const sync::ReportInfo* found = nullptr;
  for (const sync::ReportInfo& r : reports) {
    if (!r.report_id.starts_with(id)) continue;
    if (found != nullptr) {
      return Status::InvalidArgument("more than one report starts with " + id +
                                     "; give more of the id.");
    }
    found = &r;
  }
  if (found == nullptr) {
    return Status::NotFound("the server has no report " + id +
                            " for you: it may have been withdrawn by the client, expired, or "
                            "its link ended. 'fieldnotes-clinician reports' lists what is there.");
  }
  return found;
}

Status WriteAll(int fd, ByteView data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Status::IoError(std::strerror(errno));
    data = data.subspan(static_cast<size_t>(n));
  }
  return Status::Ok();
}

// Writes the PDF to `path` and nowhere else: no temporary file, since a
// temporary copy of plaintext is one more place it could be left behind.
// Created exclusively unless `replace`; never through a symbolic link; mode
// 0600. A failed write removes what was written.
Status WritePdf(const std::string& path, ByteView pdf, bool replace) {
  const int flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | (replace ? O_TRUNC : O_EXCL);
  const int fd = ::open(path.c_str(), flags, 0600);
  if (fd < 0) {
    if (errno == EEXIST) {
      return Status::AlreadyExists(path +
                                   " already exists; it was left as it is. Use --force to "
                                   "replace it.");
    }
    if (errno == ELOOP) {
      return Status::Refused("not writing to " + path + ": it is a symbolic link.");
    }
    return Status::IoError("could not create " + path + " (" + std::strerror(errno) + ").");
  }
  struct stat st {};
  Status s;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    s = Status::IoError(path + " is not a regular file.");
    ::close(fd);
    return s;
  }
  if (::fchmod(fd, 0600) != 0) s = Status::IoError(std::strerror(errno));
  if (s.ok()) s = WriteAll(fd, pdf);
  if (s.ok() && ::fsync(fd) != 0) s = Status::IoError(std::strerror(errno));
  if (::close(fd) != 0 && s.ok()) s = Status::IoError(std::strerror(errno));
  if (!s.ok()) {
    ::unlink(path.c_str());
    return Status::IoError("could not write " + path + " (" + s.message() + "); nothing was kept.");
  }
  const int dir = ::open(FolderOf(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return Status::Ok();
}

Status Refuse(const std::string& report_id, std::string_view why) {
  return Status::Refused("refused report " + report_id.substr(0, 8) + ": " + std::string(why) +
                         ". Nothing was written.");
}

}  // namespace

CliStatus RunReports(Context& context, const Args& args) {
  FN_CLI_RETURN_IF_ERROR(context.Unlock());
  auto links = context.RefreshClients();
  if (!links.ok()) return links.status();
  auto reports = context.connection().ListReports(context.store().state().token);
  if (!reports.ok()) return context.ServerError(reports.status());
  sync::ClinicianState& state = context.store().state();
  Array array;
  std::string text;
  std::set<std::string> listed;
  for (const sync::ReportInfo& r : *reports) {
    const sync::StoredClient* client = context.store().FindClientById(r.client_id);
    const std::string label = client != nullptr ? client->label : "";
    const bool is_new = state.seen_reports.count(r.report_id) == 0;
    listed.insert(r.report_id);
    if (context.json()) {
      Object o;
      o.Set("id", r.report_id);
      o.Set("client", r.client_id);
      o.Set("label", label);
      o.Set("period_end", r.period_end);
      o.Set("uploaded_at", sync::FormatTime(r.uploaded_at));
      o.Set("expires_at", sync::FormatTime(r.expires_at));
      o.Set("size", r.size);
      o.Set("opened", r.opened_at.has_value());
      o.Set("opened_at", TimeOrNull(r.opened_at));
      o.Set("new", is_new);
      array.push_back(Value(std::move(o)));
      continue;
    }
    std::string who = label.empty() ? r.client_id.substr(0, 8) : label;
    if (who.size() < 16) who.resize(16, ' ');
    text += std::string(is_new ? "NEW  " : "     ") + r.report_id.substr(0, 8) + "  " + who +
            "  period to " + r.period_end + "  uploaded " +
            sync::FormatTime(r.uploaded_at).substr(0, 16) + "Z" + (r.opened_at ? "  opened" : "") +
            (client != nullptr && !client->other_key.empty() ? "  CLIENT KEY CHANGED" : "") + "\n";
  }
  // Remember what was shown; reports no longer on the server are forgotten.
  state.seen_reports = std::move(listed);
  FN_RETURN_IF_ERROR(context.store().Save());
  if (context.json()) {
    Print(core::json::WritePretty(Value(std::move(array))) + "\n");
  } else if (text.empty()) {
    Print("No reports are waiting.\n");
  } else {
    Print(text);
  }
  return CliStatus::Ok();
}

CliStatus RunFetch(Context& context, const Args& args) {
  const std::string id = args.positionals()[0];
  if (!LooksLikeReportId(id)) {
    return CliStatus::Usage("a report id is 8 to 32 characters 0-9 and a-f, as 'reports' shows.");
  }
  const auto out = args.Value("--out");
  if (!out || out->empty()) return CliStatus::Usage("fetch needs --out FILE.pdf.");
  const bool replace = args.Has("--force");
  struct stat st;
  if (!replace && ::lstat(out->c_str(), &st) == 0) {
    return Status::AlreadyExists(*out +
                                 " already exists; it was left as it is. Use --force to "
                                 "replace it.");
  }

  FN_CLI_RETURN_IF_ERROR(context.Unlock());
  auto links = context.RefreshClients();
  if (!links.ok()) return links.status();
  const std::string& token = context.store().state().token;
  auto reports = context.connection().ListReports(token);
  if (!reports.ok()) return context.ServerError(reports.status());
  auto found = FindReport(*reports, id);
  if (!found.ok()) return found.status();
  const sync::ReportInfo report = **found;
  const std::string& rid = report.report_id;

  sync::StoredClient* client = context.store().FindClientById(report.client_id);
  if (client == nullptr) return Refuse(rid, "it is from a client this computer has not seen");
  if (!client->other_key.empty()) {
    return Refuse(rid,
                  "the server now reports a different key for this client than the one first "
                  "seen");
  }
  auto envelope = context.connection().DownloadReport(token, rid);
  if (!envelope.ok()) return context.ServerError(envelope.status());
  if (core::crypto::HexEncode(core::crypto::Sha256(*envelope)) != report.sha256) {
    return Refuse(rid, "the server sent other bytes than it listed");
  }
  auto pinned = core::crypto::HexDecode(client->pinned_key);
  if (!pinned.ok()) return pinned.status();
  auto opened = core::envelope::Open(*envelope, context.keys().sealing, *pinned);
  if (!opened.ok()) return Refuse(rid, opened.status().message());
  const std::string envelope_id = core::crypto::HexEncode(opened->header.envelope_id);
  if (context.store().IsReplay(envelope_id, rid)) {
    return Refuse(rid,
                  "it is a copy of a report you already opened (the same envelope sent "
                  "again)");
  }
  const ByteView pdf = opened->content.view();
  if (pdf.size() < kPdfMagic.size() ||
      core::crypto::AsChars(pdf.first(kPdfMagic.size())) != kPdfMagic) {
    return Refuse(rid, "it does not hold a PDF");
  }
  // Recorded before the file is written: if writing fails, fetching this
  // same report again is still allowed, and no copy can slip through.
  context.store().RecordOpened(envelope_id, rid);
  context.store().state().seen_reports.insert(rid);
  FN_RETURN_IF_ERROR(context.store().Save());
  FN_RETURN_IF_ERROR(WritePdf(*out, pdf, replace));

  const Status receipt = context.connection().MarkOpened(token, rid);
  if (!receipt.ok()) {
    Warn("the report is saved, but the server could not be told it was opened (" +
         context.ServerError(receipt).message() +
         "). Fetching it again with --force sends the receipt.");
  }
  if (context.json()) {
    Object o;
    o.Set("id", rid);
    o.Set("client", report.client_id);
    o.Set("label", client->label);
    o.Set("period_end", report.period_end);
    o.Set("out", *out);
    o.Set("size", static_cast<int64_t>(pdf.size()));
    o.Set("receipt_sent", receipt.ok());
    Print(core::json::WritePretty(Value(std::move(o))) + "\n");
  } else {
    const std::string who =
        client->label.empty() ? "client " + client->client_id.substr(0, 8) : client->label;
    Print("Saved the report from " + who + " (period to " + report.period_end + ") to " + *out +
          ".\nIt was sealed to you and signed with the key pinned for " + who + ".\n");
  }
  return CliStatus::Ok();
}

}  // namespace fieldnotes::clinician
