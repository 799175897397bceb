// Each format's sample export (tests/data/import/) read into entries: dates
// and their zones, text, tags, moods, what was left behind, and the ids
// that make a second import add nothing.
#include <boost/test/unit_test.hpp>

#include <string>

#include "core/import_export.h"
#include "importers/bearable.h"
#include "importers/csv_reader.h"
#include "importers/day_one.h"
#include "importers/daylio.h"
#include "importers/import_file.h"
#include "importers/jrnl.h"
#include "support/temp_dir.h"

namespace fieldnotes::importers {
namespace {

using core::Entry;
using core::FormatTimestamp;

std::string Sample(const std::string& name) {
  return testing::ReadFile(std::string(FIELDNOTES_SOURCE_DIR) + "/tests/data/import/" + name);
}

ImportOptions Berlin() {
  ImportOptions o;
  o.local_zone = "Europe/Berlin";
  return o;
}

SourceImport Parsed(const std::string& content, ImportOptions options = Berlin()) {
  auto r = ParseAnyImport(content, options);
  BOOST_REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  return std::move(r).value();
}

const Entry& EntryAt(const SourceImport& s, size_t i) {
  BOOST_REQUIRE(i < s.items.size());
  BOOST_REQUIRE(s.items[i].type == core::ImportItem::Type::kEntry);
  return s.items[i].entry;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(formats)

BOOST_AUTO_TEST_CASE(day_one_json) {
  SourceImport s = Parsed(Sample("dayone-Journal.json"));
  BOOST_TEST(static_cast<int>(s.source) == static_cast<int>(Source::kDayOne));
  BOOST_REQUIRE_EQUAL(s.EntryCount(), 4u);
  const Entry& first = EntryAt(s, 0);
  BOOST_TEST(FormatTimestamp(first.written_at) == "2019-03-04T09:15:00+01:00");
  BOOST_TEST((first.kind == core::EntryKind::kNote));
  BOOST_TEST(first.text.rfind("# First morning\n\nWoke before", 0) == 0);  // Markdown kept
  BOOST_TEST(first.tags == (std::vector<std::string>{"mornings", "home", "starred"}));
  BOOST_TEST(first.source == "dayone");
  BOOST_TEST(first.source_id == "0A1B2C3D4E5F40718293A4B5C6D7E8F9");
  BOOST_TEST(!first.mood_before.has_value());
  BOOST_TEST(FormatTimestamp(EntryAt(s, 1).written_at) == "2022-07-15T19:30:00-04:00");
  BOOST_TEST(FormatTimestamp(EntryAt(s, 2).written_at) == "2024-01-02T06:35:00+05:30");
  BOOST_TEST(FormatTimestamp(EntryAt(s, 3).written_at) == "2026-11-30T21:04:00+01:00");
  BOOST_TEST(ImportQuestion(s) ==
             "Import 4 entries from Day One, written from 2019-03-04 to "
             "2026-11-30?");
  BOOST_TEST(LeftoverSentences(s) == (std::vector<std::string>{
                                         "The photos of 2 entries are not imported.",
                                         "The audio recordings of 1 entry are not imported.",
                                         "The place of 1 entry is not imported.",
                                         "The weather of 1 entry is not imported.",
                                     }),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(day_one_zip_reads_the_journal_in_memory) {
  SourceImport from_zip = Parsed(Sample("dayone-export.zip"));
  SourceImport from_json = Parsed(Sample("dayone-Journal.json"));
  BOOST_REQUIRE_EQUAL(from_zip.items.size(), from_json.items.size());
  for (size_t i = 0; i < from_zip.items.size(); ++i)
    BOOST_TEST((from_zip.items[i].entry == from_json.items[i].entry));
  BOOST_TEST((from_zip.leftovers == from_json.leftovers));
}

BOOST_AUTO_TEST_CASE(jrnl_json) {
  SourceImport s = Parsed(Sample("jrnl.json"));
  BOOST_TEST(static_cast<int>(s.source) == static_cast<int>(Source::kJrnl));
  BOOST_REQUIRE_EQUAL(s.EntryCount(), 3u);
  BOOST_TEST(FormatTimestamp(EntryAt(s, 0).written_at) == "2026-11-02T09:40:00+01:00");
  BOOST_TEST(EntryAt(s, 0).text ==
             "Standup ran long again.\nI noticed my jaw was tight the whole time. @work");
  BOOST_TEST(EntryAt(s, 0).tags == (std::vector<std::string>{"work"}));
  BOOST_TEST(EntryAt(s, 1).text == "Slept badly.");
  BOOST_TEST(EntryAt(s, 1).tags == (std::vector<std::string>{"sleep", "starred"}));
  BOOST_TEST(EntryAt(s, 2).source_id == "2026-11-30T21:04#1");
  BOOST_TEST(s.leftovers.empty());
}

BOOST_AUTO_TEST_CASE(daylio_csv) {
  SourceImport s = Parsed(Sample("daylio.csv"));
  BOOST_TEST(static_cast<int>(s.source) == static_cast<int>(Source::kDaylio));
  BOOST_REQUIRE_EQUAL(s.EntryCount(), 4u);
  const Entry& e = EntryAt(s, 0);
  BOOST_TEST(FormatTimestamp(e.written_at) == "2026-11-30T21:04:00+01:00");
  BOOST_TEST(e.mood_before.value_or(-1) == 8);  // good
  BOOST_TEST(e.tags == (std::vector<std::string>{"friends", "walk", "reading"}));
  BOOST_TEST(e.text ==
             "Evening\n\nWalked to the river with an invented friend.\nFelt lighter after, like "
             "the week loosened.");
  BOOST_TEST(e.source_id == "2026-11-30T21:04#1");
  BOOST_TEST(FormatTimestamp(EntryAt(s, 1).written_at) == "2026-11-29T22:15:00+01:00");
  BOOST_TEST(EntryAt(s, 1).mood_before.value_or(-1) == 0);  // awful
  BOOST_TEST(EntryAt(s, 2).mood_before.value_or(-1) == 5);  // meh
  BOOST_TEST(EntryAt(s, 2).text.empty());
  const Entry& custom = EntryAt(s, 3);
  BOOST_TEST(!custom.mood_before.has_value());
  BOOST_TEST(custom.emotions == (std::vector<std::string>{"tired but ok"}));
  BOOST_TEST(custom.text == "Made soup. Quiet evening, \"enough\" for today.");
  BOOST_REQUIRE_EQUAL(s.leftovers.size(), 1u);
  BOOST_TEST(s.items[3].line == 6);
}

BOOST_AUTO_TEST_CASE(daylio_moods) {
  BOOST_TEST(DaylioMood("rad").value_or(-1) == 10);
  BOOST_TEST(DaylioMood("Good").value_or(-1) == 8);
  BOOST_TEST(DaylioMood("meh ").value_or(-1) == 5);
  BOOST_TEST(DaylioMood("bad").value_or(-1) == 3);
  BOOST_TEST(DaylioMood("awful").value_or(-1) == 0);
  BOOST_TEST(!DaylioMood("sad").has_value());
}

BOOST_AUTO_TEST_CASE(bearable_csv) {
  SourceImport s = Parsed(Sample("bearable.csv"));
  BOOST_TEST(static_cast<int>(s.source) == static_cast<int>(Source::kBearable));
  BOOST_REQUIRE_EQUAL(s.EntryCount(), 3u);
  const Entry& am = EntryAt(s, 0);
  BOOST_TEST(FormatTimestamp(am.written_at) == "2026-01-05T09:00:00+01:00");
  BOOST_TEST(am.mood_before.value_or(-1) == 6);
  BOOST_TEST(am.tags == (std::vector<std::string>{"Headache (Moderate)"}));
  BOOST_TEST(am.text == "Woke up calmer than expected.");
  BOOST_TEST(am.source_id == "2026-01-05/am");
  const Entry& pm = EntryAt(s, 1);
  BOOST_TEST(FormatTimestamp(pm.written_at) == "2026-01-05T18:00:00+01:00");
  BOOST_TEST(pm.tags == (std::vector<std::string>{"Caffeine - Little", "Walk"}));
  BOOST_TEST(pm.mood_before.value_or(-1) == 4);
  const Entry& notes = EntryAt(s, 2);
  BOOST_TEST(FormatTimestamp(notes.written_at) == "2026-01-06T14:20:00+01:00");
  BOOST_TEST(
      notes.text ==
      "Talked to my manager about the deadline.\n\nIt went better than the story in my head.");
  BOOST_TEST(ImportQuestion(s) ==
             "Import 3 entries from Bearable, written from 2026-01-05 to 2026-01-06?");
  BOOST_TEST(LeftoverSentences(s) == (std::vector<std::string>{
                                         "2 rows of “Energy” are not imported.",
                                         "1 row of “Sleep” is not imported.",
                                     }),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(fieldnotes_jsonl_still_goes_to_its_own_parser) {
  SourceImport s = Parsed(
      testing::ReadFile(std::string(FIELDNOTES_SOURCE_DIR) + "/docs/examples/sample-week.jsonl"));
  BOOST_TEST(static_cast<int>(s.source) == static_cast<int>(Source::kFieldnotes));
  BOOST_TEST(s.EntryCount() == 18u);
  BOOST_TEST(s.SessionCount() == 2u);
}

BOOST_AUTO_TEST_CASE(csv_reader_rfc4180) {
  CsvReader r(
      "\xEF\xBB\xBF"
      "a,\"b,1\",\"c\"\"d\"\r\n\"multi\r\nline\",,x\n\n");
  CsvRow row;
  BOOST_REQUIRE(r.Next(&row).value());
  BOOST_TEST(row.line == 1u);
  BOOST_TEST(row.fields == (std::vector<std::string>{"a", "b,1", "c\"d"}));
  BOOST_REQUIRE(r.Next(&row).value());
  BOOST_TEST(row.line == 2u);
  BOOST_TEST(row.fields == (std::vector<std::string>{"multi\nline", "", "x"}));
  BOOST_TEST(!r.Next(&row).value());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace fieldnotes::importers
