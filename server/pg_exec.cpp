#include "server/pg_exec.h"

#include <libpq-fe.h>

#include <charconv>
#include <cstdio>
#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <Poco/Data/PostgreSQL/PostgreSQLException.h>
#include <Poco/Data/PostgreSQL/SessionImpl.h>

namespace fieldnotes::server {
namespace {

// The statements prepared on each connection, by the connection and the
// process serving it on PostgreSQL's side: a connection reset, or a new one
// at a freed address, has another backend pid and so an empty set.
struct PreparedSets {
  std::mutex mu;
  std::unordered_map<PGconn*, std::pair<int, std::unordered_set<std::string>>> sets;
};
PreparedSets& Registry() {
  static PreparedSets registry;
  return registry;
}

bool Prepared(PGconn* conn, const std::string& name) {
  PreparedSets& r = Registry();
  std::lock_guard<std::mutex> lock(r.mu);
  auto found = r.sets.find(conn);
  if (found == r.sets.end()) return false;
  if (found->second.first != PQbackendPID(conn)) {
    r.sets.erase(found);
    return false;
  }
  return found->second.second.count(name) != 0;
}

void MarkPrepared(PGconn* conn, const std::string& name) {
  PreparedSets& r = Registry();
  std::lock_guard<std::mutex> lock(r.mu);
  auto& entry = r.sets[conn];
  const int pid = PQbackendPID(conn);
  if (entry.first != pid) {
    entry.first = pid;
    entry.second.clear();
  }
  entry.second.insert(name);
}

// A name that is the statement's own (FNV-1a of its text): preparing it
// twice on one connection could only mean the same statement.
std::string StatementName(const char* sql) {
  uint64_t h = 14695981039346656037ull;
  for (const char* c = sql; *c != 0; ++c) {
    h ^= static_cast<unsigned char>(*c);
    h *= 1099511628211ull;
  }
  char name[24];
  std::snprintf(name, sizeof name, "fn_%016llx", static_cast<unsigned long long>(h));
  return name;
}

void Check(const pg_result* result, ExecStatusType also_ok) {
  const ExecStatusType status = PQresultStatus(result);
  if (status == also_ok || status == PGRES_COMMAND_OK) return;
  const char* message = PQresultErrorMessage(result);
  throw Poco::Data::PostgreSQL::StatementException(
      std::string("PostgreSQL: ") + (message != nullptr && *message ? message : "no result"));
}

}  // namespace

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
  const std::string name = StatementName(sql);
  if (!Prepared(conn, name)) {
    std::unique_ptr<pg_result, PgResult::Clear> prepared(
        PQprepare(conn, name.c_str(), sql, static_cast<int>(values.size()), nullptr));
    Check(prepared.get(), PGRES_COMMAND_OK);
    MarkPrepared(conn, name);
  }
  PgResult out;
  out.result_.reset(PQexecPrepared(conn, name.c_str(), static_cast<int>(values.size()),
                                   values.data(), nullptr, nullptr, binary_result ? 1 : 0));
  Check(out.result_.get(), PGRES_TUPLES_OK);
  return out;
}

}  // namespace fieldnotes::server
