#include "server/commands.h"

#include <sys/stat.h>

#include <fstream>
#include <iostream>

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>

#include "core/clock.h"
#include "core/crypto.h"
#include "core/i18n.h"
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
    err << "init: " << core::Tr("--dir DIR is required") << "\n";
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
      // TRANSLATORS: %1 is the server's configuration file.
      err << "init: " << core::Format(core::Tr("%1 exists; refusing to overwrite a server"), config_file)
          << "\n";
      return kExitCantCreate;
    }
  } catch (const Poco::Exception& e) {
    // TRANSLATORS: %1 is a folder, %2 the system's reason.
    err << "init: " << core::Format(core::Tr("cannot create %1: %2"), config.dir, e.displayText())
        << "\n";
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
      err << "init: "
          << core::Format(
                 // TRANSLATORS: %1 is a PostgreSQL URL.
                 core::Tr("%1 holds a server already; copy the folder of the server that made it"),
                 database_url)
          << "\n";
      return kExitCantCreate;
    }
    (*storage)->AppendAudit(
        AuditEvent{core::SystemClock::Instance().Now().unix_seconds, "operator", "init", "server"});
  } catch (const Poco::Exception& e) {
    err << "init: " << core::Format(core::Tr("database error: %1"), e.displayText()) << "\n";
    return kExitIoError;
  }
  // Written last: its presence means the folder is complete.
  {
    std::ofstream file(config_file);
    file << DefaultConfigText(port < 0 ? kDefaultPort : port, database_url,
                              config.database_password_file);
    if (!file) {
      // TRANSLATORS: %1 is the path of the configuration file.
      err << "init: " << core::Format(core::Tr("cannot write %1"), config_file) << "\n";
      return kExitIoError;
    }
  }
  ::chmod(config_file.c_str(), 0600);
  // TRANSLATORS: what `fieldnotes-server init` made: %1 the folder, %2
  // the configuration file, %3 the database, %4 the server's certificate,
  // %5 the certificate clients are given to trust. Keep the columns lined up.
  out << core::Format(core::Tr("initialised %1\n"
                               "  configuration  %2\n"
                               "  database       %3\n"
                               "  certificate    %4\n"
                               "  clients trust  %5\n"),
                      config.dir, config_file, StorageName(config), config.certificate_file,
                      ca_file);
  return kExitOk;
}

int AdminCommand(const std::vector<std::string>& args, const std::string& dir,
                 const Overrides& overrides, std::istream& in, std::ostream& out,
                 std::ostream& err) {
  const std::string verb = args.empty() ? "" : args[0];
  const bool takes_email =
      verb == "add-clinician" || verb == "disable" || verb == "enable" || verb == "reset-password";
  if (!(takes_email && args.size() == 2) && !(verb == "list" && args.size() == 1)) {
    // TRANSLATORS: the words in capitals are placeholders the
    // administrator replaces; the rest is typed as it is.
    err << core::Tr("usage: fieldnotes-server admin add-clinician|disable|enable|reset-password "
                    "EMAIL --dir DIR\n       fieldnotes-server admin list --dir DIR\n");
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
        // TRANSLATORS: after a clinician's account in `admin list`.
        out << c.id << "  " << c.email << (c.disabled ? core::Tr("  (disabled)") : "") << "\n";
      }
      return kExitOk;
    }
    core::Status status;
    if (verb == "add-clinician") {
      auto password = ReadPassword(in);
      auto added = accounts.AddClinician(args[1], password.str());
      status = added.ok() ? core::Status::Ok() : added.status();
      if (added.ok())
        // TRANSLATORS: %1 is the clinician's email, %2 their account's id.
        out << core::Format(core::Tr("added %1 (%2)"), added->email, added->id) << "\n";
    } else if (verb == "reset-password") {
      auto password = ReadPassword(in);
      status = accounts.ResetPassword(args[1], password.str());
      if (status.ok())
        // TRANSLATORS: %1 is the clinician's email; their sign-ins to the server (not therapy
        // sessions) were ended.
        out << core::Format(core::Tr("password reset; every session of %1 ended"), args[1]) << "\n";
    } else {
      status = accounts.SetDisabled(args[1], verb == "disable");
      if (status.ok())
        out << core::Format(verb == "disable"
                                // TRANSLATORS: %1 is the clinician's email: their account was
                                // disabled.
                                ? core::Tr("disabled %1")
                                // TRANSLATORS: %1 is the clinician's email: their account was
                                // enabled again.
                                : core::Tr("enabled %1"),
                            args[1])
            << "\n";
    }
    if (!status.ok()) {
      err << "admin " << verb << ": " << status.message() << "\n";
      return ExitFor(status);
    }
  } catch (const Poco::Exception& e) {
    err << "admin: " << core::Format(core::Tr("database error: %1"), e.displayText()) << "\n";
    return kExitIoError;
  }
  return kExitOk;
}

int AuditCommand(const std::vector<std::string>& args, const std::string& dir,
                 const Overrides& overrides, std::ostream& out, std::ostream& err) {
  if (args.size() != 1 || args[0] != "verify") {
    err << core::Tr("usage: fieldnotes-server audit verify --dir DIR\n");
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
      // TRANSLATORS: %1 is what is wrong with the audit chain.
      err << "audit verify: " << core::Format(core::Tr("FAILED: %1"), s.message()) << "\n";
      return kExitDataError;
    }
    out << "audit verify: "
        << core::Format(
               // TRANSLATORS: %1 is a number of records of the audit log, %2 the hash of its
               // last one (or "(empty)").
               core::TrN("ok, %1 record, head %2", "ok, %1 records, head %2", records.size()),
               // TRANSLATORS: in place of the hash of the audit log's last record, when it
               // has none.
               records.size(), head.second.empty() ? core::Tr("(empty)") : head.second)
        << "\n";
  } catch (const Poco::Exception& e) {
    err << "audit: " << core::Format(core::Tr("database error: %1"), e.displayText()) << "\n";
    return kExitIoError;
  }
  return kExitOk;
}

}  // namespace fieldnotes::server
