// Evidence (reports/evidence.h): what goes in comes out, exactly, in order;
// copies share a list but never see each other's additions.
#include <boost/test/unit_test.hpp>

#include "core/json.h"
#include "reports/evidence.h"
#include "reports/report_content.h"
#include "test_support.h"

using namespace fieldnotes;
using namespace fieldnotes::reports;
using fieldnotes::reports::testing::D;

namespace {

std::vector<std::string> Uuids(size_t n) {
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) out.push_back(core::NewUuid());
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(evidence)

BOOST_AUTO_TEST_CASE(ids_and_dates_come_back_as_they_went_in) {
  const std::vector<std::string> ids = Uuids(200);
  const std::vector<core::Date> dates = {D("0001-01-01"), D("1969-12-31"), D("1970-01-01"),
                                         D("2024-02-29"), D("2026-11-03"), D("9999-12-31")};
  Evidence e;
  BOOST_TEST(e.empty());
  e.Reserve(ids.size());
  for (size_t i = 0; i < ids.size(); ++i) e.Add(ids[i], dates[i % dates.size()]);
  BOOST_REQUIRE_EQUAL(e.size(), ids.size());
  for (size_t i = 0; i < ids.size(); ++i) {
    BOOST_TEST(e.id(i) == ids[i]);
    BOOST_TEST(core::FormatDate(e.date(i)) == core::FormatDate(dates[i % dates.size()]));
  }
  BOOST_TEST(e.Ids() == ids, boost::test_tools::per_element());
  BOOST_TEST(e.Contains(ids[0]));
  BOOST_TEST(e.Contains(ids[199]));
  BOOST_TEST(!e.Contains(core::NewUuid()));
  std::string upper = ids[5];
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  BOOST_TEST(!e.Contains(upper));  // ids compare exactly, as strings do
  const auto json_ids = EntryIdsToJson(e).as_array();
  const auto json_dates = DatesToJson(e).as_array();
  BOOST_REQUIRE_EQUAL(json_ids.size(), ids.size());
  BOOST_REQUIRE_EQUAL(json_dates.size(), ids.size());
  BOOST_TEST(json_ids[7].as_string() == ids[7]);
  BOOST_TEST(json_dates[3].as_string() == "2024-02-29");
}

BOOST_AUTO_TEST_CASE(ids_that_are_not_lower_case_uuids_are_kept_as_written) {
  const std::vector<std::string> uuids = Uuids(3);
  std::string upper = core::NewUuid();
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  // UUIDs first, then the first id that is not one, then UUIDs again.
  const std::vector<std::string> ids = {uuids[0], uuids[1], "e1",      "",
                                        upper,    uuids[2], "x-y-z-w", uuids[0] + " "};
  Evidence e;
  for (const std::string& id : ids) e.Add(id, D("2026-11-03"));
  BOOST_TEST(e.Ids() == ids, boost::test_tools::per_element());
  BOOST_TEST(e.Contains("e1"));
  BOOST_TEST(e.Contains(""));
  BOOST_TEST(e.Contains(upper));
  BOOST_TEST(e.Contains(uuids[2]));
  BOOST_TEST(!e.Contains("e2"));
}

BOOST_AUTO_TEST_CASE(copies_share_until_one_adds) {
  const std::vector<std::string> ids = Uuids(4);
  Evidence a;
  a.Add(ids[0], D("2026-11-01"));
  a.Add(ids[1], D("2026-11-02"));
  Evidence b = a;
  BOOST_TEST((a == b));
  b.Add(ids[2], D("2026-11-03"));
  BOOST_TEST(a.size() == 2u);
  BOOST_TEST(!a.Contains(ids[2]));
  BOOST_TEST(b.size() == 3u);
  BOOST_TEST(!(a == b));
  a.Add(ids[3], D("2026-11-04"));
  BOOST_TEST(a.id(2) == ids[3]);
  BOOST_TEST(b.id(2) == ids[2]);
  Evidence c = b;
  c.Add("not a uuid", D("2026-11-05"));  // turning a shared list into strings
  BOOST_TEST(b.size() == 3u);
  BOOST_TEST(b.id(2) == ids[2]);
  BOOST_TEST(c.id(0) == ids[0]);
  BOOST_TEST(c.id(3) == "not a uuid");
  // Equal by content, whatever way each was built.
  Evidence d;
  d.Add(ids[0], D("2026-11-01"));
  d.Add(ids[1], D("2026-11-02"));
  d.Add(ids[2], D("2026-11-03"));
  BOOST_TEST((d == b));
  Evidence other_date = d;
  BOOST_TEST((other_date == d));
  Evidence e;
  e.Add(ids[0], D("2026-11-01"));
  e.Add(ids[1], D("2026-11-02"));
  e.Add(ids[2], D("2026-11-04"));
  BOOST_TEST(!(e == d));
}

BOOST_AUTO_TEST_CASE(stored_content_needs_a_date_per_entry_id) {
  ReportContent c;
  c.sections.resize(5);
  for (size_t i = 0; i < 5; ++i) c.sections[i].kind = kSectionOrder[i];
  ReportObservation o;
  o.id = "recurring-1";
  o.type = "recurring";
  o.key = "k";
  o.summary = "s";
  o.count = 2;
  o.evidence.Add(core::NewUuid(), D("2026-11-03"));
  o.evidence.Add(core::NewUuid(), D("2026-11-05"));
  o.placement = "repeated";
  c.observations.push_back(o);
  const core::json::Value json = ContentToJson(c);
  auto back = ContentFromJson(json);
  BOOST_REQUIRE_MESSAGE(back.ok(), back.status().ToString());
  BOOST_TEST((back->observations.at(0).evidence == o.evidence));
  // One date dropped from the stored form: refused, not paired wrongly.
  core::json::Value cut = json;
  auto& observations = cut.as_object().Find("observations")->as_array();
  auto& dates = observations.at(0).as_object().Find("dates")->as_array();
  dates.pop_back();
  const auto refused = ContentFromJson(cut);
  BOOST_TEST(!refused.ok());
  BOOST_TEST(refused.status().ToString().find("dates") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
