#include "ui/app_icon.h"

#include "common/wx/svg_icons.h"

namespace fieldnotes::client {

wxIconBundle AppIcons() { return wxcommon::IconsFromSvg(kAppIconSvg); }

}  // namespace fieldnotes::client
