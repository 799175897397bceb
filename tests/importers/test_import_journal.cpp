// Other apps' exports into a real journal, read from real files in a
// temporary folder, through the same calls fieldnotes-cli makes
// (ParseAnyImport, then Journal::Open and Journal::Import): entries arrive
// once, a second import adds nothing, and every refused file leaves the
// journal exactly as it was.
#include <boost/test/unit_test.hpp>

#include <string>

#include "core/journal.h"
#include "importers/day_one.h"
#include "importers/import_file.h"
#include "importers/zip_reader.h"
#include "support/temp_dir.h"
#include "zip_writer.h"

namespace fieldnotes::importers {
namespace {

using testing::MakeZip;
using testing::ReadFile;
using testing::TempDir;
using testing::WriteFile;

constexpr char kPass[] = "import test passphrase";

core::JournalOptions Fast() {
  core::JournalOptions o;
  o.kdf_log2_n = core::crypto::KdfParams::kMinLog2N;
  return o;
}

ImportOptions Berlin() {
  ImportOptions o;
  o.local_zone = "Europe/Berlin";
  return o;
}

std::string Sample(const std::string& name) {
  return ReadFile(std::string(FIELDNOTES_SOURCE_DIR) + "/tests/data/import/" + name);
}

// A journal in a temporary folder with one entry of its own.
struct Fixture {
  TempDir dir;
  std::string journal = dir.File("journal.db");
  Fixture() {
    auto j = core::Journal::Create(journal, kPass, Fast());
    BOOST_REQUIRE_MESSAGE(j.ok(), j.status().ToString());
    core::Entry e;
    e.written_at = core::ParseTimestamp("2026-11-01T10:00:00+01:00").value();
    e.text = "written here";
    BOOST_REQUIRE((*j)->AddEntry(e).ok());
  }

  // Writes `content` to a file, reads it back and imports it as the CLI does.
  core::Result<core::ImportStats> Import(const std::string& file_name, const std::string& content,
                                         ImportOptions options = Berlin()) {
    const std::string path = dir.File(file_name);
    WriteFile(path, content);
    auto parsed = ParseAnyImport(ReadFile(path), options);
    if (!parsed.ok()) return parsed.status();
    auto j = core::Journal::Open(journal, kPass, Fast());
    if (!j.ok()) return j.status();
    return (*j)->Import(parsed->items);
  }

  size_t Entries() {
    auto j = core::Journal::Open(journal, kPass, Fast());
    BOOST_REQUIRE(j.ok());
    return (*j)->entries().size();
  }

  // The refusal of `content`, checked to name `expected` and to leave the
  // journal file as it was.
  void ExpectRefused(const std::string& file_name, const std::string& content,
                     const std::string& expected, ImportOptions options = Berlin()) {
    const std::string before = ReadFile(journal);
    auto r = Import(file_name, content, options);
    BOOST_REQUIRE_MESSAGE(!r.ok(), file_name + " was accepted");
    BOOST_TEST(r.status().code() == core::Status::Code::kInvalidArgument);
    BOOST_TEST_MESSAGE(file_name << ": " << r.status().message());
    BOOST_TEST(r.status().message().find(expected) != std::string::npos,
               file_name << ": \"" << r.status().message() << "\" lacks \"" << expected << "\"");
    BOOST_TEST((ReadFile(journal) == before), file_name << " changed the journal file");
    BOOST_TEST(Entries() == 1u);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(into_a_journal)

BOOST_AUTO_TEST_CASE(each_format_imports_once) {
  Fixture f;
  size_t expected = 1;
  for (const auto& [name, count] : std::vector<std::pair<std::string, size_t>>{
           {"dayone-export.zip", 4}, {"jrnl.json", 3}, {"daylio.csv", 4}, {"bearable.csv", 3}}) {
    auto first = f.Import("export-" + name, Sample(name));
    BOOST_REQUIRE_MESSAGE(first.ok(), name << ": " << first.status().ToString());
    BOOST_TEST(first->entries_added == count, name);
    BOOST_TEST(first->added_entry_ids.size() == count, name);
    expected += count;
    auto again = f.Import("again-" + name, Sample(name));
    BOOST_REQUIRE(again.ok());
    BOOST_TEST(again->entries_added == 0u, name);
    BOOST_TEST(again->entries_skipped == count, name);
  }
  // The Day One JSON is the zip's content: the same entries, so nothing new.
  auto json = f.Import("Journal.json", Sample("dayone-Journal.json"));
  BOOST_REQUIRE(json.ok());
  BOOST_TEST(json->entries_added == 0u);
  BOOST_TEST(f.Entries() == expected);

  // Source and source id survive the journal's records.
  auto j = core::Journal::Open(f.journal, kPass, Fast());
  BOOST_REQUIRE(j.ok());
  size_t from_day_one = 0;
  for (const core::Entry& e : (*j)->entries()) {
    if (e.source == "dayone") {
      ++from_day_one;
      BOOST_TEST(e.source_id.size() == 32u);
    }
  }
  BOOST_TEST(from_day_one == 4u);
  // No plaintext from the exports anywhere in the folder but the exports.
  std::filesystem::remove(f.dir.File("export-jrnl.json"));
  std::filesystem::remove(f.dir.File("again-jrnl.json"));
  BOOST_TEST(!testing::AnyFileContains(f.dir.path(), "jaw was tight"));
}

BOOST_AUTO_TEST_CASE(wrong_types_are_refused) {
  Fixture f;
  f.ExpectRefused("picture.json", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16),
                  "this is a PNG picture, not a journal export");
  f.ExpectRefused("notes.csv", "Date,Amount,Payee\n2026-01-01,12.50,Bakery\n",
                  "line 1: a CSV file, but not a Daylio or Bearable export");
  f.ExpectRefused("other.json", R"({"items":[{"text":"hello"}]})",
                  "a JSON file, but not a Day One or jrnl export");
  f.ExpectRefused("daylio.txt", "just some words\n", "not a file Fieldnotes can import");
  f.ExpectRefused("binary", std::string("\x01\x02\xff\xfe", 4), "invalid UTF-8");
}

BOOST_AUTO_TEST_CASE(truncated_files_are_refused_with_the_line) {
  Fixture f;
  const std::string day_one = Sample("dayone-Journal.json");
  f.ExpectRefused("Journal.json", day_one.substr(0, day_one.size() / 2), "is not valid JSON (");
  f.ExpectRefused("Journal.json", day_one.substr(0, day_one.size() / 2), "Line ");
  f.ExpectRefused("Journal.json", day_one.substr(0, day_one.size() / 2),
                  "export it again and import the new file.");
  const std::string jrnl = Sample("jrnl.json");
  f.ExpectRefused("jrnl.json", jrnl.substr(0, jrnl.size() - 20), "Line ");
  // Cut inside the quoted, two-line note of the first row (lines 2-3).
  const std::string daylio = Sample("daylio.csv");
  f.ExpectRefused("daylio.csv", daylio.substr(0, daylio.find("like the week")),
                  "line 2: a quoted field is never closed (is the file cut short?)");
  // Cut after a comma: a row with too few fields.
  const std::string bearable = Sample("bearable.csv");
  f.ExpectRefused("bearable.csv", bearable.substr(0, bearable.rfind("\"Energy")),
                  "line 9: 7 fields where the header has 8 (is the file cut short?)");
  const std::string zip = Sample("dayone-export.zip");
  f.ExpectRefused("export.zip", zip.substr(0, zip.size() - 30), "damaged or cut short");
  f.ExpectRefused("export.zip", zip.substr(0, zip.size() / 2), "damaged or cut short");
  // The end record kept, a member's bytes damaged: its checksum fails.
  std::string damaged = zip;
  damaged[200] = static_cast<char>(damaged[200] ^ 0x55);
  f.ExpectRefused("export.zip", damaged, "damaged or cut short");
}

BOOST_AUTO_TEST_CASE(bad_fields_are_refused_with_the_line_and_field) {
  Fixture f;
  const std::string header = "full_date,date,weekday,time,mood,activities,note_title,note\n";
  const std::string good = "2026-11-30,30 November,Monday,21:04,good,\"\",\"\",\"fine\"\n";
  f.ExpectRefused("big.csv",
                  header + good + "2026-11-30,x,Monday,21:05,good,\"\",\"\",\"" +
                      std::string(70 * 1024, 'a') + "\"\n",
                  "Line 3: the field “text” is longer than 64 KiB.");
  f.ExpectRefused("time.csv", header + good + "2026-11-30,x,Monday,25:99,good,\"\",\"\",\"\"\n",
                  "line 3: time must be a time");
  // A date that does not exist: the whole message, with the column.
  f.ExpectRefused("date.csv", header + "2026-02-30,x,Monday,21:04,good,\"\",\"\",\"\"\n",
                  "line 2: full_date must be a date such as 2026-11-03");
  f.ExpectRefused("date.csv", header + "2026-02-30,x,Monday,21:04,good,\"\",\"\",\"\"\n",
                  "line 2: full_date");
  f.ExpectRefused(
      "zone.json",
      R"({"metadata":{"version":"1.0"},"entries":[{"uuid":"A1","creationDate":"2026-11-30T20:04:00Z","timeZone":"Mars/Olympus","text":"x"}]})",
      "Entry 1: the time zone in the field “timeZone” is not one Fieldnotes knows.");
  f.ExpectRefused(
      "nouuid.json",
      R"({"metadata":{"version":"1.0"},"entries":[{"uuid":"A1","creationDate":"2026-11-30T20:04:00Z","text":"x"},{"creationDate":"2026-11-30T20:04:00Z"}]})",
      "Entry 2: the field “uuid” is missing.");
  f.ExpectRefused(
      "tags.json",
      R"({"tags":{},"entries":[{"date":"2026-11-30","time":"21:04","title":"t","body":"","tags":"@work"}]})",
      "Entry 1: the field “tags” should be a list.");
  f.ExpectRefused(
      "time.json",
      R"({"tags":{},"entries":[{"date":"2026-11-30","time":"9 pm","title":"t","body":""}]})",
      "Entry 1: the field “time” should be a time such as 21:04.");
  f.ExpectRefused(
      "date.json",
      R"({"tags":{},"entries":[{"date":"2026-11-30","time":"21:04"},{"date":"30.11.2026","time":"21:04"}]})",
      "Entry 2: the field “date” should be a date such as 2026-11-03.");
  f.ExpectRefused(
      "created.json",
      R"({"metadata":{"version":"1.0"},"entries":[{"uuid":"A1","creationDate":"yesterday"}]})",
      "Entry 1: the field “creationDate” should be a date and time with its offset from UTC, "
      "such as 2026-11-03T21:40:00+01:00.");
  f.ExpectRefused("array.json", R"({"metadata":{"version":"1.0"},"entries":[[]]})",
                  "Entry 1 is not a JSON object, so Fieldnotes cannot read it.");
  f.ExpectRefused(
      "empty-uuid.json",
      R"({"metadata":{"version":"1.0"},"entries":[{"uuid":"","creationDate":"2026-11-30T20:04:00Z"}]})",
      "Entry 1: the field “uuid” is empty.");
  {
    auto r = ParseDayOne(R"({"entries":[]})", Berlin());
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST(r.status().message() ==
               "This is not a Day One export: it has no “metadata” and “entries”.");
  }
  f.ExpectRefused("mood.csv",
                  "date,date formatted,weekday,time of day,category,rating/amount,detail,notes\n"
                  "x,2026-01-05,Monday,am,Mood,11,,\n",
                  "line 2: rating/amount of a mood must be a whole number from 0 to 10");
}

BOOST_AUTO_TEST_CASE(hostile_zips_are_refused) {
  Fixture f;
  const std::string journal = Sample("dayone-Journal.json");
  f.ExpectRefused("climb.zip", MakeZip({{"Journal.json", journal}, {"../../.bashrc", "echo hi"}}),
                  "zip member \"../../.bashrc\" has a path that climbs out of the folder (..)");
  f.ExpectRefused("absolute.zip", MakeZip({{"/etc/passwd", "x"}, {"Journal.json", journal}}),
                  "has an absolute path");
  f.ExpectRefused("backslash.zip",
                  MakeZip({{"photos\\..\\x.json", "x"}, {"Journal.json", journal}}),
                  "has a backslash in its name");
  // A bomb: 8 MiB of one byte, tiny once packed, against a 1 MiB cap. Once
  // with an honest header, once with a header claiming 100 bytes.
  ImportOptions small = Berlin();
  small.max_zip_entry_bytes = 1u << 20;
  const std::string bomb(8u << 20, '{');
  f.ExpectRefused("bomb.zip", MakeZip({{"Journal.json", bomb}}), "is larger than 1 MiB", small);
  f.ExpectRefused("liar.zip", MakeZip({{"Journal.json", bomb, true, 100}}),
                  "is larger than 1 MiB once unpacked", small);
  f.ExpectRefused("empty.zip", MakeZip({{"photos/a.jpeg", "x"}}), "no journal (.json) file");
}

BOOST_AUTO_TEST_CASE(zip_names) {
  BOOST_TEST(UnsafeZipName("Journal.json").empty());
  BOOST_TEST(UnsafeZipName("photos/ab..cd.jpeg").empty());
  BOOST_TEST(!UnsafeZipName("a/../b").empty());
  BOOST_TEST(!UnsafeZipName("..").empty());
  BOOST_TEST(!UnsafeZipName("C:evil").empty());
  BOOST_TEST(!UnsafeZipName(std::string("a\0b", 3)).empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace fieldnotes::importers
