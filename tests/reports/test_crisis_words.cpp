// The crisis texts reach the catalog through kCrisisMessage and
// kCrisisFooter (reports/crisis_resources.h): they must be the data's
// words exactly, or a translation would never be found.
#include <string>

#include <boost/test/unit_test.hpp>

#include "reports/crisis_resources.h"

namespace fieldnotes::reports {

BOOST_AUTO_TEST_CASE(the_crisis_texts_in_the_catalog_are_the_datas) {
  const CrisisResources& resources = CrisisResources::Default();
  BOOST_TEST(resources.message() == std::string(kCrisisMessage));
  BOOST_TEST(resources.footer() == std::string(kCrisisFooter));
  const std::string shown = resources.Format(resources.ForRegion("GB"));
  BOOST_TEST(shown.find(kCrisisMessage) == 0u);
  BOOST_TEST(shown.find("Samaritans") != std::string::npos);
}

}  // namespace fieldnotes::reports
