// One table of settings (engine/settings.h): the keys, checks and defaults
// fieldnotes-cli and the app share, and the one reader both use.
#include <string>

#include <boost/test/unit_test.hpp>

#include "engine/settings.h"
#include "engine_fixture.h"

namespace fieldnotes::testing {

BOOST_AUTO_TEST_CASE(the_table_holds_every_key_once_with_its_default) {
  std::vector<std::string> keys;
  for (const client::SettingSpec& spec : client::SettingSpecs()) keys.emplace_back(spec.key);
  BOOST_TEST(keys == (std::vector<std::string>{"display-name", "region", "paper", "auto-lock",
                                              "report-lang", "reminder"}),
             boost::test_tools::per_element());
  const client::AppSettings defaults = client::DefaultSettings();
  BOOST_TEST((defaults.paper == client::PaperSize::kA4));
  BOOST_TEST(defaults.auto_lock_minutes == 10);
  BOOST_TEST(defaults.display_name.empty());
  BOOST_TEST(defaults.crisis_region.empty());
  BOOST_TEST(client::FindSetting("colour") == nullptr);
  BOOST_TEST(client::FindSetting("auto-lock")->check("0").status().code() ==
             core::Status::Code::kInvalidArgument);
  BOOST_TEST(*client::FindSetting("auto-lock")->check("240") == "240");
  BOOST_TEST(*client::FindSetting("region")->check("uk") == "GB");
  BOOST_TEST(*client::FindSetting("paper")->check("Letter") == "letter");
}

BOOST_FIXTURE_TEST_CASE(what_the_cli_sets_the_app_reads, EngineFixture) {
  MakeJournal();
  BOOST_REQUIRE(Cli({"settings", "set", "display-name", "Zoë"}, now) == 0);
  BOOST_REQUIRE(Cli({"settings", "set", "paper", "letter"}, now) == 0);
  BOOST_REQUIRE(Cli({"settings", "set", "auto-lock", "25"}, now) == 0);
  BOOST_TEST(Cli({"settings", "set", "auto-lock", "0"}, now) == 2);
  BOOST_TEST(Cli({"settings", "set", "colour", "blue"}, now) == 2);
  auto journal = Open();
  auto settings = client::LoadSettings(*journal);
  BOOST_REQUIRE(settings.ok());
  BOOST_TEST(settings->display_name == "Zoë");
  BOOST_TEST((settings->paper == client::PaperSize::kLetter));
  BOOST_TEST(settings->auto_lock_minutes == 25);
  BOOST_TEST(settings->crisis_region.empty());

  // And what the app saves, the CLI lists: one reader.
  settings->crisis_region = "default";
  settings->display_name.clear();
  BOOST_REQUIRE(client::SaveSettings(*journal, *settings).ok());
  auto stored = client::StoredSettings(*journal);
  BOOST_REQUIRE(stored.ok());
  BOOST_TEST(stored->at("region") == "default");
  BOOST_TEST(!stored->contains("display-name"));
  BOOST_TEST(stored->at("auto-lock") == "25");
  setenv("LANG", "en_GB.UTF-8", 1);
  BOOST_TEST(client::CrisisRegionFor(journal.get()).empty());  // "default": the list for anywhere
}

BOOST_FIXTURE_TEST_CASE(a_record_that_does_not_parse, EngineFixture) {
  MakeJournal();
  auto journal = Open();
  BOOST_REQUIRE(journal->PutRecord(core::Table::kSettings, "paper", "[1]").ok());
  // The listing says so; the app falls back to the default.
  BOOST_TEST(client::StoredSettings(*journal).status().code() == core::Status::Code::kCorruption);
  auto settings = client::LoadSettings(*journal);
  BOOST_REQUIRE(settings.ok());
  BOOST_TEST((settings->paper == client::PaperSize::kA4));
}

}  // namespace fieldnotes::testing
