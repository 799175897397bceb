// PgExec: one statement on a pooled session's own libpq connection, for the
// statements every download and every authenticated request runs.
//
// Poco::Data 1.11's PostgreSQL connector prepares, executes and deallocates
// a named statement for each execution (three round trips and a parse on
// the server); on the download path that was most of the time PostgreSQL
// added. Here each statement is prepared once per connection (named after
// its text) and then executed in one round trip (PQexecPrepared), so
// PostgreSQL neither parses nor, after its first executions, plans it again.
// Everything else goes through Poco::Data. This is the PostgreSQL
// counterpart of statement_cache.h, on the same connection, inside the same
// transactions. Parameters are text; results are text, or binary (BYTEA
// bytes as they are, not as hex) when asked. `sql` must not change between
// calls with the same text (it is the statement's name), which literals
// guarantee.
#ifndef FIELDNOTES_SERVER_PG_EXEC_H_
#define FIELDNOTES_SERVER_PG_EXEC_H_

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

#include <Poco/Data/Session.h>

struct pg_result;

namespace fieldnotes::server {

class PgResult {
 public:
  int rows() const;
  bool IsNull(int row, int column) const;
  std::string Text(int row, int column) const;
  // A text-format integer column (0 for NULL).
  int64_t Int(int row, int column) const;
  // The bytes of a column (binary-format results: BYTEA as stored).
  std::string_view Bytes(int row, int column) const;

 private:
  friend PgResult PgExec(Poco::Data::Session&, const char*, std::initializer_list<std::string>,
                         bool);
  struct Clear {
    void operator()(pg_result* r) const;
  };
  std::unique_ptr<pg_result, Clear> result_;
};

// Throws Poco::Data::PostgreSQL::StatementException with PostgreSQL's
// message (never the parameters) when the statement fails; PgPool::With
// then closes the connection and, if it was lost, reports it unavailable.
PgResult PgExec(Poco::Data::Session& session, const char* sql,
                std::initializer_list<std::string> params = {}, bool binary_result = false);

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_PG_EXEC_H_
