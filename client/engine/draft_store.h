// Drafts: what is in the writing form and not yet saved, kept so that it
// survives a crash, a closed window or an auto-lock. A draft is a record in
// the journal's encrypted settings table ("draft", in the shape of a
// setting: {"format":1,"value":"<the JSON below>"}), never a plaintext file:
// it is written on a short debounce while the person types, and removed
// once the entry is saved or the form is cleared (docs/client-app.md).
#ifndef FIELDNOTES_CLIENT_ENGINE_DRAFT_STORE_H_
#define FIELDNOTES_CLIENT_ENGINE_DRAFT_STORE_H_

#include <optional>
#include <string>
#include <string_view>

#include "core/journal.h"
#include "core/model.h"
#include "core/status.h"

namespace fieldnotes::client {

struct Draft {
  core::Entry entry;       // the form's content; written_at matters only when backdated
  std::string editing_id;  // the entry being edited, or empty for a new one
  bool backdated = false;  // written_at was chosen by the person

  bool operator==(const Draft&) const = default;
};

inline constexpr std::string_view kDraftRecord = "draft";

// {"format":1,"editing":"<id>","backdated":false,"entry":{<record_codec entry>}}
std::string DraftToJson(const Draft& draft);
// InvalidArgument when it does not parse.
core::Result<Draft> DraftFromJson(std::string_view json);

// Durable when it returns ok (the journal writes with synchronous=FULL).
core::Status SaveDraft(core::Journal& journal, const Draft& draft);
// nullopt when there is no draft.
core::Result<std::optional<Draft>> LoadDraft(const core::Journal& journal);
// Ok when there was none.
core::Status ClearDraft(core::Journal& journal);

// True when the entry holds nothing a person typed or picked (nothing to keep).
bool IsBlank(const core::Entry& e);

// True when the form holds words not yet in the journal: for an edit
// (draft.editing_id set), anything that differs from `original`, the entry
// as it was opened; for a new entry, anything at all (IsBlank).
bool HasUnsavedWords(const Draft& draft, const core::Entry& original);

// Keeps the draft while it holds unsaved words (HasUnsavedWords), and
// removes it once it holds none. Returns whether a draft is now kept.
core::Result<bool> KeepDraft(core::Journal& journal, const Draft& draft,
                             const core::Entry& original);

// A draft brought back into the form. When it was an edit and its entry is
// still in the journal, `original` is that entry (what the edit is compared
// with); when the entry was deleted since, the draft comes back as a new
// entry (editing_id empty). `keep_time`: the form keeps the draft's
// written_at (backdated, or an edit) rather than now.
struct ResumedDraft {
  Draft draft;
  std::optional<core::Entry> original;
  bool keep_time = false;
};
// nullopt when there is no draft; an error when it cannot be read.
core::Result<std::optional<ResumedDraft>> ResumeDraft(const core::Journal& journal);

// What the form still needs before `e` can be saved, in words for the
// person, and the field to put the keyboard in; empty words when it can be
// saved. A thread needs its suggestion and how it went: a title alone
// says nothing.
struct MissingWords {
  std::string words;
  const char* field = nullptr;  // an EntryFields k…Name
};
MissingWords WhatIsMissing(const core::Entry& e);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_ENGINE_DRAFT_STORE_H_
