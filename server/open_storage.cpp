#include "server/open_storage.h"

#include "server/pg_storage.h"
#include "server/sqlite_storage.h"

namespace fieldnotes::server {

Result<std::unique_ptr<Storage>> OpenStorage(const ServerConfig& config, int sessions,
                                             size_t envelope_cache_bytes) {
  if (config.database_url.empty()) {
    auto sqlite = SqliteStorage::Open(config.database_file, sessions, envelope_cache_bytes);
    if (!sqlite.ok()) return sqlite.status();
    return std::unique_ptr<Storage>(std::move(*sqlite));
  }
  auto conninfo = PgConninfoFromUrl(config.database_url, config.database_password_file);
  if (!conninfo.ok()) return conninfo.status();
  auto pg = PgStorage::Open(*conninfo, sessions, envelope_cache_bytes);
  if (!pg.ok()) return pg.status();
  return std::unique_ptr<Storage>(std::move(*pg));
}

std::string StorageName(const ServerConfig& config) {
  return config.database_url.empty() ? config.database_file : config.database_url;
}

}  // namespace fieldnotes::server
