#include <boost/test/unit_test.hpp>

#include "core/clock.h"
#include "journal_generator.h"
#include "report_fixture.h"
#include "reports/report_builder.h"
#include "test_support.h"

using namespace fieldnotes;
using namespace fieldnotes::reports;
using namespace fieldnotes::reports::testing;

namespace {

std::string ItemText(const ReportContent& c, std::string_view id) {
  const ReportItem* item = c.FindItem(id);
  return item ? item->text : std::string("<no item>");
}

const ReportItem* FirstOfType(const ReportContent& c, SectionKind kind, std::string_view prefix) {
  for (const auto& item : c.Section(kind)->items) {
    if (item.id.starts_with(prefix)) return &item;
  }
  return nullptr;
}

void RequireRuleKept(const ReportContent& c, std::span<const core::Entry> entries) {
  BOOST_TEST(ReportBuilder::CheckSixWordRule(c, entries).ok());
  const auto leaked = LeakedRuns(c, EntryRuns(entries));
  BOOST_TEST(leaked.empty(), "leaked: " << (leaked.empty() ? "" : leaked.front()));
}

core::Result<ReportContent> TryBuild(const JournalData& data, const ReportOptions& options) {
  const Patterns patterns = PatternAnalyzer::Analyze(data, SampleWeek(), SampleClock());
  return ReportBuilder::Build(ReportInput{data, &patterns, nullptr, ""}, options);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_builder)

BOOST_AUTO_TEST_CASE(sample_week_sections_in_session_order_with_numbers) {
  SampleJournal sample;
  const ReportContent c = BuildReport(sample.data(), SampleWeek(), SampleClock());
  BOOST_REQUIRE_EQUAL(c.sections.size(), 5u);
  for (size_t i = 0; i < 5; ++i) BOOST_TEST((c.sections[i].kind == kSectionOrder[i]));
  BOOST_TEST(c.entries == 18);
  BOOST_TEST(c.title == "Notes for my next session");
  BOOST_TEST(c.subtitle.find("2 November 2026 to 9 November 2026") != std::string::npos);
  BOOST_TEST(c.subtitle.find("Monday 9 November 2026") != std::string::npos);  // the next session
  // Mood is the mood the client noted before and after writing; feelings
  // are counted each with its own intensity, never averaged together.
  BOOST_TEST(ItemText(c, "mood") ==
             "Mood noted in 7 entries between Nov 2 and Nov 9: 3.8 on average before writing, "
             "5.9 after (0 to 10). No mood was noted in the 8 days before.");
  BOOST_TEST(ItemText(c, "mood-feelings") ==
             "Feelings named most: anxiety in 5 entries (0 in the 8 days before), intensity 6.4 "
             "on average; relief in 4 entries (0); worry in 4 entries (0), intensity 6.0 on "
             "average; frustration in 2 entries (0).");
  BOOST_TEST(c.mood_before.has_value());
  BOOST_TEST(*c.mood_after > 5.8);
  BOOST_TEST(ItemText(c, "mood-feelings").find("anxiety in 5 entries") != std::string::npos);
  // The chart: the mood before and after writing, then the feelings that
  // moved, each with its own intensity.
  BOOST_REQUIRE(!c.chart.empty());
  BOOST_TEST(c.chart.points.size() == 8u);
  BOOST_REQUIRE(c.chart.series.size() >= 3u);
  BOOST_TEST(c.chart.series[0].label == "Mood before writing");
  BOOST_TEST((c.chart.series[0].measure == ChartMeasure::kMoodBefore));
  BOOST_TEST(c.chart.series[1].label == "Mood after writing");
  BOOST_TEST((c.chart.series[2].measure == ChartMeasure::kIntensity));
  // The thread: how often, with dates; its title is named in full.
  const ReportItem* thread = FirstOfType(c, SectionKind::kSinceLastSession, "thread-");
  BOOST_REQUIRE(thread);
  BOOST_TEST(thread->text ==
             "\"Notice the thought, don't argue with it\": followed up 4 times between "
             "Nov 2 and Nov 9 (Nov 2, 4, 6, 8).");
  // The loop: counted, its words cut to five.
  const ReportItem* loop = FirstOfType(c, SectionKind::kRepeated, "recurring-");
  BOOST_REQUIRE(loop);
  BOOST_TEST(loop->text.find("\"If I don't answer straight\u2026\" 4 times") != std::string::npos,
             loop->text);
  BOOST_TEST(loop->text.find("(Nov 3, 4, 5, 8)") != std::string::npos);
  BOOST_TEST(c.Section(SectionKind::kAgenda)->items.empty());
  BOOST_TEST(!c.suggestions.empty());
  BOOST_TEST(c.footer.size() == 2u);
  BOOST_TEST(c.footer[0].find("Written by me with Fieldnotes") != std::string::npos);
  RequireRuleKept(c, sample.journal().entries());
}

BOOST_AUTO_TEST_CASE(picks_agenda_questions_and_the_clients_choices) {
  SampleJournal sample;
  const ReportContent plain = BuildReport(sample.data(), SampleWeek(), SampleClock());
  const std::string loop_id = FirstOfType(plain, SectionKind::kRepeated, "recurring-")->id;
  const std::string thread_id = FirstOfType(plain, SectionKind::kSinceLastSession, "thread-")->id;

  ReportOptions o;
  o.picks = {loop_id};
  o.quotes = {loop_id, thread_id};
  o.agenda = {"Τα μηνύματα της Dana — и воскресные вечера"};
  o.questions = {"Why does 'careful' sound like an insult?"};
  o.notes = {{thread_id, "Easier when I remembered it early."}};
  o.rewords = {{"mood-feelings", "Mostly anxious at work, calmer at the weekend."}};
  o.removes = {"mood"};
  o.display_name = "Zoë";
  const ReportContent c = BuildReport(sample.data(), SampleWeek(), SampleClock(), o);

  const auto& agenda = c.Section(SectionKind::kAgenda)->items;
  BOOST_REQUIRE_EQUAL(agenda.size(), 2u);
  BOOST_TEST(agenda[0].id == loop_id);
  // Quoted: the loop word for word, because the client chose it.
  BOOST_TEST(
      agenda[0].text.find("If I don't answer straight away, they'll think I can't keep up") !=
      std::string::npos);
  BOOST_TEST(agenda[1].text == "Τα μηνύματα της Dana — и воскресные вечера");
  BOOST_TEST(agenda[1].client_written);
  BOOST_TEST(!FirstOfType(c, SectionKind::kRepeated, loop_id));  // moved, not repeated
  BOOST_TEST(c.FindItem(thread_id)->note == "Easier when I remembered it early.");
  BOOST_TEST(c.FindItem(thread_id)->text.find("The latest, on Nov 8") != std::string::npos);
  BOOST_TEST(c.FindItem("mood") == nullptr);
  BOOST_TEST(ItemText(c, "mood-feelings") == "Mostly anxious at work, calmer at the weekend.");
  BOOST_TEST(ItemText(c, "question-1") == "Why does 'careful' sound like an insult?");
  BOOST_TEST(c.subtitle.starts_with("Zoë \u00b7 "));
  BOOST_TEST(c.footer[0].find("Written by Zoë") != std::string::npos);
  // The observations used, where they are shown.
  bool found = false;
  for (const auto& r : c.observations) {
    if (r.id == loop_id) {
      found = true;
      BOOST_TEST(r.placement == "agenda");
      BOOST_TEST(r.count == 4);
      BOOST_TEST(r.evidence.size() == 4u);
    }
    BOOST_TEST(r.id != "mood");  // removed
  }
  BOOST_TEST(found);
  RequireRuleKept(c, sample.journal().entries());
}

BOOST_AUTO_TEST_CASE(refuses_what_does_not_fit) {
  SampleJournal sample;
  ReportOptions o;
  o.agenda = {"one", "two", "three"};
  auto r = TryBuild(sample.data(), o);
  BOOST_REQUIRE(!r.ok());
  BOOST_TEST(r.status().message().find("two at most") != std::string::npos);

  o = {};
  o.picks = {"recurring-00000000"};
  r = TryBuild(sample.data(), o);
  BOOST_REQUIRE(!r.ok());
  BOOST_TEST(r.status().code() == core::Status::Code::kInvalidArgument);

  o = {};
  o.removes = {"no-such-line"};
  BOOST_TEST(!TryBuild(sample.data(), o).ok());
  o = {};
  o.agenda = {"   "};
  BOOST_TEST(!TryBuild(sample.data(), o).ok());
  o = {};
  o.questions = {std::string(ReportBuilder::kMaxClientTextBytes + 1, 'x')};
  BOOST_TEST(!TryBuild(sample.data(), o).ok());
}

BOOST_AUTO_TEST_CASE(exclude_leaves_an_observation_out_entirely) {
  SampleJournal sample;
  const ReportContent plain = BuildReport(sample.data(), SampleWeek(), SampleClock());
  const std::string loop_id = FirstOfType(plain, SectionKind::kRepeated, "recurring-")->id;
  ReportOptions o;
  o.excludes = {loop_id};
  const ReportContent c = BuildReport(sample.data(), SampleWeek(), SampleClock(), o);
  BOOST_TEST(c.FindItem(loop_id) == nullptr);
  for (const auto& r : c.observations) BOOST_TEST(r.id != loop_id);
  for (const auto& s : c.suggestions) BOOST_TEST(s != loop_id);
}

BOOST_AUTO_TEST_CASE(an_empty_period_gives_a_short_friendly_report) {
  SampleJournal sample;
  const Period week = Period::Between(D("2026-12-01"), D("2026-12-07")).value();
  const ReportContent c = BuildReport(sample.data(), week, SampleClock());
  BOOST_TEST(c.entries == 0);
  BOOST_TEST(c.chart.empty());
  const ReportSection& mood = *c.Section(SectionKind::kMood);
  BOOST_TEST(mood.items.empty());
  BOOST_TEST(mood.empty_text.find("that's fine") != std::string::npos);
  BOOST_TEST(c.Section(SectionKind::kRepeated)->items.empty());
  BOOST_TEST(!c.Section(SectionKind::kRepeated)->empty_text.empty());
}

BOOST_AUTO_TEST_CASE(changes_since_the_last_report) {
  SampleJournal sample;
  // The first half of the week, then the whole week compared with it.
  const Period first = Period::Between(D("2026-10-27"), D("2026-11-02")).value();
  ReportOptions o;
  o.agenda = {"Sunday nights"};
  const ReportContent before = BuildReport(sample.data(), first, SampleClock(), o);
  const ReportContent c = BuildReport(sample.data(), SampleWeek(), SampleClock(), {}, &before);
  BOOST_REQUIRE(c.previous.has_value());
  BOOST_TEST(ItemText(c, "last-time") == "Last time I chose to bring: \"Sunday nights\".");
  RequireRuleKept(c, sample.journal().entries());
}

BOOST_AUTO_TEST_CASE(the_rule_holds_on_generated_journals) {
  // Planted worries, triggers and threads; reports over the last period and
  // over the whole history, with nothing chosen.
  for (uint64_t seed = 1; seed <= 12; ++seed) {
    GeneratorOptions g;
    g.seed = seed;
    g.plant_recurring = true;
    g.plant_trigger = seed % 2 == 0;
    g.plant_time = seed % 3 == 0;
    g.plant_writing_effect = seed % 4 == 0;
    const GeneratedJournal j = GenerateJournal(g);
    const JournalData data{j.entries, j.sessions, j.threads};
    const core::FakeClock clock(j.now);
    const auto runs = EntryRuns(j.entries);
    for (const Period& period :
         {Period::SinceLastSession(j.sessions, clock), Period::WholeHistory(j.entries, clock)}) {
      const ReportContent c = BuildReport(data, period, clock);
      BOOST_TEST(ReportBuilder::CheckSixWordRule(c, j.entries).ok());
      const auto leaked = LeakedRuns(c, runs);
      BOOST_TEST(leaked.empty(),
                 "seed " << seed << " leaked: " << (leaked.empty() ? "" : leaked[0]));
    }
  }
}

BOOST_AUTO_TEST_CASE(hundreds_of_entries_give_top_items_and_the_rest_counted) {
  GeneratorOptions g;
  g.seed = 7;
  g.weeks = 52;
  g.entries_per_week = 20;
  g.plant_recurring = true;
  g.plant_trigger = true;
  g.plant_time = true;
  const GeneratedJournal j = GenerateJournal(g);
  const JournalData data{j.entries, j.sessions, j.threads};
  const core::FakeClock clock(j.now);
  const ReportContent c = BuildReport(data, Period::WholeHistory(j.entries, clock), clock);
  BOOST_TEST(c.entries > 500);
  BOOST_TEST(c.Section(SectionKind::kRepeated)->items.size() <= ReportBuilder::kMaxRepeated);
  BOOST_TEST(c.Section(SectionKind::kSinceLastSession)->items.size() <=
             ReportBuilder::kMaxThreads + 1);
  BOOST_TEST(c.chart.days_per_point == 7);
  BOOST_TEST(c.chart.points.size() <= 60u);
  BOOST_TEST(c.chart.series.size() <= 5u);
}

BOOST_AUTO_TEST_CASE(content_json_round_trips) {
  SampleJournal sample;
  ReportOptions o;
  o.agenda = {"Ελληνικά και кириллица"};
  const ReportContent c = BuildReport(sample.data(), SampleWeek(), SampleClock(), o);
  const std::string once = core::json::Write(ContentToJson(c));
  auto back = ContentFromJson(core::json::Parse(once).value());
  BOOST_REQUIRE_MESSAGE(back.ok(), back.status().ToString());
  BOOST_TEST(core::json::Write(ContentToJson(*back)) == once);
  auto bad = core::json::Parse(once).value();
  bad.as_object().Set("format", 99);
  BOOST_TEST(ContentFromJson(bad).status().code() == core::Status::Code::kUnsupported);
  bad.as_object().Set("format", 1);
  bad.as_object().Set("sections", "no");
  BOOST_TEST(!ContentFromJson(bad).ok());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(a_question_the_journal_asked_says_what_it_belongs_to) {
  SampleJournal sample;
  // The spike of Nov 4 leaves a question unanswered; the one of Nov 5
  // answered the same question.
  core::Entry e = *sample.journal().GetEntry("fd43915c-e629-4113-b404-2f33cbb3220a");
  e.followups = {{"What were you afraid would happen?", ""}};
  BOOST_REQUIRE(sample.journal().UpdateEntry(e).ok());

  ReportOptions o;
  o.questions = {"What were you afraid would happen?", "Why Sundays?"};
  const ReportContent c = BuildReport(sample.data(), SampleWeek(), SampleClock(), o);
  // Kind, date and at most five of the entry's words; the client's own
  // question stands as written.
  BOOST_TEST(ItemText(c, "question-1") ==
             "What were you afraid would happen? (asked after a spike on Nov 4: "
             "\"Dana replied 'ok.' to my\u2026\")");
  BOOST_TEST(ItemText(c, "question-2") == "Why Sundays?");
  RequireRuleKept(c, sample.journal().entries());
}

BOOST_AUTO_TEST_CASE(a_period_longer_than_three_weeks_is_drawn_by_week) {
  SampleJournal sample;
  auto three_weeks = Period::Between(*core::ParseDate("2026-10-20"), *core::ParseDate("2026-11-09"));
  auto four_weeks = Period::Between(*core::ParseDate("2026-10-13"), *core::ParseDate("2026-11-09"));
  BOOST_REQUIRE(three_weeks.ok() && four_weeks.ok());
  const ReportContent daily = BuildReport(sample.data(), *three_weeks, SampleClock());
  BOOST_TEST(daily.chart.days_per_point == 1);
  BOOST_TEST(daily.chart.points.size() == 21u);
  const ReportContent weekly = BuildReport(sample.data(), *four_weeks, SampleClock());
  BOOST_TEST(weekly.chart.days_per_point == 7);
  BOOST_TEST(weekly.chart.points.size() == 4u);
  // Weeks start on the period's first day (Oct 13): the last one, Nov 3 to
  // 9, holds four moods noted before writing (3, 4, 4, 3); Nov 2's 5 is in
  // the week before.
  BOOST_REQUIRE(!weekly.chart.series.empty());
  BOOST_TEST((weekly.chart.series[0].measure == ChartMeasure::kMoodBefore));
  BOOST_TEST(weekly.chart.series[0].values[3].value() == 3.5, boost::test_tools::tolerance(0.01));
}
