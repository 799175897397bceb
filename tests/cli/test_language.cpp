// fieldnotes-cli speaks the locale's language in its output, not only in
// --help: with LANG=de_DE.UTF-8 and a German catalog that holds the
// messages (the test catalog tests/data/i18n/de.po, fixed words whatever
// po/de.po holds while its translators work), a command's output and its
// errors have no English left; counts use the locale's grouping.
#include <boost/test/unit_test.hpp>

#include <string>

#include "cli_fixture.h"

using namespace fieldnotes::testing;

namespace {

ProcessOptions German() {
  ProcessOptions options;
  options.env["FIELDNOTES_LOCALEDIR"] = FIELDNOTES_BINARY_DIR "/tests/locale";
  options.env["LANG"] = "de_DE.UTF-8";
  options.env["LC_ALL"] = kUnset;
  options.env["LC_MESSAGES"] = kUnset;
  options.env["LC_TIME"] = kUnset;
  options.env["LANGUAGE"] = kUnset;
  return options;
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(language)

BOOST_AUTO_TEST_CASE(summary_and_errors_are_in_german) {
  CliFixture f;
  f.Init();
  f.Add({"note", "--at", "2026-11-03T21:40:00+01:00", "--text", "Ein Abend"});
  f.Add({"note", "--at", "2026-11-05T08:10:00+01:00", "--text", "Ein Morgen"});

  ProcessResult english = f.Cli({"summary"});
  BOOST_REQUIRE_MESSAGE(english.exit_code == 0, english.err);
  BOOST_TEST(Has(english.out, "2 entries, written from"), english.out);

  ProcessResult r = f.Cli({"summary"}, German());
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_TEST(Has(r.out, "2 Einträge, geschrieben vom "), r.out);
  BOOST_TEST(Has(r.out, "2 Notizen"), r.out);
  BOOST_TEST(Has(r.out, "0 Ausschläge"), r.out);
  BOOST_TEST(Has(r.out, "Noch keine Sitzungen notiert."), r.out);
  // The days as German writes them (ICU's de_DE data), not English.
  BOOST_TEST(Has(r.out, "November 2026"), r.out);
  BOOST_TEST(Has(r.out, "Dienstag"), r.out);
  for (const char* english_word :
       {"entr", "written", "spike", "loop", "note", "session", "thread", "Tuesday", " to "}) {
    BOOST_TEST(!Has(r.out, english_word), english_word << " in: " << r.out);
  }

  // An error on stderr, with its placeholder filled.
  ProcessResult missing = f.Cli({"show", "deadbeef"}, German());
  BOOST_TEST(missing.exit_code != 0);
  BOOST_TEST(Has(missing.err, "es gibt keinen Eintrag mit der Kennung deadbeef."), missing.err);
  BOOST_TEST(!Has(missing.err, "there is no"), missing.err);
}

BOOST_AUTO_TEST_CASE(list_shows_the_feelings_in_german_and_keeps_them_in_english) {
  CliFixture f;
  f.Init();
  f.Add({"spike", "--at", "2026-11-04T20:00:00+01:00", "--emotion", "anxiety", "--emotion",
         "wie gelähmt", "--intensity", "6", "--thought", "es hört nicht auf"});

  ProcessResult r = f.Cli({"list"}, German());
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_TEST(Has(r.out, "Angst"), r.out);
  BOOST_TEST(Has(r.out, "wie gelähmt"), r.out);  // the client's own word, as written
  BOOST_TEST(!Has(r.out, "anxiety"), r.out);

  // Stored as the vocabulary's word, whatever the language it was shown in.
  ProcessResult english = f.Cli({"list"});
  BOOST_REQUIRE_MESSAGE(english.exit_code == 0, english.err);
  BOOST_TEST(Has(english.out, "anxiety"), english.out);
}

BOOST_AUTO_TEST_CASE(search_finds_a_feeling_by_its_german_name) {
  CliFixture f;
  f.Init();
  const std::string anxious =
      f.Add({"spike", "--at", "2026-11-04T20:00:00+01:00", "--emotion", "anxiety", "--intensity",
             "6", "--thought", "es hört nicht auf"});
  const std::string calm = f.Add({"note", "--at", "2026-11-05T08:10:00+01:00", "--text", "Ruhig"});
  const std::string written =
      f.Add({"note", "--at", "2026-11-06T08:10:00+01:00", "--text", "Die Angst vor Montag"});

  // "Angst" is how German shows the stored "anxiety": the search finds the
  // spike by its feeling and the note by its words, newest first, in any case.
  for (const char* typed : {"Angst", "angst", "ANGST"}) {
    ProcessResult r = f.Cli({"search", typed}, German());
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const size_t spike_at = r.out.find(anxious.substr(0, 8));
    const size_t note_at = r.out.find(written.substr(0, 8));
    BOOST_TEST(spike_at != std::string::npos, typed << ": " << r.out);
    BOOST_TEST(note_at != std::string::npos, typed << ": " << r.out);
    BOOST_TEST(note_at < spike_at, r.out);
    BOOST_TEST(!Has(r.out, calm.substr(0, 8)), r.out);
  }
  // A part of the name, as the search finds part of a word.
  BOOST_TEST(Has(f.Cli({"search", "ngs"}, German()).out, anxious.substr(0, 8)));

  // In English the German name is only a word of the note.
  ProcessResult english = f.Cli({"search", "Angst"});
  BOOST_REQUIRE_MESSAGE(english.exit_code == 0, english.err);
  BOOST_TEST(!Has(english.out, anxious.substr(0, 8)), english.out);
  BOOST_TEST(Has(english.out, written.substr(0, 8)), english.out);
  // And the stored word still finds it in German.
  BOOST_TEST(Has(f.Cli({"search", "anxiety"}, German()).out, anxious.substr(0, 8)));
}

BOOST_AUTO_TEST_CASE(crisis_lines_say_what_they_are_in_german_and_keep_their_names) {
  CliFixture f;
  f.Init();
  ProcessOptions options = German();
  options.env["FIELDNOTES_REGION"] = "ZZ";  // no list of its own: the default lines
  ProcessResult r = f.Cli({"add", "note", "--text", "I don't want to be here anymore"}, options);
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  // What a line is comes from the catalog; its proper name stays as the data has it.
  BOOST_TEST(Has(r.err, "Notruf: "), r.err);
  BOOST_TEST(Has(r.err, "Samaritans (im Vereinigten Königreich und in Irland): "), r.err);
  BOOST_TEST(!Has(r.err, "Emergency services"), r.err);
  BOOST_TEST(!Has(r.err, "UK and Ireland"), r.err);

  ProcessOptions english;
  english.env["FIELDNOTES_REGION"] = "ZZ";
  ProcessResult en = f.Cli({"add", "note", "--text", "I don't want to be here anymore"}, english);
  BOOST_REQUIRE_MESSAGE(en.exit_code == 0, en.err);
  BOOST_TEST(Has(en.err, "Emergency services: "), en.err);
  BOOST_TEST(Has(en.err, "Samaritans (in the UK and Ireland): "), en.err);
}

BOOST_AUTO_TEST_SUITE_END()
