#include "server/commands.h"

#include <sys/stat.h>

#include <fstream>
#include <iostream>

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include "core/clock.h"
#include "core/crypto.h"
#include "server/accounts.h"
#include "server/audit_chain.h"
#include "server/certificate.h"
#include "server/config.h"
#include "server/open_storage.h"
#include "server/pg_storage.h"
#include "server/sqlite_storage.h"

namespace fieldnotes::server {
namespace {

int ExitFor(const core::Status& s) {
  switch (s.code()) {
    case core::Status::Code::kOk:
      return kExitOk;
    case core::Status::Code::kIoError:
    case core::Status::Code::kUnavailable:
      return kExitIoError;
    case core::Status::Code::kCorruption:
      return kExitDataError;
    default:
      return kExitFailure;
  }
}

// The first line of `in`, without its line ending; wiped when dropped.
core::crypto::SecureString ReadPassword(std::istream& in) {
  core::crypto::SecureString password;
  std::getline(in, password.mutable_str());
  std::string& s = password.mutable_str();
  while (!s.empty() && (s.back() == '\r' || s.back() == '\n')) s.pop_back();
  return password;
}

}  // namespace

int InitCommand(const std::string& dir, int port, std::ostream& out, std::ostream& err,
                const std::string& database_url, const std::string& password_file) {
  if (dir.empty()) {
    err << "init: --dir DIR is required\n";
    return kExitUsage;
  }
  ServerConfig config = DefaultConfig(dir);
  config.database_url = database_url;
  config.database_password_file =
      password_file.empty() ? "" : Poco::Path(password_file).absolute().toString();
  if (!database_url.empty()) {
    if (auto conninfo = PgConninfoFromUrl(database_url, ""); !conninfo.ok()) {
      err << "init: " << conninfo.status().message() << "\n";
      return kExitUsage;
    }
  }
  const std::string config_file =
      Poco::Path(Poco::Path(config.dir).makeDirectory(), kConfigFileName).toString();
  try {
    Poco::File(config.dir).createDirectories();
    ::chmod(config.dir.c_str(), 0700);
    if (Poco::File(config_file).exists()) {
      err << "init: " << config_file << " exists; refusing to overwrite a server\n";
      return kExitCantCreate;
    }
  } catch (const Poco::Exception& e) {
    err << "init: cannot create " << config.dir << ": " << e.displayText() << "\n";
    return kExitIoError;
  }
  const std::string ca_file =
      Poco::Path(Poco::Path(config.dir).makeDirectory(), kCaFileName).toString();
  if (auto s =
          WriteSelfSignedCertificate(config.private_key_file, config.certificate_file, ca_file);
      !s.ok()) {
    err << "init: " << s.ToString() << "\n";
    return s.code() == core::Status::Code::kAlreadyExists ? kExitCantCreate : ExitFor(s);
  }
  auto storage = OpenStorage(config, 1);
  if (!storage.ok()) {
    err << "init: " << storage.status().ToString() << "\n";
    return ExitFor(storage.status());
  }
  try {
    auto* pg = dynamic_cast<PgStorage*>(storage->get());
    if (pg != nullptr && !pg->IsEmpty()) {
      // Every process of one database shares one DIR's certificate: copy
      // that DIR rather than making another (docs/operations.md).
      err << "init: " << database_url
          << " holds a server already; copy the folder of the server that made it\n";
      return kExitCantCreate;
    }
    (*storage)->AppendAudit(
        AuditEvent{core::SystemClock::Instance().Now().unix_seconds, "operator", "init", "server"});
  } catch (const Poco::Exception& e) {
    err << "init: database error: " << e.displayText() << "\n";
    return kExitIoError;
  }
  // Written last: its presence means the folder is complete.
  {
    std::ofstream file(config_file);
    file << DefaultConfigText(port < 0 ? kDefaultPort : port, database_url,
                              config.database_password_file);
    if (!file) {
      err << "init: cannot write " << config_file << "\n";
      return kExitIoError;
    }
  }
  ::chmod(config_file.c_str(), 0600);
  out << "initialised " << config.dir << "\n"
      << "  configuration  " << config_file << "\n"
      << "  database       " << StorageName(config) << "\n"
      << "  certificate    " << config.certificate_file << "\n"
      << "  clients trust  " << ca_file << "\n";
  return kExitOk;
}

int AdminCommand(const std::vector<std::string>& args, const std::string& dir,
                 const Overrides& overrides, std::istream& in, std::ostream& out,
                 std::ostream& err) {
  const std::string verb = args.empty() ? "" : args[0];
  const bool takes_email =
      verb == "add-clinician" || verb == "disable" || verb == "enable" || verb == "reset-password";
  if (!(takes_email && args.size() == 2) && !(verb == "list" && args.size() == 1)) {
    err << "usage: fieldnotes-server admin add-clinician|disable|enable|reset-password EMAIL "
           "--dir DIR\n       fieldnotes-server admin list --dir DIR\n";
    return kExitUsage;
  }
  auto config = LoadConfigFromDir(dir, overrides);
  if (!config.ok()) {
    err << "admin: " << config.status().message() << "\n";
    return kExitConfig;
  }
  auto storage = OpenStorage(*config, 1);
  if (!storage.ok()) {
    err << "admin: " << storage.status().ToString() << "\n";
    return ExitFor(storage.status());
  }
  PasswordHasher hasher(config->scrypt_log2_n, 1);
  Accounts accounts(ServiceContext{*config, **storage, core::SystemClock::Instance(), hasher});
  try {
    if (verb == "list") {
      for (const ClinicianRecord& c : accounts.List()) {
        out << c.id << "  " << c.email << (c.disabled ? "  (disabled)" : "") << "\n";
      }
      return kExitOk;
    }
    core::Status status;
    if (verb == "add-clinician") {
      auto password = ReadPassword(in);
      auto added = accounts.AddClinician(args[1], password.str());
      status = added.ok() ? core::Status::Ok() : added.status();
      if (added.ok()) out << "added " << added->email << " (" << added->id << ")\n";
    } else if (verb == "reset-password") {
      auto password = ReadPassword(in);
      status = accounts.ResetPassword(args[1], password.str());
      if (status.ok()) out << "password reset; every session of " << args[1] << " ended\n";
    } else {
      status = accounts.SetDisabled(args[1], verb == "disable");
      if (status.ok()) out << verb << "d " << args[1] << "\n";
    }
    if (!status.ok()) {
      err << "admin " << verb << ": " << status.message() << "\n";
      return ExitFor(status);
    }
  } catch (const Poco::Exception& e) {
    err << "admin: database error: " << e.displayText() << "\n";
    return kExitIoError;
  }
  return kExitOk;
}

int AuditCommand(const std::vector<std::string>& args, const std::string& dir,
                 const Overrides& overrides, std::ostream& out, std::ostream& err) {
  if (args.size() != 1 || args[0] != "verify") {
    err << "usage: fieldnotes-server audit verify --dir DIR\n";
    return kExitUsage;
  }
  auto config = LoadConfigFromDir(dir, overrides);
  if (!config.ok()) {
    err << "audit: " << config.status().message() << "\n";
    return kExitConfig;
  }
  auto storage = OpenStorage(*config, 1);
  if (!storage.ok()) {
    err << "audit: " << storage.status().ToString() << "\n";
    return ExitFor(storage.status());
  }
  try {
    const auto records = (*storage)->ReadAudit();
    const auto head = (*storage)->AuditHead();
    if (auto s = VerifyAuditChain(records, head); !s.ok()) {
      err << "audit verify: FAILED: " << s.message() << "\n";
      return kExitDataError;
    }
    out << "audit verify: ok, " << records.size() << " records, head "
        << (head.second.empty() ? "(empty)" : head.second) << "\n";
  } catch (const Poco::Exception& e) {
    err << "audit: database error: " << e.displayText() << "\n";
    return kExitIoError;
  }
  return kExitOk;
}

}  // namespace fieldnotes::server
