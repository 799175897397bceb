// What every service needs: the configuration, the storage, the clock and
// the password hasher. Owned by SyncServer (or a test); services hold it by
// value and the references must outlive them.
#ifndef FIELDNOTES_SERVER_SERVICE_CONTEXT_H_
#define FIELDNOTES_SERVER_SERVICE_CONTEXT_H_

#include <cstdint>
#include <string>

#include "core/clock.h"
#include "server/config.h"
#include "server/password.h"
#include "server/storage.h"

namespace fieldnotes::server {

struct ServiceContext {
  const ServerConfig& config;
  Storage& storage;
  const core::Clock& clock;
  PasswordHasher& hasher;

  int64_t Now() const { return clock.Now().unix_seconds; }
  AuditEvent Audit(std::string actor, std::string action, std::string object) const {
    return AuditEvent{Now(), std::move(actor), std::move(action), std::move(object)};
  }
};

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_SERVICE_CONTEXT_H_
