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
    if (f.name == "safety/classifier.model")
      continue;  // the classifier's (test_safety_classifier.cpp)
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

// Each thread keeps what it learnt about a word for each list (safety
// phrases' Prepare): a list built later, at the same address or not, and
// texts read in any order must see exactly what a fresh list sees.
BOOST_AUTO_TEST_CASE(words_learnt_from_earlier_texts_and_lists_change_nothing) {
  const char* first_list = "[raise:suicide]\nwant to die\n[not_danger]\ndie laughing\n";
  const char* second_list =
      "[contractions]\nwanna = want to\n[raise:suicide]\nend my life\nwant to end it\n";
  for (int round = 0; round < 40; ++round) {  // more lists than a thread keeps
    auto a = SafetyDetector::FromLists({first_list});
    auto b = SafetyDetector::FromLists({second_list});
    BOOST_REQUIRE(a.ok());
    BOOST_REQUIRE(b.ok());
    BOOST_TEST(a->CheckText("some days I want to die").raised());
    BOOST_TEST(!a->CheckText("some days I want to end my life").raised());
    BOOST_TEST(!b->CheckText("some days I want to die").raised());
    BOOST_TEST(b->CheckText("some days I want to end my life").raised());
    BOOST_TEST(!a->CheckText("I could die laughing, I want to die laughing").raised());
    BOOST_TEST(b->CheckText("I wanna end it").raised());
    BOOST_TEST(!a->CheckText("I wanna end it, I wanna die").raised());
  }
  auto english =
      SafetyDetector::FromLists({FindEmbeddedFile("safety/en.txt").value_or(std::string_view())});
  BOOST_REQUIRE(english.ok());
  const std::vector<std::string> texts = {
      "I keep thinking everyone would be better off without me",
      "dead tired after the gym, killed it today",
      "i wanna die honestly",
      "Ich will nicht mehr leben, I cant go on like this",
      "the film about suicide was hard to watch",
  };
  std::vector<std::vector<SafetyCategory>> cold;
  for (const std::string& t : texts) cold.push_back(english->CheckText(t).categories);
  for (int round = 0; round < 3; ++round) {
    for (size_t i = texts.size(); i-- > 0;) {
      BOOST_TEST(english->CheckText(texts[i]).categories == cold[i]);
    }
  }
  BOOST_TEST(!cold[0].empty());
  BOOST_TEST(cold[1].empty());
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

BOOST_AUTO_TEST_CASE(stems_typos_gaps_exact_words_and_nested_groups) {
  const char* english = R"([negation]
never
not
[bridge]
i
want
wanted
to
[negation_void]
more
[raise:wish_dead]
want to die
(wish|wished) i .. (had not|never) (woke|woken) up
[raise:self_harm]
=sh (again|today)
(cut|burn) (myself|my (arm|arms|leg|legs))
[raise:suicidal_thoughts]
(offing|offed) myself
suicidal (thoughts|feelings)
[raise:preparation]
(pills|tablets) & (saving|stockpile|hoard) & [my] drawer
[raise:hopelessness]
such a drain (on|for) everyone
)";
  const EmbeddedFile files[] = {{"safety/en.txt", english}};
  auto detector = SafetyDetector::FromFiles(files);
  BOOST_REQUIRE_MESSAGE(detector.ok(), detector.status().message());
  auto raises = [&](const char* text) { return detector->CheckText(text).raised(); };
  // Stems: "wants ... dying" are not the words of the phrase, but their stems are.
  BOOST_TEST(raises("she said I wanted to die"));
  BOOST_TEST(raises("wanting to die all day"));
  // One typo in a word of five letters or more; none in shorter words.
  BOOST_TEST(raises("so many sucidal thoughts"));
  BOOST_TEST(raises("suicidal thougths again"));
  BOOST_TEST(!raises("suicidal thoroughfares"));
  BOOST_TEST(!raises("I want to dye my hair"));
  // The word written needs five letters too: "drian" is "drain" with two
  // letters swapped, but "rain" is a word of its own, not "drain" less a
  // letter.
  BOOST_TEST(raises("such a drian on everyone"));
  BOOST_TEST(!raises("such a rain on everyone"));
  // A stem of fewer than three letters matches nothing but itself:
  // Snowball takes "offing" to "of".
  BOOST_TEST(raises("offing myself tonight"));
  BOOST_TEST(!raises("so proud of myself today"));
  // A gap of up to three words, not more, and never across a clause.
  BOOST_TEST(raises("I wish I just really had not woken up"));
  BOOST_TEST(!raises("I wish I had finally and truly and honestly not woken up"));
  BOOST_TEST(!raises("I wish I could. Had not woken up yet"));
  // =word: only that word, not its stem or a word one typo away.
  BOOST_TEST(raises("sh again, third time this week"));
  BOOST_TEST(!raises("shh again, the baby"));
  // Nested groups.
  BOOST_TEST(raises("I cut my arms"));
  BOOST_TEST(raises("burn my leg"));
  // A negation negates, unless the clause makes it a comparison.
  BOOST_TEST(!raises("I never want to die"));
  BOOST_TEST(raises("I never wanted to die more than today"));
  // "a & b & c": all in one sentence, in any order, clauses apart.
  BOOST_TEST(raises("saving them up in the drawer, the pills nobody counts"));
  BOOST_TEST(raises("The drawer is full: tablets, and I keep hoarding."));
  BOOST_TEST(!raises("Bought tablets. Saving money for the drawer."));
  BOOST_TEST(!raises("tablets in my drawer"));
  // Categories come back by name.
  SafetyResult r = detector->CheckText("sh again and want to die");
  BOOST_REQUIRE_EQUAL(r.categories.size(), 2u);
  BOOST_TEST(SafetyCategoryName(r.categories[0]) == "wish_dead");
  BOOST_TEST(SafetyCategoryName(r.categories[1]) == "self_harm");
  BOOST_TEST(r.Has(SafetyCategory::kSelfHarm));
  BOOST_TEST(!r.Has(SafetyCategory::kHarmFromOthers));
}

BOOST_AUTO_TEST_CASE(defined_groups_are_written_once_and_used_everywhere) {
  const char* list = R"([define]
@self = i|me|myself
@end = (die|dead) | (end|ending) (it|my life)
@want = want|wish|(think|thinking) about
[raise:wish_dead]
@self .. @want .. @end
[raise:method_plan]
(rope|pills) & @self .. @want .. @end
[not_danger]
@end (of|to) (the|this) (film|book)
)";
  const EmbeddedFile files[] = {{"safety/en.txt", list}};
  auto detector = SafetyDetector::FromFiles(files);
  BOOST_REQUIRE_MESSAGE(detector.ok(), detector.status().message());
  auto check = [&](const char* text) { return detector->CheckText(text); };
  BOOST_TEST(check("some days I think about ending it").raised());
  BOOST_TEST(check("all day me wishing to be dead").raised());
  BOOST_TEST(!check("me, wishing. to be dead").raised());  // a phrase stays in its clause
  BOOST_TEST(!check("we want to see the end of the film").raised());
  BOOST_TEST(check("the pills are there and I think about ending my life")
                 .Has(SafetyCategory::kMethodPlan));
}

BOOST_AUTO_TEST_CASE(and_and_joins_parts_across_sentences_of_one_text) {
  const char* list = R"([negation]
never
[raise:method_plan]
(picked|chose) [a|the] (date|day) && (tonight|weekend|the (14th|15th))
(bought|got) [the] rope & tonight
)";
  const EmbeddedFile files[] = {{"safety/en.txt", list}};
  auto detector = SafetyDetector::FromFiles(files);
  BOOST_REQUIRE_MESSAGE(detector.ok(), detector.status().message());
  auto raises = [&](const char* text) { return detector->CheckText(text).raised(); };
  BOOST_TEST(raises("picked a date. the 14th, after mums birthday"));
  BOOST_TEST(raises("the weekend, yes. picked the day"));
  BOOST_TEST(!raises("picked a date"));
  // '&' stays within its sentence.
  BOOST_TEST(raises("got the rope, tonight"));
  BOOST_TEST(!raises("got the rope. tonight pasta"));
  // Each part alone obeys negation and idioms.
  BOOST_TEST(!raises("never picked a date. the weekend is free"));
  // Two fields of an entry are two texts.
  core::Entry e;
  e.body = "picked a date";
  e.thought = "the weekend";
  BOOST_TEST(!detector->Check(e).raised());
}

// A [doubt] phrase is looked for in every clause and sentence of a text,
// negated or not; a [doubt_marks] string in the text as written. What a
// doubt does to a raise is SafetyDetector's (test_safety_classifier.cpp).
BOOST_AUTO_TEST_CASE(doubt_frames_are_found_anywhere_in_a_text) {
  const char* list = R"([negation]
not
[raise:suicidal_thoughts]
suicidal thoughts
[doubt]
(night|long) shift
patient*
[doubt_marks]
😂
)";
  auto parsed = SafetyPhrases::Parse(list, "en.txt", "english");
  BOOST_REQUIRE_MESSAGE(parsed.ok(), parsed.status().message());
  BOOST_TEST(parsed->has_doubts());
  auto doubted = [&](const char* text) {
    return parsed->Doubted(text, SafetyPhrases::SplitWords(text));
  };
  BOOST_TEST(doubted("Long shifts again. A man with suicidal thoughts came in."));  // stem
  BOOST_TEST(doubted("suicidal thoughts, all day. then the night shift"));
  BOOST_TEST(doubted("not a patient person today"));  // negation does not matter
  BOOST_TEST(doubted("my brother ate my last biscuit \xF0\x9F\x98\x82"));
  BOOST_TEST(!doubted("suicidal thoughts again, all day"));
  BOOST_TEST(!doubted("shift the sofa at night"));
  BOOST_TEST(!doubted(""));
  // A doubt frame changes nothing the list finds.
  BOOST_TEST(parsed->Find("night shift. suicidal thoughts").size() == 1u);
  auto plain = SafetyPhrases::Parse("[raise:wish_dead]\ndie\n", "x.txt");
  BOOST_REQUIRE(plain.ok());
  BOOST_TEST(!plain->has_doubts());
  BOOST_TEST(!plain->Doubted("a patient 😂", SafetyPhrases::SplitWords("a patient 😂")));
}

BOOST_AUTO_TEST_CASE(broken_lists_are_refused_with_their_line) {
  for (const char* bad : {
           "[raise:wish_dead]\n(a|(b c)\n",          // unclosed nested group
           "[raise:wish_dead]\n(a|b])\n",            // mismatched brackets
           "[raise:wish_dead]\n.. want to die\n",    // a gap at the start
           "[raise:wish_dead]\nwant to ..\n",        // a gap at the end
           "[raise:wish_dead]\n==die\n",             // a stray '='
           "[raise:wish_dead]\n(a|)\n",              // an empty alternative
           "[negation_void]\ntwo words\n",           // one word a line
           "[raise:wish_dead]\nwant to die & \n",    // an empty part
           "[not_danger]\nkilling & me\n",           // '&' only where it raises
           "[raise:wish_dead]\nwant (to .. die)\n",  // a gap only between slots
           "[raise:wish_dead]\n@die now\n",          // a group not defined
           "[define]\ndie = die|dead\n",             // a definition without '@'
           "[define]\n@die =\n",                     // an empty definition
           "[define]\n@die = (die|dead\n",           // a broken body
           "[define]\n@Die = die\n",                 // names are lower case
           "[raise:wish_dead]\na && b & c\n",        // '&' or '&&', not both
           "[doubt]\npatient & shift\n",             // '&' only where it raises
           "[doubt_marks]\nha ha\n",                 // one mark, no spaces
       }) {
    auto parsed = SafetyPhrases::Parse(bad, "bad.txt");
    BOOST_TEST(!parsed.ok(), bad);
    if (!parsed.ok()) BOOST_TEST(parsed.status().message().find("bad.txt line 2") == 0u, bad);
  }
  // A language libstemmer does not know is refused, not ignored.
  BOOST_TEST(!SafetyPhrases::Parse("[raise:wish_dead]\ndie\n", "x.txt", "klingon").ok());
  BOOST_TEST(SafetyPhrases::StemmerFor("safety/de.txt") == "german");
  BOOST_TEST(SafetyPhrases::StemmerFor("safety/pl.txt").empty());
}

BOOST_AUTO_TEST_CASE(every_language_has_a_list_and_a_crisis_line_source) {
  for (const char* code : {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru"}) {
    BOOST_TEST(FindEmbeddedFile(std::string("safety/") + code + ".txt").has_value(), code);
  }
  const CrisisResources& cr = CrisisResources::Default();
  for (const CrisisRegion& region : cr.regions()) {
    for (const CrisisLine& line : region.lines) {
      BOOST_TEST(line.source.starts_with("http"), region.code << ": " << line.name);
    }
  }
  // Abuse lines only when asked for: harm from others, or the Help menu.
  const CrisisRegion& gb = cr.ForRegion("GB");
  const size_t without = CrisisResources::LinesFor(gb, false).size();
  const size_t with = CrisisResources::LinesFor(gb, true).size();
  BOOST_TEST(with == without + 1);
  BOOST_TEST(cr.Format(gb, true).find("0808 2000 247") != std::string::npos);
  BOOST_TEST(cr.Format(gb).find("0808 2000 247") == std::string::npos);
  for (const char* code : {"DE", "FR", "ES", "IT", "PT", "NL", "PL", "RU", "US"}) {
    BOOST_TEST(cr.ForRegion(code).code == code);
  }
  BOOST_TEST(
      !CrisisResources::Parse(
           R"({"format":1,"message":"m","footer":"f","regions":[{"code":"default","name":"n",)"
           R"("lines":[{"name":"a","contact":"b","when":"c","topic":"weather"}]}]})")
           .ok());
  BOOST_TEST(
      !CrisisResources::Parse(
           R"({"format":1,"message":"m","footer":"f","regions":[{"code":"default","name":"n",)"
           R"("lines":[{"name":"a","contact":"b","when":"c","source":7}]}]})")
           .ok());
}

BOOST_AUTO_TEST_SUITE_END()
