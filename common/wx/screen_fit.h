// Windows that fit the screen they are on: a top-level window no larger
// than the screen's work area (at any GDK_SCALE, in the logical pixels wx
// works in), and containers that lay out again after what they hold
// changed, scrolling ones included.
#ifndef FIELDNOTES_COMMON_WX_SCREEN_FIT_H_
#define FIELDNOTES_COMMON_WX_SCREEN_FIT_H_

#include <wx/gdicmn.h>

class wxTopLevelWindow;
class wxWindow;

namespace fieldnotes::wxcommon {

// `wanted` shrunk to fit inside `room` less `frame` on each axis (room
// for a window manager's title bar and borders), and no smaller than
// `least` unless the room itself is smaller. Pure: for tests.
wxSize FitSize(const wxSize& wanted, const wxSize& least, const wxRect& room, const wxSize& frame);

// Sizes `window` to `wanted` (DIPs already applied) or less, so all of it
// is on the work area of the display it is on (the primary one before it
// is shown), and moves it inside that area. Its minimum size shrinks with
// it when the screen is smaller than that.
void FitOnScreen(wxTopLevelWindow* window, const wxSize& wanted);

// The work area of the display `window` is on, in wx's logical pixels.
wxRect WorkArea(const wxWindow* window);

// After `child`'s contents changed (controls shown, hidden, relabelled):
// its parent lays out again, and a scrolling parent takes the new height.
void RelayoutParent(wxWindow* child);

}  // namespace fieldnotes::wxcommon

#endif  // FIELDNOTES_COMMON_WX_SCREEN_FIT_H_
