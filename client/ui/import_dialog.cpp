#include "ui/import_dialog.h"

#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/translation.h>
#include <wx/utils.h>

#include <algorithm>

#include "common/wx/str_helpers.h"
#include "core/journal.h"
#include "engine/import.h"
#include "engine/journal_controller.h"
#include "importers/import_file.h"
#include "ui/workspace_panel.h"

namespace fieldnotes::client {
namespace {

// The engine's progress in the status bar, once per tenth of the work.
class StatusProgress : public ImportObserver {
 public:
  explicit StatusProgress(WorkspacePanel& workspace) : workspace_(workspace) {}

  void ImportProgress(Stage stage, size_t done, size_t total, Unit unit) override {
    if (total < kMinTotal) return;
    const int tenth = static_cast<int>(std::min<size_t>(10, done * 10 / total));
    if (stage == stage_ && tenth == tenth_) return;
    stage_ = stage;
    tenth_ = tenth;
    wxString words;
    if (stage == Stage::kChecking) {
      words = wxString::Format(_("Checked %zu of %zu lines…"), done, total);
    } else if (unit == Unit::kLines) {
      words = wxString::Format(_("Imported %zu of %zu lines…"), done, total);
    } else {
      words = wxString::Format(_("Imported %zu of %zu entries…"), done, total);
    }
    workspace_.SetStatus(words);
    workspace_.Update();
  }

 private:
  static constexpr size_t kMinTotal = 1000;  // shorter work shows nothing
  WorkspacePanel& workspace_;
  Stage stage_ = Stage::kChecking;
  int tenth_ = -1;
};

}  // namespace

using wxcommon::ToWx;

wxString ImportQuestion(const importers::SourceImport& found) {
  return ToWx("Import " + importers::DescribeImport(found) + "?");
}

void ImportFromAnotherApp(WorkspacePanel& workspace, const ImportConfirmFn& confirm,
                          const std::string& path_in) {
  wxWindow* parent = &workspace;
  std::string path = path_in;
  if (path.empty()) {
    wxFileDialog dialog(parent, ToWx("Import from another app"), wxEmptyString, wxEmptyString,
                        ToWx("Journal exports (*.zip, *.json, *.csv, *.jsonl)|*.zip;*.json;*.csv;"
                             "*.jsonl|All files|*"),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() != wxID_OK) return;
    path = wxcommon::ToUtf8(dialog.GetPath());
  }
  StatusProgress progress(workspace);
  core::Result<CheckedImport> checked = core::Status::Internal("not read");
  {
    wxBusyCursor busy;
    auto content = ReadImportFile(path);
    checked = content.ok() ? CheckImport(*content, &progress) : content.status();
  }
  if (!checked.ok()) {
    wxMessageBox(ToWx("This file was not imported, so nothing changed in your journal.\n\n" +
                      checked.status().message()),
                 ToWx("Import from another app"), wxOK | wxICON_INFORMATION, parent);
    return;
  }
  const importers::SourceImport* found = &checked->found;
  const wxString question = ImportQuestion(*found);
  bool yes = false;
  if (confirm) {
    yes = confirm(parent, question);
  } else {
    wxMessageDialog ask(parent, question, ToWx("Import from another app"),
                        wxYES_NO | wxYES_DEFAULT | wxICON_QUESTION);
    ask.SetYesNoLabels(ToWx("&Import"), ToWx("&Cancel"));
    yes = ask.ShowModal() == wxID_YES;
  }
  if (!yes) return;
  core::Result<ImportOutcome> outcome = core::Status::Internal("not run");
  {
    wxBusyCursor busy;
    outcome = ImportChecked(workspace.controller().journal(), *checked, &progress);
  }
  if (!outcome.ok()) {
    wxMessageBox(ToWx("Nothing was imported: " + outcome.status().message()),
                 ToWx("Import from another app"), wxOK | wxICON_WARNING, parent);
    return;
  }
  const core::ImportStats* stats = &outcome->stats;
  workspace.JournalChanged();
  const size_t added = stats->entries_added + stats->sessions_added;
  workspace.SetStatus(
      ToWx("Imported " + std::to_string(added) + (added == 1 ? " entry" : " entries") + " from " +
           std::string(importers::SourceTitle(found->source)) + " (" +
           std::to_string(stats->entries_skipped + stats->sessions_skipped) + " already there)."));
}

}  // namespace fieldnotes::client
