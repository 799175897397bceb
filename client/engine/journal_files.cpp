#include "engine/journal_files.h"

#include "core/atomic_file.h"
#include "core/import_export.h"

namespace fieldnotes::client {

std::optional<ExportFormat> ExportFormatNamed(std::string_view name) {
  if (name == "jsonl") return ExportFormat::kJsonl;
  if (name == "markdown") return ExportFormat::kMarkdown;
  return std::nullopt;
}

std::string ExportText(const core::Journal& journal, ExportFormat format) {
  return format == ExportFormat::kJsonl ? core::ExportJsonl(journal)
                                        : core::ExportMarkdown(journal);
}

core::Result<ExportCounts> ExportToFile(const core::Journal& journal, ExportFormat format,
                                        const std::string& path) {
  if (core::Status s = core::WriteFileAtomically(path, ExportText(journal, format)); !s.ok())
    return s;
  return ExportCounts{journal.entries().size(), journal.sessions().size()};
}

core::CheckReport CheckJournal(const core::Journal& journal) { return journal.Check(); }

std::string BackupFileName(const core::Date& today) {
  return "fieldnotes-backup-" + core::FormatDate(today) + ".fieldnotes";
}

core::Result<core::BackupReport> BackUpJournal(const core::Journal& journal,
                                               const std::string& path) {
  return journal.Backup(path);
}

}  // namespace fieldnotes::client
