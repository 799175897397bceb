#include "ui/import_dialog.h"

#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/translation.h>
#include <wx/utils.h>

#include <algorithm>
#include <string>
#include <vector>

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
    const unsigned n = wxcommon::PluralCount(total);
    wxString words;
    if (unit == Unit::kLines) {
      words = wxString::Format(
          stage == Stage::kChecking
              ? wxPLURAL("Checked %zu of %zu line…", "Checked %zu of %zu lines…", n)
              : wxPLURAL("Imported %zu of %zu line…", "Imported %zu of %zu lines…", n),
          done, total);
    } else {
      words = wxString::Format(
          stage == Stage::kChecking
              ? wxPLURAL("Checked %zu of %zu entry…", "Checked %zu of %zu entries…", n)
              : wxPLURAL("Imported %zu of %zu entry…", "Imported %zu of %zu entries…", n),
          done, total);
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
  // The question, then what comes with it and what stays behind, each a
  // sentence of its own on its own line.
  std::string text = importers::ImportQuestion(found);
  std::vector<std::string> more = importers::LeftoverSentences(found);
  if (std::string sessions = importers::SessionsSentence(found); !sessions.empty())
    more.insert(more.begin(), std::move(sessions));
  if (!more.empty()) text += "\n";
  for (const std::string& sentence : more) text += "\n" + sentence;
  return ToWx(text);
}

void ImportFromAnotherApp(WorkspacePanel& workspace, const ImportConfirmFn& confirm,
                          const std::string& path_in) {
  wxWindow* parent = &workspace;
  std::string path = path_in;
  if (path.empty()) {
    wxFileDialog dialog(parent, _("Import from another app"), wxEmptyString, wxEmptyString,
                        _("Journal exports (*.zip, *.json, *.csv, *.jsonl)|*.zip;*.json;*.csv;"
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
    // TRANSLATORS: %s is why, from the importer.
    wxMessageBox(wxString::Format(_("This file was not imported, so nothing changed in your "
                                    "journal.\n\n%s"),
                                  ToWx(checked.status().message())),
                 _("Import from another app"), wxOK | wxICON_INFORMATION, parent);
    return;
  }
  const importers::SourceImport* found = &checked->found;
  const wxString question = client::ImportQuestion(*found);
  bool yes = false;
  if (confirm) {
    yes = confirm(parent, question);
  } else {
    wxMessageDialog ask(parent, question, _("Import from another app"),
                        wxYES_NO | wxYES_DEFAULT | wxICON_QUESTION);
    ask.SetYesNoLabels(_("&Import"), _("&Cancel"));
    yes = ask.ShowModal() == wxID_YES;
  }
  if (!yes) return;
  core::Result<ImportOutcome> outcome = core::Status::Internal("not run");
  {
    wxBusyCursor busy;
    outcome = ImportChecked(workspace.controller().journal(), *checked, &progress);
  }
  if (!outcome.ok()) {
    wxMessageBox(wxString::Format(_("Nothing was imported: %s"), ToWx(outcome.status().message())),
                 _("Import from another app"), wxOK | wxICON_WARNING, parent);
    return;
  }
  const core::ImportStats* stats = &outcome->stats;
  workspace.JournalChanged();
  const size_t added = stats->entries_added + stats->sessions_added;
  wxString status = wxString::Format(
      // TRANSLATORS: %1$zu entries from %2$s (the app's name); %3$zu were
      // already in the journal.
      wxPLURAL("Imported %1$zu entry from %2$s (%3$zu already there).",
               "Imported %1$zu entries from %2$s (%3$zu already there).",
               wxcommon::PluralCount(added)),
      added, ToWx(std::string(importers::SourceTitle(found->source))),
      stats->entries_skipped + stats->sessions_skipped);
  // Imported entries are read for safety like new ones: when any of them
  // raised it, the crisis lines show at once, as after writing (said once,
  // not per entry), and the status line says why they came up.
  if (outcome->safety_raised > 0) {
    workspace.ShowCrisisResources(outcome->harm_from_others);
    status += " " + wxString::Format(
                        // TRANSLATORS: after "Imported 3 entries from Day One": why
                        // the crisis lines came up; said once for the whole import.
                        wxPLURAL("%zu imported entry mentions hurting yourself or someone else, "
                                 "or being in danger.",
                                 "%zu imported entries mention hurting yourself or someone else, "
                                 "or being in danger.",
                                 wxcommon::PluralCount(outcome->safety_raised)),
                        outcome->safety_raised);
  }
  workspace.SetStatus(status);
}

}  // namespace fieldnotes::client
