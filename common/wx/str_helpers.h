// The one boundary between the project's strings (UTF-8 std::string, as core
// and reports use) and wxString. Every conversion in the desktop apps goes
// through these two functions, so no code guesses an encoding.
#ifndef FIELDNOTES_COMMON_WX_STR_HELPERS_H_
#define FIELDNOTES_COMMON_WX_STR_HELPERS_H_

#include <wx/string.h>

#include <string>
#include <string_view>
#include <type_traits>

namespace fieldnotes::wxcommon {

// UTF-8 bytes to a wxString. Invalid UTF-8 (which core never hands out: it
// validates every field) becomes U+FFFD rather than an empty string.
wxString ToWx(std::string_view utf8);

// A wxString to UTF-8 bytes.
std::string ToUtf8(const wxString& s);

// A count as wxPLURAL takes it (unsigned); counts past its range pick the
// plural form of the largest.
template <typename N>
unsigned PluralCount(N n) {
  if constexpr (std::is_signed_v<N>) {
    if (n < 0) return 0;
  }
  if (static_cast<unsigned long long>(n) > 0xFFFFFFFFull) return 0xFFFFFFFFu;
  return static_cast<unsigned>(n);
}

}  // namespace fieldnotes::wxcommon

#endif  // FIELDNOTES_COMMON_WX_STR_HELPERS_H_
