#include <boost/test/unit_test.hpp>

#include "reports/text_wrap.h"

using fieldnotes::reports::WrapText;

namespace {

// Every character (byte of ASCII, or UTF-8 sequence) is one point wide.
double Width(std::string_view s) {
  double n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(text_wrap)

BOOST_AUTO_TEST_CASE(breaks_at_spaces_within_the_width) {
  const auto lines = WrapText("one two three four five", 9, Width);
  const std::vector<std::string> want = {"one two", "three", "four five"};
  BOOST_TEST(lines == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(long_words_break_between_characters) {
  const auto lines = WrapText("ab ΩΩΩΩΩΩΩΩΩΩΩ cd", 4, Width);
  const std::vector<std::string> want = {"ab", "ΩΩΩΩ", "ΩΩΩΩ", "ΩΩΩ", "cd"};
  BOOST_TEST(lines == want, boost::test_tools::per_element());
  for (const auto& l : lines) BOOST_TEST(Width(l) <= 4);
}

BOOST_AUTO_TEST_CASE(text_without_spaces_breaks_between_words_and_never_inside_a_letter) {
  // Thai has no spaces between words: the lines break between words (from
  // ICU's dictionary), and a vowel or tone mark stays with its letter.
  const std::string thai = "คืนวันอาทิตย์ฉันกังวลอีกแล้ว";
  const auto lines = WrapText(thai, 8, Width);
  BOOST_TEST(lines.size() >= 3u);
  std::string joined;
  for (const auto& l : lines) {
    joined += l;
    BOOST_TEST(Width(l) <= 8);
    // U+0E31 and U+0E34 to U+0E4E are marks: E0 B8 B1, E0 B8 B4..BA, E0 B9 87..8E.
    const auto b1 = static_cast<unsigned char>(l[1]);
    const auto b2 = static_cast<unsigned char>(l[2]);
    const bool mark = (b1 == 0xB8 && (b2 == 0xB1 || (b2 >= 0xB4 && b2 <= 0xBA))) ||
                      (b1 == 0xB9 && b2 >= 0x87 && b2 <= 0x8E);
    BOOST_TEST(!mark, "a line starts with a mark: " << l);
  }
  BOOST_TEST(joined == thai);
  const std::vector<std::string> want = {"คืนวัน", "อาทิตย์", "ฉันกังวล", "อีกแล้ว"};
  BOOST_TEST(lines == want, boost::test_tools::per_element());
  // Japanese: between characters, as it may.
  const auto ja = WrapText("日曜日の夜はまた仕事", 4, Width);
  const std::vector<std::string> ja_want = {"日曜日の", "夜はまた", "仕事"};
  BOOST_TEST(ja == ja_want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(newlines_and_runs_of_spaces) {
  const auto lines = WrapText("a   b\nc\n\nd ", 10, Width);
  const std::vector<std::string> want = {"a b", "c", "d"};
  BOOST_TEST(lines == want, boost::test_tools::per_element());
  BOOST_TEST(WrapText("", 10, Width).empty());
}

BOOST_AUTO_TEST_SUITE_END()
