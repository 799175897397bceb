// The safety number as both apps show it (the client when linking, the
// clinician on a client's page): 60 digits in three lines of four groups of
// five, the way they are read aloud to each other.
#ifndef FIELDNOTES_COMMON_WX_SAFETY_NUMBER_TEXT_H_
#define FIELDNOTES_COMMON_WX_SAFETY_NUMBER_TEXT_H_

#include <wx/string.h>

#include <string>

namespace fieldnotes::wxcommon {

// `digits` as core::SafetyNumber gives them; anything shorter is shown
// grouped on one line.
wxString SafetyNumberLines(const std::string& digits);

}  // namespace fieldnotes::wxcommon

#endif  // FIELDNOTES_COMMON_WX_SAFETY_NUMBER_TEXT_H_
