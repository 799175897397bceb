// The pieces under the frames: the wx helpers shared with the clinician
// viewer (strings, errors in words, work off the UI thread) and the app's
// small models (settings, drafts, timeline rows, entry text).
#include <wx/app.h>
#include <wx/dateevt.h>
#include <wx/frame.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <thread>

#include "common/wx/background_task.h"
#include "common/wx/error_words.h"
#include "common/wx/progress.h"
#include "common/wx/str_helpers.h"
#include "engine/settings.h"
#include "engine/draft_store.h"
#include "ui/entry_text.h"
#include "ui/time_field.h"
#include "ui/timeline_model.h"
#include "ui_fixture.h"

namespace fieldnotes::testing {
namespace {

using core::EntryKind;
using core::Status;

BOOST_AUTO_TEST_SUITE(helpers)

BOOST_AUTO_TEST_CASE(utf8_crosses_the_wx_boundary_intact) {
  const std::string text = "Café, 日記, Ελληνικά, emoji 🌊";
  BOOST_TEST(wxcommon::ToUtf8(wxcommon::ToWx(text)) == text);
  BOOST_TEST(wxcommon::ToWx(text).length() == 27u);
  // Invalid bytes become U+FFFD instead of the whole string vanishing.
  BOOST_TEST(wxcommon::ToUtf8(wxcommon::ToWx("ok \xff ok")) == "ok \xEF\xBF\xBD ok");
  BOOST_TEST(wxcommon::ToWx("").empty());
}

BOOST_AUTO_TEST_CASE(errors_become_plain_words_with_details_behind) {
  const auto busy = wxcommon::DescribeStatus(Status::Busy("database is locked"), _("Fieldnotes could not save this entry."));
  BOOST_TEST(busy.message.StartsWith("Fieldnotes could not save this entry."));
  BOOST_TEST(busy.message.Contains("Another Fieldnotes window"));
  BOOST_TEST(!busy.message.Contains("database is locked"));  // jargon stays in the details
  BOOST_TEST(busy.details.Contains("database is locked"));
  for (auto s : {Status::NotFound("x"), Status::InvalidArgument("x"), Status::Corruption("x"),
                 Status::IoError("x"), Status::WrongPassphrase(), Status::Unsupported("x"),
                 Status::AlreadyExists("x"), Status::Internal("x"), Status::Unauthenticated("x"),
                 Status::Unavailable("x"), Status::Refused("x")}) {
    const auto words = wxcommon::DescribeStatus(s);
    BOOST_TEST(!words.message.empty());
    BOOST_TEST(!words.message.Contains("rror"));         // no "Error", no "error"
    BOOST_TEST(!words.message.Contains("went wrong."));  // each code has its own words
  }
  const auto thrown =
      wxcommon::DescribeException(std::make_exception_ptr(std::runtime_error("boom")));
  BOOST_TEST(thrown.details == "boom");
  BOOST_TEST(thrown.message.Contains("safe"));

  // Shown as a message with the details behind its expander.
  DialogRecorder::shown().clear();
  wxcommon::ShowError(nullptr, busy);
  BOOST_REQUIRE(DialogRecorder::shown().size() == 1u);
  const wxString shown = DialogRecorder::shown().front();
  BOOST_TEST(shown.StartsWith("Fieldnotes"));
  BOOST_TEST(shown.Contains("Another Fieldnotes window"));
  BOOST_TEST(shown.Contains("details: "));
  BOOST_TEST(shown.Contains("database is locked"));
  DialogRecorder::shown().clear();
}

BOOST_AUTO_TEST_CASE(background_work_runs_off_the_ui_thread_and_comes_back) {
  const auto ui_thread = std::this_thread::get_id();
  std::thread::id worker_thread;
  std::thread::id done_thread;
  int result = 0;
  {
    wxcommon::BackgroundTask task;
    task.Run(
        [&] {
          worker_thread = std::this_thread::get_id();
          return std::make_unique<int>(42);  // move-only results are fine
        },
        [&](std::unique_ptr<int> value) {
          done_thread = std::this_thread::get_id();
          result = *value;
        });
    BOOST_TEST(task.busy());
    BOOST_REQUIRE(WaitUntil([&] { return !task.busy(); }));
  }
  BOOST_TEST(result == 42);
  BOOST_TEST((worker_thread != ui_thread));
  BOOST_TEST((done_thread == ui_thread));

  // A task destroyed before its result arrives never calls back.
  bool called = false;
  {
    wxcommon::BackgroundTask task;
    task.Run(
        [] {
          std::this_thread::sleep_for(std::chrono::milliseconds(50));
          return 1;
        },
        [&](int) { called = true; });
  }  // waits for the worker, drops the result
  Pump(50);
  BOOST_TEST(!called);
}

BOOST_AUTO_TEST_CASE(progress_reaches_the_observer_on_the_ui_thread) {
  struct Observer : wxcommon::ProgressObserver {
    std::vector<double> seen;
    void UpdateMessage(const wxString&) override {}
    void UpdateProgress(std::optional<double> f) override { seen.push_back(f.value_or(-1)); }
  } observer;
  {
    wxcommon::ProgressRelay relay(&observer);
    core::ProgressFn progress = relay.Callback();
    std::thread worker([&] {
      for (size_t i = 0; i <= 1000; ++i) progress(i, 1000);
    });
    worker.join();
    Pump(30);
  }
  BOOST_REQUIRE(!observer.seen.empty());
  BOOST_TEST(observer.seen.size() < 100u);  // throttled
  BOOST_TEST(observer.seen.back() == 1.0);
}

BOOST_AUTO_TEST_CASE(settings_round_trip_in_the_cli_format) {
  TempDir dir;
  auto journal = MakeJournal(dir.File("j.db"));
  auto defaults = client::LoadSettings(*journal);
  BOOST_REQUIRE(defaults.ok());
  BOOST_TEST(defaults->auto_lock_minutes == 10);
  BOOST_TEST(defaults->display_name.empty());
  // A4 unless the person chose letter, in every locale, as fieldnotes-cli.
  BOOST_TEST((defaults->paper == client::PaperSize::kA4));
  const char* was = std::getenv("LC_ALL");
  const std::string saved = was ? was : "";
  setenv("LC_ALL", "en_US.UTF-8", 1);
  BOOST_TEST((client::DefaultSettings().paper == client::PaperSize::kA4));
  if (was)
    setenv("LC_ALL", saved.c_str(), 1);
  else
    unsetenv("LC_ALL");
  BOOST_TEST(defaults->crisis_region.empty());

  client::AppSettings s;
  s.auto_lock_minutes = 25;
  s.crisis_region = "GB";
  s.paper = client::PaperSize::kLetter;
  s.display_name = "Jo";
  BOOST_REQUIRE(client::SaveSettings(*journal, s).ok());
  auto back = client::LoadSettings(*journal);
  BOOST_REQUIRE(back.ok());
  BOOST_TEST((*back == s));
  // One record per key, {"format":1,"value":...}: what fieldnotes-cli reads.
  auto value = [&](std::string_view key) {
    auto record = journal->GetRecord(core::Table::kSettings, key);
    BOOST_REQUIRE(record.ok());
    auto v = client::SettingValue(record->str());
    BOOST_REQUIRE(v.ok());
    return *v;
  };
  BOOST_TEST(value("display-name") == "Jo");
  BOOST_TEST(value("region") == "GB");
  BOOST_TEST(value("paper") == "letter");
  BOOST_TEST(value("auto-lock") == "25");

  // Emptied, the name and the region are removed, as "settings unset" does.
  s.display_name = "  ";
  s.crisis_region.clear();
  BOOST_REQUIRE(client::SaveSettings(*journal, s).ok());
  BOOST_TEST(journal->GetRecord(core::Table::kSettings, "display-name").status().IsNotFound());
  BOOST_TEST(journal->GetRecord(core::Table::kSettings, "region").status().IsNotFound());

  // A value this version does not know falls back to the default.
  BOOST_REQUIRE(
      journal->PutRecord(core::Table::kSettings, "auto-lock", client::SettingRecord("0")).ok());
  BOOST_TEST(client::LoadSettings(*journal)->auto_lock_minutes == 10);
  BOOST_TEST(!client::SettingValue("[1]").ok());

  BOOST_TEST(client::CleanDisplayName(" Jo\nSmith ") == "Jo Smith");
  const std::string long_name(79, 'a');
  BOOST_TEST(client::CleanDisplayName(long_name + "é") == long_name);  // never half a character
}

BOOST_AUTO_TEST_CASE(drafts_round_trip) {
  client::Draft d;
  d.entry = MakeEntry(EntryKind::kSpike, "", 0);
  d.entry.before = "the phone buzzed";
  d.entry.intensity = 6;
  d.editing_id = core::NewUuid();
  d.backdated = true;
  auto back = client::DraftFromJson(client::DraftToJson(d));
  BOOST_REQUIRE(back.ok());
  BOOST_TEST((*back == d));
  BOOST_TEST(!client::DraftFromJson("{}").ok());
  // Stored as a setting-shaped record, so the CLI can read every record.
  TempDir dir;
  auto journal = MakeJournal(dir.File("j.db"));
  BOOST_REQUIRE(client::SaveDraft(*journal, d).ok());
  auto record = journal->GetRecord(core::Table::kSettings, "draft");
  BOOST_REQUIRE(record.ok());
  BOOST_TEST(client::SettingValue(record->str()).ok());
  auto loaded = client::LoadDraft(*journal);
  BOOST_REQUIRE(loaded.ok());
  BOOST_REQUIRE(loaded->has_value());
  BOOST_TEST((**loaded == d));
  BOOST_REQUIRE(client::ClearDraft(*journal).ok());
  BOOST_TEST(!client::LoadDraft(*journal)->has_value());
  BOOST_TEST(client::IsBlank(core::Entry{}));
  BOOST_TEST(!client::IsBlank(d.entry));
}

BOOST_AUTO_TEST_CASE(timeline_rows_group_by_day) {
  auto a = MakeEntry(EntryKind::kNote, "a", 0);
  auto b = MakeEntry(EntryKind::kNote, "b", 0);
  auto c = MakeEntry(EntryKind::kNote, "c", 2);
  a.id = "a";
  b.id = "b";
  c.id = "c";
  client::TimelineModel model;
  model.Build({&a, &b, &c});
  BOOST_REQUIRE(model.size() == 5u);  // day, a, b, day, c
  BOOST_TEST(model.row(0).entry == nullptr);
  BOOST_TEST(model.row(3).entry == nullptr);
  BOOST_TEST(model.RowOf("c").value_or(0) == 4u);
  BOOST_TEST(model.EntryRowFrom(3, 1).value_or(0) == 4u);
  BOOST_TEST(model.EntryRowFrom(3, -1).value_or(0) == 2u);
  BOOST_TEST(!model.EntryRowFrom(0, -1).has_value());
}

BOOST_AUTO_TEST_CASE(entry_text_reads_plainly) {
  core::Entry e = MakeEntry(EntryKind::kSpike, "", 0);
  e.emotions = {"anxiety", "dread"};
  e.intensity = 7;
  e.thought = "They will see.\nSecond line";
  BOOST_TEST(client::EntryHeadline(e) == "anxiety, dread 7/10 · They will see.");
  BOOST_TEST(client::Shorten("abcdef", 3) == "abc…");
  const std::string details = client::EntryDetails(e);
  BOOST_TEST(details.find("The exact thought:\nThey will see.") != std::string::npos);
  BOOST_TEST(details.find("intensity 7 of 10") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(time_field_reads_hours_and_minutes_only) {
  wxFrame* frame = new wxFrame(nullptr, wxID_ANY, "t");
  wxDateTime at = wxDateTime::Today();
  at.SetHour(21);
  at.SetMinute(40);
  at.SetSecond(30);
  auto* field = new client::TimeField(frame, at);
  int changes = 0;
  field->Bind(wxEVT_TIME_CHANGED, [&](wxDateEvent&) { ++changes; });
  BOOST_TEST(field->GetValue().utf8_string() == "21:40");  // no seconds
  field->SetValue("9:05");
  BOOST_TEST(field->GetTime().GetHour() == 9);
  BOOST_TEST(field->GetTime().GetMinute() == 5);
  BOOST_TEST(field->GetTime().GetSecond() == 0);
  BOOST_TEST(changes == 1);
  // Not a time: the last one stays, and is shown again on leaving.
  for (const char* bad : {"25:00", "12:60", "ab:cd", "-1:30", "", "123"}) {
    field->SetValue(bad);
    BOOST_TEST(field->GetTime().GetHour() == 9, bad);
    BOOST_TEST(field->GetTime().GetMinute() == 5, bad);
  }
  wxFocusEvent leave(wxEVT_KILL_FOCUS, field->GetId());
  field->ProcessWindowEvent(leave);
  BOOST_TEST(field->GetValue().utf8_string() == "09:05");
  // Up and Down step a minute, round midnight.
  field->SetValue("23:59");
  wxKeyEvent up(wxEVT_KEY_DOWN);
  up.m_keyCode = WXK_UP;
  field->ProcessWindowEvent(up);
  BOOST_TEST(field->GetValue().utf8_string() == "00:00");
  frame->Destroy();
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::testing
