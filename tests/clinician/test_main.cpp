// clinician_tests: fieldnotes-clinician against a real fieldnotes-server.
#define BOOST_TEST_MODULE clinician
#include <boost/test/unit_test.hpp>
