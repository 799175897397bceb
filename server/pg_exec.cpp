#include "server/pg_exec.h"

#include <libpq-fe.h>

#include <charconv>
#include <vector>

#include <Poco/Data/PostgreSQL/PostgreSQLException.h>
#include <Poco/Data/PostgreSQL/SessionImpl.h>

namespace fieldnotes::server {

void PgResult::Clear::operator()(pg_result* r) const { PQclear(r); }

int PgResult::rows() const { return PQntuples(result_.get()); }

bool PgResult::IsNull(int row, int column) const {
  return PQgetisnull(result_.get(), row, column) != 0;
}

std::string PgResult::Text(int row, int column) const { return std::string(Bytes(row, column)); }

int64_t PgResult::Int(int row, int column) const {
  const std::string_view text = Bytes(row, column);
  int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

std::string_view PgResult::Bytes(int row, int column) const {
  return std::string_view(PQgetvalue(result_.get(), row, column),
                          static_cast<size_t>(PQgetlength(result_.get(), row, column)));
}

PgResult PgExec(Poco::Data::Session& session, const char* sql,
                std::initializer_list<std::string> params, bool binary_result) {
  auto* impl = dynamic_cast<Poco::Data::PostgreSQL::SessionImpl*>(session.impl());
  if (impl == nullptr)
    throw Poco::Data::PostgreSQL::PostgreSQLException("not a PostgreSQL session");
  PGconn* conn = impl->handle();
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const std::string& p : params) values.push_back(p.c_str());
  PgResult out;
  out.result_.reset(PQexecParams(conn, sql, static_cast<int>(values.size()), nullptr, values.data(),
                                 nullptr, nullptr, binary_result ? 1 : 0));
  const ExecStatusType status = PQresultStatus(out.result_.get());
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    const char* message = PQresultErrorMessage(out.result_.get());
    throw Poco::Data::PostgreSQL::StatementException(
        std::string("PostgreSQL: ") + (message != nullptr && *message ? message : "no result"));
  }
  return out;
}

}  // namespace fieldnotes::server
