// FoldedTexts (common/core/folded_texts.h), the journal's folded text in
// large blocks: what is read back is always what a vector of strings would
// hold through pushes, inserts in the past, edits that grow and shrink a
// text and deletes; emptied blocks are given back; and Journal::Search still
// finds what a scan finds through the same changes.
#include <boost/test/unit_test.hpp>

#include <random>
#include <string>
#include <vector>

#include "core/folded_texts.h"
#include "core/journal.h"
#include "core/text.h"
#include "support/temp_dir.h"

using fieldnotes::core::internal::FoldedTexts;
using namespace fieldnotes::core;
using fieldnotes::testing::TempDir;

namespace {

void ExpectSame(const FoldedTexts& f, const std::vector<std::string>& want,
                const std::string& when) {
  BOOST_TEST_INFO(when);
  BOOST_REQUIRE(f.size() == want.size());
  size_t bytes = 0;
  for (size_t i = 0; i < want.size(); ++i) {
    bytes += want[i].size();
    if (f[i] != want[i]) {
      BOOST_TEST_INFO(when << ", text " << i);
      BOOST_TEST(std::string(f[i]) == want[i]);
    }
  }
  BOOST_TEST(f.TextBytes() == bytes);
}

std::string Text(std::mt19937_64& rng, size_t max) {
  std::string s(rng() % (max + 1), ' ');
  for (char& c : s) c = static_cast<char>('a' + rng() % 26);
  return s;
}

JournalOptions Fast() {
  JournalOptions o;
  o.kdf_log2_n = crypto::KdfParams::kMinLog2N;
  return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(folded_texts)

BOOST_AUTO_TEST_CASE(empty_texts_and_an_empty_store) {
  FoldedTexts f;
  BOOST_TEST(f.empty());
  BOOST_TEST(f.BlockBytes() == 0u);
  f.PushBack("");
  f.Insert(0, "");
  BOOST_TEST(f.size() == 2u);
  BOOST_TEST(f[0].empty());
  BOOST_TEST(f.BlockBytes() == 0u);  // nothing to hold, nothing held
  f.Erase(1);
  f.Erase(0);
  BOOST_TEST(f.empty());
}

BOOST_AUTO_TEST_CASE(reads_back_what_a_vector_of_strings_holds_through_every_change) {
  std::mt19937_64 rng(11);
  FoldedTexts f;
  std::vector<std::string> want;
  // Texts up to 20 KB, so that blocks fill, empty and are moved out.
  for (int i = 0; i < 600; ++i) {
    const std::string t = Text(rng, 20000);
    f.PushBack(t);
    want.push_back(t);
  }
  ExpectSame(f, want, "after the pushes");
  for (int round = 0; round < 3000; ++round) {
    const size_t op = rng() % 10;
    if (op < 3 && !want.empty()) {  // delete
      const size_t i = rng() % want.size();
      f.Erase(i);
      want.erase(want.begin() + static_cast<std::ptrdiff_t>(i));
    } else if (op < 6 && !want.empty()) {  // edit: grows or shrinks, and may move
      const size_t i = rng() % want.size();
      const std::string t =
          rng() % 2 ? want[i] + Text(rng, 30000) : want[i].substr(0, want[i].size() / 3);
      f.Erase(i);
      want.erase(want.begin() + static_cast<std::ptrdiff_t>(i));
      const size_t to = rng() % (want.size() + 1);
      f.Insert(to, t);
      want.insert(want.begin() + static_cast<std::ptrdiff_t>(to), t);
    } else if (op < 8) {  // in the past
      const size_t to = rng() % (want.size() + 1);
      const std::string t = Text(rng, 3000);
      f.Insert(to, t);
      want.insert(want.begin() + static_cast<std::ptrdiff_t>(to), t);
    } else {  // at the end
      const std::string t = Text(rng, 3000);
      f.PushBack(t);
      want.push_back(t);
    }
    if (round % 250 == 0) ExpectSame(f, want, "round " + std::to_string(round));
    // Holes never hold much more than the texts: blocks less than half
    // full are moved out, so at most about twice the texts, plus the last
    // block and one a text longer than a block took.
    if (round % 50 == 0) {
      BOOST_TEST_INFO("round " << round);
      BOOST_TEST(f.BlockBytes() <= 2 * f.TextBytes() + 2 * FoldedTexts::kBlockBytes);
    }
  }
  ExpectSame(f, want, "at the end");
  while (!want.empty()) {
    f.Erase(want.size() - 1);
    want.pop_back();
  }
  ExpectSame(f, want, "all deleted");
  BOOST_TEST(f.BlockBytes() <= FoldedTexts::kBlockBytes);  // the last block at most
}

BOOST_AUTO_TEST_CASE(a_text_longer_than_a_block_has_one_of_its_own) {
  FoldedTexts f;
  const std::string big(FoldedTexts::kBlockBytes + 5, 'q');
  f.PushBack("small");
  f.PushBack(big);
  f.PushBack("after");
  BOOST_TEST(f[1] == big);
  BOOST_TEST(f[2] == "after");
  BOOST_TEST(f.BlockBytes() == 2 * FoldedTexts::kBlockBytes + 5);
  f.Erase(1);
  BOOST_TEST(f.BlockBytes() == FoldedTexts::kBlockBytes);  // its block is given back
  BOOST_TEST(f[1] == "after");
}

BOOST_AUTO_TEST_CASE(permute_moves_only_the_slots) {
  FoldedTexts f;
  for (const char* t : {"zero", "one", "two", "three"}) f.PushBack(t);
  const size_t blocks = f.BlockBytes();
  f.Permute({3, 1, 0, 2});
  BOOST_TEST(f[0] == "three");
  BOOST_TEST(f[1] == "one");
  BOOST_TEST(f[2] == "zero");
  BOOST_TEST(f[3] == "two");
  BOOST_TEST(f.BlockBytes() == blocks);
  FoldedTexts g(std::move(f));
  BOOST_TEST(g[0] == "three");
  BOOST_TEST(f.empty());  // NOLINT(bugprone-use-after-move): the case tested
  f.PushBack("reused");
  BOOST_TEST(f[0] == "reused");
}

// The journal keeps its folded text in one of these: edits that grow an
// entry's text past a block and shrink it again, deletes and adds in the
// past, with enough text (several blocks) that blocks are emptied and
// moved out; each search then finds what a scan of every entry finds.
BOOST_AUTO_TEST_CASE(journal_search_agrees_with_a_scan_through_edits_deletes_and_the_past) {
  TempDir dir;
  auto j = Journal::Create(dir.File("j.db"), "pw", Fast());
  BOOST_REQUIRE(j.ok());
  std::mt19937_64 rng(5);
  const std::vector<std::string> words = {"Tight", "chest", "said", "no", "Café", "ZOË", "night"};
  auto sentence = [&](size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += (i ? " " : "") + words[rng() % words.size()];
    return s;
  };
  auto entry = [&](int64_t day, size_t n) {
    Entry e;
    e.written_at = ParseTimestamp("2026-01-01T09:00:00Z").value();
    e.written_at.unix_seconds += day * 86400;
    e.text = sentence(n);
    return e;
  };
  std::vector<ImportItem> items;
  for (int i = 0; i < 300; ++i) {
    ImportItem item;
    item.entry = entry(i, 1000 + rng() % 2000);  // 5-15 KB each: several blocks
    items.push_back(item);
  }
  BOOST_REQUIRE((*j)->Import(items).ok());
  auto check = [&](const std::string& when) {
    for (const std::string q : {"tight chest", "said no", "cafe", "zoe night", "no", "t c"}) {
      const std::string needle = text::Fold(q);
      std::vector<std::string> want, got;
      for (const Entry& e : (*j)->entries())
        if (text::Fold(e.SearchableText()).find(needle) != std::string::npos) want.push_back(e.id);
      for (const Entry* e : (*j)->Search(q)) got.push_back(e->id);
      BOOST_TEST_INFO(when << ", " << q);
      BOOST_TEST(got == want, boost::test_tools::per_element());
    }
  };
  check("after the import");
  for (int round = 0; round < 40; ++round) {
    const auto entries = (*j)->entries();
    Entry edited = entries[rng() % entries.size()];
    // Grown near the field's limit, or shrunk to a few words.
    edited.text = round % 2 ? sentence(9000) : sentence(3);
    BOOST_REQUIRE((*j)->UpdateEntry(edited).ok());
    const std::string gone = (*j)->entries()[rng() % (*j)->entries().size()].id;
    BOOST_REQUIRE((*j)->DeleteEntry(gone).ok());
    BOOST_REQUIRE((*j)->AddEntry(entry(static_cast<int64_t>(rng() % 300), 5)).ok());
    BOOST_REQUIRE((*j)->AddEntry(entry(400 + round, 20)).ok());
    if (round % 8 == 0) check("round " + std::to_string(round));
  }
  check("after the changes");
}

BOOST_AUTO_TEST_SUITE_END()
