// File > Import from another app…: choose an export (Day One, Daylio, jrnl,
// Bearable, or Fieldnotes' own), see what it holds and what will not come
// along, confirm, import. The work is the client engine's (engine/import.h,
// the same the CLI calls); its progress shows in the status bar.
#ifndef FIELDNOTES_CLIENT_UI_IMPORT_DIALOG_H_
#define FIELDNOTES_CLIENT_UI_IMPORT_DIALOG_H_

#include <wx/string.h>

#include <functional>
#include <string>

#include "importers/import_source.h"

class wxWindow;

namespace fieldnotes::client {

class WorkspacePanel;

// The question the confirmation asks, then one sentence a line for what
// comes with the entries and what stays behind:
//   Import 312 entries from Day One, written from 2019-03-04 to 2026-11-30?
//
//   The photos of 14 entries are not imported.
wxString ImportQuestion(const importers::SourceImport& found);

// Runs the whole flow over `workspace`'s journal. `confirm` asks the
// question and returns true to import (a message box by default; tests put
// their own answer here). `path` skips the file dialog when not empty.
using ImportConfirmFn = std::function<bool(wxWindow*, const wxString&)>;
void ImportFromAnotherApp(WorkspacePanel& workspace, const ImportConfirmFn& confirm = {},
                          const std::string& path = {});

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_IMPORT_DIALOG_H_
