// ServerFixture: a real fieldnotes sync server in the test process, on
// 127.0.0.1 and port 0, with a fresh folder (certificate from
// WriteSelfSignedCertificate, SQLite database, or a fresh PostgreSQL
// database when OnPostgres(), pg_cluster.h), a clock the test moves, and a
// real Poco HTTPS client that trusts only the folder's ca.pem and checks the
// host name: the HTTPSServerTest shape from Poco's own test suite.
#ifndef FIELDNOTES_TESTS_SERVER_SERVER_FIXTURE_H_
#define FIELDNOTES_TESTS_SERVER_SERVER_FIXTURE_H_

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <Poco/Net/Context.h>

#include "core/clock.h"
#include "core/json.h"
#include "server/config.h"
#include "server/envelope_cache.h"
#include "server/storage.h"
#include "server/sync_server.h"

namespace fieldnotes::testing {

// A clock the test moves; safe to read from server threads.
class TestClock final : public core::Clock {
 public:
  explicit TestClock(int64_t now) : now_(now) {}
  core::Timestamp Now() const override { return core::Timestamp{now_.load(), 0}; }
  void Advance(int64_t seconds) { now_ += seconds; }
  int64_t seconds() const { return now_.load(); }

 private:
  std::atomic<int64_t> now_;
};

// A fresh folder under the system temp dir (with a non-ASCII name, as users
// have), removed at the end.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

struct Response {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;
  core::json::Value Json() const;  // fails the test when the body is not JSON
  std::string Error() const;       // the "error" member, or ""
};

struct Request {
  std::string method = "GET";
  std::string path;
  std::string body;
  std::string token;  // sent as Bearer when not empty
  std::string content_type = "application/json";
  std::map<std::string, std::string> headers;
};

// A paired client as the tests hold it.
struct Client {
  std::string client_id;
  std::string credential;
};

struct Clinician {
  std::string email;
  std::string password;
  std::string token;
};

inline constexpr int64_t kStartTime = 1793000000;  // 2026-10-26
// The Ed25519 public key clients pair with unless a test says otherwise.
inline constexpr char kTestClientKey[] =
    "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
inline constexpr char kPassword[] = "a long enough passphrase 1";

class ServerFixture {
 public:
  // `tweak` may change the configuration before the server starts.
  explicit ServerFixture(void (*tweak)(server::ServerConfig&) = nullptr);
  ~ServerFixture();

  uint16_t port() const { return server_->port(); }
  TempDir& dir() { return dir_; }
  TestClock& clock() { return clock_; }
  server::Storage& storage() { return *storage_; }
  // The storage's envelope cache (either backend).
  const server::EnvelopeCache& envelope_cache() const;
  // postgresql://... when the server runs on PostgreSQL, else "".
  const std::string& database_url() const { return config_.database_url; }
  server::SyncServer& server() { return *server_; }
  const server::ServerConfig& config() const { return config_; }
  Poco::Net::Context::Ptr client_context() const { return client_context_; }

  // One request on a new connection.
  Response Call(const Request& request);
  Response Get(const std::string& path, const std::string& token = "");
  Response Post(const std::string& path, const std::string& body, const std::string& token = "");
  Response Delete(const std::string& path, const std::string& token = "");
  // Sends `raw` bytes over a new verified TLS connection and returns what
  // comes back until the server closes or `timeout_ms` of silence.
  std::string RawExchange(const std::string& raw, int timeout_ms = 3000);

  // Steps of the protocol, each checking its status.
  Clinician AddClinician(const std::string& email);
  std::string Login(const std::string& email, const std::string& password);
  void PutKeys(const std::string& token, char fill = 'a');
  std::string Invite(const std::string& token);
  Client Pair(const std::string& code, const std::string& client_key = kTestClientKey);
  Client PairNewClient(const std::string& clinician_token);  // keys, invite, pair
  std::string Upload(const Client& client, const std::string& bytes,
                     const std::string& period_end = "2026-11-01");

  // Everything stored that a request must not change behind the owner's
  // back (accounts, keys, invites, links, reports, envelope bytes), as one
  // string; sessions, throttling counters and the audit log are left out.
  std::string StoredState();
  // Runs SQL on the database through its own connection (tests that
  // tamper with or inspect it).
  void Sql(const std::string& statement);
  static void SqlOn(const std::string& database_file, const std::string& statement);
  // What the database holds, for "bytes are gone": on SQLite the file and
  // its WAL, concatenated; on PostgreSQL a pg_dump of the database.
  std::string DatabaseFileBytes();

 private:
  TempDir dir_;
  TestClock clock_;
  server::ServerConfig config_;
  std::unique_ptr<server::Storage> storage_;
  std::unique_ptr<server::SyncServer> server_;
  Poco::Net::Context::Ptr client_context_;
};

// A second server process on a PostgreSQL fixture's database: its own
// storage, pool, caches and listener (waited for), its own port; the same
// folder and clock.
struct SecondServer {
  explicit SecondServer(ServerFixture& f);
  ~SecondServer();
  Response Call(const Request& r);

  server::ServerConfig config;
  std::unique_ptr<server::Storage> storage;
  std::unique_ptr<server::SyncServer> server;
  Poco::Net::Context::Ptr context;
};

// A client Context that trusts only `ca_file` and checks host names.
Poco::Net::Context::Ptr ClientContext(const std::string& ca_file);
// One request on a new verified connection to localhost:`port`.
Response CallServer(uint16_t port, Poco::Net::Context::Ptr context, const Request& request);
// Sends raw bytes over a new verified TLS connection; what comes back until
// the server closes or `timeout_ms` of silence.
std::string RawExchange(uint16_t port, Poco::Net::Context::Ptr context, const std::string& raw,
                        int timeout_ms);

// A JSON body from an initializer-friendly list of string members.
std::string JsonBody(const std::vector<std::pair<std::string, std::string>>& members);
// A pair request: the invite code and the client's Ed25519 public key.
std::string PairBody(const std::string& code, const std::string& client_key = kTestClientKey);
// A well-formed envelope as far as the server can tell (it reads only the
// header, docs/envelope-format.md): a header naming `sender_key` (64 hex)
// and the smallest bucket that holds `content`, then `content` itself where
// the ciphertext goes and filler up to the envelope's exact length. So
// `content` can be looked for in the database files.
std::string TestEnvelope(const std::string& content,
                         const std::string& sender_key = kTestClientKey);

}  // namespace fieldnotes::testing

#endif  // FIELDNOTES_TESTS_SERVER_SERVER_FIXTURE_H_
