// PostingList (common/core/posting_list.h): the positions given back are
// exactly those added, ascending and each once, for every size of gap the
// encoding has (one byte to five), and a list that stays empty.
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <random>
#include <vector>

#include "core/posting_list.h"

using fieldnotes::core::internal::PostingList;

namespace {

std::vector<uint32_t> Read(const PostingList& p) {
  std::vector<uint32_t> out;
  p.ForEach([&](uint32_t pos) { out.push_back(pos); });
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(posting_list)

BOOST_AUTO_TEST_CASE(an_empty_list_holds_nothing) {
  PostingList p;
  BOOST_TEST(p.empty());
  BOOST_TEST(p.size() == 0u);
  BOOST_TEST(Read(p).empty());
  p.Shrink();
  BOOST_TEST(p.bytes() == 0u);
}

BOOST_AUTO_TEST_CASE(one_position_and_position_zero) {
  for (uint32_t only : {0u, 1u, 127u, 128u, 300000u, UINT32_MAX}) {
    PostingList p;
    p.Add(only);
    BOOST_TEST_INFO("position " << only);
    BOOST_TEST(p.size() == 1u);
    BOOST_TEST(Read(p) == std::vector<uint32_t>{only}, boost::test_tools::per_element());
  }
}

BOOST_AUTO_TEST_CASE(the_same_position_twice_is_held_once) {
  PostingList p;
  for (uint32_t pos : {0u, 0u, 3u, 3u, 3u, 200u, 200u}) p.Add(pos);
  BOOST_TEST(p.size() == 3u);
  BOOST_TEST(Read(p) == (std::vector<uint32_t>{0, 3, 200}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(gaps_at_every_byte_boundary_read_back_exactly) {
  // Gaps of 1 to 5 bytes, at and around each boundary of seven bits.
  const std::vector<uint32_t> gaps = {1,       126,       127,       128,       129,
                                      16383,   16384,     16385,     2097151,   2097152,
                                      2097153, 268435455, 268435456, 268435457, 1};
  std::vector<uint32_t> want;
  PostingList p;
  uint32_t pos = 5;
  for (uint32_t g : gaps) {
    pos += g;
    want.push_back(pos);
    p.Add(pos);
  }
  // And the largest position there is, after the largest gap left.
  want.push_back(UINT32_MAX);
  p.Add(UINT32_MAX);
  BOOST_TEST(p.size() == want.size());
  BOOST_TEST(Read(p) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(many_positions_read_back_exactly_and_small_gaps_take_a_byte) {
  std::mt19937 rng(3);
  std::vector<uint32_t> want;
  PostingList p;
  uint32_t pos = 0;
  for (int i = 0; i < 100000; ++i) {
    pos += 1 + static_cast<uint32_t>(rng() % 100);  // a word in about one entry of fifty
    want.push_back(pos);
    p.Add(pos);
    if (rng() % 4 == 0) p.Add(pos);  // seen again in the same entry
  }
  BOOST_TEST(p.size() == want.size());
  BOOST_TEST(Read(p) == want, boost::test_tools::per_element());
  p.Shrink();
  // Every gap is below 128: one byte each, a quarter of a uint32_t's.
  BOOST_TEST(p.bytes() == want.size());
  BOOST_TEST(Read(p) == want, boost::test_tools::per_element());
  // Adding after a Shrink goes on from the last position.
  p.Add(pos + 1000);
  want.push_back(pos + 1000);
  BOOST_TEST(Read(p) == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
