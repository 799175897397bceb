#include "ui/sharing_words.h"

#include <wx/translation.h>

#include "common/wx/str_helpers.h"
#include "core/display.h"
#include "core/timestamp.h"
#include "engine/sharing.h"

namespace fieldnotes::client {

using wxcommon::ToWx;

wxString When(int64_t unix_seconds) {
  if (unix_seconds == 0) return "-";
  const core::Timestamp t{unix_seconds, core::LocalOffsetMinutesAt(unix_seconds)};
  // TRANSLATORS: %1$s is a day ("Tuesday 3 November 2026"), %2$s a time.
  return wxString::Format(_("%1$s at %2$s"), ToWx(core::LongDate(t)), ToWx(core::LocalClock(t)));
}

wxString ShortWhen(int64_t unix_seconds) {
  if (unix_seconds == 0) return "-";
  const core::Timestamp t{unix_seconds, core::LocalOffsetMinutesAt(unix_seconds)};
  return ToWx(core::DayMonthYear(t.LocalDate()) + ", " + core::LocalClock(t));
}

wxString LinkName(const sync::TherapistLink& link) {
  return link.label.empty() ? _("your therapist") : ToWx(link.label);
}

wxString LinkStateWords(const sync::TherapistLink& link) {
  switch (StandingOf(link)) {
    case LinkStanding::kKeyChanged:
      return _("Safety number changed: compare it again before sharing");
    case LinkStanding::kVerified:
      return wxString::Format(_("Verified on %s"), When(link.verified_at));
    case LinkStanding::kNotVerified:
      break;
  }
  return _("Not verified yet: compare the safety number first");
}

wxString LinkStateShort(const sync::TherapistLink& link) {
  switch (StandingOf(link)) {
    case LinkStanding::kKeyChanged:
      return _("Number changed: compare again");
    case LinkStanding::kVerified:
      return _("Verified");
    case LinkStanding::kNotVerified:
      break;
  }
  return _("Not verified yet");
}

wxString ReceiptStateWords(const sync::ReceiptLine& r) {
  const ReceiptStatus status = StatusOf(r);
  switch (status.stage) {
    case ReceiptStage::kPending:
      return _("Delivered to the server, not downloaded yet");
    case ReceiptStage::kDownloaded:
      // Each %s below: a day and a time (ShortWhen).
      return wxString::Format(_("Downloaded by your therapist, %s"), ShortWhen(status.at));
    case ReceiptStage::kOpened:
      return wxString::Format(_("Opened by your therapist, %s"), ShortWhen(status.at));
    case ReceiptStage::kWithdrawn:
      return wxString::Format(_("Withdrawn, %s; deleted"), ShortWhen(status.at));
    case ReceiptStage::kExpired:
      return wxString::Format(_("Expired, %s; deleted"), ShortWhen(status.at));
    case ReceiptStage::kUnknown:
      break;
  }
  return _("Not known just now (the server could not be asked)");
}

wxString Thousands(int64_t n) {
  // The locale's grouping ("20,000", "20.000", "20 000"), as everywhere else.
  if (n < 0) return ToWx("-" + core::FormatCount(static_cast<unsigned long long>(-(n + 1)) + 1));
  return ToWx(core::FormatCount(static_cast<unsigned long long>(n)));
}

}  // namespace fieldnotes::client
