// Looking back over the journal: every entry (or those within a filter),
// or those that contain what was searched for, newest first. One flow for
// `fieldnotes-cli list` and `search` and the app's Look back page.
#ifndef FIELDNOTES_CLIENT_ENGINE_LOOK_BACK_H_
#define FIELDNOTES_CLIENT_ENGINE_LOOK_BACK_H_

#include <string_view>
#include <vector>

#include "core/journal.h"

namespace fieldnotes::client {

// True when `query` holds something to look for (not only spaces or tabs).
bool IsSearch(std::string_view query);

// The canonical words of the feelings of the vocabulary whose name in the
// reader's language (core::EmotionWord) contains `query`, folded as the
// search folds ("angst" names "anxiety" in German). Empty in English, where
// the shown name is the stored word.
std::vector<std::string_view> FeelingsNamedBy(std::string_view query);

// The entries containing `query` (core::Journal::Search: the words folded
// as the search index keeps them), and those holding a feeling whose
// translated name it matches (FeelingsNamedBy), when IsSearch(query), else
// every entry within `filter`; newest first. The pointers are into the
// journal and valid until it changes.
std::vector<const core::Entry*> LookBack(const core::Journal& journal, std::string_view query,
                                         const core::EntryFilter& filter = {});

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_ENGINE_LOOK_BACK_H_
