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

BOOST_AUTO_TEST_CASE(newlines_and_runs_of_spaces) {
  const auto lines = WrapText("a   b\nc\n\nd ", 10, Width);
  const std::vector<std::string> want = {"a b", "c", "d"};
  BOOST_TEST(lines == want, boost::test_tools::per_element());
  BOOST_TEST(WrapText("", 10, Width).empty());
}

BOOST_AUTO_TEST_SUITE_END()
