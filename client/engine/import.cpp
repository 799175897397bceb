#include "engine/import.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unordered_set>

#include "core/i18n.h"
#include "importers/import_file.h"
#include "reports/safety_detector.h"

namespace fieldnotes::client {
namespace {

size_t CountLines(std::string_view content) {
  size_t n = static_cast<size_t>(std::count(content.begin(), content.end(), '\n'));
  if (!content.empty() && content.back() != '\n') ++n;
  return n;
}

}  // namespace

core::Result<std::string> ReadImportFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int err = errno;
    // TRANSLATORS: %1 is a file name, %2 the system's reason ("No such file or directory").
    std::string message = core::Format(core::Tr("could not open %1 (%2)."), path, std::strerror(err));
    if (err == ENOENT) return core::Status::NotFound(message);
    return core::Status::IoError(message);
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return core::Status::IoError(core::Format(core::Tr("could not read %1."), path));
  return std::move(buffer).str();
}

core::Result<CheckedImport> CheckImport(std::string_view content, ImportObserver* observer) {
  CheckedImport checked;
  checked.lines = CountLines(content);
  core::ProgressFn progress;
  if (observer != nullptr) {
    progress = [observer](size_t done, size_t total) {
      observer->ImportProgress(ImportObserver::Stage::kChecking, done, total,
                               ImportObserver::Unit::kLines);
    };
  }
  auto found = importers::ParseAnyImport(content, {}, progress);
  if (!found.ok()) return found.status();
  checked.found = std::move(found).value();
  return checked;
}

core::Result<ImportOutcome> ImportChecked(core::Journal& journal, const CheckedImport& checked,
                                          ImportObserver* observer) {
  const std::vector<core::ImportItem>& list = checked.found.items;
  const bool own = checked.own_format();
  const size_t total_units = own ? checked.lines : list.size();
  core::ProgressFn progress;
  if (observer != nullptr) {
    progress = [&](size_t done, size_t /*total*/) {
      if (done == 0 || list.empty()) return;
      const size_t unit = own ? static_cast<size_t>(list[std::min(done, list.size()) - 1].line)
                              : std::min(done, list.size());
      observer->ImportProgress(ImportObserver::Stage::kImporting, unit, total_units,
                               own ? ImportObserver::Unit::kLines : ImportObserver::Unit::kEntries);
    };
  }
  auto stats = journal.Import(list, progress);
  if (!stats.ok()) return stats.status();
  ImportOutcome outcome;
  outcome.stats = std::move(stats).value();
  // Imported entries are read for safety like new ones.
  const std::unordered_set<std::string> added(outcome.stats.added_entry_ids.begin(),
                                              outcome.stats.added_entry_ids.end());
  for (const core::Entry& entry : journal.entries()) {
    if (!added.contains(entry.id)) continue;
    const reports::SafetyResult safety = reports::SafetyDetector::Default().Check(entry);
    outcome.safety_raised += safety.raised();
    outcome.harm_from_others |= safety.Has(reports::SafetyCategory::kHarmFromOthers);
  }
  return outcome;
}

}  // namespace fieldnotes::client
