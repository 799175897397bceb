// AccessCache: what the database answered to a download's session-and-access
// read (Storage::FindSessionForDownload), kept in memory so that the next
// download of the same report with the same session need not ask again.
//
// It only ever holds grants: a session that was found, active, and allowed
// to download one report. It never decides on its own: the storage that
// keeps it (PgStorage) answers from it only after it has made sure that
// every change committed before the request arrived has been heard of and
// applied here (PgListener::Sync, docs/server.md "PostgreSQL"). Whatever
// ends access (a withdrawal, an ended link, a logout, a disabled account, a
// new password, a purge, a key change) clears it whole.
//
// A read that began before a Clear must not put its answer back after it:
// Put takes the generation read by Generation() before the database was
// asked, and is ignored when anything was cleared since.
//
// The session's idle clock: a session is kept with its `last_seen`, which
// Touched moves forward when this process touches the session. Find answers
// only while `now` is within `fresh_seconds` of that `last_seen`, so a
// session another process kept alive is read again rather than judged idle
// on an old time here.
#ifndef FIELDNOTES_SERVER_ACCESS_CACHE_H_
#define FIELDNOTES_SERVER_ACCESS_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "server/storage.h"

namespace fieldnotes::server {

class AccessCache {
 public:
  // More than `max_grants` grants kept clears them all.
  explicit AccessCache(size_t max_grants) : max_grants_(max_grants) {}
  AccessCache(const AccessCache&) = delete;
  AccessCache& operator=(const AccessCache&) = delete;

  uint64_t Generation() const;
  // The session and grant kept for (token_hash, report_id), if any and
  // `now` is within [last_seen, last_seen + fresh_seconds).
  bool Find(const std::string& token_hash, const std::string& report_id, int64_t now,
            int64_t fresh_seconds, SessionRecord& session, DownloadCheck& check) const;
  // Keeps a grant (check.access kGranted; anything else is ignored) unless
  // anything was cleared since `generation`.
  void Put(const SessionRecord& session, const std::string& report_id, const DownloadCheck& check,
           uint64_t generation);
  // This process moved the session's idle clock to `now`.
  void Touched(const std::string& token_hash, int64_t now);
  // The report's first download is recorded: later grants say so.
  void Downloaded(const std::string& report_id);
  void Clear();

  size_t grants() const;

 private:
  struct Kept {
    SessionRecord session;
    std::unordered_map<std::string, DownloadCheck> reports;
  };
  void ClearLocked();

  const size_t max_grants_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Kept> sessions_;  // by token hash
  std::unordered_set<std::string> downloaded_;      // report ids
  size_t grants_ = 0;
  uint64_t generation_ = 0;
};

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_ACCESS_CACHE_H_
