// admin backup and admin restore (docs/operations.md, "Backups and
// restores").
//
// A backup is one SQLite file: a copy of the server's database made with
// SQLite's online backup API (one read transaction, so it is consistent
// while the server keeps writing), plus two tables the server never has:
//   backup_info(key, value)          format = 1, created_at, source
//   backup_files(name, mode, content) the configuration and the TLS files
//                                    that live inside DIR, by their names
//                                    relative to DIR
// Restore checks the file (SQLite's integrity check, the format, the audit
// chain), writes it into a new folder and drops the two tables there.
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include <Poco/AutoPtr.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include "core/i18n.h"
#include "core/atomic_file.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "server/audit_chain.h"
#include "server/commands.h"
#include "server/config.h"
#include "server/sqlite_storage.h"

namespace fieldnotes::server {
namespace {

constexpr int kBackupFormat = 1;

struct DbClose {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Db = std::unique_ptr<sqlite3, DbClose>;
struct StmtFinalize {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalize>;

struct BackupFile {
  std::string name;  // relative to DIR
  int mode = 0600;
  std::string content;
};

bool Exists(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0;
}

std::string Errmsg(sqlite3* db) { return db ? sqlite3_errmsg(db) : "out of memory"; }

core::Result<Db> OpenDb(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Db db(raw);
  if (rc != SQLITE_OK) return core::Status::IoError("cannot open " + path + ": " + Errmsg(raw));
  sqlite3_busy_timeout(raw, 10000);
  sqlite3_extended_result_codes(raw, 1);
  return db;
}

core::Status Exec(sqlite3* db, const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string m = message ? message : Errmsg(db);
    sqlite3_free(message);
    return core::Status::IoError(m);
  }
  return core::Status::Ok();
}

// Copies every page of `from` into `to` in one step: one read transaction
// on `from`, so the copy is one consistent moment of it.
core::Status CopyPages(sqlite3* from, sqlite3* to) {
  sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
  if (b == nullptr) return core::Status::IoError("cannot start the copy: " + Errmsg(to));
  int rc;
  do {
    rc = sqlite3_backup_step(b, -1);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
  } while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED || rc == SQLITE_OK);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) {
    return core::Status::IoError(std::string("the copy failed: ") + sqlite3_errstr(rc) + " (" +
                                 Errmsg(to) + ")");
  }
  return core::Status::Ok();
}

// "ok", or what SQLite's integrity check found (a damaged or truncated
// file), or why it could not run.
std::string IntegrityOf(sqlite3* db) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &raw, nullptr) != SQLITE_OK)
    return Errmsg(db);
  Stmt stmt(raw);
  std::string result;
  int rc;
  while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
    if (!result.empty()) result += "; ";
    result += reinterpret_cast<const char*>(sqlite3_column_text(raw, 0));
  }
  if (rc != SQLITE_DONE) return Errmsg(db);
  return result;
}

core::Result<std::string> ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Status::IoError("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  if (!in && !in.eof()) return core::Status::IoError("cannot read " + path);
  return s.str();
}

// `path` relative to `dir` when it lies inside it; "" otherwise.
std::string InsideDir(const std::string& dir, const std::string& path) {
  std::string base = Poco::Path(dir).absolute().makeDirectory().toString();
  if (path.rfind(base, 0) != 0) return "";
  std::string rest = path.substr(base.size());
  if (rest.empty() || rest.find("..") != std::string::npos) return "";
  return rest;
}

void Fsync(const std::string& path, bool folder) {
  const int fd = ::open(path.c_str(), (folder ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

std::string FolderOf(const std::string& path) {
  return Poco::Path(path).absolute().parent().toString();
}

std::string TempBeside(const std::string& path) {
  uint8_t suffix[8];
  (void)core::crypto::RandomBytes(suffix);
  return path + ".writing-" + core::crypto::HexEncode(suffix);
}

// The server's folder in a temporary file beside `to`. The caller links it
// into place.
core::Status WriteBackup(const ServerConfig& config, const std::string& config_file,
                         const std::string& temp, std::vector<std::string>& left_out) {
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return core::Status::IoError("cannot create " + temp + ": " + std::strerror(errno));
  ::close(fd);

  auto source = OpenDb(config.database_file, SQLITE_OPEN_READONLY);
  if (!source.ok()) return source.status();
  auto copy = OpenDb(temp, SQLITE_OPEN_READWRITE);
  if (!copy.ok()) return copy.status();
  FN_RETURN_IF_ERROR(CopyPages(source->get(), copy->get()));
  source->reset();
  sqlite3* db = copy->get();
  // One self-contained file: no -wal beside it.
  FN_RETURN_IF_ERROR(Exec(db, "PRAGMA journal_mode = DELETE"));
  FN_RETURN_IF_ERROR(Exec(db,
                          "CREATE TABLE backup_info (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                          "CREATE TABLE backup_files (name TEXT PRIMARY KEY, mode INTEGER NOT "
                          "NULL, content BLOB NOT NULL);"));

  std::vector<BackupFile> files;
  const std::string ca_file =
      Poco::Path(Poco::Path(config.dir).makeDirectory(), kCaFileName).toString();
  for (const std::string& path :
       {config_file, config.certificate_file, config.private_key_file, ca_file}) {
    const std::string name = InsideDir(config.dir, path);
    if (name.empty()) {
      left_out.push_back(path);
      continue;
    }
    if (!Exists(path)) continue;  // ca.pem is not there with a CA's certificate
    auto content = ReadWhole(path);
    if (!content.ok()) return content.status();
    struct stat st {};
    ::stat(path.c_str(), &st);
    files.push_back(BackupFile{name, static_cast<int>(st.st_mode & 0777), std::move(*content)});
  }

  FN_RETURN_IF_ERROR(Exec(db, "BEGIN"));
  {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, "INSERT INTO backup_files (name, mode, content) VALUES (?, ?, ?)",
                           -1, &raw, nullptr) != SQLITE_OK)
      return core::Status::IoError(Errmsg(db));
    Stmt insert(raw);
    for (const BackupFile& f : files) {
      sqlite3_reset(raw);
      sqlite3_bind_text(raw, 1, f.name.data(), static_cast<int>(f.name.size()), SQLITE_STATIC);
      sqlite3_bind_int(raw, 2, f.mode);
      sqlite3_bind_blob(raw, 3, f.content.data(), static_cast<int>(f.content.size()),
                        SQLITE_STATIC);
      if (sqlite3_step(raw) != SQLITE_DONE) return core::Status::IoError(Errmsg(db));
    }
  }
  const std::string created = std::to_string(core::SystemClock::Instance().Now().unix_seconds);
  FN_RETURN_IF_ERROR(Exec(db, "INSERT INTO backup_info VALUES ('format', '" +
                                  std::to_string(kBackupFormat) + "'), ('created_at', '" + created +
                                  "')"));
  FN_RETURN_IF_ERROR(Exec(db, "COMMIT"));
  if (const std::string check = IntegrityOf(db); check != "ok")
    return core::Status::Corruption("the copy does not check out: " + check);
  copy->reset();
  Fsync(temp, false);
  return core::Status::Ok();
}

// The configuration in `file`, its relative paths resolved against `dir`.
core::Result<ServerConfig> LoadStagedConfig(const std::string& file, const std::string& dir) {
  try {
    Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> conf(
        new Poco::Util::PropertyFileConfiguration(file));
    return LoadConfig(*conf, dir);
  } catch (const Poco::Exception& e) {
    return core::Status::InvalidArgument(e.displayText());
  }
}

int ExitFor(const core::Status& s) {
  switch (s.code()) {
    case core::Status::Code::kAlreadyExists:
      return kExitCantCreate;
    case core::Status::Code::kCorruption:
      return kExitDataError;
    default:
      return kExitIoError;
  }
}

}  // namespace

int BackupCommand(const std::string& dir, const std::string& to, std::ostream& out,
                  std::ostream& err) {
  if (dir.empty() || to.empty()) {
    err << core::Tr("usage: fieldnotes-server admin backup --dir DIR --to FILE\n");
    return kExitUsage;
  }
  auto config = LoadConfigFromDir(dir, {});
  if (!config.ok()) {
    err << "admin backup: " << config.status().message() << "\n";
    return kExitConfig;
  }
  if (!config->database_url.empty()) {
    // PostgreSQL has its own tools for this (docs/operations.md).
    err << "admin backup: "
        // TRANSLATORS: %1 is a PostgreSQL URL; pg_dump is a program's name and DIR the server's
        // folder.
        << core::Format(core::Tr("the database is PostgreSQL (%1); back it up with pg_dump, and "
                                 "DIR with any file copy"),
                        config->database_url)
        << "\n";
    return kExitUsage;
  }
  if (!Exists(config->database_file)) {
    // TRANSLATORS: %1 is the path of the server's SQLite database file.
    err << "admin backup: " << core::Format(core::Tr("no database at %1"), config->database_file)
        << "\n";
    return kExitNoInput;
  }
  if (Exists(to)) {
    // TRANSLATORS: %1 is the path given for the backup file.
    err << "admin backup: " << core::Format(core::Tr("%1 exists; refusing to overwrite it"), to)
        << "\n";
    return kExitCantCreate;
  }
  const std::string config_file =
      Poco::Path(Poco::Path(config->dir).makeDirectory(), kConfigFileName).toString();
  const std::string temp = TempBeside(to);
  std::vector<std::string> left_out;
  core::Status s = WriteBackup(*config, config_file, temp, left_out);
  if (s.ok() && ::link(temp.c_str(), to.c_str()) != 0) {
    s = errno == EEXIST ? core::Status::AlreadyExists(
                              // TRANSLATORS: %1 is the path of the backup file, which another
                              // program created while the backup was written.
                              core::Format(core::Tr("%1 appeared meanwhile; not replaced"), to))
                        : core::Status::IoError(core::Format(core::Tr("cannot create %1: %2"), to,
                                                             std::strerror(errno)));
  }
  ::unlink(temp.c_str());
  if (!s.ok()) {
    err << "admin backup: " << s.message() << "\n";
    return ExitFor(s);
  }
  Fsync(FolderOf(to), true);
  struct stat st {};
  ::stat(to.c_str(), &st);
  // TRANSLATORS: %1 is the server's folder, %2 the backup file, %3 its size.
  out << core::Format(core::TrN("backed up %1 to %2 (%3 byte)", "backed up %1 to %2 (%3 bytes)",
                                static_cast<unsigned long>(st.st_size)),
                      config->dir, to, static_cast<long long>(st.st_size))
      << "\n";
  for (const std::string& path : left_out) {
    out << "  "
        << core::Format(
               // TRANSLATORS: %1 is the path of a file the configuration names (a certificate or
               // key) that is outside the server's folder.
               core::Tr("not in the backup (outside the folder; keep it with its own backup): %1"),
               path)
        << "\n";
  }
  return kExitOk;
}

int RestoreCommand(const std::string& from, const std::string& dir, std::ostream& out,
                   std::ostream& err) {
  if (from.empty() || dir.empty()) {
    err << core::Tr("usage: fieldnotes-server admin restore --from FILE --dir NEWDIR\n");
    return kExitUsage;
  }
  if (!Exists(from)) {
    // TRANSLATORS: %1 is the path of the backup file given to restore.
    err << "admin restore: " << core::Format(core::Tr("no file at %1"), from) << "\n";
    return kExitNoInput;
  }
  const std::string newdir = Poco::Path(dir).absolute().makeDirectory().toString();
  const std::string config_file = newdir + kConfigFileName;
  if (Exists(config_file)) {
    err << "admin restore: "
        // TRANSLATORS: %1 is the path of the configuration file already in the folder.
        << core::Format(core::Tr("%1 exists; restore into a new folder"), config_file) << "\n";
    return kExitCantCreate;
  }

  // The backup, checked before anything is written.
  auto backup = OpenDb(from, SQLITE_OPEN_READONLY);
  if (!backup.ok()) {
    err << "admin restore: " << backup.status().message() << "\n";
    return kExitIoError;
  }
  const auto not_a_backup = [&](const std::string& why) {
    err << "admin restore: "
        << core::Format(
               // TRANSLATORS: %1 is the backup file's path, %2 what is wrong with it.
               core::Tr("%1 is not a whole fieldnotes-server backup (%2); nothing was written"),
               from, why)
        << "\n";
    return kExitDataError;
  };
  if (const std::string check = IntegrityOf(backup->get()); check != "ok")
    return not_a_backup(check);
  std::vector<BackupFile> files;
  {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(backup->get(), "SELECT value FROM backup_info WHERE key = 'format'", -1,
                           &raw, nullptr) != SQLITE_OK)
      return not_a_backup("no backup_info table");
    Stmt stmt(raw);
    if (sqlite3_step(raw) != SQLITE_ROW) return not_a_backup("no format");
    const std::string format = reinterpret_cast<const char*>(sqlite3_column_text(raw, 0));
    if (format != std::to_string(kBackupFormat)) return not_a_backup("unknown format " + format);
  }
  {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(backup->get(), "SELECT name, mode, content FROM backup_files", -1, &raw,
                           nullptr) != SQLITE_OK)
      return not_a_backup("no backup_files table");
    Stmt stmt(raw);
    while (sqlite3_step(raw) == SQLITE_ROW) {
      BackupFile f;
      f.name = reinterpret_cast<const char*>(sqlite3_column_text(raw, 0));
      f.mode = sqlite3_column_int(raw, 1) & 0700;
      const auto* bytes = static_cast<const char*>(sqlite3_column_blob(raw, 2));
      f.content.assign(bytes ? bytes : "", static_cast<size_t>(sqlite3_column_bytes(raw, 2)));
      if (f.name.empty() || f.name.find("..") != std::string::npos || f.name[0] == '/')
        return not_a_backup("a file name outside the folder");
      files.push_back(std::move(f));
    }
  }
  bool has_config = false;
  for (const BackupFile& f : files) has_config |= f.name == kConfigFileName;
  if (!has_config) return not_a_backup("no configuration");

  // Where the restored configuration puts the database; never over one.
  try {
    Poco::File(newdir).createDirectories();
  } catch (const Poco::Exception& e) {
    err << "admin restore: "
        << core::Format(core::Tr("cannot create %1: %2"), newdir, e.displayText()) << "\n";
    return kExitIoError;
  }
  ::chmod(newdir.c_str(), 0700);
  const std::string staged_config = newdir + kConfigFileName + ".restoring";
  for (const BackupFile& f : files) {
    if (f.name != kConfigFileName) continue;
    if (auto s = core::WriteFileAtomically(staged_config, f.content); !s.ok()) {
      err << "admin restore: " << s.message() << "\n";
      return kExitIoError;
    }
  }
  std::string database_file;
  {
    auto config = LoadStagedConfig(staged_config, newdir);
    if (!config.ok()) {
      ::unlink(staged_config.c_str());
      return not_a_backup("its configuration: " + config.status().message());
    }
    database_file = config->database_file;
  }
  if (Exists(database_file)) {
    ::unlink(staged_config.c_str());
    err << "admin restore: "
        // TRANSLATORS: %1 is the path of a database file already in the folder.
        << core::Format(core::Tr("%1 exists; refusing to replace a database"), database_file)
        << "\n";
    return kExitCantCreate;
  }
  for (const BackupFile& f : files) {
    if (f.name == kConfigFileName) continue;
    const std::string path = newdir + f.name;
    Poco::File(Poco::Path(path).parent()).createDirectories();
    if (auto s = core::WriteFileAtomically(path, f.content, core::AtomicWrite::kCreateNew);
        !s.ok()) {
      ::unlink(staged_config.c_str());
      err << "admin restore: " << s.message() << "\n";
      return ExitFor(s);
    }
    ::chmod(path.c_str(), f.mode == 0 ? 0600 : f.mode);
  }

  // The database: the backup's pages, then without the backup's own tables.
  const std::string staged_db = TempBeside(database_file);
  core::Status s;
  {
    const int fd =
        ::open(staged_db.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd >= 0) ::close(fd);
    auto db = OpenDb(staged_db, SQLITE_OPEN_READWRITE);
    s = db.ok() ? CopyPages(backup->get(), db->get()) : db.status();
    if (s.ok()) s = Exec(db->get(), "DROP TABLE backup_files; DROP TABLE backup_info; VACUUM;");
  }
  if (s.ok()) Fsync(staged_db, false);
  if (s.ok() && ::link(staged_db.c_str(), database_file.c_str()) != 0)
    s = core::Status::IoError("cannot create " + database_file + ": " + std::strerror(errno));
  ::unlink(staged_db.c_str());
  if (!s.ok()) {
    ::unlink(staged_config.c_str());
    err << "admin restore: " << s.message() << "\n";
    return ExitFor(s);
  }

  // Checked as the server will see it: it opens, and the audit chain holds.
  auto storage = SqliteStorage::Open(database_file, 1);
  if (!storage.ok()) {
    err << "admin restore: "
        // TRANSLATORS: %1 is the database's reason.
        << core::Format(core::Tr("the restored database does not open: %1"),
                        storage.status().ToString())
        << "\n";
    return kExitDataError;
  }
  size_t records = 0;
  try {
    const auto chain = (*storage)->ReadAudit();
    records = chain.size();
    if (auto v = VerifyAuditChain(chain, (*storage)->AuditHead()); !v.ok()) {
      err << "admin restore: "
          // TRANSLATORS: %1 is what is wrong with the audit log's chain of records.
          << core::Format(core::Tr("the audit log does not verify: %1"), v.message()) << "\n";
      return kExitDataError;
    }
    (*storage)->AppendAudit(AuditEvent{core::SystemClock::Instance().Now().unix_seconds, "operator",
                                       "restore", "server"});
  } catch (const Poco::Exception& e) {
    // TRANSLATORS: %1 is the database's own message (SQLite or PostgreSQL, in English).
    err << "admin restore: " << core::Format(core::Tr("database error: %1"), e.displayText())
        << "\n";
    return kExitIoError;
  }
  storage->reset();
  // Written last: its presence means the folder is complete.
  if (::rename(staged_config.c_str(), config_file.c_str()) != 0) {
    err << "admin restore: "
        << core::Format(core::Tr("cannot create %1: %2"), config_file, std::strerror(errno))
        << "\n";
    return kExitIoError;
  }
  ::chmod(config_file.c_str(), 0600);
  Fsync(newdir, true);
  // TRANSLATORS: what `admin restore` did: %1 the backup file, %2 the new
  // folder, %3 the database, %4 a number of audit log records. Keep the
  // columns lined up.
  out << core::Format(core::TrN("restored %1 into %2\n"
                                "  database       %3\n"
                                "  audit log      %4 record, intact\n",
                                "restored %1 into %2\n"
                                "  database       %3\n"
                                "  audit log      %4 records, intact\n",
                                static_cast<unsigned long>(records)),
                      from, newdir, database_file, records);
  return kExitOk;
}

}  // namespace fieldnotes::server
