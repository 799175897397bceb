#include "engine/kept_reports.h"

#include <algorithm>
#include <utility>

#include "sync/sharing.h"

namespace fieldnotes::client {

core::Result<std::vector<reports::StoredReport>> ListKeptReports(const core::Journal& journal) {
  return reports::ReportStore::List(journal);
}

core::Status KeepStoredReport(core::Journal& journal, const reports::StoredReport& report) {
  return reports::ReportStore::Save(journal, report);
}

Brought BroughtReports::Of(const std::string& report_id) const {
  if (shared.contains(report_id)) return Brought::kShared;
  return taken.contains(report_id) ? Brought::kTaken : Brought::kNo;
}

std::set<std::string> BroughtReports::All() const {
  std::set<std::string> all = taken;
  all.insert(shared.begin(), shared.end());
  return all;
}

core::Result<BroughtReports> ReportsBrought(const core::Journal& journal) {
  BroughtReports out;
  auto taken = reports::ReportStore::TakenIds(journal);
  if (!taken.ok()) return taken.status();
  out.taken = std::move(taken).value();
  auto shared = sync::SharedReportIds(journal);
  if (!shared.ok()) return shared.status();
  out.shared = std::move(shared).value();
  return out;
}

core::Result<std::string> MarkReportTaken(core::Journal& journal, std::string_view id_or_prefix,
                                          bool taken) {
  return reports::ReportStore::MarkTaken(journal, id_or_prefix, taken);
}

core::Result<SharedWithNames> ReportsSharedWith(const core::Journal& journal) {
  auto consents = sync::ListConsents(journal);
  if (!consents.ok()) return consents.status();
  auto links = sync::ListLinks(journal);
  if (!links.ok()) return links.status();
  SharedWithNames out;
  for (const sync::Consent& c : *consents) {
    std::string name;
    for (const sync::TherapistLink& l : *links) {
      if (l.id == c.link_id) name = l.label;
    }
    auto& names = out[c.report_id];
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return out;
}

}  // namespace fieldnotes::client
