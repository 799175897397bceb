#define BOOST_TEST_MODULE importers
#include <boost/test/unit_test.hpp>
