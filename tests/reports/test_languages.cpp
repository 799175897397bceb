// The Unicode layer at work in the reports, in eleven languages: the
// six-word rule catches six copied words, and a loop written four times is
// seen as repeating, whether or not the script puts spaces between words.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "core/clock.h"
#include "reports/pattern_analyzer.h"
#include "reports/recurring_detector.h"
#include "reports/six_word_rule.h"
#include "reports/tokenizer.h"
#include "test_support.h"

using namespace fieldnotes;
using namespace fieldnotes::reports;
using namespace fieldnotes::reports::testing;

namespace {

struct Sample {
  const char* language;
  // "I'm afraid everyone will notice I'm not good enough", or close to it.
  const char* sentence;
  // The same words as a report line might carry them: other case, other
  // spelling of the same letters, inside a sentence of the report's own.
  const char* copied;
};

const Sample kSamples[] = {
    {"th", "ฉันกลัวว่าทุกคนจะรู้ว่าฉันไม่เก่งพอ", "คุณเขียนว่า ฉันกลัวว่าทุกคนจะรู้ว่าฉันไม่เก่งพอ 4 ครั้ง"},
    {"lo", "ຂ້ອຍຢ້ານວ່າທຸກຄົນຈະຮູ້ວ່າຂ້ອຍບໍ່ເກັ່ງພໍ", "ທ່ານຂຽນ: ຂ້ອຍຢ້ານວ່າທຸກຄົນຈະຮູ້ວ່າຂ້ອຍບໍ່ເກັ່ງພໍ"},
    {"ja", "みんなに私がダメな人間だとばれるのが怖い",
     "「みんなに私がダメな人間だと」と書きました"},
    {"zh", "我害怕大家都会发现我其实什么都做不好", "你写了：我害怕大家都会发现我其实"},
    {"ar", "أخاف أن يكتشف الجميع أنني لست جيدة بما يكفي",
     "كتبتِ: «أخاف أن يكتشف الجميع أنني لست» مرتين"},
    {"he", "אני מפחדת שכולם יגלו שאני לא מספיק טובה בעבודה", "כתבת: אני מפחדת שכולם יגלו שאני לא"},
    {"hi", "मुझे डर है कि सबको पता चल जाएगा कि मैं अच्छी नहीं हूँ",
     "आपने लिखा: मुझे डर है कि सबको पता चल जाएगा।"},
    {"el", "Φοβάμαι ότι όλοι θα καταλάβουν ότι δεν είμαι αρκετά καλή",
     "Γράψατε: ΦΟΒΆΜΑΙ ΌΤΙ ΌΛΟΙ ΘΑ ΚΑΤΑΛΆΒΟΥΝ ΌΤΙ"},
    {"ru", "Я боюсь, что все поймут, что я недостаточно хороша",
     "Вы написали: «Я БОЮСЬ, ЧТО ВСЕ ПОЙМУТ, ЧТО Я»"},
    // Dotted and dotless i: İ/i and I/ı are one letter to the rule.
    {"tr", "Herkesin işimde yeterince iyi olmadığımı anlayacağından korkuyorum",
     "Şunu yazdınız: HERKESİN İŞİMDE YETERİNCE İYİ OLMADIĞIMI ANLAYACAĞINDAN"},
    // ß and SS.
    {"de", "Ich habe Angst, dass alle merken, dass ich nichts weiß",
     "Sie schrieben: ALLE MERKEN, DASS ICH NICHTS WEISS."},
};

struct Fixture {
  core::FakeClock clock{T("2026-11-11T21:00:00+01:00")};
  std::vector<core::Session> sessions = {SessionAt("2026-10-20T17:00:00+01:00"),
                                         SessionAt("2026-11-02T17:00:00+01:00")};
  std::vector<core::Entry> entries;

  std::vector<Observation> Recurring() {
    Period period = Period::SinceLastSession(sessions, clock);
    EntryIndex index(JournalData{entries, sessions, {}}, period);
    Tokenizer tokenizer;
    return RecurringDetector(tokenizer).Detect(index);
  }
  void AddEveryday() {
    const char* days[] = {"2026-10-21", "2026-10-23", "2026-10-25", "2026-10-27",
                          "2026-10-29", "2026-10-31", "2026-11-04", "2026-11-06"};
    int i = 0;
    for (const char* d : days) {
      std::string at = std::string(d) + "T20:00:00+01:00";
      entries.push_back(Note(at, i % 2 ? "Work was long today and I felt tired after the meeting."
                                       : "Today I went to work, then the shops, and felt okay."));
      entries.push_back(Note(at, std::string("I felt flat after work again, day ") +
                                     std::to_string(++i) + " of the project."));
    }
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(languages)

BOOST_AUTO_TEST_CASE(six_copied_words_are_caught_in_every_language) {
  for (const Sample& s : kSamples) {
    BOOST_TEST_CONTEXT("language " << s.language) {
      const std::vector<core::Entry> entries = {Note("2026-11-03T21:40:00+01:00", s.sentence)};
      BOOST_TEST(SixWordRule::Words(s.sentence).size() >= SixWordRule::kRunWords);
      const std::vector<GuardedText> texts = {{"line", s.copied, {}, false}};
      BOOST_TEST(!SixWordRule::Check(entries, texts).empty());
      // The same line is fine when the client chose the excerpt.
      const std::vector<GuardedText> chosen = {{"line", s.copied, {s.sentence}, false}};
      BOOST_TEST(SixWordRule::Check(entries, chosen).empty());
      // And a line with none of the entry's words is fine.
      const std::vector<GuardedText> other = {
          {"line", "You wrote about work four times since your last session.", {}, false}};
      BOOST_TEST(SixWordRule::Check(entries, other).empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(thai_before_this_layer_was_one_word) {
  // The whole Thai sentence used to be one "word", so no run of six existed.
  BOOST_TEST(SixWordRule::Words("ฉันกลัวว่าทุกคนจะรู้ว่าฉันไม่เก่งพอ").size() >= 10u);
  // Five words of it are allowed (kMaxUnchosenWords).
  const std::vector<core::Entry> entries = {
      Note("2026-11-03T21:40:00+01:00", "ฉันกลัวว่าทุกคนจะรู้ว่าฉันไม่เก่งพอ")};
  const std::vector<GuardedText> five = {{"line", "ฉันกลัวว่าทุกคน", {}, false}};
  BOOST_TEST(SixWordRule::Words(five[0].text).size() <= SixWordRule::kMaxUnchosenWords);
  BOOST_TEST(SixWordRule::Check(entries, five).empty());
}

BOOST_AUTO_TEST_CASE(first_words_cut_scripts_without_spaces) {
  const std::string cut = SixWordRule::FirstWords("ฉันกลัวว่าทุกคนจะรู้ว่าฉันไม่เก่งพอ");
  BOOST_TEST(cut.ends_with("\u2026"));
  BOOST_TEST(SixWordRule::Words(cut).size() == SixWordRule::kMaxUnchosenWords);
}

BOOST_AUTO_TEST_CASE(a_loop_written_four_times_is_seen_in_every_language) {
  for (const Sample& s : kSamples) {
    BOOST_TEST_CONTEXT("language " << s.language) {
      Fixture f;
      for (const char* at : {"2026-11-03T22:10:00+01:00", "2026-11-05T08:00:00+01:00",
                             "2026-11-08T23:30:00+01:00", "2026-11-10T19:00:00+01:00"}) {
        f.entries.push_back(Loop(at, s.sentence));
      }
      f.AddEveryday();
      const auto obs = f.Recurring();
      BOOST_REQUIRE_EQUAL(obs.size(), 1u);
      BOOST_TEST(obs[0].count == 4);
    }
  }
}

BOOST_AUTO_TEST_CASE(tokens_of_thai_and_japanese_are_words_not_sentences) {
  Tokenizer tokenizer;
  std::vector<Token> tokens;
  tokenizer.Tokenize("ฉันกลัวว่าทุกคนจะรู้", tokens);
  BOOST_TEST(tokens.size() >= 5u);
  tokens.clear();
  tokenizer.Tokenize("みんなに私がダメな人間だとばれるのが怖い", tokens);
  BOOST_TEST(tokens.size() >= 6u);
  // Full-width letters and ligatures are the words they look like.
  tokens.clear();
  tokenizer.Tokenize("ＦＵＬＬ \xEF\xAC\x81nally full finally", tokens);
  BOOST_REQUIRE_EQUAL(tokens.size(), 4u);
  BOOST_TEST(tokens[0].term == tokens[2].term);
  BOOST_TEST(tokens[1].term == tokens[3].term);
}

BOOST_AUTO_TEST_SUITE_END()
