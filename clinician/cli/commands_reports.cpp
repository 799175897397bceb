// reports and fetch: what the clinician's clients shared, and opening one.
#include <sys/stat.h>
#include <unistd.h>

#include "clinician/cli/commands.h"
#include "core/i18n.h"
#include "core/json.h"
#include "sync/api.h"
#include "sync/clinician_session.h"

namespace fieldnotes::clinician {
namespace {

using core::Status;
using core::crypto::ByteView;
using core::json::Array;
using core::json::Object;
using core::json::Value;

Value TimeOrNull(const std::optional<int64_t>& t) {
  return t ? Value(sync::FormatTime(*t)) : Value();
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
      return Status::InvalidArgument(
          // TRANSLATORS: %1 is the start of a report's id as typed.
          core::Format(core::Tr("more than one report starts with %1; give more of the id."), id));
    }
    found = &r;
  }
  if (found == nullptr) {
    return Status::NotFound(core::Format(
        // TRANSLATORS: %1 is a report's id (or its start) as typed; the command in quotes is typed
        // as it is.
        core::Tr("the server has no report %1 for you: it may have been withdrawn by the client, "
                 "expired, or its link ended. 'fieldnotes-clinician reports' lists what is there."),
        id));
  }
  return found;
}

// sync::WritePdfCopy with this program's hint for a file already there.
Status WritePdf(const std::string& path, ByteView pdf, bool replace) {
  const Status s = sync::WritePdfCopy(path, pdf, replace);
  if (s.code() == Status::Code::kAlreadyExists) {
    return Status::AlreadyExists(core::Format(
        // TRANSLATORS: %1 is a file's path; --force is typed as it is.
        core::Tr("%1 already exists; it was left as it is. Use --force to replace it."), path));
  }
  return s;
}

Status Refuse(const std::string& report_id, std::string_view why) {
  // TRANSLATORS: %1 is the start of a report's id, %2 the check that failed, in English.
  return Status::Refused(core::Format(core::Tr("refused report %1: %2. Nothing was written."),
                                      report_id.substr(0, 8), why));
}

}  // namespace

CliStatus RunReports(Context& context, const Args& /*args*/) {
  FN_CLI_RETURN_IF_ERROR(context.Unlock());
  auto links = context.RefreshClients();
  if (!links.ok()) return links.status();
  auto reports = context.session().ListReports(/*remember=*/true);
  if (!reports.ok()) return context.ServerError(reports.status());
  Array array;
  std::string text;
  for (const sync::ListedReport& listed : *reports) {
    const sync::ReportInfo& r = listed.info;
    const sync::StoredClient* client = listed.client;
    const std::string label = client != nullptr ? client->label : "";
    const bool is_new = listed.is_new;
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
    std::string line = core::Format(
        // TRANSLATORS: one line of the list of reports, in columns: %1 the start of the report's
        // id, %2 the client, %3 the last day of the report's period, %4 when it was uploaded (UTC).
        // NEW marks a report not listed before, "opened" one already opened. Keep the double spaces
        // and the width of NEW.
        is_new ? (r.opened_at ? core::Tr("NEW  %1  %2  period to %3  uploaded %4  opened")
                              // TRANSLATORS: as above, for a report not opened yet.
                              : core::Tr("NEW  %1  %2  period to %3  uploaded %4"))
               // TRANSLATORS: as above, for a report listed before (five spaces where NEW would
               // be).
               : (r.opened_at ? core::Tr("     %1  %2  period to %3  uploaded %4  opened")
                              // TRANSLATORS: as above, for a report listed before and not opened
                              // yet.
                              : core::Tr("     %1  %2  period to %3  uploaded %4")),
        r.report_id.substr(0, 8), who, r.period_end,
        sync::FormatTime(r.uploaded_at).substr(0, 16) + "Z");
    // TRANSLATORS: at the end of a line of the list of reports: the client's key is not the one
    // pinned for them, so the report is refused. Keep the two leading spaces.
    if (client != nullptr && !client->other_key.empty()) line += core::Tr("  CLIENT KEY CHANGED");
    text += line + "\n";
  }
  if (context.json()) {
    Print(core::json::WritePretty(Value(std::move(array))) + "\n");
  } else if (text.empty()) {
    Print(core::Tr("No reports are waiting.\n"));
  } else {
    Print(text);
  }
  return CliStatus::Ok();
}

CliStatus RunFetch(Context& context, const Args& args) {
  const std::string id = args.positionals()[0];
  if (!LooksLikeReportId(id)) {
    return CliStatus::Usage(
        core::Tr("a report id is 8 to 32 characters 0-9 and a-f, as 'reports' shows."));
  }
  const auto out = args.Value("--out");
  if (!out || out->empty()) return CliStatus::Usage(core::Tr("fetch needs --out FILE.pdf."));
  const bool replace = args.Has("--force");
  struct stat st;
  if (!replace && ::lstat(out->c_str(), &st) == 0) {
    return Status::AlreadyExists(core::Format(
        // TRANSLATORS: %1 is a file's path; --force is typed as it is.
        core::Tr("%1 already exists; it was left as it is. Use --force to replace it."), *out));
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

  auto verified = context.session().VerifyReport(report);
  if (!verified.ok()) {
    if (verified.status().code() == Status::Code::kRefused) {
      return Refuse(rid, verified.status().message());
    }
    return context.ServerError(verified.status());
  }
  const sync::StoredClient* client = context.store().FindClientById(report.client_id);
  const ByteView pdf = verified->pdf.view();
  // Recorded before the file is written: if writing fails, fetching this
  // same report again is still allowed, and no copy can slip through.
  FN_RETURN_IF_ERROR(context.session().RecordOpened(*verified));
  FN_RETURN_IF_ERROR(WritePdf(*out, pdf, replace));

  const Status receipt = context.session().SendOpenedReceipt(rid);
  if (!receipt.ok()) {
    // TRANSLATORS: %1 is the server's reason, in English.
    Warn(core::Format(core::Tr("the report is saved, but the server could not be told it was "
                               "opened (%1). Fetching it again with --force sends the receipt."),
                      context.ServerError(receipt).message()));
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
        // TRANSLATORS: a client without a label; %1 is the start of their id.
        client->label.empty() ? core::Format(core::Tr("client %1"), client->client_id.substr(0, 8))
                              : client->label;
    Print(core::Format(
        // TRANSLATORS: %1 is the client (their label, or "client" and the start of their id), %2
        // the last day of the report's period, %3 the file.
        core::Tr("Saved the report from %1 (period to %2) to %3.\nIt was sealed to you "
                 "and signed with the key pinned for %1.\n"),
        who, report.period_end, *out));
  }
  return CliStatus::Ok();
}

}  // namespace fieldnotes::clinician
