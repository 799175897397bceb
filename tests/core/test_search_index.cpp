// Journal::Search with its index of words (common/core/search_index.h)
// finds exactly what a scan of every entry finds, on a real journal file,
// for words, parts of words, phrases across words and punctuation, any case
// and accents, after adds at the end and in the past, edits, deletes and a
// reload.
#include <boost/test/unit_test.hpp>

#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/journal.h"
#include "core/text.h"
#include "support/temp_dir.h"

using namespace fieldnotes::core;
using fieldnotes::testing::TempDir;

namespace {

JournalOptions Fast() {
  JournalOptions o;
  o.kdf_log2_n = crypto::KdfParams::kMinLog2N;
  return o;
}

const std::vector<std::string>& Words() {
  static const std::vector<std::string> words = {
      "manager", "message",   "Sunday", "night",  "tight",  "chest",    "said",   "no",
      "not",     "nothing",   "café",   "Zoë",    "Łukasz", "Ελληνικά", "ёлка",   "落ち着かない",
      "don't",   "self-harm", "I'm",    "a",      "an",     "the",      "again",  "work",
      "worried", "worry",     "3pm",    "e-mail", "naïve",  "STRASSE",  "straße", "x"};
  return words;
}

std::string Sentence(std::mt19937_64& rng) {
  const auto& words = Words();
  std::string out;
  const size_t n = 1 + rng() % 12;
  for (size_t i = 0; i < n; ++i) {
    if (i) out += (rng() % 7 == 0) ? ", " : (rng() % 9 == 0 ? ". " : " ");
    out += words[rng() % words.size()];
  }
  return out;
}

Entry RandomEntry(std::mt19937_64& rng, int64_t day) {
  Entry e;
  e.kind = EntryKind::kNote;
  e.written_at = ParseTimestamp("2026-01-01T09:00:00Z").value();
  e.written_at.unix_seconds += day * 86400 + static_cast<int64_t>(rng() % 86400);
  e.text = Sentence(rng);
  if (rng() % 3 == 0) e.tags = {Words()[rng() % Words().size()]};
  if (rng() % 4 == 0) e.followups = {{"What happened?", Sentence(rng)}};
  return e;
}

// Queries: whole words, pieces of an entry's folded text of every length
// (across spaces and punctuation), a letter or two, and text nobody wrote.
std::vector<std::string> Queries(const Journal& j, std::mt19937_64& rng) {
  std::vector<std::string> out = {
      "no",        "a",         "x",       "NOT",    "cafe",   "ZOE",
      "lukasz",    "ελληνικα",  "елка",    "落ち着", "dont",   "don't",
      "self harm", "self-harm", "said no", "d no",   "ay nig", "nothing at all",
      "qqq",       "3pm",       "strasse", ", ",     "."};
  const auto entries = j.entries();
  for (int i = 0; i < 60 && !entries.empty(); ++i) {
    const std::string folded = text::Fold(entries[rng() % entries.size()].SearchableText());
    if (folded.empty()) continue;
    const size_t from = rng() % folded.size();
    const size_t len = 1 + rng() % 14;
    out.push_back(folded.substr(from, len));  // may cut a character: still a query
  }
  return out;
}

void ExpectSameAsScan(const Journal& j, std::mt19937_64& rng, const std::string& when) {
  for (const std::string& q : Queries(j, rng)) {
    const std::string needle = text::Fold(q);
    std::vector<std::string> want;
    if (!needle.empty()) {
      for (const Entry& e : j.entries())  // newest first
        if (text::Fold(e.SearchableText()).find(needle) != std::string::npos) want.push_back(e.id);
    }
    std::vector<std::string> got;
    for (const Entry* e : j.Search(q)) got.push_back(e->id);
    BOOST_TEST_INFO(when << ", query of " << q.size() << " bytes");
    BOOST_TEST(got == want, boost::test_tools::per_element());
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(search_index)

BOOST_AUTO_TEST_CASE(search_finds_what_the_scan_finds_through_every_change) {
  TempDir dir;
  const std::string path = dir.File("j.db");
  auto j = Journal::Create(path, "pw", Fast());
  BOOST_REQUIRE(j.ok());
  std::mt19937_64 rng(7);
  std::vector<ImportItem> items;
  for (int i = 0; i < 400; ++i) {
    ImportItem item;
    item.entry = RandomEntry(rng, i);
    items.push_back(item);
  }
  BOOST_REQUIRE((*j)->Import(items).ok());
  ExpectSameAsScan(**j, rng, "after the import");
  for (int round = 0; round < 6; ++round) {
    // Mostly new entries at the end (the index follows them), one in the
    // past (it is built again), an edit and a delete (likewise).
    for (int k = 0; k < 5; ++k)
      BOOST_REQUIRE((*j)->AddEntry(RandomEntry(rng, 500 + round * 10 + k)).ok());
    ExpectSameAsScan(**j, rng, "after adds at the end, round " + std::to_string(round));
    BOOST_REQUIRE((*j)->AddEntry(RandomEntry(rng, static_cast<int64_t>(rng() % 300))).ok());
    ExpectSameAsScan(**j, rng, "after an add in the past, round " + std::to_string(round));
    Entry edited = (*j)->entries()[rng() % (*j)->entries().size()];
    edited.text = Sentence(rng) + " brand new words here";
    BOOST_REQUIRE((*j)->UpdateEntry(edited).ok());
    BOOST_TEST((*j)->Search("brand new words").size() >= 1u);
    ExpectSameAsScan(**j, rng, "after an edit, round " + std::to_string(round));
    const std::string gone = (*j)->entries()[rng() % (*j)->entries().size()].id;
    BOOST_REQUIRE((*j)->DeleteEntry(gone).ok());
    ExpectSameAsScan(**j, rng, "after a delete, round " + std::to_string(round));
  }
  BOOST_REQUIRE((*j)->Reload().ok());
  ExpectSameAsScan(**j, rng, "after a reload");
  j->reset();
  auto reopened = Journal::Open(path, "pw", Fast());
  BOOST_REQUIRE(reopened.ok());
  ExpectSameAsScan(**reopened, rng, "after opening again");
}

BOOST_AUTO_TEST_CASE(searches_on_two_threads_at_once_build_the_index_once_and_agree) {
  // Search is const and builds its index at the first call: two threads
  // searching right after an import (the index not built yet) and after an
  // edit (dropped) must each get what one thread gets.
  TempDir dir;
  auto j = Journal::Create(dir.File("j.db"), "pw", Fast());
  BOOST_REQUIRE(j.ok());
  std::mt19937_64 rng(5);
  std::vector<ImportItem> items;
  for (int i = 0; i < 3000; ++i) {
    ImportItem item;
    item.entry = RandomEntry(rng, i % 600);
    items.push_back(item);
  }
  BOOST_REQUIRE((*j)->Import(items).ok());
  const std::vector<std::string> queries = {"manager", "cafe", "zoe", "said no", "ёлка", "qqq"};
  for (int round = 0; round < 4; ++round) {
    std::vector<std::vector<const Entry*>> a(queries.size()), b(queries.size());
    std::thread other([&] {
      for (size_t q = 0; q < queries.size(); ++q) b[q] = (*j)->Search(queries[q]);
    });
    for (size_t q = 0; q < queries.size(); ++q) a[q] = (*j)->Search(queries[q]);
    other.join();
    for (size_t q = 0; q < queries.size(); ++q) {
      BOOST_TEST_INFO("round " << round << ", query " << queries[q]);
      BOOST_TEST(a[q] == (*j)->Search(queries[q]));
      BOOST_TEST(b[q] == a[q]);
    }
    Entry edited = (*j)->entries()[rng() % (*j)->entries().size()];
    edited.text = Sentence(rng);
    BOOST_REQUIRE((*j)->UpdateEntry(edited).ok());  // drops the index
  }
}

BOOST_AUTO_TEST_CASE(a_needle_in_most_entries_is_scanned_on_two_cores_in_order) {
  // Enough entries for the scan to be shared between two threads; needles
  // of one or two letters that the index cannot narrow.
  TempDir dir;
  auto j = Journal::Create(dir.File("j.db"), "pw", Fast());
  BOOST_REQUIRE(j.ok());
  std::mt19937_64 rng(11);
  std::vector<ImportItem> items;
  for (int i = 0; i < 5000; ++i) {
    ImportItem item;
    item.entry = RandomEntry(rng, i % 700);
    items.push_back(item);
  }
  BOOST_REQUIRE((*j)->Import(items).ok());
  for (const char* q : {"a", "e", "no", "t", "AN", "é", "x"}) {
    const std::string needle = text::Fold(q);
    std::vector<std::string> want;
    for (const Entry& e : (*j)->entries())
      if (text::Fold(e.SearchableText()).find(needle) != std::string::npos) want.push_back(e.id);
    std::vector<std::string> got;
    for (const Entry* e : (*j)->Search(q)) got.push_back(e->id);
    BOOST_TEST_INFO("query " << q);
    BOOST_TEST(got.size() > 1000u);
    BOOST_TEST(got == want, boost::test_tools::per_element());
  }
}

BOOST_AUTO_TEST_SUITE_END()
