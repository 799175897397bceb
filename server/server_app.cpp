#include "server/server_app.h"

#include <signal.h>

#include <iostream>

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/Exception.h>
#include <Poco/FileChannel.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/PatternFormatter.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include "core/clock.h"
#include "server/commands.h"
#include "server/config.h"
#include "server/sqlite_storage.h"
#include "server/sync_server.h"

namespace fieldnotes::server {
namespace {

using Poco::Util::Option;

// Logs go to stderr or to log.file; never a token, password or body (the
// handlers log methods, statuses and errors only).
void SetUpLogging(const ServerConfig& config) {
  Poco::AutoPtr<Poco::Channel> sink;
  if (config.log_file.empty()) {
    sink = new Poco::ConsoleChannel(std::cerr);
  } else {
    auto* file = new Poco::FileChannel(config.log_file);
    file->setProperty("rotation", "10 M");
    file->setProperty("archive", "timestamp");
    file->setProperty("purgeCount", "10");
    sink = file;
  }
  Poco::AutoPtr<Poco::PatternFormatter> pattern(
      new Poco::PatternFormatter("%Y-%m-%dT%H:%M:%SZ %p %t"));
  Poco::AutoPtr<Poco::FormattingChannel> channel(new Poco::FormattingChannel(pattern, sink));
  Poco::Logger::setChannel("", channel);
  Poco::Logger::setLevel("", Poco::Logger::parseLevel(config.log_level));
}

}  // namespace

ServerApp::ServerApp() { Poco::Net::initializeSSL(); }

ServerApp::~ServerApp() { Poco::Net::uninitializeSSL(); }

void ServerApp::defineOptions(Poco::Util::OptionSet& options) {
  ServerApplication::defineOptions(options);
  options.addOption(Option("help", "h", "show this help").required(false).repeatable(false));
  options.addOption(Option("dir", "d", "the server's folder (from init)")
                        .required(false)
                        .repeatable(false)
                        .argument("DIR"));
  options.addOption(Option("port", "p",
                           "TCP port (init: written to the configuration; "
                           "run: overrides it; 0: any free port)")
                        .required(false)
                        .repeatable(false)
                        .argument("N"));
  options.addOption(Option("set", "s", "override a configuration key: fieldnotes.KEY=VALUE")
                        .required(false)
                        .repeatable(true)
                        .argument("KEY=VALUE"));
}

void ServerApp::handleOption(const std::string& name, const std::string& value) {
  ServerApplication::handleOption(name, value);
  if (name == "help") {
    help_ = true;
    stopOptionsProcessing();
  } else if (name == "dir") {
    dir_ = value;
  } else if (name == "port") {
    try {
      port_ = std::stoi(value);
    } catch (const std::exception&) {
      port_ = -2;  // reported in main()
    }
  } else if (name == "set") {
    const size_t eq = value.find('=');
    if (eq == std::string::npos) throw Poco::InvalidArgumentException("--set KEY=VALUE");
    std::string key = value.substr(0, eq);
    if (key.rfind("fieldnotes.", 0) != 0) key = "fieldnotes." + key;
    overrides_.emplace_back(key, value.substr(eq + 1));
  }
}

void ServerApp::DisplayHelp() {
  Poco::Util::HelpFormatter help(options());
  help.setCommand(commandName());
  help.setUsage(
      "init --dir DIR [--port N] | run --dir DIR [--port N] [--set KEY=VALUE]... |\n"
      "  admin add-clinician|disable|enable|reset-password EMAIL --dir DIR |\n"
      "  admin list --dir DIR | audit verify --dir DIR");
  help.setHeader("The Fieldnotes sync server: relays end-to-end encrypted reports.");
  help.setFooter("Passwords are read from standard input. See docs/server.md.");
  help.format(std::cout);
}

int ServerApp::main(const std::vector<std::string>& args) {
  if (help_) {
    DisplayHelp();
    return kExitOk;
  }
  if (args.empty()) {
    DisplayHelp();
    return kExitUsage;
  }
  if (port_ < -1 || port_ > 65535) {
    std::cerr << "--port must be a number from 0 to 65535\n";
    return kExitUsage;
  }
  if (dir_.empty()) {
    std::cerr << args[0] << ": --dir DIR is required\n";
    return kExitUsage;
  }
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "init" && rest.empty()) return InitCommand(dir_, port_, std::cout, std::cerr);
  if (args[0] == "run" && rest.empty()) return Run();
  if (args[0] == "admin") {
    return AdminCommand(rest, dir_, overrides_, std::cin, std::cout, std::cerr);
  }
  if (args[0] == "audit") return AuditCommand(rest, dir_, overrides_, std::cout, std::cerr);
  DisplayHelp();
  return kExitUsage;
}

int ServerApp::Run() {
  Overrides overrides = overrides_;
  if (port_ >= 0) overrides.emplace_back("fieldnotes.server.port", std::to_string(port_));
  auto config = LoadConfigFromDir(dir_, overrides);
  if (!config.ok()) {
    std::cerr << "run: " << config.status().message() << "\n";
    return kExitConfig;
  }
  SetUpLogging(*config);
  Poco::Logger& log = Poco::Logger::get("fieldnotes");

  // Block the termination signals before any thread starts, so every thread
  // inherits the mask and waitForTerminationRequest() is the one receiver.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGQUIT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  // A client that goes away mid-response must not kill the server.
  signal(SIGPIPE, SIG_IGN);

  auto storage = SqliteStorage::Open(config->database_file, config->db_sessions,
                                     size_t{static_cast<unsigned>(config->envelope_cache_mib)} << 20);
  if (!storage.ok()) {
    log.critical(storage.status().ToString());
    return kExitIoError;
  }
  SyncServer server(*config, **storage, core::SystemClock::Instance());
  if (auto s = server.Start(); !s.ok()) {
    log.critical(s.ToString());
    return s.code() == core::Status::Code::kInvalidArgument ? kExitConfig : kExitIoError;
  }
  // The one line on stdout: scripts read the port from it (with --port 0).
  std::cout << "listening on https://localhost:" << server.port() << "/" << std::endl;
  waitForTerminationRequest();
  log.information("termination requested; finishing requests in flight");
  server.Stop();
  return kExitOk;
}

}  // namespace fieldnotes::server
