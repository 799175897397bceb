#include "ui/import_dialog.h"

#include <wx/filedlg.h>
#include <wx/msgdlg.h>
#include <wx/utils.h>

#include <fstream>
#include <iterator>

#include "common/wx/str_helpers.h"
#include "core/journal.h"
#include "importers/import_file.h"
#include "engine/journal_controller.h"
#include "ui/workspace_panel.h"

namespace fieldnotes::client {

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
  std::string content;
  {
    wxBusyCursor busy;
    std::ifstream in(path, std::ios::binary);
    content.assign(std::istreambuf_iterator<char>(in), {});
    if (!in.good() && !in.eof()) content.clear();
  }
  auto found = importers::ParseAnyImport(content);
  content.clear();
  if (!found.ok()) {
    wxMessageBox(ToWx("This file was not imported, so nothing changed in your journal.\n\n" +
                      found.status().message()),
                 ToWx("Import from another app"), wxOK | wxICON_INFORMATION, parent);
    return;
  }
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
  core::Result<core::ImportStats> stats = core::Status::Internal("not run");
  {
    wxBusyCursor busy;
    stats = workspace.controller().journal().Import(found->items);
  }
  if (!stats.ok()) {
    wxMessageBox(ToWx("Nothing was imported: " + stats.status().message()),
                 ToWx("Import from another app"), wxOK | wxICON_WARNING, parent);
    return;
  }
  workspace.JournalChanged();
  const size_t added = stats->entries_added + stats->sessions_added;
  workspace.SetStatus(
      ToWx("Imported " + std::to_string(added) + (added == 1 ? " entry" : " entries") + " from " +
           std::string(importers::SourceTitle(found->source)) + " (" +
           std::to_string(stats->entries_skipped + stats->sessions_skipped) + " already there)."));
}

}  // namespace fieldnotes::client
