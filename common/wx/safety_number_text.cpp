#include "common/wx/safety_number_text.h"

#include "common/wx/str_helpers.h"
#include "core/safety_number.h"

namespace fieldnotes::wxcommon {

wxString SafetyNumberLines(const std::string& digits) {
  const std::string grouped = core::GroupSafetyNumber(digits);  // 12 groups, 71 characters
  if (grouped.size() < 71) return ToWx(grouped);
  return ToWx(grouped.substr(0, 23) + "\n" + grouped.substr(24, 23) + "\n" + grouped.substr(48));
}

}  // namespace fieldnotes::wxcommon
