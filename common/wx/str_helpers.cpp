#include "common/wx/str_helpers.h"

namespace fieldnotes::wxcommon {

wxString ToWx(std::string_view utf8) {
  if (utf8.empty()) return wxString();
  wxString s = wxString::FromUTF8(utf8.data(), utf8.size());
  if (!s.empty()) return s;
  // wx returns an empty string for invalid UTF-8: decode by hand, replacing
  // each bad byte, so a person never sees text silently vanish.
  std::string fixed;
  fixed.reserve(utf8.size());
  size_t i = 0;
  while (i < utf8.size()) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    size_t len = c < 0x80           ? 1
                 : (c >> 5) == 0x6  ? 2
                 : (c >> 4) == 0xE  ? 3
                 : (c >> 3) == 0x1E ? 4
                                    : 0;
    bool ok = len != 0 && i + len <= utf8.size();
    for (size_t k = 1; ok && k < len; ++k)
      ok = (static_cast<unsigned char>(utf8[i + k]) >> 6) == 0x2;
    if (ok && wxString::FromUTF8(utf8.data() + i, len).length() == 1) {
      fixed.append(utf8.substr(i, len));
      i += len;
    } else {
      fixed += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return wxString::FromUTF8(fixed.data(), fixed.size());
}

std::string ToUtf8(const wxString& s) { return s.utf8_string(); }

}  // namespace fieldnotes::wxcommon
