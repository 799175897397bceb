// EnvelopeCache: envelopes recently downloaded, kept in memory, so the next
// download of the same report does not read them from SQLite again. Every
// commit (each batch of download audit records is one) makes SQLite drop the
// page cache of every other connection, so without this each download
// re-reads its envelope's overflow pages from the file and copies them out.
//
// It holds what the database holds: sealed ciphertext only the clinician can
// open. It never decides access: a download still runs its query (stored,
// not withdrawn or expired, the link active and the clinician's) and only
// then takes the bytes from here.
//
// Entries go: at once when this process withdraws a report, ends a link or
// purges an expired report (after the change commits); least recently used
// first beyond `max_bytes`; and when met older than `max_age_seconds`. The
// age bound is how long the bytes of a report withdrawn through another
// server process on the same database can stay in this one's memory (that
// process's downloads already answer 404).
//
// A download that read its bytes from the database before a withdrawal
// committed must not put them back after it: Put takes the generation read
// by Generation() before the download's query, and is ignored when anything
// was dropped since.
#ifndef FIELDNOTES_SERVER_ENVELOPE_CACHE_H_
#define FIELDNOTES_SERVER_ENVELOPE_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace fieldnotes::server {

class EnvelopeCache {
 public:
  using Bytes = std::shared_ptr<const std::vector<uint8_t>>;

  // `max_bytes` 0: nothing is kept.
  EnvelopeCache(size_t max_bytes, int64_t max_age_seconds)
      : max_bytes_(max_bytes), max_age_(max_age_seconds) {}
  EnvelopeCache(const EnvelopeCache&) = delete;
  EnvelopeCache& operator=(const EnvelopeCache&) = delete;

  uint64_t Generation() const;
  // The bytes kept for `report_id`, or null. `now` in seconds.
  Bytes Find(const std::string& report_id, int64_t now);
  // Keeps `bytes` unless anything was dropped since `generation`, or they
  // alone are over a quarter of max_bytes.
  void Put(const std::string& report_id, Bytes bytes, int64_t now, uint64_t generation);
  void Erase(const std::string& report_id);
  void Clear();

  size_t bytes() const;
  size_t entries() const;

 private:
  struct Entry {
    std::string id;
    Bytes bytes;
    int64_t added;
  };
  using List = std::list<Entry>;

  void DropLocked(List::iterator it);

  const size_t max_bytes_;
  const int64_t max_age_;
  mutable std::mutex mu_;
  List lru_;  // most recently used first
  std::unordered_map<std::string, List::iterator> index_;
  size_t used_ = 0;
  uint64_t generation_ = 0;
};

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_ENVELOPE_CACHE_H_
