// Loops that may be one worry in other words: the person's decisions,
// kept in the journal (reports/loop_groups.h), for `fieldnotes-cli loop
// suggest|same|apart|list` and the app's Patterns page alike. Only the
// person decides; nothing is joined unless they say so.
#ifndef FIELDNOTES_CLIENT_ENGINE_LOOPS_H_
#define FIELDNOTES_CLIENT_ENGINE_LOOPS_H_

#include <span>
#include <string>
#include <vector>

#include "core/journal.h"
#include "core/model.h"
#include "core/status.h"
#include "reports/loop_groups.h"

namespace fieldnotes::client {

// The loops joined as one worry and the pairs kept apart (empty when none
// were decided yet). An error when the record cannot be read.
core::Result<reports::LoopGroups> LoopDecisions(const core::Journal& journal);

// Loops of `entries` (oldest first) that may be the same worry, best
// first, leaving out what `groups` already decided.
core::Result<std::vector<reports::LoopSuggestion>> SuggestSameWorry(
    std::span<const core::Entry> entries, const reports::LoopGroups& groups);
// The same over the whole journal and its decisions.
core::Result<std::vector<reports::LoopSuggestion>> SuggestSameWorry(const core::Journal& journal);

// A decision kept: the groups before it (to undo) and after it.
struct LoopDecision {
  reports::LoopGroups before;
  reports::LoopGroups after;
};

// "The same worry": `ids` (full ids of loop entries) join one group.
core::Result<LoopDecision> JoinLoops(core::Journal& journal, std::span<const std::string> ids);
// "Not the same": each of `ids` leaves its group and every pair of them is
// kept apart; with one id, it only leaves its group.
core::Result<LoopDecision> SeparateLoops(core::Journal& journal, std::span<const std::string> ids);
// "Not the same" for a suggestion: every loop of one side is kept apart
// from every loop of the other; groups stay as they are.
core::Result<LoopDecision> DeclineSuggestion(core::Journal& journal,
                                             const reports::LoopSuggestion& suggestion);
// Puts the groups back as they were before `decision`.
core::Status UndoLoopDecision(core::Journal& journal, const LoopDecision& decision);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_ENGINE_LOOPS_H_
