// StorageUnavailable: the database cannot be reached right now (PostgreSQL
// restarting, the network to it down, SQLite locked for too long). The HTTP
// layer answers 503 with Retry-After; the next request tries again, on a new
// connection. Its message never holds a connection string or a password.
#ifndef FIELDNOTES_SERVER_STORAGE_ERROR_H_
#define FIELDNOTES_SERVER_STORAGE_ERROR_H_

#include <Poco/Exception.h>

namespace fieldnotes::server {

POCO_DECLARE_EXCEPTION(, StorageUnavailableException, Poco::IOException)

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_STORAGE_ERROR_H_
