#include "ui/write_panel.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/dateevt.h>
#include <wx/radiobox.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <iterator>
#include <vector>

#include "common/wx/error_words.h"
#include "common/wx/str_helpers.h"
#include "core/display.h"
#include "engine/journal_controller.h"
#include "engine/journal_overview.h"
#include "ui/date_field.h"
#include "ui/entry_fields.h"
#include "ui/followup_panel.h"
#include "ui/page_host.h"
#include "ui/scale_controls.h"
#include "ui/time_field.h"

namespace fieldnotes::client {
namespace {

using core::EntryKind;
using wxcommon::ToWx;

// The choices are core::kEntryKinds, in its order (the enum's); each
// kind's label, with its access key, is said here.
constexpr int kKindCount = static_cast<int>(std::size(core::kEntryKinds));

wxString KindLabel(EntryKind kind) {
  switch (kind) {
    case EntryKind::kSpike:
      return _("S&pike");
    case EntryKind::kLoop:
      return _("&Loop");
    case EntryKind::kThread:
      return _("&Thread");
    case EntryKind::kNote:
      return _("&Note");
  }
  return wxString();
}

int KindIndex(EntryKind kind) { return static_cast<int>(kind); }

EntryKind KindAt(int index) {
  if (index < 0 || index >= kKindCount) return core::kEntryKinds[kKindCount - 1].kind;
  return core::kEntryKinds[static_cast<size_t>(index)].kind;
}

wxDateTime ToLocal(const core::Timestamp& t) {
  return wxDateTime(static_cast<time_t>(t.unix_seconds));
}

}  // namespace

WritePanel::WritePanel(wxWindow* parent, PageHost& host)
    : wxPanel(parent, wxID_ANY), host_(host), draft_timer_(this) {
  SetName("write_panel");
  const int gap = FromDIP(8);
  // The form scrolls as one when the window is short (a follow-up or the
  // crisis lines above it, a 768-pixel screen): every field keeps its
  // height, and Save stays in view under it.
  form_ = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                               wxVSCROLL | wxALWAYS_SHOW_SB | wxTAB_TRAVERSAL);
  form_->SetName("write_form");
  form_->SetScrollRate(0, FromDIP(12));
  followups_ = new FollowUpPanel(form_, host_);
  mode_ = new wxStaticText(form_, wxID_ANY, wxString());
  mode_->SetFont(mode_->GetFont().Bold());
  std::vector<wxString> kinds;
  for (const core::EntryKindInfo& k : core::kEntryKinds) kinds.push_back(KindLabel(k.kind));
  kind_ = new wxRadioBox(form_, wxID_ANY, _("What is it?"), wxDefaultPosition, wxDefaultSize,
                         kKindCount, kinds.data(), kKindCount, wxRA_SPECIFY_COLS);
  kind_->SetName(kKindName);
  kind_help_ = new wxStaticText(form_, wxID_ANY, wxString());
  fields_ = new EntryFields(form_);

  // When and how it felt: under the form, beside Save, always in view.
  auto* mood_before_label = new wxStaticText(this, wxID_ANY, _("&Mood before writing:"));
  mood_before_ = new MoodChoice(this, kMoodBeforeName);
  auto* mood_after_label = new wxStaticText(this, wxID_ANY, _("Mood a&fter:"));
  mood_after_ = new MoodChoice(this, kMoodAfterName);
  backdate_ = new wxCheckBox(this, wxID_ANY, _("It happened at anothe&r time"));
  backdate_->SetName(kBackdateName);
  date_ = new DateField(this, wxDateTime::Today());
  date_->SetName("backdate_date");
  time_ = new TimeField(this, wxDateTime::Now());
  time_->SetName("backdate_time");
  draft_state_ = new wxStaticText(this, wxID_ANY, wxString());
  draft_state_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  discard_ = new wxButton(this, wxID_ANY, _("&Clear"));
  discard_->SetName(kClearName);
  save_ = new wxButton(this, wxID_ANY, _("&Save entry"));
  save_->SetName(kSaveName);
  save_->SetToolTip(_("Save (Ctrl+S)"));

  auto* details = new wxBoxSizer(wxHORIZONTAL);
  details->Add(mood_before_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap / 2);
  details->Add(mood_before_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
  details->Add(mood_after_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap / 2);
  details->Add(mood_after_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 3 * gap);
  details->Add(backdate_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap / 2);
  details->Add(date_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap / 2);
  details->Add(time_, 0, wxALIGN_CENTER_VERTICAL);
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->Add(draft_state_, 1, wxALIGN_CENTER_VERTICAL);
  buttons->Add(discard_, 0, wxRIGHT, gap);
  buttons->Add(save_, 0);

  auto* form = new wxBoxSizer(wxVERTICAL);
  form->Add(followups_, 0, wxEXPAND | wxBOTTOM, gap);
  form->Add(mode_, 0, wxLEFT | wxRIGHT | wxTOP, gap);
  auto* kind_row = new wxBoxSizer(wxHORIZONTAL);
  kind_row->Add(kind_, 0, wxRIGHT, 2 * gap);
  kind_row->Add(kind_help_, 1, wxALIGN_CENTER_VERTICAL | wxTOP, gap);
  form->Add(kind_row, 0, wxEXPAND | wxALL, gap);
  form->Add(fields_, 1, wxEXPAND);
  form_->SetSizer(form);
  auto* box = new wxBoxSizer(wxVERTICAL);
  box->Add(form_, 1, wxEXPAND);
  box->Add(details, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
  box->Add(buttons, 0, wxEXPAND | wxALL, gap);
  SetSizer(box);

  kind_->Bind(wxEVT_RADIOBOX, [this](wxCommandEvent& e) {
    OnKindChanged();
    e.Skip();
  });
  backdate_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent& e) {
    // A new entry starts from now, not from when the form was opened.
    if (backdate_->IsChecked() && editing_id_.empty() && !when_touched_) {
      const wxDateTime now = wxDateTime::Now();
      date_->SetDate(now);
      time_->SetTime(now);
    }
    when_touched_ = true;
    // Shown only when asked for: an idle date and clock are noise.
    date_->Show(backdate_->IsChecked());
    time_->Show(backdate_->IsChecked());
    Relayout();
    if (backdate_->IsChecked()) date_->SetFocus();
    e.Skip();
  });
  save_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Save(); });
  discard_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ClearOrBringBack(); });
  // Every change anywhere in the form restarts the draft timer.
  for (auto type : {wxEVT_TEXT, wxEVT_COMBOBOX, wxEVT_CHECKLISTBOX, wxEVT_SLIDER, wxEVT_CHOICE,
                    wxEVT_RADIOBOX, wxEVT_CHECKBOX}) {
    Bind(type, [this](wxCommandEvent& e) {
      if (!followups_->IsDescendant(static_cast<wxWindow*>(e.GetEventObject()))) OnChanged();
      e.Skip();
    });
  }
  Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent& e) {
    when_touched_ = true;
    OnChanged();
    e.Skip();
  });
  Bind(wxEVT_TIME_CHANGED, [this](wxDateEvent& e) {
    when_touched_ = true;
    OnChanged();
    e.Skip();
  });
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) { SaveDraftNow(); });

  ReloadThreads();
  ResetForm();
}

WritePanel::~WritePanel() { draft_timer_.Stop(); }

void WritePanel::Relayout() {
  form_->FitInside();
  form_->Layout();
  Layout();
}

void WritePanel::OnKindChanged() {
  const EntryKind kind = KindAt(kind_->GetSelection());
  fields_->SetKind(kind);
  switch (kind) {
    case EntryKind::kSpike:
      kind_help_->SetLabelText(_("A feeling jumped. Catch the moment while it is still detailed."));
      break;
    case EntryKind::kLoop:
      kind_help_->SetLabelText(_("A thought that keeps coming back. Write it down word for word."));
      break;
    case EntryKind::kThread:
      kind_help_->SetLabelText(_("How something from a session actually went: the honest version."));
      break;
    case EntryKind::kNote:
      kind_help_->SetLabelText(_("Anything else you want to keep."));
      break;
  }
  Relayout();
}

void WritePanel::ClearOrBringBack() {
  if (cleared_ && !HasUnsavedText()) {
    const Draft back = std::move(*cleared_);
    cleared_.reset();
    LoadForm(back.entry, back.backdated);
    dirty_ = true;  // kept as a draft again in a moment
    draft_timer_.StartOnce(kDraftDelayMs);
    host_.SetStatus(_("Your words are back."));
    fields_->FocusFirst();
    return;
  }
  const bool editing = !editing_id_.empty();
  // What is cleared can be brought back until something new is typed.
  if (!editing && HasUnsavedText()) cleared_ = CurrentDraft();
  Discard();
  host_.SetStatus(editing    ? _("Stopped editing; the entry is as it was.")
                  : cleared_ ? _("Cleared. \"Bring back\" puts the words back.")
                             : _("Cleared."));
}

void WritePanel::OnChanged() {
  if (cleared_ && HasUnsavedText()) {  // something new: the cleared words go for good
    cleared_.reset();
    UpdateMode();
  }
  dirty_ = true;
  draft_state_->SetLabelText(wxString());
  draft_timer_.StartOnce(kDraftDelayMs);
}

void WritePanel::UpdateMode() {
  if (editing_id_.empty()) {
    mode_->SetLabelText(_("New entry"));
    save_->SetLabel(_("&Save entry"));
    discard_->SetLabel(cleared_ ? _("&Bring back") : _("&Clear"));
    discard_->SetToolTip(cleared_ ? _("Put back the words you just cleared")
                                  : _("Empty the form (you can bring the words back)"));
  } else {
    // TRANSLATORS: %1$s is a day, %2$s a time.
    mode_->SetLabelText(wxString::Format(_("Changing the entry of %1$s, %2$s"),
                                         ToWx(core::LongDate(original_.written_at)),
                                         ToWx(core::LocalClock(original_.written_at))));
    save_->SetLabel(_("&Save changes"));
    discard_->SetLabel(_("Stop e&diting"));
  }
  Relayout();
}

core::Entry WritePanel::ReadForm() const {
  core::Entry e = editing_id_.empty() ? core::Entry{} : original_;
  fields_->ReadInto(e);
  e.mood_before = mood_before_->GetMood();
  e.mood_after = mood_after_->GetMood();
  if (backdate_->IsChecked()) {
    wxDateTime when = date_->GetDate();
    const wxDateTime clock = time_->GetTime();
    when.SetHour(clock.GetHour());
    when.SetMinute(clock.GetMinute());
    when.SetSecond(0);
    const int64_t seconds = when.GetTicks();
    // Untouched when editing: keep the entry's own time and offset exactly.
    if (editing_id_.empty() || when_touched_)
      e.written_at = core::Timestamp{seconds, core::LocalOffsetMinutesAt(seconds)};
  } else if (editing_id_.empty()) {
    e.written_at = host_.controller().clock().Now();
  }
  return e;
}

bool WritePanel::HasUnsavedText() const { return HasUnsavedWords(CurrentDraft(), original_); }

void WritePanel::LoadForm(const core::Entry& e, bool backdated) {
  kind_->SetSelection(KindIndex(e.kind));
  fields_->Load(e);
  OnKindChanged();
  mood_before_->SetMood(e.mood_before);
  mood_after_->SetMood(e.mood_after);
  backdate_->SetValue(backdated);
  const wxDateTime when = backdated ? ToLocal(e.written_at) : wxDateTime::Now();
  date_->SetDate(when);
  time_->SetTime(when);
  date_->Show(backdated);
  time_->Show(backdated);
  Relayout();
  when_touched_ = false;
  UpdateMode();
}

void WritePanel::StartNew(EntryKind kind, const std::string& thread) {
  if (HasUnsavedText()) {
    host_.SetStatus(
        _("Your unsaved words are still here. Save them, or clear the form to start again."));
    fields_->FocusFirst();
    return;
  }
  ResetForm();
  core::Entry e;
  e.kind = kind;
  e.thread = thread;
  LoadForm(e, false);
  fields_->FocusFirst();
}

void WritePanel::Edit(const core::Entry& entry) {
  if (HasUnsavedText() && editing_id_ != entry.id) {
    host_.SetStatus(_("Your unsaved words are still here. Save them, or clear the form first."));
    return;
  }
  followups_->Stop();
  cleared_.reset();
  editing_id_ = entry.id;
  original_ = entry;
  LoadForm(entry, true);
  fields_->FocusFirst();
}

void WritePanel::ResetForm() {
  draft_timer_.Stop();
  editing_id_.clear();
  original_ = core::Entry{};
  fields_->Clear();
  core::Entry blank;
  blank.kind = EntryKind::kSpike;  // the quick capture is the usual case
  LoadForm(blank, false);
  dirty_ = false;
  draft_state_->SetLabelText(wxString());
}

void WritePanel::Discard() {
  ResetForm();
  if (core::Status s = ClearDraft(host_.controller().journal()); !s.ok())
    host_.SetStatus(wxcommon::DescribeStatus(s, _("Fieldnotes could not remove the draft.")).message);
}

bool WritePanel::Save() {
  const core::Entry e = ReadForm();
  if (IsBlank(e)) {
    host_.SetStatus(_("There is nothing to save yet."));
    return false;
  }
  if (const MissingWords missing = WhatIsMissing(e); !missing.words.empty()) {
    host_.SetStatus(wxcommon::ToWx(missing.words));
    fields_->FocusOn(missing.field);
    return false;
  }
  JournalController& controller = host_.controller();
  const bool is_new = editing_id_.empty();
  std::string id = editing_id_;
  if (is_new) {
    auto added = controller.AddEntry(e);
    if (!added.ok()) {
      wxcommon::ShowError(this, wxcommon::DescribeStatus(added.status(), _("Fieldnotes could not save this entry.")));
      return false;
    }
    id = *added;
  } else if (!(e == original_)) {
    if (core::Status s = controller.UpdateEntry(e); !s.ok()) {
      wxcommon::ShowError(this, wxcommon::DescribeStatus(s, _("Fieldnotes could not save the changes.")));
      return false;
    }
    host_.OfferUndo(_("Your changes are saved."));
  }
  cleared_.reset();
  Discard();
  host_.SetStatus(is_new ? _("Saved.") : _("Changes saved."));
  host_.JournalChanged(id);
  host_.EntrySaved(id, is_new);
  return true;
}

Draft WritePanel::CurrentDraft() const {
  Draft draft;
  draft.entry = ReadForm();
  draft.editing_id = editing_id_;
  draft.backdated = backdate_->IsChecked();
  return draft;
}

void WritePanel::SaveDraftNow() {
  draft_timer_.Stop();
  if (!dirty_) return;
  if (host_.controller().lent()) {  // sharing work has the journal: soon
    draft_timer_.StartOnce(kDraftDelayMs);
    return;
  }
  auto kept = KeepDraft(host_.controller().journal(), CurrentDraft(), original_);
  if (!kept.ok()) {
    draft_state_->SetLabelText(
        wxcommon::DescribeStatus(kept.status(), _("Fieldnotes could not keep the draft.")).message);
    return;
  }
  dirty_ = false;
  draft_state_->SetLabelText(*kept ? _("Draft kept safe in your journal.") : wxString());
}

void WritePanel::RestoreDraft() {
  auto draft = ResumeDraft(host_.controller().journal());
  if (!draft.ok()) {
    host_.SetStatus(
        wxcommon::DescribeStatus(draft.status(), _("Fieldnotes could not bring back the unsaved entry.")).message);
    return;
  }
  if (!draft->has_value()) return;
  const ResumedDraft& d = **draft;
  editing_id_ = d.draft.editing_id;
  original_ = d.original.value_or(core::Entry{});
  LoadForm(d.draft.entry, d.keep_time);
  dirty_ = false;
  draft_state_->SetLabelText(_("Your unsaved entry is back, as you left it."));
  host_.SetStatus(_("Your unsaved entry is back, as you left it."));
}

void WritePanel::ReloadThreads() {
  fields_->SetThreads(ThreadTitles(host_.controller().journal()));
}

}  // namespace fieldnotes::client
