// What the journal holds, as the faces show it: the counts of
// `fieldnotes-cli summary`, the latest session (the summary and the app's
// welcome page), sessions newest first and the threads with their first day
// and follow-ups (the app's Sessions and threads page, the Write page's
// list of threads), and the entries behind an observation (the Patterns
// page). Each describes; none interprets. The words are the faces'.
#ifndef FIELDNOTES_CLIENT_ENGINE_JOURNAL_OVERVIEW_H_
#define FIELDNOTES_CLIENT_ENGINE_JOURNAL_OVERVIEW_H_

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/journal.h"
#include "core/model.h"
#include "core/timestamp.h"

namespace fieldnotes::client {

// The latest session on record (by time, whatever order they were added
// in); nullopt when there is none.
std::optional<core::Timestamp> LatestSession(const core::Journal& journal);

// Every session, the most recent first.
std::vector<const core::Session*> SessionsNewestFirst(const core::Journal& journal);

// The journal in counts and dates (fieldnotes-cli summary).
struct JournalSummary {
  static constexpr size_t kTopEmotions = 5;

  size_t entries = 0;
  std::map<core::EntryKind, size_t> by_kind;  // only the kinds written
  std::optional<core::Timestamp> first;
  std::optional<core::Timestamp> last;
  // The feelings named most often (as stored), at most kTopEmotions: most
  // named first, equal counts in alphabetical order.
  std::vector<std::pair<std::string, size_t>> emotions;
  size_t sessions = 0;
  std::optional<core::Timestamp> last_session;  // LatestSession
  size_t threads = 0;
};
JournalSummary SummarizeJournal(const core::Journal& journal);

// The threads' titles, in the order they were started (the Write page's
// choice of thread).
std::vector<std::string> ThreadTitles(const core::Journal& journal);

// How many entries follow up each thread, by folded title (case- and
// accent-insensitive, as the pattern analysis matches them).
std::map<std::string, size_t> FollowUpCounts(const core::Journal& journal);

// A thread as the Sessions and threads page lists it, in the order they
// were started.
struct ThreadRow {
  std::string title;
  // Its first day: the first entry about it when that is earlier than the
  // thread record (entries imported or backdated), else when it was started.
  core::Timestamp since;
  size_t follow_ups = 0;  // entries about it (FollowUpCounts)
};
std::vector<ThreadRow> ThreadRows(const core::Journal& journal);

// The fields whose words speak for an entry on one line (a list row, the
// evidence of a pattern, `fieldnotes-cli list`), in the order to try them:
// the exact thought, the note, what happened right before, what was almost
// said, where it was felt. Each face takes the first with words in it.
std::array<const core::CompactString*, 5> OneLineFields(const core::Entry& e);

// The entries with these ids still in the journal, in the order given
// (the evidence of an observation; an entry deleted since is left out).
std::vector<core::Entry> EntriesStillThere(const core::Journal& journal,
                                           std::span<const std::string> ids);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_ENGINE_JOURNAL_OVERVIEW_H_
