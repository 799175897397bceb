#include "ui/journal_files.h"

#include <wx/filedlg.h>
#include <wx/stdpaths.h>

#include "common/wx/error_words.h"
#include "common/wx/str_helpers.h"
#include "core/i18n.h"

namespace fieldnotes::client {

using wxcommon::ToUtf8;
using wxcommon::ToWx;

core::Status ExportJournal(const core::Journal& journal, ExportFormat format,
                           const std::string& path, std::string* said) {
  auto counts = ExportToFile(journal, format, path);
  if (!counts.ok()) return counts.status();
  if (said != nullptr) {
    // TRANSLATORS: %1 is how many entries, %2 a file's path.
    *said = core::Format(
        core::TrN("Exported %1 entry to %2. This file is not encrypted: keep it somewhere only "
                  "you can read.",
                  "Exported %1 entries to %2. This file is not encrypted: keep it somewhere only "
                  "you can read.",
                  static_cast<unsigned long>(counts->entries)),
        counts->entries, path);
  }
  return core::Status::Ok();
}

void ExportWithDialog(wxWindow* parent, const core::Journal& journal) {
  wxFileDialog ask(parent, _("Export the journal (the file is not encrypted)"),
                   wxStandardPaths::Get().GetDocumentsDir(), "fieldnotes-export.jsonl",
                   _("Fieldnotes lines, to import again (*.jsonl)|*.jsonl|"
                   "A document to read (*.md)|*.md"),
                   wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (ask.ShowModal() != wxID_OK) return;
  const ExportFormat format =
      ask.GetFilterIndex() == 1 ? ExportFormat::kMarkdown : ExportFormat::kJsonl;
  std::string said;
  if (core::Status s = ExportJournal(journal, format, ToUtf8(ask.GetPath()), &said); !s.ok()) {
    wxcommon::ShowError(parent, wxcommon::DescribeStatus(s, _("Fieldnotes could not export the journal.")));
    return;
  }
  wxcommon::ShowError(parent, {ToWx(said), wxString()}, _("Exported"));
}

void BackUpWithDialog(wxWindow* parent, const core::Journal& journal, const core::Date& today) {
  wxFileDialog ask(parent, _("Back up the journal (encrypted, with your passphrase)"),
                   wxStandardPaths::Get().GetDocumentsDir(), ToWx(BackupFileName(today)),
                   _("Fieldnotes backups (*.fieldnotes)|*.fieldnotes"), wxFD_SAVE);
  if (ask.ShowModal() != wxID_OK) return;
  const std::string path = ToUtf8(ask.GetPath());
  if (core::Status s = BackUpJournal(journal, path).status(); !s.ok()) {
    wxcommon::ShowError(parent, wxcommon::DescribeStatus(s, _("Fieldnotes could not back up the journal.")));
    return;
  }
  wxcommon::ShowError(parent,
                      {wxString::Format(_("Backed up to %s. It is encrypted like the journal and "
                                          "opens only with your passphrase. File, Restore from a "
                                          "backup puts it back."),
                                        ToWx(path)),
                       wxString()},
                      _("Backed up"));
}

}  // namespace fieldnotes::client
