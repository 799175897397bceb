// Icons for the four kinds of entry, drawn as distinct shapes (a pulse for
// a spike, a circling arrow for a loop, a knotted line for a thread, a page
// for a note) in the window's text colour, so they read in light and dark
// themes and never rely on colour. Always shown next to the kind's name.
#ifndef FIELDNOTES_CLIENT_UI_KIND_ICONS_H_
#define FIELDNOTES_CLIENT_UI_KIND_ICONS_H_

#include <wx/bitmap.h>
#include <wx/colour.h>

#include "core/model.h"

class wxImageList;

namespace fieldnotes::client {

// A `size` x `size` icon for `kind`, drawn in `colour`.
wxBitmap KindIcon(core::EntryKind kind, int size, const wxColour& colour);

// The four icons in EntryKind order (spike, loop, thread, note); the caller
// owns the list.
wxImageList* MakeKindImageList(int size, const wxColour& colour);

// The image index of a kind in MakeKindImageList.
int KindImageIndex(core::EntryKind kind);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_KIND_ICONS_H_
