// The storage a configuration names: PostgreSQL when database.url is set,
// else the SQLite file storage.database.
#ifndef FIELDNOTES_SERVER_OPEN_STORAGE_H_
#define FIELDNOTES_SERVER_OPEN_STORAGE_H_

#include <cstddef>
#include <memory>
#include <string>

#include "server/config.h"
#include "server/storage.h"

namespace fieldnotes::server {

// `sessions` database connections at most; downloaded envelopes kept in
// memory up to `envelope_cache_bytes`. The errors of SqliteStorage::Open and
// PgStorage::Open, and InvalidArgument for a database.url that does not parse.
Result<std::unique_ptr<Storage>> OpenStorage(const ServerConfig& config, int sessions,
                                             size_t envelope_cache_bytes = 0);

// "postgresql://USER@HOST:PORT/DB" or the SQLite file, for messages.
std::string StorageName(const ServerConfig& config);

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_OPEN_STORAGE_H_
