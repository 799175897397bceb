// Accessible names for screen readers. wxWidgets 3.2 on GTK has no API for
// them (wxAccessible is Windows-only), and a GTK label is not tied to the
// field it describes, so Orca would read "edit text" for every field. These
// set the name on the widget's ATK object directly.
//
// The GTK and ATK functions are looked up in the running process (wx has
// already loaded them), so no GTK headers are needed to build; where they
// are missing (another toolkit), these do nothing.
#ifndef FIELDNOTES_COMMON_WX_ACCESSIBLE_H_
#define FIELDNOTES_COMMON_WX_ACCESSIBLE_H_

#include <wx/string.h>

class wxWindow;

namespace fieldnotes::wxcommon {

void SetAccessibleName(wxWindow* window, const wxString& name);

// The role a screen reader announces, by ATK's name for it ("list",
// "table"), for a control wx draws itself. Unknown names are ignored.
void SetAccessibleRole(wxWindow* window, const char* role);

// The name a screen reader reads for `window` (empty when none or unknown).
wxString AccessibleName(wxWindow* window);

// Names every input control under `root` that has no name yet after the
// text of the label just before it ("&Passphrase:" -> "Passphrase"), or
// its hint. Call once the controls are made.
void NameControlsFromLabels(wxWindow* root);

}  // namespace fieldnotes::wxcommon

#endif  // FIELDNOTES_COMMON_WX_ACCESSIBLE_H_
