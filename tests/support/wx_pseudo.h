// The pseudo-locale check of the desktop apps (tests/i18n/pseudo_po.py
// makes the catalog): every label a window shows is translated (it carries
// the pseudo-translation's accents or brackets) and fits the room it was
// given, and a screenshot of the screen is kept for a person to look at.
#ifndef FIELDNOTES_TESTS_SUPPORT_WX_PSEUDO_H_
#define FIELDNOTES_TESTS_SUPPORT_WX_PSEUDO_H_

#include <wx/window.h>

#include <string>
#include <vector>

namespace fieldnotes::testing {

// True when the run was started for the pseudo-locale check (CTest sets
// FIELDNOTES_PSEUDO_SHOTS to the folder for the screenshots).
bool PseudoRun();

// True when `text` carries the pseudo-translation's marks (an accented
// Latin letter, or its padding dots).
bool LooksPseudo(const wxString& text);

// What is wrong with the windows under `root` (the window itself included)
// that are shown on screen, one line each: a label in English (no pseudo
// marks, and not made only of `data` words, numbers, month and day names),
// a label whose best size is larger than the size it got (cut off), a
// control that reaches past its window's edge. `data` holds words that are
// data and proper names, shown as they are (a client's name, a date).
std::vector<std::string> PseudoProblems(wxWindow* root, const std::vector<std::string>& data = {});

// Lays out and paints `root`'s top-level window, saves a screenshot of the
// whole display as <FIELDNOTES_PSEUDO_SHOTS>/<name>.png, and checks
// PseudoProblems (each one fails the test, named with `name`).
void CheckPseudoPage(wxWindow* root, const std::string& name,
                     const std::vector<std::string>& data = {});

}  // namespace fieldnotes::testing

#endif  // FIELDNOTES_TESTS_SUPPORT_WX_PSEUDO_H_
