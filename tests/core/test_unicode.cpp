// The Unicode layer: decoding, character kinds, word boundaries, and the
// folding search uses for the forms people type.
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "core/unicode.h"

namespace text = fieldnotes::core::text;
namespace unicode = fieldnotes::core::unicode;

namespace {

std::vector<std::string> Words(std::string_view s,
                               unicode::Ideographs ideographs = unicode::Ideographs::kDictionary) {
  std::vector<std::string> out;
  unicode::ForEachWord(s, ideographs, [&](const unicode::WordBounds& w) {
    std::string word;
    unicode::AppendWordBytes(s, w, unicode::Apostrophes::kStraight, word);
    out.push_back(word);
  });
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(unicode_layer)

BOOST_AUTO_TEST_CASE(decodes_well_formed_and_replaces_ill_formed) {
  const std::string s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";  // a é € 😀
  size_t i = 0;
  BOOST_TEST((unicode::Next(s, i) == U'a'));
  BOOST_TEST((unicode::Next(s, i) == U'\u00E9'));
  BOOST_TEST((unicode::Next(s, i) == U'\u20AC'));
  BOOST_TEST((unicode::Next(s, i) == U'\U0001F600'));
  BOOST_TEST(i == s.size());
  // Maximal ill-formed subparts: a truncated sequence is one U+FFFD, an
  // overlong two, a surrogate three.
  for (const auto& [bad, count] : std::vector<std::pair<std::string, int>>{
           {"\xE2\x82", 1}, {"\xC0\xAF", 2}, {"\xED\xA0\x80", 3}, {"\xFF", 1}}) {
    size_t k = 0;
    int n = 0;
    while (k < bad.size()) {
      BOOST_TEST((unicode::Next(bad, k) == unicode::kReplacement));
      ++n;
    }
    BOOST_TEST(n == count);
  }
  std::string out;
  unicode::AppendUtf8(out, U'\u00E9');
  unicode::AppendUtf8(out, 0xD800);
  BOOST_TEST(out == "\xC3\xA9\xEF\xBF\xBD");
}

BOOST_AUTO_TEST_CASE(character_kinds_come_from_unicode_properties) {
  using K = unicode::CharKind;
  BOOST_TEST((unicode::Classify(U'a') == K::kLetter));
  BOOST_TEST((unicode::Classify(U'\u05D0') == K::kLetter));  // א
  BOOST_TEST((unicode::Classify(U'\u0E01') == K::kLetter));  // ก
  BOOST_TEST((unicode::Classify(U'\u2019') == K::kApostrophe));
  BOOST_TEST((unicode::Classify(U'\u200D') == K::kInvisible));
  BOOST_TEST((unicode::Classify(U'\u0964') == K::kSentenceEnd));  // Devanagari danda
  BOOST_TEST((unicode::Classify(U'\u061F') == K::kSentenceEnd));  // Arabic question mark
  BOOST_TEST((unicode::Classify(U'\u3002') == K::kSentenceEnd));
  BOOST_TEST((unicode::Classify(U'\u060C') == K::kClauseBreak));  // Arabic comma
  BOOST_TEST((unicode::Classify(U'\U0001F600') == K::kSeparator));
  BOOST_TEST((unicode::Classify(U'-') == K::kSeparator));
}

BOOST_AUTO_TEST_CASE(english_words_keep_the_documented_rule) {
  const std::vector<std::string> want = {"I", "don't", "self", "harm", "e", "g", "3", "14"};
  BOOST_TEST(Words("I don't self-harm, e.g. 3.14") == want, boost::test_tools::per_element());
  BOOST_TEST(
      Words("'quoted' dogs' rock''n") == (std::vector<std::string>{"quoted", "dogs", "rock", "n"}),
      boost::test_tools::per_element());
  BOOST_TEST(Words("can\xE2\x80\x99t") == std::vector<std::string>{"can't"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(scripts_without_spaces_are_split_by_dictionary) {
  // Thai: "I am afraid everyone will know" - one run, several words.
  const auto thai = Words("ฉันกลัวว่าทุกคนจะรู้");
  BOOST_TEST(thai.size() >= 5u);
  BOOST_TEST(thai.front() == "ฉัน");
  BOOST_TEST(Words("ຂ້ອຍຢ້ານວ່າທຸກຄົນຈະຮູ້").size() >= 4u);     // Lao
  BOOST_TEST(Words("ខ្ញុំខ្លាចថាគ្រប់គ្នានឹងដឹង").size() >= 4u);  // Khmer
  BOOST_TEST(Words("ကျွန်တော်ကြောက်တယ်").size() >= 2u);       // Burmese
  BOOST_TEST(Words("我害怕大家会发现").size() >= 3u);
  BOOST_TEST(Words("我害怕大家会发现").size() < 8u);  // words, not characters
  BOOST_TEST(Words("今日は疲れた", unicode::Ideographs::kEachOne).size() == 6u);
  // Mixed with Latin: the run ends where the script does.
  const auto mixed = Words("ok ภาษาไทยABC");
  BOOST_TEST(mixed.front() == "ok");
  BOOST_TEST(mixed.back() == "ABC");
}

BOOST_AUTO_TEST_CASE(sentences_end_at_every_scripts_full_stop) {
  std::vector<bool> starts;
  unicode::ForEachWord("एक। दो؟ three; four\nfive", unicode::Ideographs::kDictionary,
                       [&](const unicode::WordBounds& w) { starts.push_back(w.new_sentence); });
  BOOST_TEST(starts == (std::vector<bool>{false, true, true, true, true}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(search_folds_the_forms_people_type) {
  // Ligatures, full-width letters, the Kelvin sign, ß.
  BOOST_TEST(text::ContainsFolded(text::Fold("I \xEF\xAC\x81nally slept"), "finally"));
  BOOST_TEST(text::Fold("\xEF\xBC\xA6\xEF\xBC\xB5\xEF\xBC\xAC\xEF\xBC\xAC") == "full");
  BOOST_TEST(text::ContainsFolded(text::Fold("It was 300 \xE2\x84\xAA outside"), "300 k"));
  BOOST_TEST(text::ContainsFolded(text::Fold("Die Stra\xC3\x9F"
                                             "e"),
                                  "STRASSE"));
  BOOST_TEST(text::ContainsFolded(text::Fold("DIE STRASSE"),
                                  "stra\xC3\x9F"
                                  "e"));
  // Armenian and Georgian (Mtavruli) capitals fold to their small letters.
  BOOST_TEST(text::Fold("ԲԱՐԵՎ") == "բարեվ");
  BOOST_TEST(text::Fold("ᲒᲐᲛᲐᲠᲯᲝᲑᲐ") == "გამარჯობა");
  // Turkish: dotted and dotless i fold alike, in both cases.
  BOOST_TEST(text::Fold("IŞIK") == text::Fold("ışık"));
  BOOST_TEST(text::Fold("İSTANBUL") == text::Fold("istanbul"));
  // Kana with a separate voicing mark, half-width kana: one form.
  BOOST_TEST(text::Fold("\xE3\x81\x8B\xE3\x82\x99") == "\xE3\x81\x8C");  // か + ゙ -> が
  BOOST_TEST(text::Fold("\xEF\xBD\xB6\xEF\xBE\x9E") == "\xE3\x82\xAC");  // ｶﾞ -> ガ
  // Never longer: ⅓ stays, and folding is idempotent.
  BOOST_TEST(text::Fold("\xE2\x85\x93") == "\xE2\x85\x93");
  for (std::string_view s : {"ＦＵＬＬ ﬁnally K", "ԲԱՐԵՎ ᲒᲐᲛᲐ", "ฉันทำงาน", "ｶﾞ⅓"}) {
    const std::string once = text::Fold(s);
    BOOST_TEST(text::Fold(once) == once);
    BOOST_TEST(once.size() <= s.size());
  }
}

BOOST_AUTO_TEST_SUITE_END()
