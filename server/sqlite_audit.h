// AuditAppender: appends records to the audit chain inside one write
// transaction of SqliteStorage, reading the head once and writing it back
// once, however many records the transaction adds (group commit batches add
// many). Internal to the sqlite_*.cpp files.
#ifndef FIELDNOTES_SERVER_SQLITE_AUDIT_H_
#define FIELDNOTES_SERVER_SQLITE_AUDIT_H_

#include <cstdint>
#include <string>

#include <Poco/Data/Session.h>

#include "server/statement_cache.h"
#include "server/storage.h"

namespace fieldnotes::server {

class AuditAppender {
 public:
  // The caller holds a write transaction on `session` for the appender's life.
  // `statements`, when given, is the cache of the same connection, used for
  // the INSERT (group commit batches run many).
  explicit AuditAppender(Poco::Data::Session& session, StatementCache* statements = nullptr)
      : session_(session), statements_(statements) {}
  void Append(const AuditEvent& event);
  // Records the new head beside the log; nothing when nothing was appended.
  void Finish();

 private:
  Poco::Data::Session& session_;
  StatementCache* statements_;
  bool loaded_ = false;
  bool head_row_exists_ = false;
  int64_t seq_ = 0;
  std::string hash_;
  bool appended_ = false;
};

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_SQLITE_AUDIT_H_
