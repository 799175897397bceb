// A bold heading over a part of a page. Its size is taken from the bold
// text itself: GTK sizes a label before the bold font is applied, which
// left headings cut to their first word.
#ifndef FIELDNOTES_CLIENT_UI_HEADING_H_
#define FIELDNOTES_CLIENT_UI_HEADING_H_

#include <wx/stattext.h>

namespace fieldnotes::client {

wxStaticText* MakeHeading(wxWindow* parent, const wxString& text);

// Changes a heading's words, keeping it wide enough for them.
void SetHeading(wxStaticText* heading, const wxString& text);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_HEADING_H_
