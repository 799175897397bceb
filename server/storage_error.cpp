#include "server/storage_error.h"

#include <typeinfo>

namespace fieldnotes::server {

POCO_IMPLEMENT_EXCEPTION(StorageUnavailableException, Poco::IOException,
                         "The database is not reachable")

}  // namespace fieldnotes::server
