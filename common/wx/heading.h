// A bold heading over a part of a page, and the form helpers pages share.
// A heading's size is taken from the bold text itself: GTK sizes a label
// before the bold font is applied, which left headings cut to their first
// word.
#ifndef FIELDNOTES_COMMON_WX_HEADING_H_
#define FIELDNOTES_COMMON_WX_HEADING_H_

#include <wx/stattext.h>

namespace fieldnotes::wxcommon {

wxStaticText* MakeHeading(wxWindow* parent, const wxString& text);

// Changes a heading's words, keeping it wide enough for them.
void SetHeading(wxStaticText* heading, const wxString& text);

// Sets `text`'s words (shown as they are: an & is not a mnemonic) and
// wraps them at `width` pixels (not at all when width <= 0). The words are
// kept with the control, so WrapTo can wrap them again at another width.
void SetWrappedText(wxStaticText* text, const wxString& words, int width);
// Wraps `text` again at `width` pixels (not at all when <= 0) from the
// words last given to SetHeading or SetWrappedText (or its label), and
// sizes it to the lines as wrapped, in its own font.
void WrapTo(wxStaticText* text, int width);
// Shows the words last given to SetHeading or SetWrappedText (or the
// label) on one line, line breaks as spaces, as wide as its sizer makes it:
// a wxStaticText made with wxST_ELLIPSIZE_END is cut there with "…" by the
// toolkit, its text (what a screen reader reads) still whole. The whole
// words are its tooltip too. WrapTo shows them on lines again.
void ShowOnOneLine(wxStaticText* text);
// The words of `text` as given, without the line breaks wrapping added.
wxString UnwrappedText(const wxStaticText* text);

// A message under a form: `text` wrapped at `width` (in DIPs), hidden when
// empty, the parent laid out again.
void SetFormMessage(wxStaticText* message, const wxString& text, int width = 480);

// Makes `form` the page's layout: centred across, with a third of the spare
// height above it and two thirds below, `margin` pixels around it.
void CenterForm(wxWindow* page, wxSizer* form, int margin);

}  // namespace fieldnotes::wxcommon

#endif  // FIELDNOTES_COMMON_WX_HEADING_H_
