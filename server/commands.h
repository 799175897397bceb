// The commands of fieldnotes-server other than `run`, as functions that
// write to the given streams and return the process exit code, so they can
// be tested without a process.
#ifndef FIELDNOTES_SERVER_COMMANDS_H_
#define FIELDNOTES_SERVER_COMMANDS_H_

#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace fieldnotes::server {

// Exit codes (sysexits, as Poco's Application uses them).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // a refused request: exists, not found, weak password
inline constexpr int kExitUsage = 64;
inline constexpr int kExitDataError = 65;   // audit verify found damage; not a backup
inline constexpr int kExitNoInput = 66;     // restore: no such file
inline constexpr int kExitCantCreate = 73;  // init: DIR already initialised
inline constexpr int kExitIoError = 74;
inline constexpr int kExitConfig = 78;

using Overrides = std::vector<std::pair<std::string, std::string>>;

// Writes DIR/fieldnotes-server.properties, the certificate files (ca.pem
// among them) and an empty database. Refuses a DIR that has a configuration.
// With `database_url` (postgresql://USER@HOST:PORT/DB) the database is that
// PostgreSQL database (which must exist; its tables are created), its
// password read by libpq from `password_file` (.pgpass format) or PGPASSFILE.
int InitCommand(const std::string& dir, int port, std::ostream& out, std::ostream& err,
                const std::string& database_url = "", const std::string& password_file = "");

// admin migrate: copies DIR's SQLite database whole (accounts, keys,
// sessions, invites, links, reports, envelopes, throttling counters, the
// audit chain) into the empty PostgreSQL database `to_url` in one
// transaction, checks that the copied chain verifies and every table holds
// as many rows as the source, then points DIR's configuration at it (the
// SQLite file stays as it was). Run it with the server stopped. 65 when the
// copy does not check out (nothing is committed then), 73 when the target
// holds a server already, 78 when DIR is not on SQLite.
int MigrateCommand(const std::string& dir, const std::string& to_url, const Overrides& overrides,
                   std::ostream& out, std::ostream& err);

// admin <verb> [EMAIL]; the password (add-clinician, reset-password) is the
// first line of `in`.
int AdminCommand(const std::vector<std::string>& args, const std::string& dir,
                 const Overrides& overrides, std::istream& in, std::ostream& out,
                 std::ostream& err);

// audit verify: 0 and a summary when the chain holds, 65 naming the first
// damaged record otherwise.
int AuditCommand(const std::vector<std::string>& args, const std::string& dir,
                 const Overrides& overrides, std::ostream& out, std::ostream& err);

// admin backup: a consistent copy of DIR (the database through SQLite's
// online backup, which runs beside a serving server, plus the
// configuration and the TLS files inside DIR) into FILE, made beside it and
// linked into place whole. 73 when FILE exists, 78 for a DIR without a
// configuration.
int BackupCommand(const std::string& dir, const std::string& to, std::ostream& out,
                  std::ostream& err);

// admin restore: FILE (from BackupCommand) into NEWDIR, which must not hold
// a server. 66 no FILE, 65 when FILE is not a whole backup (nothing is
// written then), 73 when NEWDIR (or the database it names) exists.
int RestoreCommand(const std::string& from, const std::string& dir, std::ostream& out,
                   std::ostream& err);

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_COMMANDS_H_
