// The first unlock of a journal: whether it is new (the app's welcome page
// shows once), and whether the date of the last session was asked for
// already (the app's once-only strip). Each is remembered by a record in the
// journal's encrypted settings table ("welcome_shown", "asked_last_session",
// {"format":1}), so a journal asks once wherever it is opened. The app shows
// the page and the strip; the rules and the records are here.
#ifndef FIELDNOTES_CLIENT_ENGINE_FIRST_RUN_H_
#define FIELDNOTES_CLIENT_ENGINE_FIRST_RUN_H_

#include <string_view>

#include "core/journal.h"
#include "core/status.h"

namespace fieldnotes::client {

inline constexpr std::string_view kWelcomeShownRecord = "welcome_shown";
inline constexpr std::string_view kAskedLastSessionRecord = "asked_last_session";

// Whether the welcome was shown before. An unreadable record counts as
// shown: the page never comes back because of damage.
bool WelcomeShown(const core::Journal& journal);
core::Status MarkWelcomeShown(core::Journal& journal);

// Whether the date of the last session was asked for before. An unreadable
// record counts as asked: never nag because of damage.
bool LastSessionAsked(const core::Journal& journal);
core::Status MarkLastSessionAsked(core::Journal& journal);

// A journal that should see the welcome on this unlock: no entries, no
// sessions, and the welcome never shown.
bool IsNewJournal(const core::Journal& journal);

// The welcome's own start: true for a new journal (IsNewJournal), which is
// then marked as welcomed and as asked for its last session (the welcome
// asks for the date itself, so the strip does not). False, and nothing
// written, otherwise. Failures to write the marks are not reported: at
// worst the page shows again.
bool BeginWelcome(core::Journal& journal);

// No session is on record, so "since your last session" cannot be said yet
// (patterns and the report cover the last 14 days).
bool NoSessionYet(const core::Journal& journal);

// The once-only ask: true when there is no session and it was never asked,
// and from that moment the journal remembers it asked. False, and nothing
// written, otherwise.
bool TakeLastSessionAsk(core::Journal& journal);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_ENGINE_FIRST_RUN_H_
