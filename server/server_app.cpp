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
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "server/commands.h"
#include "server/config.h"
#include "server/open_storage.h"
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
  // TRANSLATORS: the description of --help in fieldnotes-server --help.
  options.addOption(Option("help", "h", N_("show this help")).required(false).repeatable(false));
  // TRANSLATORS: the description of --version in fieldnotes-server --help.
  options.addOption(Option("version", "V", N_("show the version")).required(false).repeatable(false));
  options.addOption(Option("dir", "d", N_("the server's folder (from init)"))
                        .required(false)
                        .repeatable(false)
                        .argument("DIR"));
  options.addOption(Option("port", "p",
                           N_("TCP port (init: written to the configuration; "
                              "run: overrides it; 0: any free port)"))
                        .required(false)
                        .repeatable(false)
                        .argument("N"));
  options.addOption(Option("database", "D",
                           N_("init: PostgreSQL instead of SQLite, postgresql://USER@HOST:PORT/DB "
                              "(the password from PGPASSFILE or --password-file, never here)"))
                        .required(false)
                        .repeatable(false)
                        .argument("URL"));
  options.addOption(Option("password-file", "P",
                           N_("init: the PostgreSQL password file (.pgpass format, mode 0600), "
                              "named in the configuration"))
                        .required(false)
                        .repeatable(false)
                        .argument("FILE"));
  options.addOption(Option("to", "t",
                           N_("admin backup: the backup file to write (must not exist); "
                              "admin migrate: the PostgreSQL URL"))
                        .required(false)
                        .repeatable(false)
                        .argument("FILE"));
  options.addOption(Option("from", "f", N_("admin restore: the backup file to read"))
                        .required(false)
                        .repeatable(false)
                        .argument("FILE"));
  options.addOption(Option("set", "s", N_("override a configuration key: fieldnotes.KEY=VALUE"))
                        .required(false)
                        .repeatable(true)
                        .argument("KEY=VALUE"));
}

void ServerApp::handleOption(const std::string& name, const std::string& value) {
  ServerApplication::handleOption(name, value);
  if (name == "help") {
    help_ = true;
    stopOptionsProcessing();
  } else if (name == "version") {
    version_ = true;
    stopOptionsProcessing();
  } else if (name == "database") {
    database_ = value;
  } else if (name == "password-file") {
    password_file_ = value;
  } else if (name == "to") {
    to_ = value;
  } else if (name == "from") {
    from_ = value;
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
  // GNU style (help2man makes the man page from it): the options as
  // defineOptions() describes them, indented, descriptions in one column.
  std::cout << core::Format(
      // TRANSLATORS: the start of `fieldnotes-server --help`: %1 is the
      // program's name. COMMAND, DIR and OPTIONS are placeholders; keep lines
      // under 80 characters and "Options:" last (the option list follows).
      core::Tr("Usage: %1 COMMAND --dir DIR [OPTIONS]\n\n"
               "The Fieldnotes sync server: relays end-to-end encrypted reports between a\n"
               "client and their therapist. It stores ciphertext and the least metadata\n"
               "needed to deliver it, and can never read a report.\n\nOptions:\n"),
      commandName());
  constexpr size_t kColumn = 32;
  for (const Option& o : options()) {
    std::string left = o.shortName().empty() ? "      " : "  -" + o.shortName() + ", ";
    left += "--" + o.fullName();
    if (o.takesArgument()) left += "=" + o.argumentName();
    left += left.size() + 2 > kColumn ? "\n" + std::string(kColumn, ' ')
                                      : std::string(kColumn - left.size(), ' ');
    std::cout << left << core::Tr(o.description().c_str()) << "\n";
  }
  // TRANSLATORS: the commands of `fieldnotes-server --help`: translate the
  // descriptions (the indented lines) and "Commands:" and the last two
  // lines; the commands, options and placeholders (DIR, FILE, URL, EMAIL)
  // are typed as they are. Keep lines under 80 characters.
  std::cout << core::Tr(R"(
Commands:
  init --dir DIR [--port N] [--database URL [--password-file FILE]]
      make DIR: a configuration, a self-signed certificate, an empty database
      (SQLite in DIR, or the PostgreSQL database at URL)
  run --dir DIR [--port N] [--set KEY=VALUE]...
      serve until SIGTERM or SIGINT; SIGHUP loads the certificate and key
      again (a pair that does not load is refused, the current one kept)
  admin add-clinician|reset-password EMAIL --dir DIR
      add an account, or give it a new password (read from standard input)
  admin disable|enable EMAIL --dir DIR
      stop or allow an account's logins (its sessions end at once)
  admin list --dir DIR
      one line per account: id, email, (disabled)
  admin backup --dir DIR --to FILE
      one file with a consistent copy of DIR (the database, and the
      configuration, certificate and key inside DIR), also while it serves
  admin restore --from FILE --dir NEWDIR
      that copy, checked, into a new folder
  admin migrate --dir DIR --to postgresql://USER@HOST:PORT/DB
      copy DIR's SQLite database whole into an empty PostgreSQL database
      and point DIR's configuration at it (with the server stopped)
  audit verify --dir DIR
      check the hash-chained audit log

Passwords are read from standard input, one line.
See docs/server.md and docs/operations.md.
)");
}

int ServerApp::main(const std::vector<std::string>& args) {
  if (help_) {
    DisplayHelp();
    return kExitOk;
  }
  if (version_) {
    std::cout << "fieldnotes-server " << FIELDNOTES_VERSION << "\n";
    return kExitOk;
  }
  if (args.empty()) {
    DisplayHelp();
    return kExitUsage;
  }
  if (port_ < -1 || port_ > 65535) {
    std::cerr << core::Tr("--port must be a number from 0 to 65535") << "\n";
    return kExitUsage;
  }
  if (dir_.empty()) {
    std::cerr << args[0] << ": " << core::Tr("--dir DIR is required") << "\n";
    return kExitUsage;
  }
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "init" && rest.empty()) {
    return InitCommand(dir_, port_, std::cout, std::cerr, database_, password_file_);
  }
  if (args[0] == "admin" && rest.size() == 1 && rest[0] == "migrate")
    return MigrateCommand(dir_, to_, overrides_, std::cout, std::cerr);
  if (args[0] == "run" && rest.empty()) return Serve();
  if (args[0] == "admin" && rest.size() == 1 && rest[0] == "backup")
    return BackupCommand(dir_, to_, std::cout, std::cerr);
  if (args[0] == "admin" && rest.size() == 1 && rest[0] == "restore")
    return RestoreCommand(from_, dir_, std::cout, std::cerr);
  if (args[0] == "admin") {
    return AdminCommand(rest, dir_, overrides_, std::cin, std::cout, std::cerr);
  }
  if (args[0] == "audit") return AuditCommand(rest, dir_, overrides_, std::cout, std::cerr);
  DisplayHelp();
  return kExitUsage;
}

int ServerApp::Serve() {
  Overrides overrides = overrides_;
  if (port_ >= 0) overrides.emplace_back("fieldnotes.server.port", std::to_string(port_));
  auto config = LoadConfigFromDir(dir_, overrides);
  if (!config.ok()) {
    std::cerr << "run: " << config.status().message() << "\n";
    return kExitConfig;
  }
  SetUpLogging(*config);
  Poco::Logger& log = Poco::Logger::get("fieldnotes");

  // Block the signals before any thread starts, so every thread inherits
  // the mask and the sigwait below is their one receiver.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGQUIT);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  // A client that goes away mid-response must not kill the server.
  signal(SIGPIPE, SIG_IGN);

  auto storage = OpenStorage(*config, config->db_sessions,
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
  for (;;) {
    int sig = 0;
    if (sigwait(&signals, &sig) != 0) continue;
    if (sig != SIGHUP) break;
    log.information("SIGHUP: reloading the certificate and key");
    (void)server.ReloadCertificate();  // logs what happened; a refused pair changes nothing
  }
  log.information("termination requested; finishing requests in flight");
  server.Stop();
  return kExitOk;
}

}  // namespace fieldnotes::server
