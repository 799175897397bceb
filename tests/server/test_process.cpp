// The real fieldnotes-server binary, started the way the README says:
// init --dir, admin add-clinician, run --dir; spoken to with curl, openssl
// s_client and a Poco client; stopped with SIGTERM; killed with SIGKILL
// in the middle of uploads.
#include <signal.h>
#include <sqlite3.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>

#include <boost/test/unit_test.hpp>

#include "server_fixture.h"
#include "subprocess.h"
#include "sync/messages.h"

namespace fieldnotes::testing {
namespace {

constexpr char kServer[] = FIELDNOTES_SERVER_BIN;
constexpr char kEmail[] = "dr.process@example.org";

// A server folder made by `init` with one clinician, and a running server.
class ServerProcess {
 public:
  explicit ServerProcess(TempDir& dir) : dir_(dir) {}

  void Init() {
    RunResult init = Run(kServer, {"init", "--dir", dir_.path(), "--port", "0"});
    BOOST_REQUIRE_MESSAGE(init.exit_code == 0, init.err);
    BOOST_REQUIRE(init.out.find("ca.pem") != std::string::npos);
    RunResult add = Run(kServer, {"admin", "add-clinician", kEmail, "--dir", dir_.path()},
                        std::string(kPassword) + "\n");
    BOOST_REQUIRE_MESSAGE(add.exit_code == 0, add.err);
  }

  void Start(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"run", "--dir", dir_.path()};
    args.insert(args.end(), extra.begin(), extra.end());
    process_ = std::make_unique<Background>(kServer, args);
    const std::string line = process_->ReadLine(20000);
    const std::string prefix = "listening on https://localhost:";
    BOOST_REQUIRE_MESSAGE(line.rfind(prefix, 0) == 0, "got: " + line + process_->Stderr());
    port_ = static_cast<uint16_t>(std::stoi(line.substr(prefix.size())));
    context_ = ClientContext(dir_.File("ca.pem"));
  }

  Response Call(const Request& r) { return CallServer(port_, context_, r); }
  Background& process() { return *process_; }
  uint16_t port() const { return port_; }
  std::string Url(const std::string& path) const {
    return "https://localhost:" + std::to_string(port_) + path;
  }
  Poco::Net::Context::Ptr context() { return context_; }

  // Logs in, registers keys and pairs a new client.
  Client PairClient() {
    Response login = Call(Request{"POST",
                                  "/v1/login",
                                  JsonBody({{"email", kEmail}, {"password", kPassword}}),
                                  "",
                                  "application/json",
                                  {}});
    BOOST_REQUIRE(login.status == 200);
    const std::string token = sync::LoginResponse::FromJson(login.Json())->token;
    BOOST_REQUIRE(Call(Request{"PUT",
                               "/v1/keys",
                               JsonBody({{"x25519", std::string(64, 'a')},
                                         {"ed25519", std::string(64, 'b')}}),
                               token,
                               "application/json",
                               {}})
                      .status == 200);
    Response invite = Call(Request{"POST", "/v1/invites", "", token, "application/json", {}});
    const std::string code = sync::InviteResponse::FromJson(invite.Json())->code;
    Response pair = Call(Request{"POST", "/v1/pair", PairBody(code), "", "application/json", {}});
    BOOST_REQUIRE(pair.status == 201);
    auto paired = sync::PairResponse::FromJson(pair.Json());
    return Client{paired->client_id, paired->device_credential};
  }

 private:
  TempDir& dir_;
  std::unique_ptr<Background> process_;
  uint16_t port_ = 0;
  Poco::Net::Context::Ptr context_;
};

std::string UploadRequest(const Client& client, size_t size) {
  return "POST /v1/reports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " +
         client.credential +
         "\r\nFieldnotes-Period-End: 2026-11-01\r\nContent-Length: " + std::to_string(size) +
         "\r\nContent-Type: application/octet-stream\r\n\r\n";
}

BOOST_AUTO_TEST_SUITE(process)

BOOST_AUTO_TEST_CASE(init_admin_run_curl_openssl_and_sigterm) {
  TempDir dir;
  ServerProcess server(dir);
  server.Init();
  server.Start();
  const std::string ca = dir.File("ca.pem");

  RunResult health = Run("curl", {"-sS", "--cacert", ca, server.Url("/v1/health")});
  BOOST_TEST(health.exit_code == 0, health.err);
  BOOST_TEST(health.out.find("\"status\":\"ok\"") != std::string::npos);

  RunResult login = Run(
      "curl", {"-sS", "--cacert", ca, "-H", "Content-Type: application/json", "-d",
               JsonBody({{"email", kEmail}, {"password", kPassword}}), server.Url("/v1/login")});
  BOOST_TEST(login.exit_code == 0);
  BOOST_TEST(login.out.find("\"token\":\"") != std::string::npos, login.out);
  RunResult wrong =
      Run("curl",
          {"-sS", "-o", "/dev/null", "-w", "%{http_code}", "--cacert", ca, "-d",
           JsonBody({{"email", kEmail}, {"password", "nope nope nope"}}), server.Url("/v1/login")});
  BOOST_TEST(wrong.out == "401");

  // curl without the CA refuses the self-signed certificate.
  BOOST_TEST(Run("curl", {"-sS", server.Url("/v1/health")}).exit_code != 0);
  BOOST_TEST(Run("curl",
                 {"-sS", "--cacert", ca, "--tlsv1.1", "--tls-max", "1.1", server.Url("/v1/health")})
                 .exit_code != 0);

  const std::string connect = "127.0.0.1:" + std::to_string(server.port());
  RunResult old = Run("openssl", {"s_client", "-connect", connect, "-tls1_1"});
  BOOST_TEST(old.exit_code != 0);
  for (const char* version : {"-tls1_2", "-tls1_3"}) {
    RunResult ok = Run("openssl", {"s_client", "-connect", connect, version, "-CAfile", ca,
                                   "-verify_return_error", "-servername", "localhost"});
    BOOST_TEST(ok.exit_code == 0, version << ": " << ok.err);
    BOOST_TEST(ok.out.find("Verify return code: 0 (ok)") != std::string::npos);
  }
  RunResult cbc = Run("openssl", {"s_client", "-connect", connect, "-tls1_2", "-cipher",
                                  "ECDHE-ECDSA-AES128-SHA256"});
  BOOST_TEST(cbc.exit_code != 0);

  // SIGTERM while an upload is half sent: it is finished, then the server exits 0.
  Client client = server.PairClient();
  const std::string body = TestEnvelope(std::string(150 * 1024, 'u'));
  std::string answer;
  {
    Poco::Net::SecureStreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", server.port()),
                                         "localhost", server.context());
    socket.setReceiveTimeout(Poco::Timespan(10, 0));
    const std::string head = UploadRequest(client, body.size()) + body.substr(0, 100000);
    socket.sendBytes(head.data(), static_cast<int>(head.size()));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    server.process().Signal(SIGTERM);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    BOOST_TEST(server.process().Wait(0) == -2);  // still finishing
    const std::string rest = body.substr(100000);
    socket.sendBytes(rest.data(), static_cast<int>(rest.size()));
    char buffer[4096];
    int n;
    try {
      while ((n = socket.receiveBytes(buffer, sizeof buffer)) > 0) answer.append(buffer, n);
    } catch (const Poco::Exception&) {
    }
  }
  BOOST_TEST(answer.rfind("HTTP/1.1 201", 0) == 0, answer.substr(0, 80));
  BOOST_TEST(server.process().Wait(15000) == 0, server.process().Stderr());
  // Logs went to stderr and hold no secrets.
  const std::string log = server.process().Stderr();
  BOOST_TEST(log.find("serving https") != std::string::npos);
  BOOST_TEST(log.find(client.credential) == std::string::npos);
  BOOST_TEST(log.find(kPassword) == std::string::npos);

  RunResult audit = Run(kServer, {"audit", "verify", "--dir", dir.path()});
  BOOST_TEST(audit.exit_code == 0, audit.err);
}

BOOST_AUTO_TEST_CASE(sigkill_during_uploads_loses_nothing_acknowledged) {
  TempDir dir;
  ServerProcess server(dir);
  server.Init();
  const std::vector<std::string> roomy = {"--set", "limits.link_quota_reports=10000", "--set",
                                          "limits.link_quota_bytes=17179869184"};
  server.Start(roomy);
  Client client = server.PairClient();

  std::mutex mu;
  std::vector<std::string> acknowledged;
  std::atomic<bool> stop{false};
  std::atomic<int> errors{0};
  std::vector<std::thread> uploaders;
  for (int t = 0; t < 4; ++t) {
    uploaders.emplace_back([&, t] {
      for (int i = 0; !stop; ++i) {
        std::string envelope = TestEnvelope(std::string(40 * 1024 + i, static_cast<char>('A' + t)));
        try {
          Response r = server.Call(Request{"POST",
                                           "/v1/reports",
                                           envelope,
                                           client.credential,
                                           "application/octet-stream",
                                           {{"Fieldnotes-Period-End", "2026-11-01"}}});
          if (r.status == 201) {
            std::lock_guard<std::mutex> lock(mu);
            acknowledged.push_back(sync::ReportUploaded::FromJson(r.Json())->report_id);
          }
        } catch (const Poco::Exception&) {
          ++errors;
          if (errors > 20) return;
        }
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  server.process().Signal(SIGKILL);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  stop = true;
  for (auto& t : uploaders) t.join();
  BOOST_TEST(server.process().Wait(5000) == -1);
  BOOST_TEST(server.process().signal() == SIGKILL);
  BOOST_TEST_MESSAGE("acknowledged uploads before SIGKILL: " << acknowledged.size());
  BOOST_REQUIRE(acknowledged.size() >= 4u);

  // The database is intact...
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open(dir.File("fieldnotes-server.db").c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr);
  BOOST_REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
  BOOST_TEST(std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))) == "ok");
  sqlite3_finalize(stmt);
  sqlite3_close(db);

  // ...and after a restart every acknowledged upload is there.
  server.Start(roomy);
  Response receipts = server.Call(Request{"GET", "/v1/receipts", "", client.credential, "", {}});
  BOOST_REQUIRE(receipts.status == 200);
  auto list = sync::ListFromJson<sync::Receipt>(receipts.Json(), "receipts");
  BOOST_REQUIRE(list.ok());
  std::set<std::string> stored;
  for (const auto& r : *list) stored.insert(r.report_id);
  for (const std::string& id : acknowledged) BOOST_TEST(stored.count(id) == 1u, id);
  server.process().Signal(SIGTERM);
  BOOST_TEST(server.process().Wait(15000) == 0);
  RunResult audit = Run(kServer, {"audit", "verify", "--dir", dir.path()});
  BOOST_TEST(audit.exit_code == 0, audit.err);
}

BOOST_AUTO_TEST_CASE(a_port_in_use_stops_a_second_server_with_exit_74) {
  TempDir first_dir, second_dir;
  ServerProcess first(first_dir);
  first.Init();
  first.Start();
  ServerProcess second(second_dir);
  second.Init();
  // The same port: the second server must not start and share it.
  RunResult taken = Run(kServer, {"run", "--dir", second_dir.path(), "--port",
                                  std::to_string(first.port())});
  BOOST_TEST(taken.exit_code == 74);
  BOOST_TEST(taken.err.find("already in use") != std::string::npos, taken.err);
  BOOST_TEST(taken.out.find("listening") == std::string::npos);
  // The first one is still the only one answering.
  RunResult health =
      Run("curl", {"-sS", "--cacert", first_dir.File("ca.pem"), first.Url("/v1/health")});
  BOOST_TEST(health.out.find("\"status\":\"ok\"") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::testing
