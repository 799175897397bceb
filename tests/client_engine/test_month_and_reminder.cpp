// The month view's numbers (engine/month_moods.h) and the daily reminder's
// question (engine/reminder.h, setting "reminder"), on real journals.
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "engine/month_moods.h"
#include "engine/reminder.h"
#include "engine/settings.h"
#include "engine_fixture.h"

namespace fieldnotes::testing {
namespace {

core::Timestamp At(const char* text) {
  auto t = core::ParseTimestamp(text);
  BOOST_REQUIRE(t.ok());
  return *t;
}

core::Entry Entry(const char* id, const char* at, std::optional<int> intensity,
                  std::optional<int> before, std::optional<int> after) {
  core::Entry e;
  e.id = id;
  e.written_at = At(at);
  e.kind = core::EntryKind::kNote;
  e.text = "a line";
  e.intensity = intensity;
  e.mood_before = before;
  e.mood_after = after;
  return e;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_month_holds_each_day_as_written) {
  const std::vector<core::Entry> entries = {
      Entry("a", "2026-03-02T08:00+01:00", 3, 4, std::nullopt),
      Entry("b", "2026-03-02T21:00+01:00", 7, std::nullopt, 6),
      Entry("c", "2026-03-02T12:00+01:00", std::nullopt, 2, 3),
      // Local day 31 March in UTC-5, though 1 April in UTC.
      Entry("d", "2026-03-31T22:30-05:00", 0, std::nullopt, std::nullopt),
      Entry("e", "2026-04-01T09:00+01:00", 9, 9, 9),
      Entry("f", "2026-02-28T09:00+01:00", 9, 9, 9),
  };
  std::vector<const core::Entry*> pointers;
  for (const core::Entry& e : entries) pointers.push_back(&e);
  const client::MonthMoods m = client::SummariseMonth(pointers, 2026, 3);
  BOOST_TEST(m.days.size() == 31u);
  BOOST_TEST(m.first_weekday == 6);  // 1 March 2026 was a Sunday
  BOOST_TEST(m.days_written() == 2);
  const client::DayMoods& second = *m.Day(2);
  BOOST_TEST(second.entries == 3);
  BOOST_TEST((second.strongest == 7));
  BOOST_TEST((second.last_mood == 6));  // b's mood after, the latest of the day
  BOOST_TEST(second.newest_entry_id == "b");
  BOOST_TEST(m.Day(31)->entries == 1);
  BOOST_TEST((m.Day(31)->strongest == 0));  // 0 is a strength given, not none
  BOOST_TEST(!m.Day(31)->last_mood.has_value());
  BOOST_TEST(m.Day(1)->entries == 0);
  BOOST_TEST(!m.Day(1)->strongest.has_value());
  BOOST_TEST(m.Day(0) == nullptr);
  BOOST_TEST(m.Day(32) == nullptr);

  BOOST_TEST(client::DaysInMonth(2024, 2) == 29);
  BOOST_TEST(client::DaysInMonth(2100, 2) == 28);
  BOOST_TEST(client::DaysInMonth(2000, 2) == 29);
  int year = 2026, month = 1;
  client::AddMonths(year, month, -1);
  BOOST_TEST((year == 2025 && month == 12));
  client::AddMonths(year, month, 14);
  BOOST_TEST((year == 2027 && month == 2));
  BOOST_TEST(client::SummariseMonth(pointers, 2026, 12).first_weekday == 1);  // a Tuesday
}

BOOST_FIXTURE_TEST_CASE(the_month_from_the_journal_is_the_same, EngineFixture) {
  MakeJournal();
  auto journal = Open();
  const core::Date today = now.Now().LocalDate();
  const client::MonthMoods m = client::SummariseMonth(*journal, today.year, today.month);
  int entries = 0;
  for (const client::DayMoods& d : m.days) entries += d.entries;
  int expected = 0;
  for (const core::Entry* e : journal->ListEntries({})) {
    const core::Date d = e->written_at.LocalDate();
    expected += (d.year == today.year && d.month == today.month) ? 1 : 0;
  }
  BOOST_TEST(expected > 0);
  BOOST_TEST(entries == expected);
}

BOOST_AUTO_TEST_CASE(reminder_times_read_and_write_back) {
  BOOST_TEST((client::ParseReminderTime("20:30") == 20 * 60 + 30));
  BOOST_TEST((client::ParseReminderTime("7:05") == 7 * 60 + 5));
  BOOST_TEST((client::ParseReminderTime("00:00") == 0));
  for (const char* bad : {"24:00", "12:60", "off", "", "1230", "12:3", ":30", "-1:30", "12:30pm"})
    BOOST_TEST(!client::ParseReminderTime(bad).has_value(), bad);
  BOOST_TEST(client::ReminderTimeText(7 * 60 + 5) == "07:05");
  BOOST_TEST(client::ReminderTimeText(std::nullopt) == "off");
  const client::SettingSpec* spec = client::FindSetting("reminder");
  BOOST_REQUIRE(spec != nullptr);
  BOOST_TEST(spec->default_value == "off");
  BOOST_TEST(*spec->check("9:15") == "09:15");
  BOOST_TEST(*spec->check("Off") == "off");
  BOOST_TEST(spec->check("9pm").status().code() == core::Status::Code::kInvalidArgument);
  BOOST_TEST(!client::DefaultSettings().reminder_minutes.has_value());
}

BOOST_AUTO_TEST_CASE(the_reminder_comes_once_at_its_time_on_a_day_without_entries) {
  const std::optional<int> at = 20 * 60 + 30;
  const core::Date today{2026, 3, 12};
  const core::Date yesterday{2026, 3, 11};
  // Off: never.
  BOOST_TEST(!client::ReminderDue(std::nullopt, At("2026-03-12T20:30+01:00"), yesterday, {}));
  // Before its time, at it, an hour late, later than that.
  BOOST_TEST(!client::ReminderDue(at, At("2026-03-12T20:29+01:00"), yesterday, {}));
  BOOST_TEST(client::ReminderDue(at, At("2026-03-12T20:30+01:00"), yesterday, {}));
  BOOST_TEST(client::ReminderDue(at, At("2026-03-12T21:30+01:00"), std::nullopt, {}));
  BOOST_TEST(!client::ReminderDue(at, At("2026-03-12T21:31+01:00"), yesterday, {}));
  // Written today, or shown today already: not again.
  BOOST_TEST(!client::ReminderDue(at, At("2026-03-12T20:45+01:00"), today, {}));
  BOOST_TEST(!client::ReminderDue(at, At("2026-03-12T20:45+01:00"), yesterday, today));
  BOOST_TEST(client::ReminderDue(at, At("2026-03-12T20:45+01:00"), yesterday, yesterday));
  // Local time counts: 19:40 UTC is 20:40 in UTC+1.
  BOOST_TEST(client::ReminderDue(at, At("2026-03-12T20:40+01:00"), yesterday, {}));
  BOOST_TEST(client::ReminderDue(at, At("2026-03-12T20:40+00:00"), yesterday, {}));
  BOOST_TEST(!client::ReminderDue(at, At("2026-03-12T19:40+00:00"), yesterday, {}));
}

BOOST_FIXTURE_TEST_CASE(the_reminder_setting_round_trips_with_the_cli, EngineFixture) {
  MakeJournal();
  BOOST_REQUIRE(Cli({"settings", "set", "reminder", "21:05"}, now) == 0);
  BOOST_TEST(Cli({"settings", "set", "reminder", "9 at night"}, now) == 2);
  {
    auto journal = Open();
    auto settings = client::LoadSettings(*journal);
    BOOST_REQUIRE(settings.ok());
    BOOST_TEST((settings->reminder_minutes == 21 * 60 + 5));
    BOOST_TEST(client::LastWrittenDay(*journal).has_value());
    settings->reminder_minutes.reset();
    BOOST_REQUIRE(client::SaveSettings(*journal, *settings).ok());
    auto stored = client::StoredSettings(*journal);
    BOOST_REQUIRE(stored.ok());
    BOOST_TEST(!stored->contains("reminder"));
    BOOST_TEST(!client::LoadSettings(*journal)->reminder_minutes.has_value());
  }
  BOOST_REQUIRE(Cli({"settings", "set", "reminder", "off"}, now) == 0);
  auto journal = Open();
  BOOST_TEST(!client::LoadSettings(*journal)->reminder_minutes.has_value());
}

}  // namespace fieldnotes::testing
