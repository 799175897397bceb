// A window icon drawn from SVG text (each app builds its own drawing in,
// so the window has it wherever the program is run from).
#ifndef FIELDNOTES_COMMON_WX_SVG_ICONS_H_
#define FIELDNOTES_COMMON_WX_SVG_ICONS_H_

#include <wx/iconbndl.h>

namespace fieldnotes::wxcommon {

// `svg` drawn at the sizes window managers ask for (16 to 256 pixels). An
// empty bundle when the text is not an SVG wx can draw.
wxIconBundle IconsFromSvg(const char* svg);

}  // namespace fieldnotes::wxcommon

#endif  // FIELDNOTES_COMMON_WX_SVG_ICONS_H_
