// Looking back (engine/look_back.h): a feeling of the vocabulary is stored
// as its English word and shown in the reader's language, so a search finds
// it by the shown name too. The test catalogs (tests/data/i18n: "anxiety"
// is "Angst" in German) and the system's de_DE locale.
#include <algorithm>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "core/i18n.h"
#include "core/language_fixture.h"
#include "engine/look_back.h"
#include "engine_fixture.h"

namespace fieldnotes::testing {
namespace {

struct LookBackFixture : LanguageFixture, EngineFixture {
  LookBackFixture() { MakeJournal(); }
};

size_t WithFeeling(const std::vector<const core::Entry*>& found, const std::string& feeling) {
  return static_cast<size_t>(std::count_if(found.begin(), found.end(), [&](const core::Entry* e) {
    return std::find(e->emotions.begin(), e->emotions.end(), feeling) != e->emotions.end();
  }));
}

}  // namespace

BOOST_FIXTURE_TEST_CASE(a_feeling_is_found_by_its_name_in_the_readers_language, LookBackFixture) {
  auto journal = Open();
  const size_t anxious = WithFeeling(journal->ListEntries({}), "anxiety");
  BOOST_REQUIRE(anxious > 0u);

  // English: "angst" is no feeling's name, and no entry's word.
  BOOST_TEST(client::FeelingsNamedBy("angst").empty());
  BOOST_TEST(WithFeeling(client::LookBack(*journal, "angst"), "anxiety") == 0u);
  {
    core::ScopedLanguage german("de");
    BOOST_REQUIRE_MESSAGE(german.active(), "the de_DE.UTF-8 locale is needed");
    const std::vector<std::string_view> named = client::FeelingsNamedBy("ANGST");
    BOOST_TEST((named == std::vector<std::string_view>{"anxiety"}));
    const auto found = client::LookBack(*journal, "Angst");
    BOOST_TEST(WithFeeling(found, "anxiety") == anxious);
    // Newest first, as every search.
    BOOST_TEST(std::is_sorted(found.begin(), found.end(), [](const auto* a, const auto* b) {
      return a->written_at.unix_seconds > b->written_at.unix_seconds;
    }));
    // The stored word still finds them.
    BOOST_TEST(WithFeeling(client::LookBack(*journal, "anxiety"), "anxiety") == anxious);
  }
}

}  // namespace fieldnotes::testing
