// WritePanel: the "Write" page. Pick a kind, fill in what matters, save
// (Ctrl+S). Optional: the mood before and after writing, and a different
// day and time for something written down later (backdating). While the
// person types, the form is kept as an encrypted draft in the journal
// (draft_store.h) after a short pause, so a crash, a closed window or an
// auto-lock loses nothing. The same form edits an existing entry.
//
// After a save the follow-up questions appear at the top
// (followup_panel.h); the workspace decides whether to ask them.
#ifndef FIELDNOTES_CLIENT_UI_WRITE_PANEL_H_
#define FIELDNOTES_CLIENT_UI_WRITE_PANEL_H_

#include <wx/panel.h>
#include <wx/timer.h>

#include <optional>
#include <string>

#include "core/model.h"
#include "engine/draft_store.h"

class wxButton;
class wxCheckBox;
class wxRadioBox;
class wxScrolledWindow;
class wxStaticText;

namespace fieldnotes::client {

class EntryFields;
class FollowUpPanel;
class MoodChoice;
class PageHost;
class DateField;
class TimeField;

class WritePanel : public wxPanel {
 public:
  static constexpr char kKindName[] = "kind";
  static constexpr char kSaveName[] = "save_entry";
  static constexpr char kClearName[] = "clear_entry";
  static constexpr char kBackdateName[] = "backdate";
  static constexpr char kMoodBeforeName[] = "mood_before";
  static constexpr char kMoodAfterName[] = "mood_after";
  // How long after the last change the draft is written.
  static constexpr int kDraftDelayMs = 1500;

  WritePanel(wxWindow* parent, PageHost& host);
  ~WritePanel() override;

  // A form for a new entry of `kind` (a follow-up of `thread` when given).
  // Words already in the form are never thrown away for this: they stay,
  // and a status line says so.
  void StartNew(core::EntryKind kind, const std::string& thread = {});
  // Loads an entry for editing.
  void Edit(const core::Entry& entry);
  // Saves the form (new entry or changes). False when nothing was saved.
  bool Save();
  // Leaves the form empty and drops the draft.
  void Discard();
  // The Clear button: empties the form, keeping its words to bring back
  // (the button then says "Bring back") until something new is typed; or,
  // so labelled, brings them back. Stops editing when editing.
  void ClearOrBringBack();
  bool can_bring_back() const { return cleared_.has_value(); }

  // The draft: written now (before locking or closing), and restored.
  void SaveDraftNow();
  void RestoreDraft();

  // The thread titles offered in the form.
  void ReloadThreads();
  FollowUpPanel& followups() { return *followups_; }
  wxScrolledWindow& form() { return *form_; }
  const std::string& editing_id() const { return editing_id_; }
  bool HasUnsavedText() const;
  // The form as an entry (time and id as they would be saved).
  core::Entry ReadForm() const;

 private:
  void OnKindChanged();
  void OnChanged();
  void UpdateMode();
  // After fields were shown or hidden: the scrolling form fits them.
  void Relayout();
  // Empties the form; the stored draft is left alone.
  void ResetForm();
  Draft CurrentDraft() const;
  void LoadForm(const core::Entry& e, bool backdated);

  PageHost& host_;
  std::string editing_id_;        // empty: a new entry
  core::Entry original_;          // the entry being edited, as loaded
  bool dirty_ = false;            // changed since the last draft write
  bool when_touched_ = false;     // the date, time or backdate box changed since loading
  std::optional<Draft> cleared_;  // the words Clear took away, to bring back
  wxScrolledWindow* form_;
  FollowUpPanel* followups_;
  wxStaticText* mode_;
  wxRadioBox* kind_;
  wxStaticText* kind_help_;
  EntryFields* fields_;
  MoodChoice* mood_before_;
  MoodChoice* mood_after_;
  wxCheckBox* backdate_;
  DateField* date_;
  TimeField* time_;
  wxButton* save_;
  wxButton* discard_;
  wxStaticText* draft_state_;
  wxTimer draft_timer_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_WRITE_PANEL_H_
