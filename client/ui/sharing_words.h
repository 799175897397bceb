// The words the sharing dialogs use for links, times and receipts, in one
// place so the dialogs and their tests say the same thing. Plain and calm:
// a changed key is news to act on, not an alarm.
#ifndef FIELDNOTES_CLIENT_UI_SHARING_WORDS_H_
#define FIELDNOTES_CLIENT_UI_SHARING_WORDS_H_

#include <wx/string.h>

#include <cstdint>
#include <string>

#include "sync/sharing.h"

namespace fieldnotes::client {

// "Tuesday 24 November 2026 at 14:05", in this computer's local time; "-"
// for 0.
wxString When(int64_t unix_seconds);
// "24 Nov 2026, 14:05", for lists.
wxString ShortWhen(int64_t unix_seconds);
// The link's own label, else "your therapist".
wxString LinkName(const sync::TherapistLink& link);
// "Verified on …", "Not verified yet", "Safety number changed: compare it again".
wxString LinkStateWords(const sync::TherapistLink& link);
// The same in a few words, for a list column; the full words go beside it.
wxString LinkStateShort(const sync::TherapistLink& link);
// What the server says of a shared report, in a few words (short times).
wxString ReceiptStateWords(const sync::ReceiptLine& line);
// 1234567 -> "1,234,567".
wxString Thousands(int64_t n);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_SHARING_WORDS_H_
