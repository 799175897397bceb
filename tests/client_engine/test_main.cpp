#define BOOST_TEST_MODULE client_engine
#include <boost/test/unit_test.hpp>
