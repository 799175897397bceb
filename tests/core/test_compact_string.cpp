// CompactString (common/core/compact_string.h), the text fields of
// core::Entry: one pointer, nothing allocated when empty, and the same
// bytes, comparisons and JSON as the std::string it replaced.
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/compact_string.h"
#include "core/json.h"
#include "core/model.h"
#include "core/record_codec.h"

using fieldnotes::core::CompactString;
using fieldnotes::core::Entry;

BOOST_AUTO_TEST_SUITE(compact_string)

BOOST_AUTO_TEST_CASE(it_is_one_pointer_and_an_empty_one_holds_nothing) {
  static_assert(sizeof(CompactString) == sizeof(void*));
  CompactString s;
  BOOST_TEST(s.empty());
  BOOST_TEST(s.size() == 0u);
  BOOST_TEST(std::string_view(s.c_str()) == "");
  BOOST_TEST(s.view() == "");
  BOOST_TEST(s.begin() == s.end());
  // Assigning an empty text gives back the block.
  s = "x";
  BOOST_TEST(!s.empty());
  s = std::string();
  BOOST_TEST(s.empty());
  BOOST_TEST(s == "");
  BOOST_TEST(s == CompactString());
}

BOOST_AUTO_TEST_CASE(one_byte_and_a_nul_in_the_text) {
  CompactString a("a");
  BOOST_TEST(a.size() == 1u);
  BOOST_TEST(a[0] == 'a');
  BOOST_TEST(a.front() == 'a');
  BOOST_TEST(a.back() == 'a');
  BOOST_TEST(a.c_str()[1] == '\0');
  const std::string with_nul("a\0b", 3);
  CompactString b(with_nul);
  BOOST_TEST(b.size() == 3u);
  BOOST_TEST(b == with_nul);
  BOOST_TEST(b != "a");
}

BOOST_AUTO_TEST_CASE(a_field_of_64_kib_and_more_is_kept_whole) {
  for (size_t n :
       {size_t{64} * 1024 - 1, size_t{64} * 1024, size_t{64} * 1024 + 1, size_t{1} << 20}) {
    std::string big(n, 'x');
    for (size_t i = 0; i < n; i += 97) big[i] = static_cast<char>('a' + i % 26);
    CompactString s(big);
    BOOST_TEST_INFO(n << " bytes");
    BOOST_TEST(s.size() == n);
    BOOST_TEST(s.str() == big);
    BOOST_TEST(s.c_str()[n] == '\0');
  }
}

BOOST_AUTO_TEST_CASE(non_ascii_text_is_kept_byte_for_byte) {
  const std::string words =
      "Zoë, Łukasz, Ελληνικά, ёлка, 落ち着かない, straße 🙂";
  CompactString s(words);
  BOOST_TEST(s.size() == words.size());
  BOOST_TEST(s == words);
  BOOST_TEST(s.find("ёлка") == words.find("ёлка"));
  BOOST_TEST(s.substr(0, 4) == words.substr(0, 4));
  BOOST_TEST(s.starts_with("Zoë"));
  BOOST_TEST(s.ends_with("🙂"));
  // Invalid UTF-8 is kept too (Validate refuses it, not the type).
  const std::string broken = "\xff\xfe\x80";
  BOOST_TEST(CompactString(broken) == broken);
}

BOOST_AUTO_TEST_CASE(assignment_from_every_kind_of_string_and_itself) {
  CompactString s;
  s = "literal";
  BOOST_TEST(s == "literal");
  s = std::string("std::string");
  BOOST_TEST(s == "std::string");
  s = std::string_view("a view of more").substr(0, 6);
  BOOST_TEST(s == "a view");
  CompactString t("other");
  s = t;
  BOOST_TEST(s == "other");
  BOOST_TEST(t == "other");
  BOOST_TEST(static_cast<const void*>(s.data()) != static_cast<const void*>(t.data()));  // a copy
  s = s;  // NOLINT: self-assignment is the case
  BOOST_TEST(s == "other");
  s = s.view().substr(1);  // from its own bytes
  BOOST_TEST(s == "ther");
  s += s;  // appending itself
  BOOST_TEST(s == "therther");
  s += '!';
  s.append(" and more");
  BOOST_TEST(s == "therther! and more");
  s.clear();
  BOOST_TEST(s.empty());
  // Converts where a std::string or a view is taken.
  CompactString u("converted");
  std::string copied = u;
  std::string_view viewed = u;
  BOOST_TEST(copied == "converted");
  BOOST_TEST(static_cast<const void*>(viewed.data()) == static_cast<const void*>(u.data()));
  BOOST_TEST(std::string("pre ") + u == "pre converted");
  BOOST_TEST(u + " post" == "converted post");
}

BOOST_AUTO_TEST_CASE(comparison_is_bytewise_as_for_std_string) {
  const std::vector<std::string> words = {"", "a", "ab", "b", "B", "é", "e\xcc\x81", "zz"};
  for (const std::string& x : words) {
    for (const std::string& y : words) {
      const CompactString cx(x), cy(y);
      BOOST_TEST_INFO(x << " / " << y);
      BOOST_TEST((cx == cy) == (x == y));
      BOOST_TEST((cx < cy) == (x < y));
      BOOST_TEST((cx == y) == (x == y));
      BOOST_TEST((y == cx) == (x == y));
      BOOST_TEST((cx < y) == (x < y));
      BOOST_TEST(((cx <=> cy) == (x <=> y)));
      BOOST_TEST((cx == y.c_str()) == (x == y));
    }
  }
}

BOOST_AUTO_TEST_CASE(a_moved_from_string_is_empty_and_usable) {
  CompactString a("moved text");
  const char* bytes = a.data();
  CompactString b(std::move(a));
  BOOST_TEST(b == "moved text");
  BOOST_TEST(static_cast<const void*>(b.data()) == static_cast<const void*>(bytes));  // moved
  BOOST_TEST(a.empty());  // NOLINT(bugprone-use-after-move): the case tested
  a = "again";
  BOOST_TEST(a == "again");
  CompactString c("old");
  c = std::move(b);
  BOOST_TEST(c == "moved text");
  BOOST_TEST(b.empty());  // NOLINT(bugprone-use-after-move)
  std::vector<CompactString> v;
  for (int i = 0; i < 100; ++i) v.emplace_back(std::string(20, static_cast<char>('a' + i % 26)));
  v.erase(v.begin() + 3);
  BOOST_TEST(v.size() == 99u);
  BOOST_TEST(v[3] == std::string(20, 'e'));
}

BOOST_AUTO_TEST_CASE(an_entry_writes_the_same_record_as_before) {
  // The record of an entry with every text field, as the code with
  // std::string fields wrote it (the known answer, from 92da4f6), and
  // read back equal.
  Entry e;
  e.id = "0b7e2c9a-3f1d-4c2e-9a8b-1d2c3e4f5a6b";
  e.written_at = fieldnotes::core::ParseTimestamp("2026-03-01T21:15:00+01:00").value();
  e.kind = fieldnotes::core::EntryKind::kSpike;
  e.emotions = {"anxious"};
  e.intensity = 7;
  e.before = "The manager's message";
  e.body = "tight chest";
  e.thought = "I'm going to be fired";
  e.unsaid = "no";
  e.text = "Zoë said \"fine\"\nthen left.";
  e.thread = "Name the thought";
  e.followups = {{"What helped?", "a walk"}, {"Later?", ""}};
  e.source = "jrnl";
  e.source_id = "42";
  const std::string json = fieldnotes::core::json::Write(
      fieldnotes::core::json::Value(fieldnotes::core::EntryToJson(e)));
  BOOST_TEST(
      json ==
      R"({"type":"entry","id":"0b7e2c9a-3f1d-4c2e-9a8b-1d2c3e4f5a6b","kind":"spike",)"
      R"("at":"2026-03-01T21:15:00+01:00","emotions":["anxious"],"intensity":7,"before":"The manager's message",)"
      R"("body":"tight chest","thought":"I'm going to be fired","unsaid":"no",)"
      R"("text":"Zoë said \"fine\"\nthen left.","thread":"Name the thought",)"
      R"("followups":[{"question":"What helped?","answer":"a walk"},{"question":"Later?","answer":""}],)"
      R"("source":"jrnl","source_id":"42"})");
  auto parsed = fieldnotes::core::json::Parse(json);
  BOOST_REQUIRE(parsed.ok());
  auto back = fieldnotes::core::EntryFromJson(parsed->as_object());
  BOOST_REQUIRE(back.ok());
  BOOST_TEST((*back == e));
}

BOOST_AUTO_TEST_SUITE_END()
