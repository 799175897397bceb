// What an import leaves behind, said in the client's language: each kind
// of leftover is one whole sentence with its count's plural form, read
// from a real catalog (tests/data/i18n/de.po, compiled by msgfmt: fixed
// words whatever po/de.po holds) under the system's de_DE locale.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "core/i18n.h"
#include "core/language_fixture.h"
#include "importers/import_file.h"
#include "importers/import_source.h"
#include "importers/zip_reader.h"
#include "support/temp_dir.h"

namespace fieldnotes::importers {
namespace {

std::string Sample(const std::string& name) {
  return testing::ReadFile(std::string(FIELDNOTES_SOURCE_DIR) + "/tests/data/import/" + name);
}

SourceImport Parsed(const std::string& content) {
  ImportOptions options;
  options.local_zone = "Europe/Berlin";
  auto r = ParseAnyImport(content, options);
  BOOST_REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  return std::move(r).value();
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(language, testing::LanguageFixture)

BOOST_AUTO_TEST_CASE(leftovers_are_whole_german_sentences) {
  const SourceImport day_one = Parsed(Sample("dayone-Journal.json"));
  const SourceImport bearable = Parsed(Sample("bearable.csv"));
  const SourceImport daylio = Parsed(Sample("daylio.csv"));
  core::ScopedLanguage german("de");
  BOOST_REQUIRE_MESSAGE(german.active(), "de_DE.UTF-8 must exist (packaging/install-deps.sh)");

  BOOST_TEST(ImportQuestion(day_one) ==
             "4 Einträge aus Day One importieren, geschrieben vom 2019-03-04 bis 2026-11-30?");
  const std::vector<std::string> photos = LeftoverSentences(day_one);
  BOOST_REQUIRE(!photos.empty());
  // Plural: two entries had photos.
  BOOST_TEST(photos[0] == "Die Fotos von 2 Einträgen werden nicht importiert.");
  BOOST_TEST(LeftoverSentences(bearable) ==
                 (std::vector<std::string>{"2 Zeilen von „Energy“ werden nicht importiert.",
                                           "1 Zeile von „Sleep“ wird nicht importiert."}),
             boost::test_tools::per_element());
  // Singular: one mood of the person's own.
  BOOST_TEST(LeftoverSentences(daylio) ==
                 (std::vector<std::string>{
                     "1 eigene Stimmung wird als Gefühlswort übernommen, ohne Zahl."}),
             boost::test_tools::per_element());
  // The list after an import: its heading, then one sentence a line.
  BOOST_TEST(DescribeLeftovers(bearable) ==
             "Fieldnotes behält Worte, Stimmungen und Tags:\n"
             "  2 Zeilen von „Energy“ werden nicht importiert.\n"
             "  1 Zeile von „Sleep“ wird nicht importiert.\n");
}

// Why a file is refused is one whole message, its numbers in their places.
BOOST_AUTO_TEST_CASE(a_refused_file_says_why_in_german) {
  const std::string sample = Sample("daylio.csv");
  const std::string header = sample.substr(0, sample.find('\n') + 1);
  core::ScopedLanguage german("de");
  BOOST_REQUIRE(german.active());
  ImportOptions options;
  options.local_zone = "Europe/Berlin";
  auto r = ParseAnyImport(header + "2026-11-30,Montag\n", options);
  BOOST_REQUIRE(!r.ok());
  BOOST_TEST(r.status().message().find(
                 "Zeile 2: 2 Felder, wo die Kopfzeile 8 hat (ist die Datei abgeschnitten?)") !=
                 std::string::npos,
             r.status().message());
}

// A field of an export that is wrong: which entry, which field (as the file
// writes it) and what is wrong, in one German sentence; the same for a cut
// file (the parser's detail stays English) and a hostile zip.
BOOST_AUTO_TEST_CASE(a_bad_field_is_one_german_sentence) {
  core::ScopedLanguage german("de");
  BOOST_REQUIRE(german.active());
  ImportOptions options;
  options.local_zone = "Europe/Berlin";
  auto empty = ParseAnyImport(
      R"({"metadata":{"version":"1.0"},"entries":[{"uuid":"A1","creationDate":"2026-11-30T20:04:00Z"},{"uuid":"","creationDate":"2026-11-30T20:04:00Z"}]})",
      options);
  BOOST_REQUIRE(!empty.ok());
  BOOST_TEST(empty.status().message() == "Eintrag 2: Das Feld „uuid“ ist leer.");
  auto tags = ParseAnyImport(
      R"({"tags":{},"entries":[{"date":"2026-11-30","time":"21:04","title":"t","body":"","tags":"@work"}]})",
      options);
  BOOST_REQUIRE(!tags.ok());
  BOOST_TEST(tags.status().message() == "Eintrag 1: Das Feld „tags“ sollte eine Liste sein.");
  const std::string day_one = Sample("dayone-Journal.json");
  auto cut = ParseAnyImport(day_one.substr(0, day_one.size() / 2), options);
  BOOST_REQUIRE(!cut.ok());
  BOOST_TEST(cut.status().message().rfind("Zeile ", 0) == 0, cut.status().message());
  BOOST_TEST(cut.status().message().find(" ist kein gültiges JSON (") != std::string::npos,
             cut.status().message());
  BOOST_TEST(cut.status().message().find("Exportiere sie noch einmal") != std::string::npos,
             cut.status().message());
  BOOST_TEST(
      UnsafeZipName("../../.bashrc") ==
      "die Datei \"../../.bashrc\" im Zip hat einen Pfad, der aus dem Ordner hinausführt (..)");
}

BOOST_AUTO_TEST_CASE(leftovers_are_english_without_a_catalog) {
  const SourceImport daylio = Parsed(Sample("daylio.csv"));
  BOOST_TEST(LeftoverSentences(daylio) ==
                 (std::vector<std::string>{
                     "1 mood of your own is kept as a feeling word, without a number."}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace fieldnotes::importers
