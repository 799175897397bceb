// Operating a running server, with the real fieldnotes-server binary: a
// certificate reloaded on SIGHUP (connections kept, a bad pair refused),
// admin backup while it serves and admin restore into a new folder, and
// both commands on bad input.
#include <signal.h>
#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>

#include <boost/test/unit_test.hpp>

#include "server/certificate.h"
#include "server_fixture.h"
#include "subprocess.h"
#include "sync/messages.h"

namespace fieldnotes::testing {
namespace {

namespace fs = std::filesystem;
constexpr char kServer[] = FIELDNOTES_SERVER_BIN;
constexpr char kEmail[] = "dr.operations@example.org";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

// A served folder: init, one clinician, `run` in the background.
class RunningServer {
 public:
  explicit RunningServer(TempDir& dir, std::vector<std::string> extra = {}) : dir_(dir) {
    RunResult init = Run(kServer, {"init", "--dir", dir.path(), "--port", "0"});
    BOOST_REQUIRE_MESSAGE(init.exit_code == 0, init.err);
    RunResult add = Run(kServer, {"admin", "add-clinician", kEmail, "--dir", dir.path()},
                        std::string(kPassword) + "\n");
    BOOST_REQUIRE_MESSAGE(add.exit_code == 0, add.err);
    Start(dir.path(), extra);
  }
  RunningServer(const std::string& folder, std::vector<std::string> extra, TempDir& dir)
      : dir_(dir) {
    Start(folder, extra);
  }

  uint16_t port() const { return port_; }
  Background& process() { return *process_; }

  // Waits until stderr holds `text`.
  bool WaitForLog(const std::string& text, int timeout_ms = 5000) {
    for (int waited = 0; waited < timeout_ms; waited += 50) {
      if (process_->Stderr().find(text) != std::string::npos) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

 private:
  void Start(const std::string& folder, const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"run", "--dir", folder};
    args.insert(args.end(), extra.begin(), extra.end());
    process_ = std::make_unique<Background>(kServer, args);
    const std::string line = process_->ReadLine(20000);
    const std::string prefix = "listening on https://localhost:";
    BOOST_REQUIRE_MESSAGE(line.rfind(prefix, 0) == 0, "got: " + line + process_->Stderr());
    port_ = static_cast<uint16_t>(std::stoi(line.substr(prefix.size())));
  }

  TempDir& dir_;
  std::unique_ptr<Background> process_;
  uint16_t port_ = 0;
};

// One GET /v1/health on an open connection, the answer read whole
// (Content-Length), so the connection can carry the next one.
int HealthOn(Poco::Net::SecureStreamSocket& socket) {
  const std::string request = "GET /v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n";
  socket.sendBytes(request.data(), static_cast<int>(request.size()));
  std::string in;
  char buffer[4096];
  size_t head_end;
  while ((head_end = in.find("\r\n\r\n")) == std::string::npos) {
    const int n = socket.receiveBytes(buffer, sizeof buffer);
    if (n <= 0) return 0;
    in.append(buffer, n);
  }
  size_t length = 0;
  const size_t at = in.find("Content-Length: ");
  if (at != std::string::npos && at < head_end) length = std::stoul(in.substr(at + 16));
  while (in.size() < head_end + 4 + length) {
    const int n = socket.receiveBytes(buffer, sizeof buffer);
    if (n <= 0) return 0;
    in.append(buffer, n);
  }
  return std::stoi(in.substr(9, 3));
}

// Whether a new connection verifies against `ca_file` (and the host name).
bool NewConnectionTrusts(uint16_t port, const std::string& ca_file) {
  try {
    Poco::Net::SecureStreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port), "localhost",
                                         ClientContext(ca_file));
    socket.setReceiveTimeout(Poco::Timespan(10, 0));
    return HealthOn(socket) == 200;
  } catch (const Poco::Exception&) {
    return false;
  }
}

BOOST_AUTO_TEST_SUITE(operations)

BOOST_AUTO_TEST_CASE(sighup_reloads_the_certificate_and_keeps_open_connections) {
  TempDir dir;
  RunningServer server(dir, {"--set", "http.keep_alive_timeout_seconds=60"});
  const std::string old_ca = dir.File("ca.pem");

  // A connection made with the first certificate, one request answered.
  Poco::Net::SecureStreamSocket open(Poco::Net::SocketAddress("127.0.0.1", server.port()),
                                     "localhost", ClientContext(old_ca));
  open.setReceiveTimeout(Poco::Timespan(10, 0));
  BOOST_REQUIRE(HealthOn(open) == 200);

  // A renewed pair written over the configured files, then SIGHUP.
  TempDir renewed;
  BOOST_REQUIRE(server::WriteSelfSignedCertificate(renewed.File("key.pem"),
                                                   renewed.File("cert.pem"), renewed.File("ca.pem"))
                    .ok());
  const std::string first_key = ReadFile(dir.File("server-key.pem"));
  const std::string first_cert = ReadFile(dir.File("server-cert.pem"));
  WriteFile(dir.File("server-key.pem"), ReadFile(renewed.File("key.pem")));
  WriteFile(dir.File("server-cert.pem"), ReadFile(renewed.File("cert.pem")));
  server.process().Signal(SIGHUP);
  BOOST_REQUIRE_MESSAGE(server.WaitForLog("certificate reloaded"), server.process().Stderr());

  // The open connection keeps working, on the same socket.
  BOOST_TEST(HealthOn(open) == 200);
  BOOST_TEST(HealthOn(open) == 200);
  // A new connection gets the new certificate: the old CA no longer
  // verifies it, the new one does.
  BOOST_TEST(NewConnectionTrusts(server.port(), renewed.File("ca.pem")));
  BOOST_TEST(!NewConnectionTrusts(server.port(), old_ca));

  // A bad pair: the first key with the renewed certificate. Refused, logged,
  // the renewed pair kept.
  WriteFile(dir.File("server-key.pem"), first_key);
  server.process().Signal(SIGHUP);
  BOOST_REQUIRE_MESSAGE(server.WaitForLog("certificate reload refused"), server.process().Stderr());
  BOOST_TEST(server.process().Stderr().find("does not match") != std::string::npos);
  BOOST_TEST(NewConnectionTrusts(server.port(), renewed.File("ca.pem")));
  BOOST_TEST(HealthOn(open) == 200);

  // A certificate file that is not one (half written): refused as well.
  WriteFile(dir.File("server-key.pem"), ReadFile(renewed.File("key.pem")));
  WriteFile(dir.File("server-cert.pem"), first_cert.substr(0, first_cert.size() / 2));
  const size_t refusals_before = [&] {
    const std::string log = server.process().Stderr();
    size_t n = 0;
    for (size_t at = 0; (at = log.find("reload refused", at)) != std::string::npos; ++at) ++n;
    return n;
  }();
  BOOST_TEST(refusals_before == 1u);
  server.process().Signal(SIGHUP);
  for (int i = 0; i < 100; ++i) {
    const std::string log = server.process().Stderr();
    if (log.find("reload refused", log.find("reload refused") + 1) != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  const std::string log = server.process().Stderr();
  BOOST_TEST(log.find("reload refused", log.find("reload refused") + 1) != std::string::npos, log);
  BOOST_TEST(NewConnectionTrusts(server.port(), renewed.File("ca.pem")));

  // Still running, and SIGTERM still stops it cleanly.
  BOOST_TEST(server.process().Wait(0) == -2);
  server.process().Signal(SIGTERM);
  BOOST_TEST(server.process().Wait(15000) == 0, server.process().Stderr());
}

BOOST_AUTO_TEST_CASE(backup_while_serving_then_restore_into_a_new_folder) {
  TempDir dir;
  RunningServer server(dir);
  const Poco::Net::Context::Ptr context = ClientContext(dir.File("ca.pem"));

  // A writer keeps the database busy while the backup runs: every invite
  // is a row and an audit record.
  Response login = CallServer(server.port(), context,
                              Request{"POST",
                                      "/v1/login",
                                      JsonBody({{"email", kEmail}, {"password", kPassword}}),
                                      "",
                                      "application/json",
                                      {}});
  BOOST_REQUIRE(login.status == 200);
  const std::string token = sync::LoginResponse::FromJson(login.Json())->token;
  BOOST_REQUIRE(CallServer(server.port(), context,
                           Request{"PUT",
                                   "/v1/keys",
                                   JsonBody({{"x25519", std::string(64, 'a')},
                                             {"ed25519", std::string(64, 'b')}}),
                                   token,
                                   "application/json",
                                   {}})
                    .status == 200);
  std::atomic<bool> stop{false};
  std::atomic<int> writes{0};
  std::thread writer([&] {
    while (!stop) {
      Response r = CallServer(server.port(), context,
                              Request{"POST", "/v1/invites", "", token, "application/json", {}});
      if (r.status == 201 || r.status == 200) ++writes;
    }
  });
  for (int i = 0; i < 500 && writes < 3; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  TempDir out;
  const std::string backup = out.File("server.backup");
  RunResult made = Run(kServer, {"admin", "backup", "--dir", dir.path(), "--to", backup});
  stop = true;
  writer.join();
  BOOST_REQUIRE_MESSAGE(made.exit_code == 0, made.err);
  BOOST_TEST(writes >= 3);
  BOOST_TEST(made.out.find("backed up") != std::string::npos, made.out);
  struct stat st {};
  BOOST_REQUIRE(::stat(backup.c_str(), &st) == 0);
  BOOST_TEST((st.st_mode & 0777) == 0600u);
  // Nothing beside it: the temporary file is gone.
  BOOST_TEST(std::distance(fs::directory_iterator(out.path()), fs::directory_iterator()) == 1);

  const std::string restored = out.File("restored");
  RunResult back = Run(kServer, {"admin", "restore", "--from", backup, "--dir", restored});
  BOOST_REQUIRE_MESSAGE(back.exit_code == 0, back.err);
  BOOST_TEST(back.out.find("intact") != std::string::npos, back.out);
  // The same accounts, an audit chain that verifies, the same identity.
  RunResult list = Run(kServer, {"admin", "list", "--dir", restored});
  BOOST_TEST(list.out.find(kEmail) != std::string::npos, list.out);
  RunResult audit = Run(kServer, {"audit", "verify", "--dir", restored});
  BOOST_TEST(audit.exit_code == 0, audit.err);
  BOOST_TEST(ReadFile(restored + "/server-key.pem") == ReadFile(dir.File("server-key.pem")));
  BOOST_TEST(ReadFile(restored + "/ca.pem") == ReadFile(dir.File("ca.pem")));
  struct stat key {};
  BOOST_REQUIRE(::stat((restored + "/server-key.pem").c_str(), &key) == 0);
  BOOST_TEST((key.st_mode & 0777) == 0600u);

  // The restored folder serves, with the certificate clients already trust.
  server.process().Signal(SIGTERM);
  BOOST_REQUIRE(server.process().Wait(15000) == 0);
  RunningServer again(restored, {"--port", "0"}, dir);
  Response again_login = CallServer(again.port(), context,
                                    Request{"POST",
                                            "/v1/login",
                                            JsonBody({{"email", kEmail}, {"password", kPassword}}),
                                            "",
                                            "application/json",
                                            {}});
  BOOST_TEST(again_login.status == 200);
}

BOOST_AUTO_TEST_CASE(backup_and_restore_refuse_bad_input) {
  TempDir dir;
  RunResult init = Run(kServer, {"init", "--dir", dir.path(), "--port", "0"});
  BOOST_REQUIRE(init.exit_code == 0);
  TempDir out;

  // An existing target is never replaced.
  WriteFile(out.File("exists"), "keep me");
  RunResult over =
      Run(kServer, {"admin", "backup", "--dir", dir.path(), "--to", out.File("exists")});
  BOOST_TEST(over.exit_code == 73);
  BOOST_TEST(ReadFile(out.File("exists")) == "keep me");
  // A folder that is not a server's.
  RunResult none = Run(kServer, {"admin", "backup", "--dir", out.path(), "--to", out.File("b")});
  BOOST_TEST(none.exit_code == 78);
  // Usage.
  BOOST_TEST(Run(kServer, {"admin", "backup", "--dir", dir.path()}).exit_code == 64);
  BOOST_TEST(Run(kServer, {"admin", "restore", "--dir", out.File("x")}).exit_code == 64);

  const std::string good = out.File("good.backup");
  BOOST_REQUIRE(Run(kServer, {"admin", "backup", "--dir", dir.path(), "--to", good}).exit_code ==
                0);
  const std::string bytes = ReadFile(good);

  // No file; a truncated backup; random bytes; the server's live database
  // (an SQLite file, but not a backup); an empty file. Each refused with
  // 65 or 66, and nothing made in the target folder.
  struct Bad {
    const char* name;
    std::string content;
    int code;
  };
  const std::vector<Bad> bad = {
      {"truncated", bytes.substr(0, bytes.size() / 2), 65},
      {"random", std::string(8192, '\x5a'), 65},
      {"database", ReadFile(dir.File("fieldnotes-server.db")), 65},
      {"empty", "", 65},
  };
  for (const Bad& b : bad) {
    const std::string file = out.File(std::string(b.name) + ".backup");
    WriteFile(file, b.content);
    const std::string target = out.File(std::string("restored-") + b.name);
    RunResult r = Run(kServer, {"admin", "restore", "--from", file, "--dir", target});
    BOOST_TEST(r.exit_code == b.code, b.name << ": " << r.exit_code << " " << r.err);
    BOOST_TEST(!fs::exists(target + "/fieldnotes-server.properties"), b.name);
    BOOST_TEST(!fs::exists(target + "/fieldnotes-server.db"), b.name);
  }
  RunResult missing =
      Run(kServer, {"admin", "restore", "--from", out.File("nothing"), "--dir", out.File("r")});
  BOOST_TEST(missing.exit_code == 66);

  // A folder that already holds a server is never restored over.
  RunResult onto = Run(kServer, {"admin", "restore", "--from", good, "--dir", dir.path()});
  BOOST_TEST(onto.exit_code == 73, onto.err);
  RunResult audit = Run(kServer, {"audit", "verify", "--dir", dir.path()});
  BOOST_TEST(audit.exit_code == 0);
}

BOOST_AUTO_TEST_CASE(version_and_help) {
  RunResult version = Run(kServer, {"--version"});
  BOOST_TEST(version.exit_code == 0);
  BOOST_TEST(version.out.rfind("fieldnotes-server ", 0) == 0, version.out);
  RunResult help = Run(kServer, {"--help"});
  BOOST_TEST(help.exit_code == 0);
  BOOST_TEST(help.out.find("admin backup") != std::string::npos);
  BOOST_TEST(help.out.find("SIGHUP") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::testing
