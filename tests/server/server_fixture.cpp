#include "server_fixture.h"

#include <sqlite3.h>

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <boost/test/unit_test.hpp>

#include <Poco/File.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/StreamCopier.h>

#include "core/envelope.h"
#include "pg_cluster.h"
#include "server/certificate.h"
#include "server/open_storage.h"
#include "server/pg_storage.h"
#include "server/sqlite_storage.h"
#include "sync/messages.h"

namespace fieldnotes::testing {

TempDir::TempDir() {
  std::string pattern = "/tmp/fieldnotes-server-tést-XXXXXX";
  BOOST_REQUIRE(::mkdtemp(pattern.data()) != nullptr);
  path_ = pattern;
}

TempDir::~TempDir() {
  try {
    Poco::File(path_).remove(true);
  } catch (...) {
  }
}

core::json::Value Response::Json() const {
  auto v = core::json::Parse(body);
  BOOST_REQUIRE_MESSAGE(v.ok(), "not JSON: " + body);
  return *v;
}

std::string Response::Error() const {
  auto v = core::json::Parse(body);
  if (!v.ok() || !v->is_object()) return "";
  const auto* e = v->as_object().Find("error");
  return e != nullptr && e->is_string() ? e->as_string() : "";
}

std::string JsonBody(const std::vector<std::pair<std::string, std::string>>& members) {
  core::json::Object o;
  for (const auto& [k, v] : members) o.Set(k, v);
  return core::json::Write(core::json::Value(std::move(o)));
}

std::string PairBody(const std::string& code, const std::string& client_key) {
  return JsonBody({{"code", code}, {"client_key", client_key}});
}

std::string TestEnvelope(const std::string& content, const std::string& sender_key) {
  namespace envelope = core::envelope;
  constexpr size_t kTail = core::crypto::kGcmTagBytes + core::crypto::kEd25519SignatureBytes;
  envelope::Header header;
  auto sender = core::crypto::HexDecode(sender_key);
  BOOST_REQUIRE(sender.ok() && sender->size() == header.sender.size());
  std::copy(sender->begin(), sender->end(), header.sender.begin());
  size_t padded = envelope::kMinPadded;
  while (padded + kTail < content.size()) padded *= 2;
  header.padded_length = static_cast<uint32_t>(padded);
  const core::crypto::Bytes head = header.Serialize();
  std::string out(head.begin(), head.end());
  out += content;
  out.resize(envelope::kHeaderBytes + padded + kTail, '.');
  return out;
}

ServerFixture::ServerFixture(void (*tweak)(server::ServerConfig&)) : clock_(kStartTime) {
  config_ = server::DefaultConfig(dir_.path());
  config_.port = 0;
  config_.scrypt_log2_n = 10;  // tests only; production default is 17
  config_.max_threads = 96;
  config_.log_level = "warning";
  if (tweak != nullptr) tweak(config_);
  BOOST_REQUIRE(server::WriteSelfSignedCertificate(config_.private_key_file,
                                                   config_.certificate_file,
                                                   dir_.File(server::kCaFileName))
                    .ok());
  if (OnPostgres()) {
    PgCluster& cluster = PgCluster::Get();
    config_.database_url = cluster.NewDatabase();
    config_.database_password_file = cluster.password_file();
  }
  auto storage =
      server::OpenStorage(config_, config_.db_sessions,
                          size_t{static_cast<unsigned>(config_.envelope_cache_mib)} << 20);
  BOOST_REQUIRE_MESSAGE(storage.ok(), storage.status().ToString());
  storage_ = std::move(*storage);
  if (auto* pg = dynamic_cast<server::PgStorage*>(storage_.get());
      pg != nullptr && config_.envelope_cache_mib > 0) {
    // The cache is used once the listener hears withdrawals.
    for (int i = 0; i < 500 && !pg->listening(); ++i) ::usleep(10000);
    BOOST_REQUIRE(pg->listening());
  }
  server_ = std::make_unique<server::SyncServer>(config_, *storage_, clock_);
  auto started = server_->Start();
  BOOST_REQUIRE_MESSAGE(started.ok(), started.ToString());

  client_context_ = ClientContext(dir_.File(server::kCaFileName));
}

Poco::Net::Context::Ptr ClientContext(const std::string& ca_file) {
  Poco::Net::Context::Params params;
  params.caLocation = ca_file;
  params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
  params.loadDefaultCAs = false;
  return new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
}

Response CallServer(uint16_t port, Poco::Net::Context::Ptr context, const Request& r) {
  Poco::Net::HTTPSClientSession session("localhost", port, context);
  session.setKeepAlive(false);
  Poco::Net::HTTPRequest request(r.method, r.path, Poco::Net::HTTPMessage::HTTP_1_1);
  if (!r.token.empty()) request.set("Authorization", "Bearer " + r.token);
  for (const auto& [k, v] : r.headers) request.set(k, v);
  if (!r.body.empty() || r.method == "POST" || r.method == "PUT") {
    request.setContentType(r.content_type);
    request.setContentLength(static_cast<std::streamsize>(r.body.size()));
  }
  session.sendRequest(request) << r.body;
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  Response out;
  out.status = response.getStatus();
  Poco::StreamCopier::copyToString(in, out.body);
  for (const auto& [k, v] : response) out.headers[k] = v;
  return out;
}

std::string RawExchange(uint16_t port, Poco::Net::Context::Ptr context, const std::string& raw,
                        int timeout_ms) {
  Poco::Net::SecureStreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port), "localhost",
                                       context);
  socket.setReceiveTimeout(Poco::Timespan(0, timeout_ms * 1000));
  std::string out;
  try {
    socket.sendBytes(raw.data(), static_cast<int>(raw.size()));
    char buffer[4096];
    for (;;) {
      const int n = socket.receiveBytes(buffer, sizeof buffer);
      if (n <= 0) break;
      out.append(buffer, static_cast<size_t>(n));
    }
  } catch (const Poco::TimeoutException&) {
  } catch (const Poco::Net::NetException&) {
  } catch (const Poco::IOException&) {
  }
  return out;
}

ServerFixture::~ServerFixture() { server_->Stop(); }

Response ServerFixture::Call(const Request& r) { return CallServer(port(), client_context_, r); }

Response ServerFixture::Get(const std::string& path, const std::string& token) {
  return Call(Request{"GET", path, "", token, "application/json", {}});
}

Response ServerFixture::Post(const std::string& path, const std::string& body,
                             const std::string& token) {
  return Call(Request{"POST", path, body, token, "application/json", {}});
}

Response ServerFixture::Delete(const std::string& path, const std::string& token) {
  return Call(Request{"DELETE", path, "", token, "application/json", {}});
}

std::string ServerFixture::RawExchange(const std::string& raw, int timeout_ms) {
  return testing::RawExchange(port(), client_context_, raw, timeout_ms);
}

Clinician ServerFixture::AddClinician(const std::string& email) {
  auto added = server_->services().accounts.AddClinician(email, kPassword);
  BOOST_REQUIRE_MESSAGE(added.ok(), added.status().ToString());
  Clinician c{email, kPassword, ""};
  c.token = Login(email, kPassword);
  return c;
}

std::string ServerFixture::Login(const std::string& email, const std::string& password) {
  Response r = Post("/v1/login", JsonBody({{"email", email}, {"password", password}}));
  BOOST_REQUIRE_MESSAGE(r.status == 200, "login: " + std::to_string(r.status) + " " + r.body);
  auto login = sync::LoginResponse::FromJson(r.Json());
  BOOST_REQUIRE(login.ok());
  return login->token;
}

void ServerFixture::PutKeys(const std::string& token, char fill) {
  Response r = Call(Request{"PUT",
                            "/v1/keys",
                            JsonBody({{"x25519", std::string(64, fill)},
                                      {"ed25519", std::string(64, fill == 'a' ? 'b' : 'c')}}),
                            token,
                            "application/json",
                            {}});
  BOOST_REQUIRE_MESSAGE(r.status == 200, "keys: " + std::to_string(r.status) + " " + r.body);
}

std::string ServerFixture::Invite(const std::string& token) {
  Response r = Post("/v1/invites", "", token);
  BOOST_REQUIRE_MESSAGE(r.status == 201, "invite: " + std::to_string(r.status) + " " + r.body);
  auto invite = sync::InviteResponse::FromJson(r.Json());
  BOOST_REQUIRE(invite.ok());
  return invite->code;
}

Client ServerFixture::Pair(const std::string& code, const std::string& client_key) {
  Response r = Post("/v1/pair", PairBody(code, client_key));
  BOOST_REQUIRE_MESSAGE(r.status == 201, "pair: " + std::to_string(r.status) + " " + r.body);
  auto paired = sync::PairResponse::FromJson(r.Json());
  BOOST_REQUIRE(paired.ok());
  return Client{paired->client_id, paired->device_credential};
}

Client ServerFixture::PairNewClient(const std::string& clinician_token) {
  if (Get("/v1/keys", clinician_token).status == 404) PutKeys(clinician_token);
  return Pair(Invite(clinician_token));
}

std::string ServerFixture::Upload(const Client& client, const std::string& bytes,
                                  const std::string& period_end) {
  Request request{"POST", "/v1/reports", bytes, client.credential, "application/octet-stream", {}};
  request.headers["Fieldnotes-Period-End"] = period_end;
  Response r = Call(request);
  BOOST_REQUIRE_MESSAGE(r.status == 201, "upload: " + std::to_string(r.status) + " " + r.body);
  auto uploaded = sync::ReportUploaded::FromJson(r.Json());
  BOOST_REQUIRE(uploaded.ok());
  return uploaded->report_id;
}

}  // namespace fieldnotes::testing

namespace fieldnotes::testing {

namespace {

std::string QueryAll(sqlite3* db, const std::string& sql) {
  std::string out;
  sqlite3_stmt* stmt = nullptr;
  BOOST_REQUIRE_MESSAGE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK,
                        sqlite3_errmsg(db));
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
      const auto* text = sqlite3_column_text(stmt, i);
      out += text ? reinterpret_cast<const char*>(text) : "NULL";
      out += "|";
    }
    out += "\n";
  }
  sqlite3_finalize(stmt);
  return out;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

const server::EnvelopeCache& ServerFixture::envelope_cache() const {
  if (auto* pg = dynamic_cast<const server::PgStorage*>(storage_.get())) {
    return pg->envelope_cache();
  }
  return dynamic_cast<const server::SqliteStorage&>(*storage_).envelope_cache();
}

std::string ServerFixture::StoredState() {
  if (!config_.database_url.empty()) {
    const std::string db = PgCluster::NameOf(config_.database_url);
    std::string out;
    for (const char* sql :
         {"SELECT * FROM clinicians ORDER BY id", "SELECT * FROM clinician_keys ORDER BY 1, 2",
          "SELECT * FROM invites ORDER BY 1", "SELECT * FROM links ORDER BY 1",
          "SELECT * FROM reports ORDER BY 1",
          "SELECT report_id, encode(bytes, 'hex') FROM envelopes ORDER BY 1"}) {
      out += PgCluster::Get().Query(db, sql);
    }
    return out;
  }
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open_v2(config_.database_file.c_str(), &db, SQLITE_OPEN_READONLY,
                                nullptr) == SQLITE_OK);
  std::string out;
  for (const char* sql :
       {"SELECT * FROM clinicians ORDER BY id", "SELECT * FROM clinician_keys ORDER BY 1, 2",
        "SELECT * FROM invites ORDER BY 1", "SELECT * FROM links ORDER BY 1",
        "SELECT * FROM reports ORDER BY 1",
        "SELECT report_id, hex(bytes) FROM envelopes ORDER BY 1"}) {
    out += QueryAll(db, sql);
  }
  sqlite3_close(db);
  return out;
}

void ServerFixture::Sql(const std::string& statement) {
  if (!config_.database_url.empty()) {
    PgCluster::Get().Exec(PgCluster::NameOf(config_.database_url), statement);
    return;
  }
  SqlOn(config_.database_file, statement);
}

void ServerFixture::SqlOn(const std::string& database_file, const std::string& statement) {
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open(database_file.c_str(), &db) == SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, statement.c_str(), nullptr, nullptr, &error);
  const std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  BOOST_REQUIRE_MESSAGE(rc == SQLITE_OK, message);
}

std::string ServerFixture::DatabaseFileBytes() {
  if (!config_.database_url.empty()) {
    // pg_dump writes BYTEA as \x and hex: the dump, then those bytes.
    const std::string dump = PgCluster::Get().Dump(PgCluster::NameOf(config_.database_url));
    std::string out = dump;
    for (size_t at = dump.find("\\x"); at != std::string::npos; at = dump.find("\\x", at)) {
      size_t end = at + 2;
      while (end < dump.size() && std::isxdigit(static_cast<unsigned char>(dump[end]))) ++end;
      auto bytes = core::crypto::HexDecode(dump.substr(at + 2, (end - at - 2) & ~size_t{1}));
      if (bytes.ok()) out.append(bytes->begin(), bytes->end());
      at = end;
    }
    return out;
  }
  return ReadFile(config_.database_file) + ReadFile(config_.database_file + "-wal");
}

SecondServer::SecondServer(ServerFixture& f) : config(f.config()) {
  config.port = 0;
  auto opened = server::OpenStorage(config, 4, size_t{64} << 20);
  BOOST_REQUIRE_MESSAGE(opened.ok(), opened.status().ToString());
  storage = std::move(*opened);
  auto* pg = dynamic_cast<server::PgStorage*>(storage.get());
  BOOST_REQUIRE(pg != nullptr);
  for (int i = 0; i < 500 && !pg->listening(); ++i) ::usleep(10000);
  server = std::make_unique<server::SyncServer>(config, *storage, f.clock());
  BOOST_REQUIRE(server->Start().ok());
  context = f.client_context();
}

SecondServer::~SecondServer() { server->Stop(); }

Response SecondServer::Call(const Request& r) { return CallServer(server->port(), context, r); }

}  // namespace fieldnotes::testing
