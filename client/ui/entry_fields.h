// EntryFields: the fields of the writing form, showing those that belong to
// the chosen kind (a spike asks what happened right before, where it was
// felt, the exact thought and what was almost said; a loop asks for the
// thought word for word; a thread for the suggestion and how it went; a
// note for whatever they want to keep). A field that already holds text
// stays visible whatever the kind, so nothing is ever hidden and kept.
#ifndef FIELDNOTES_CLIENT_UI_ENTRY_FIELDS_H_
#define FIELDNOTES_CLIENT_UI_ENTRY_FIELDS_H_

#include <wx/panel.h>

#include <string>
#include <vector>

#include "core/model.h"

class wxComboBox;
class wxStaticText;
class wxTextCtrl;

namespace fieldnotes::client {

class EmotionPicker;
class IntensityControl;

class EntryFields : public wxPanel {
 public:
  // Control names (also the accessible names).
  static constexpr char kBeforeName[] = "before";
  static constexpr char kBodyName[] = "body";
  static constexpr char kThoughtName[] = "thought";
  static constexpr char kUnsaidName[] = "unsaid";
  static constexpr char kTextName[] = "text";
  static constexpr char kThreadName[] = "thread";
  static constexpr char kTagsName[] = "tags";

  explicit EntryFields(wxWindow* parent);

  void SetKind(core::EntryKind kind);
  core::EntryKind kind() const { return kind_; }
  // The titles offered in the thread field (it also takes a new one).
  void SetThreads(const std::vector<std::string>& titles);

  // Writes every field's value into `e` (kind, emotions, intensity, texts,
  // thread, tags); leaves id, time, moods and follow-ups alone.
  void ReadInto(core::Entry& e) const;
  void Load(const core::Entry& e);
  void Clear();
  // Puts the keyboard in the first field of the kind.
  void FocusFirst();
  // Where Tab goes from the thread's box: how it went (nullptr: as usual).
  wxWindow* AfterThread() const;
  // Puts the keyboard in the field called `name` (k…Name).
  void FocusOn(const char* name);

 private:
  struct Field {
    wxStaticText* label = nullptr;
    wxWindow* control = nullptr;
  };
  wxTextCtrl* AddText(wxSizer* sizer, const wxString& label, const char* name, int lines,
                      Field* field);
  void UpdateVisibility();

  core::EntryKind kind_ = core::EntryKind::kSpike;
  EmotionPicker* emotions_;
  wxStaticText* intensity_label_;
  IntensityControl* intensity_;
  wxTextCtrl* before_;
  wxTextCtrl* body_;
  wxTextCtrl* thought_;
  wxTextCtrl* unsaid_;
  wxComboBox* thread_;
  wxTextCtrl* text_;
  wxTextCtrl* tags_;
  Field before_field_, body_field_, thought_field_, unsaid_field_, thread_field_, text_field_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_ENTRY_FIELDS_H_
