#include "ui/sharing_words.h"

#include "common/wx/str_helpers.h"
#include "core/display.h"
#include "core/timestamp.h"

namespace fieldnotes::client {

using wxcommon::ToWx;

wxString When(int64_t unix_seconds) {
  if (unix_seconds == 0) return "-";
  const core::Timestamp t{unix_seconds, core::LocalOffsetMinutesAt(unix_seconds)};
  return ToWx(core::LongDate(t) + " at " + core::LocalClock(t));
}

wxString ShortWhen(int64_t unix_seconds) {
  if (unix_seconds == 0) return "-";
  const core::Timestamp t{unix_seconds, core::LocalOffsetMinutesAt(unix_seconds)};
  return ToWx(core::DayMonthYear(t.LocalDate()) + ", " + core::LocalClock(t));
}

wxString LinkName(const sync::TherapistLink& link) {
  return link.label.empty() ? wxString("your therapist") : ToWx(link.label);
}

wxString LinkStateWords(const sync::TherapistLink& link) {
  if (link.key_changed()) return "Safety number changed: compare it again before sharing";
  if (link.verified()) return "Verified on " + When(link.verified_at);
  return "Not verified yet: compare the safety number first";
}

wxString LinkStateShort(const sync::TherapistLink& link) {
  if (link.key_changed()) return "Number changed: compare again";
  if (link.verified()) return "Verified";
  return "Not verified yet";
}

wxString ReceiptStateWords(const sync::ReceiptLine& r) {
  if (r.state == "pending") return "Delivered to the server, not downloaded yet";
  if (r.state == "delivered") return "Downloaded by your therapist, " + ShortWhen(r.downloaded_at);
  if (r.state == "opened") return "Opened by your therapist, " + ShortWhen(r.opened_at);
  if (r.state == "withdrawn") return "Withdrawn, " + ShortWhen(r.withdrawn_at) + "; deleted";
  if (r.state == "expired") return "Expired, " + ShortWhen(r.expired_at) + "; deleted";
  return "Not known just now (the server could not be asked)";
}

wxString Thousands(int64_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
    digits.insert(static_cast<size_t>(i), ",");
  return ToWx(digits);
}

}  // namespace fieldnotes::client
