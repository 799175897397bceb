#include <boost/test/unit_test.hpp>

#include "reports/crisis_resources.h"
#include "reports/embedded_data.h"
#include "reports/safety_detector.h"
#include "test_support.h"

using namespace fieldnotes;
using namespace fieldnotes::reports;
using namespace fieldnotes::reports::testing;

namespace {

bool Raises(std::string_view text) { return SafetyDetector::Default().CheckText(text).raised(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(safety)

BOOST_AUTO_TEST_CASE(every_built_in_list_parses) {
  for (const EmbeddedFile& f : EmbeddedFilesIn("safety")) {
    auto parsed = SafetyPhrases::Parse(f.content, f.name);
    BOOST_TEST(parsed.ok(), f.name << ": " << parsed.status().message());
    if (parsed.ok()) BOOST_TEST(parsed->phrase_count() > 20u);
  }
}

BOOST_AUTO_TEST_CASE(danger_raises_the_flag) {
  for (const char* text : {
           "I don't want to be here anymore",
           "I dont want to be here any more.",
           "I don’t want to be alive anymore",
           "Sometimes I want to die.",
           "I just wish I was dead",
           "I've been thinking about killing myself",
           "I can't stop thinking about killing myself",
           "I want to end my life",
           "I'm going to end it all tonight",
           "Everyone would be better off without me",
           "there's no reason to live",
           "I have nothing left to live for",
           "I feel suicidal",
           "I keep having suicidal thoughts",
           "I cut myself again last night",
           "the urge to cut came back",
           "Relapsed into self-harm",
           "I want to hurt myself",
           "I'm going to hurt someone if this goes on",
           "I keep having thoughts of hurting him",
           "He threatened to kill me",
           "I'm scared he will hurt me",
           "I am not safe at home",
           "My partner hit me again",
           "I wish I could go to sleep and never wake up",
           "I don't want to wake up tomorrow",
           "nobody would care if I was gone",
           "I'm not sure, but I want to die",
           "NO ONE WOULD NOTICE IF I DISAPPEARED",
       }) {
    BOOST_TEST(Raises(text), "should raise: " << text);
  }
}

BOOST_AUTO_TEST_CASE(negations_do_not_raise) {
  for (const char* text : {
           "I would never kill myself",
           "I'm not going to hurt myself, I promise",
           "I don't want to die, I want things to change",
           "I'm not suicidal, just exhausted",
           "No thoughts of hurting myself this week",
           "I have no plans to end my life",
           "I haven't thought about hurting myself in months",
           "A whole month without hurting myself",
           "I never want to hurt anyone",
       }) {
    BOOST_TEST(!Raises(text), "should not raise: " << text);
  }
}

BOOST_AUTO_TEST_CASE(near_misses_do_not_raise) {
  for (const char* text : {
           "This deadline is killing me",
           "my feet are killing me after the hike",
           "The suspense is killing me!",
           "I'm dying to see that film",
           "I could kill for a coffee",
           "I nearly died laughing",
           "She killed it at the presentation",
           "I cut myself shaving",
           "I burned myself on the oven",
           "I hurt myself at the gym",
           "I'm killing myself at work to hit this target",
           "Went to a suicide prevention training at work",
           "I need to cut myself some slack",
           "I don't want to live in this city anymore",
           "my brother kicked me by accident",
           "I overdosed on coffee today",
           "I'm dead tired",
           "drop-dead gorgeous dress",
           "killing time before the appointment",
           "I'd rather die than sing karaoke",  // an idiom, and not one of the list's phrases
       }) {
    BOOST_TEST(!Raises(text), "should not raise: " << text);
  }
}

BOOST_AUTO_TEST_CASE(every_field_of_an_entry_is_read) {
  core::Entry e = Note("2026-11-10T20:00:00+01:00", "Quiet day.");
  BOOST_TEST(!SafetyDetector::Default().Check(e).raised());
  e.followups = {{"What were you afraid would happen?", "that I would hurt myself"}};
  SafetyResult r = SafetyDetector::Default().Check(e);
  BOOST_TEST(r.raised());
  BOOST_REQUIRE_EQUAL(r.fields.size(), 1u);
  BOOST_TEST(r.fields[0] == "answer 1");
  BOOST_REQUIRE_EQUAL(r.categories.size(), 1u);
  BOOST_TEST(SafetyCategoryName(r.categories[0]) == "self_harm");
  e.followups.clear();
  e.emotions = {"suicidal"};
  BOOST_TEST(SafetyDetector::Default().Check(e).raised());
}

BOOST_AUTO_TEST_CASE(a_field_boundary_is_a_clause_boundary) {
  // "not" at the end of one field never negates the next.
  core::Entry e = Note("2026-11-10T20:00:00+01:00", "I want to die");
  e.before = "I did not";
  BOOST_TEST(SafetyDetector::Default().Check(e).raised());
}

BOOST_AUTO_TEST_CASE(lists_are_data_and_more_languages_can_be_added) {
  const char* german = R"(# test list
[negation]
nicht
nie
[bridge]
ich
will
[raise:suicide]
(will|möchte) nicht mehr leben
mich umbringen
[not_danger]
)";
  auto detector = SafetyDetector::FromLists({german});
  BOOST_REQUIRE(detector.ok());
  BOOST_TEST(detector->CheckText("Ich möchte nicht mehr leben.").raised());
  BOOST_TEST(detector->CheckText("Ich will mich umbringen").raised());
  BOOST_TEST(!detector->CheckText("Ich will mich nie umbringen").raised());
  BOOST_TEST(!SafetyDetector::FromLists({"[raise:nonsense]\nfoo"}).ok());
  BOOST_TEST(!SafetyDetector::FromLists({"foo"}).ok());
  BOOST_TEST(!SafetyDetector::FromLists({"[raise:suicide]\n(foo bar"}).ok());
}

BOOST_AUTO_TEST_CASE(crisis_resources_by_region_with_a_sensible_default) {
  const CrisisResources& cr = CrisisResources::Default();
  const CrisisRegion& def = cr.ForRegion("");
  BOOST_TEST(def.code == "default");
  std::string text = cr.Format(def);
  BOOST_TEST(text.find("988") != std::string::npos);
  BOOST_TEST(text.find("116 123") != std::string::npos);
  BOOST_TEST(text.find("112") != std::string::npos);
  BOOST_TEST(text.find("911") != std::string::npos);
  BOOST_TEST(text.find("999") != std::string::npos);
  BOOST_TEST(text.find("Nothing has been sent to anyone") != std::string::npos);
  BOOST_TEST(cr.ForRegion("us").code == "US");
  BOOST_TEST(cr.Format(cr.ForRegion("US")).find("988") != std::string::npos);
  BOOST_TEST(cr.Format(cr.ForRegion("US")).find("911") != std::string::npos);
  BOOST_TEST(cr.ForRegion("UK").code == "GB");
  BOOST_TEST(cr.Format(cr.ForRegion("gb")).find("116 123") != std::string::npos);
  BOOST_TEST(cr.Format(cr.ForRegion("IE")).find("116 123") != std::string::npos);
  BOOST_TEST(cr.ForRegion("XX").code == "default");
  for (const CrisisRegion& r : cr.regions()) {
    BOOST_TEST(!r.lines.empty());
    // Every list starts with what to do in immediate danger.
    BOOST_TEST(r.lines[0].when.find("danger") != std::string::npos, r.code);
  }
  BOOST_TEST(
      !CrisisResources::Parse(R"({"format":1,"message":"m","footer":"f","regions":[]})").ok());
  BOOST_TEST(!CrisisResources::Parse("{").ok());
}

BOOST_AUTO_TEST_SUITE_END()
