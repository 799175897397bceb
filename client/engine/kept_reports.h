// The reports kept in the journal and how each was brought to a session:
// marked by the person as taken (`report taken`, the app's "Taken to a
// session" button) or shared with a therapist. Both faces call these; what
// the next report compares with is the last report brought
// (weekly_report.h TakeSnapshot).
#ifndef FIELDNOTES_CLIENT_ENGINE_KEPT_REPORTS_H_
#define FIELDNOTES_CLIENT_ENGINE_KEPT_REPORTS_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/journal.h"
#include "core/status.h"
#include "reports/report_store.h"

namespace fieldnotes::client {

// Every kept report, oldest first, with its PDF.
core::Result<std::vector<reports::StoredReport>> ListKeptReports(const core::Journal& journal);

// Keeps `report` (a new one: its id unused) in the journal.
core::Status KeepStoredReport(core::Journal& journal, const reports::StoredReport& report);

// How a kept report was brought to a session; "shared" says more than
// "taken", so it wins when both are true.
enum class Brought { kNo, kTaken, kShared };

struct BroughtReports {
  std::set<std::string> taken;   // marked as taken to a session
  std::set<std::string> shared;  // reached a therapist's server (withdrawn later or not)

  Brought Of(const std::string& report_id) const;
  // Every id brought, either way.
  std::set<std::string> All() const;
};

// Reads the marks and the consents kept in the journal; an error when
// either record cannot be read.
core::Result<BroughtReports> ReportsBrought(const core::Journal& journal);

// Marks the kept report `id_or_prefix` (its id, or a unique prefix of 8 or
// more characters) as taken to a session, or takes the mark off; returns
// the full id. NotFound when no report has that id, InvalidArgument when
// the prefix names more than one.
core::Result<std::string> MarkReportTaken(core::Journal& journal, std::string_view id_or_prefix,
                                          bool taken);

// Report id -> the names of the links it was shared with (each once, in
// the order of the consents, withdrawn ones too: they were shared). A link
// without a name is "" (the face says "your therapist").
using SharedWithNames = std::map<std::string, std::vector<std::string>>;
core::Result<SharedWithNames> ReportsSharedWith(const core::Journal& journal);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_ENGINE_KEPT_REPORTS_H_
