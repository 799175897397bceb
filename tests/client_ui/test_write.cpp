// Writing: each kind through the real form, the follow-up questions, the
// safety message, drafts that survive a crash.
#include <wx/app.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/datectrl.h>
#include <wx/radiobox.h>
#include <wx/slider.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdlib>

#include "ui/date_field.h"
#include "engine/draft_store.h"
#include "ui/emotion_picker.h"
#include "ui/entry_fields.h"
#include "ui/followup_panel.h"
#include "engine/journal_controller.h"
#include "ui/safety_banner.h"
#include "ui/scale_controls.h"
#include "ui/time_field.h"
#include "ui/timeline_list.h"
#include "ui/timeline_panel.h"
#include "ui/workspace_panel.h"
#include "ui/write_panel.h"
#include "ui_fixture.h"

namespace fieldnotes::testing {
namespace {

using client::EntryFields;
using client::WritePanel;
using core::EntryKind;

// The form, driven through its controls as a person would.
class Form {
 public:
  explicit Form(client::WorkspacePanel& workspace) : w_(workspace), page_(&workspace.write()) {}

  void Kind(int index) {
    auto* kind = Find<wxRadioBox>(page_, WritePanel::kKindName);
    kind->SetSelection(index);
    wxCommandEvent e(wxEVT_RADIOBOX, kind->GetId());
    e.SetInt(index);
    e.SetEventObject(kind);
    kind->ProcessWindowEvent(e);
  }
  void Type(const char* name, const std::string& text) {
    auto* ctrl = Find<wxTextCtrl>(page_, name);
    BOOST_REQUIRE_MESSAGE(ctrl != nullptr, name);
    BOOST_REQUIRE_MESSAGE(ctrl->IsShownOnScreen(), name);
    ctrl->SetValue(wxString::FromUTF8(text));  // sends wxEVT_TEXT, like typing
  }
  void Thread(const std::string& title) {
    auto* combo = Find<wxComboBox>(page_, EntryFields::kThreadName);
    BOOST_REQUIRE(combo != nullptr && combo->IsShownOnScreen());
    combo->SetValue(wxString::FromUTF8(title));
  }
  void Emotion(const wxString& word) {
    auto* list = Find<wxCheckListBox>(page_, client::EmotionPicker::kListName);
    const int index = list->FindString(word);
    BOOST_REQUIRE(index != wxNOT_FOUND);
    list->Check(static_cast<unsigned>(index));
    wxCommandEvent e(wxEVT_CHECKLISTBOX, list->GetId());
    e.SetInt(index);
    e.SetEventObject(list);
    list->ProcessWindowEvent(e);
  }
  void Intensity(int value) {
    auto* slider = Find<wxSlider>(page_, client::IntensityControl::kName);
    slider->SetValue(value);
    wxCommandEvent e(wxEVT_SLIDER, slider->GetId());
    e.SetInt(value);
    e.SetEventObject(slider);
    slider->ProcessWindowEvent(e);
  }
  void Mood(const char* name, int mood) {
    auto* choice = Find<wxChoice>(page_, name);
    choice->SetSelection(mood + 1);
    wxCommandEvent e(wxEVT_CHOICE, choice->GetId());
    e.SetEventObject(choice);
    choice->ProcessWindowEvent(e);
  }
  void Save() { Click(Find<wxButton>(page_, WritePanel::kSaveName)); }

 private:
  client::WorkspacePanel& w_;
  WritePanel* page_;
};

const core::Entry& Newest(client::MainFrame& frame) {
  return frame.controller()->journal().entries().front();
}

// Entries saved within the same second sort by id, so find them by kind.
const core::Entry& OfKind(client::MainFrame& frame, EntryKind kind) {
  for (const core::Entry& e : frame.controller()->journal().entries())
    if (e.kind == kind) return e;
  BOOST_FAIL("no entry of that kind");
  std::abort();
}

BOOST_AUTO_TEST_SUITE(write)

BOOST_FIXTURE_TEST_CASE(each_kind_is_saved_and_shown_in_the_timeline, FrameFixture) {
  Unlock();
  client::WorkspacePanel& w = *frame().workspace();
  Form form(w);

  // A spike, with everything the quick capture offers.
  form.Kind(0);
  form.Emotion("anxiety");
  form.Type(client::EmotionPicker::kOwnName, "on edge");
  form.Intensity(7);
  form.Type(EntryFields::kBeforeName, "A message from Dana: can we talk today?");
  form.Type(EntryFields::kThoughtName, "She found the mistake.");
  form.Type(EntryFields::kUnsaidName, "Can you tell me what it is about first?");
  form.Mood(WritePanel::kMoodBeforeName, 3);
  form.Save();
  {
    const core::Entry& e = Newest(frame());
    BOOST_TEST((e.kind == EntryKind::kSpike));
    BOOST_TEST(e.emotions == (std::vector<std::string>{"anxiety", "on edge"}));
    BOOST_TEST(e.intensity.value_or(-1) == 7);
    BOOST_TEST(e.before == "A message from Dana: can we talk today?");
    BOOST_TEST(e.thought == "She found the mistake.");
    BOOST_TEST(e.unsaid == "Can you tell me what it is about first?");
    BOOST_TEST(e.mood_before.value_or(-1) == 3);
    BOOST_TEST(!e.mood_after.has_value());
  }
  // The form is empty again, ready for the next one.
  BOOST_TEST(AllText(&w.write()).find("Dana") == std::string::npos);

  // The follow-up questions: at most two, Enter answers, Esc skips.
  client::FollowUpPanel& followups = w.write().followups();
  BOOST_REQUIRE(followups.asking());
  const core::Entry spike = Newest(frame());
  BOOST_TEST(spike.followups.size() <= 2u);
  BOOST_REQUIRE(spike.followups.size() == 2u);
  auto* answer = Find<wxTextCtrl>(&followups, client::FollowUpPanel::kAnswerName);
  answer->SetValue("That she would think I can't do the job.");
  wxCommandEvent enter(wxEVT_TEXT_ENTER, answer->GetId());
  enter.SetEventObject(answer);
  answer->ProcessWindowEvent(enter);
  BOOST_TEST(followups.asking());  // the second question
  wxKeyEvent esc(wxEVT_CHAR_HOOK);
  esc.m_keyCode = WXK_ESCAPE;
  esc.SetEventObject(answer);
  answer->ProcessWindowEvent(esc);
  BOOST_TEST(!followups.asking());  // and then it stops
  {
    const core::Entry& e = Newest(frame());
    BOOST_TEST(e.followups[0].answer == "That she would think I can't do the job.");
    BOOST_TEST(e.followups[1].answer.empty());
  }

  // A loop, word for word; its question skipped with the button.
  form.Kind(1);
  form.Type(EntryFields::kTextName, "I'm going to mess this up.");
  form.Save();
  BOOST_TEST(OfKind(frame(), EntryKind::kLoop).text == "I'm going to mess this up.");
  followups.Skip();
  followups.Skip();
  BOOST_TEST(!followups.asking());

  // A thread: a new one typed in; the next entry can pick it.
  form.Kind(2);
  form.Thread("Box breathing before calls");
  form.Type(EntryFields::kTextName, "Tried it twice. It helped a bit, the second time.");
  form.Mood(WritePanel::kMoodAfterName, 6);
  form.Save();
  followups.Stop();
  BOOST_TEST(OfKind(frame(), EntryKind::kThread).thread == "Box breathing before calls");
  BOOST_TEST(OfKind(frame(), EntryKind::kThread).mood_after.value_or(-1) == 6);
  BOOST_REQUIRE(frame().controller()->journal().threads().size() == 1u);
  BOOST_TEST(Find<wxComboBox>(&w.write(), EntryFields::kThreadName)->GetCount() == 1u);

  // A note, backdated to three days ago.
  form.Kind(3);
  form.Type(EntryFields::kTextName, "Slept badly. Walked to work anyway.");
  auto* backdate = Find<wxCheckBox>(&w.write(), WritePanel::kBackdateName);
  auto* date = Find<client::DateField>(&w.write(), "backdate_date");
  BOOST_REQUIRE(date != nullptr);
  BOOST_TEST(!date->IsShown());  // the day and time appear when asked for
  backdate->SetValue(true);
  wxCommandEvent tick(wxEVT_CHECKBOX, backdate->GetId());
  tick.SetInt(1);
  tick.SetEventObject(backdate);
  backdate->ProcessWindowEvent(tick);
  BOOST_TEST(date->IsShown());
  // Typed, as a person would, in the one way the app writes days, and
  // saved at once (no Tab, no Enter): the typed day is the one used.
  const wxDateTime three_days_ago = wxDateTime::Today() - wxDateSpan::Days(3);
  date->SetValue(client::FormatDay(three_days_ago));  // sends wxEVT_TEXT, like typing
  BOOST_TEST(date->GetDate().IsSameDate(three_days_ago));
  form.Save();
  followups.Stop();
  const auto& entries = frame().controller()->journal().entries();
  BOOST_REQUIRE(entries.size() == 4u);
  const core::Entry& note = entries.back();  // the oldest now
  BOOST_TEST((note.kind == EntryKind::kNote));
  const int64_t days_ago =
      (core::SystemClock::Instance().Now().unix_seconds - note.written_at.unix_seconds) / 86400;
  BOOST_TEST((days_ago >= 2 && days_ago <= 3));

  // The timeline: every entry, newest first, the kind named in words.
  client::TimelineList& list = w.timeline().list();
  BOOST_TEST(list.model().entry_count() == 4u);
  BOOST_TEST(list.GetItemCount() == static_cast<int>(list.model().size()));
  std::vector<wxString> kinds;
  for (long row = 0; row < list.GetItemCount(); ++row)
    if (list.model().row(static_cast<size_t>(row)).entry != nullptr)
      kinds.push_back(list.GetItemText(row, 1));
  BOOST_REQUIRE(kinds.size() == 4u);
  BOOST_TEST(kinds.back() == "Note");  // backdated: the oldest
  std::sort(kinds.begin(), kinds.end());
  BOOST_TEST(kinds == (std::vector<wxString>{"Loop", "Note", "Spike", "Thread"}));
  BOOST_TEST(list.model().row(0).entry == nullptr);  // a day heading comes first
  BOOST_TEST(DialogRecorder::shown().empty());
}

BOOST_AUTO_TEST_CASE(days_are_written_one_way_and_read_in_the_usual_ones) {
  const wxDateTime day(6, wxDateTime::Dec, 2026);
  BOOST_TEST(client::FormatDay(day) == "6 December 2026");
  // The tests run in English (LANG=C): the numeric order is ICU's English
  // one, month first (core/date_input.h; other locales in tests/core).
  for (const char* typed : {"6 December 2026", "6 dec 2026", "December 6, 2026", "2026-12-06",
                            "12/6/2026", "12/6/26", " 2026-12-06 "}) {
    BOOST_TEST(client::ParseDay(typed).IsSameDate(day), typed);
  }
  for (const char* bad : {"", "31/02/2026", "13/13/2026", "6 Smarch 2026", "yesterday", "6/12"})
    BOOST_TEST(!client::ParseDay(bad).IsValid(), bad);
}

BOOST_FIXTURE_TEST_CASE(backdating_clear_and_strength_say_what_they_hold, FrameFixture) {
  Unlock();
  client::WorkspacePanel& w = *frame().workspace();
  client::WritePanel& write = w.write();
  Form form(w);
  // Strength: not set shows no slider (one would sit at a number).
  auto* slider = Find<wxSlider>(&write, client::IntensityControl::kName);
  auto* set = Find<wxButton>(&write, "intensity_set");
  BOOST_REQUIRE(slider != nullptr && set != nullptr);
  BOOST_TEST(!slider->IsShown());
  BOOST_TEST(set->IsShown());
  Click(set);
  BOOST_TEST(slider->IsShown());
  BOOST_TEST(write.ReadForm().intensity.value_or(-1) == client::IntensityControl::kStartValue);

  // Backdating starts from the moment it is ticked.
  auto* backdate = Find<wxCheckBox>(&write, WritePanel::kBackdateName);
  auto* time = Find<client::TimeField>(&write, "backdate_time");
  time->SetTime(wxDateTime::Now() - wxTimeSpan::Hours(5));  // as if the form had waited
  backdate->SetValue(true);
  wxCommandEvent tick(wxEVT_CHECKBOX, backdate->GetId());
  tick.SetInt(1);
  tick.SetEventObject(backdate);
  backdate->ProcessWindowEvent(tick);
  const wxTimeSpan off = time->GetTime() - wxDateTime::Now();
  BOOST_TEST(std::abs(off.GetMinutes()) <= 1);

  // Clear can be taken back, until something new is typed.
  form.Type(EntryFields::kBeforeName, "The phone rang at dinner.");
  auto* clear = Find<wxButton>(&write, "clear_entry");
  BOOST_REQUIRE(clear != nullptr);
  Click(clear);
  BOOST_TEST(write.ReadForm().before.empty());
  BOOST_TEST(write.can_bring_back());
  BOOST_TEST(clear->GetLabelText() == "Bring back");
  Click(clear);
  BOOST_TEST(write.ReadForm().before == "The phone rang at dinner.");
  BOOST_TEST(clear->GetLabelText() == "Clear");
  Click(clear);
  form.Type(EntryFields::kBeforeName, "Something else.");
  BOOST_TEST(!write.can_bring_back());
  BOOST_TEST(clear->GetLabelText() == "Clear");
}

BOOST_FIXTURE_TEST_CASE(a_thread_typed_with_no_threads_yet_goes_on_to_how_it_went, FrameFixture) {
  Unlock();
  client::WorkspacePanel& w = *frame().workspace();
  Form form(w);
  form.Kind(2);
  form.Thread("A walk before email");
  auto* combo = Find<wxComboBox>(&w.write(), EntryFields::kThreadName);
  auto* text = Find<wxTextCtrl>(&w.write(), EntryFields::kTextName);
  // Tab from the thread's box lands in "how it went", not in Tags.
  wxKeyEvent tab(wxEVT_CHAR_HOOK);
  tab.m_keyCode = WXK_TAB;
  tab.SetEventObject(combo);
  combo->ProcessWindowEvent(tab);
  BOOST_TEST(!tab.GetSkipped());  // taken: the focus went where it says
  auto* fields = dynamic_cast<client::EntryFields*>(combo->GetParent());
  BOOST_REQUIRE(fields != nullptr);
  BOOST_TEST(fields->AfterThread() == text);
  // A title alone is not saved without a word: it asks how it went.
  const size_t before = frame().controller()->journal().entries().size();
  BOOST_TEST(!w.write().Save());
  BOOST_TEST(frame().controller()->journal().entries().size() == before);
  BOOST_TEST(frame().GetStatusBar()->GetStatusText().Contains("How did it go?"));
  BOOST_TEST(client::WhatIsMissing(w.write().ReadForm()).field == std::string("text"));
  form.Type(EntryFields::kTextName, "Did it, five minutes round the block.");
  BOOST_TEST(client::WhatIsMissing(w.write().ReadForm()).words.empty());
  BOOST_TEST(w.write().Save());
  BOOST_TEST(frame().controller()->journal().entries().size() == before + 1);
}

BOOST_FIXTURE_TEST_CASE(an_ampersand_from_data_is_shown_as_it_is, FrameFixture) {
  Unlock();
  client::WorkspacePanel& w = *frame().workspace();
  client::AppSettings settings = frame().controller()->settings();
  settings.crisis_region = "US";
  BOOST_REQUIRE(frame().ApplySettings(settings));
  w.ShowCrisisResources(false);
  // Not "988 Suicide  Crisis Lifeline": the & is not a keyboard mnemonic.
  BOOST_TEST(w.safety().text().Contains("988 Suicide & Crisis Lifeline"),
             w.safety().text().utf8_string());
}

BOOST_FIXTURE_TEST_CASE(safety_message_appears_only_when_it_should, FrameFixture) {
  Unlock();
  client::WorkspacePanel& w = *frame().workspace();
  client::AppSettings settings = frame().controller()->settings();
  settings.crisis_region = "GB";
  BOOST_REQUIRE(frame().ApplySettings(settings));
  Form form(w);

  form.Kind(3);
  form.Type(EntryFields::kTextName, "this deadline is killing me");
  form.Save();
  BOOST_TEST(!w.safety().IsShown());

  w.write().followups().Stop();
  form.Kind(3);
  form.Type(EntryFields::kTextName, "I don't want to be here anymore");
  form.Save();
  BOOST_TEST(w.safety().IsShown());
  BOOST_TEST(w.safety().text().Contains("Samaritans"));
  BOOST_TEST(w.safety().text().Contains("Nothing has been sent to anyone"));
  BOOST_TEST(!w.safety().text().Contains("0808 2000 247"));  // no abuse line for this
  // Safety first, and no probing questions after it.
  BOOST_TEST(!w.write().followups().asking());
  // In the window, not a dialog.
  BOOST_TEST(DialogRecorder::shown().empty());

  // Harm from others: the region's abuse line too.
  w.write().followups().Stop();
  form.Kind(3);
  form.Type(EntryFields::kTextName, "He said he would kill me if I ever left him.");
  form.Save();
  BOOST_TEST(w.safety().IsShown());
  BOOST_TEST(w.safety().text().Contains("0808 2000 247"));
  BOOST_TEST(w.safety().text().Contains("Samaritans"));
}

BOOST_FIXTURE_TEST_CASE(a_draft_survives_a_crash_encrypted, FrameFixture) {
  const std::string canary = "canary-draft-7f3a the words I did not save";
  Unlock();
  Form form(*frame().workspace());
  form.Kind(0);
  form.Type(EntryFields::kThoughtName, canary);
  // Written on a short debounce, without anyone saving.
  BOOST_REQUIRE(WaitUntil(
      [&] {
        return frame().controller()->journal().GetRecord(core::Table::kSettings, "draft").ok();
      },
      std::chrono::seconds(5)));
  Pump(50);
  // Never in plain text: not in the journal, its WAL, or anywhere near.
  BOOST_TEST(!AnyFileContains(dir.path(), canary));
  BOOST_TEST(!AnyFileContains(dir.path(), "canary-draft"));

  DestroyFrame();  // no close handler, no last save: as a crash
  Unlock();
  client::WritePanel& write = frame().workspace()->write();
  BOOST_TEST(Find<wxTextCtrl>(&write, EntryFields::kThoughtName)->GetValue().utf8_string() ==
             canary);
  BOOST_TEST((write.ReadForm().kind == EntryKind::kSpike));
  BOOST_TEST(frame().GetStatusBar()->GetStatusText().Contains("back"));

  // Saved: the draft is gone.
  BOOST_REQUIRE(write.Save());
  BOOST_TEST(frame()
                 .controller()
                 ->journal()
                 .GetRecord(core::Table::kSettings, "draft")
                 .status()
                 .IsNotFound());
  BOOST_TEST(Newest(frame()).thought == canary);
}

BOOST_FIXTURE_TEST_CASE(a_closed_window_keeps_the_draft, FrameFixture) {
  Unlock();
  Form form(*frame().workspace());
  form.Kind(1);
  form.Type(EntryFields::kTextName, "everyone will see through me");
  frame().Close();  // the close handler writes the draft at once
  BOOST_REQUIRE(WaitUntil([&] {
    wxTheApp->ProcessIdle();
    return !has_frame();
  }));
  OpenFrame();
  Unlock();
  client::WritePanel& write = frame().workspace()->write();
  BOOST_TEST(write.ReadForm().text == "everyone will see through me");
  BOOST_TEST((write.ReadForm().kind == EntryKind::kLoop));
}

BOOST_AUTO_TEST_CASE(keyboard_typing_reaches_the_form) {
  // One path through real key presses (XTest on the virtual display).
  FrameFixture f;
  f.Unlock();
  client::WritePanel& write = f.frame().workspace()->write();
  f.frame().Raise();
  auto* thought = Find<wxTextCtrl>(&write, EntryFields::kThoughtName);
  thought->SetFocus();
  Pump(100);
  wxUIActionSimulator sim;
  sim.Text("typed");
  WaitUntil([&] { return thought->GetValue() == "typed"; }, std::chrono::seconds(3));
  BOOST_WARN_MESSAGE(thought->GetValue() == "typed",
                     "keys did not arrive (no input focus on this display?)");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::testing
