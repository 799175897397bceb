// Journal: the encrypted store on the client (DESIGN.md §3-§4,
// docs/journal-format.md).
//
// A journal is one SQLite file. Opening it with the passphrase derives the
// key-encryption key with scrypt, unwraps the data key, and decrypts every
// entry, session and thread into memory (with JournalOptions::load_first,
// most entries after Open has returned, on a worker thread); search and
// listing then run in memory. Nothing but ids, sizes and ciphertext is on
// disk.
//
// Writes are durable when the call returns ok (WAL, synchronous=FULL). Two
// processes may write the same journal: each write is one IMMEDIATE
// transaction, and a writer that cannot get the lock within the busy timeout
// gets Status::Busy. The in-memory view of one Journal object does not see
// another process's writes until Reload().
//
// A Journal is not thread-safe; use it from one thread at a time. (Its own
// worker, while the entries load, and searches on several threads are the
// exceptions, each said where it applies.)
#ifndef FIELDNOTES_CORE_JOURNAL_H_
#define FIELDNOTES_CORE_JOURNAL_H_

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/crypto.h"
#include "core/folded_texts.h"
#include "core/model.h"
#include "core/status.h"

namespace fieldnotes::core {

// Encrypted tables. The name is part of every record's associated data.
enum class Table { kEntries, kSessions, kThreads, kReports, kLinks, kConsents, kSettings };
std::string_view TableName(Table t);

inline constexpr int kSchemaVersion = 3;

// JournalOptions::load_first of the desktop app: the entries its first
// screen may need before the rest are loaded.
inline constexpr size_t kFirstScreenEntries = 200;

struct JournalOptions {
  // Cost of the key derivation for a new journal or a new passphrase
  // (2^log2_n, bounded by KdfParams).
  int kdf_log2_n = crypto::KdfParams::kDefaultLog2N;
  // How long a write waits for another process's transaction.
  int busy_timeout_ms = 5000;
  // Source of "now" for created-at times; nullptr means the system clock.
  const Clock* clock = nullptr;
  // Open even when some records fail authentication, leaving them out of
  // memory, so Check() can list every damaged record. For `check` and
  // recovery only: normal use must see the Corruption error instead.
  bool skip_damaged_records = false;
  // When not 0, Open returns as soon as every session and thread and this
  // many of the entries stored last (as a rule the newest) are open: what
  // the first screen needs. The rest are read, opened and checked (the
  // record index) on a worker thread, in the same read transaction. Every
  // call that reads or changes the entries waits for them (entries(),
  // Search, GetEntry, ListEntries, every write): none sees part of the
  // journal as if it were all of it. A failure of the rest (Corruption, as
  // Open would have said) is what WaitLoaded() and every later write
  // return, and the journal then shows no entries at all. 0: Open loads and
  // checks everything itself.
  size_t load_first = 0;
};

// Called during long work with (done, total); total may be 0 when unknown.
using ProgressFn = std::function<void(size_t done, size_t total)>;

struct EntryFilter {
  std::optional<Date> from;  // local date of written_at, inclusive
  std::optional<Date> to;    // inclusive
  std::optional<EntryKind> kind;
};

struct ImportItem {
  enum class Type { kEntry, kSession };
  Type type = Type::kEntry;
  Entry entry;
  Session session;
  int line = 0;  // where it came from, for messages
};

struct ImportStats {
  size_t entries_added = 0;
  size_t entries_skipped = 0;  // already present (same id, or same source and source id)
  size_t sessions_added = 0;
  size_t sessions_skipped = 0;               // same id, or same time and note
  std::vector<std::string> added_entry_ids;  // in the order of the items
};

struct CheckReport {
  bool sqlite_ok = false;
  std::string sqlite_message;  // integrity_check output when not ok
  size_t records_checked = 0;
  std::vector<std::string> damaged;  // "entries/<id>": failed authentication or parse
  bool ok() const { return sqlite_ok && damaged.empty(); }
};

struct BackupReport {
  size_t records = 0;  // records in the copy, each opened with the journal's key
  uint64_t bytes = 0;  // size of the backup file
};

namespace internal {
struct RecordIndex;
class SearchIndex;
}  // namespace internal

// The journal's entries, newest first (by written_at, then id), as a view
// of its storage, which is oldest first so that a new entry is added at the
// end instead of moving every other one. Valid until the journal changes.
class EntryList {
 public:
  using const_iterator = std::vector<Entry>::const_reverse_iterator;
  explicit EntryList(const std::vector<Entry>& oldest_first) : v_(&oldest_first) {}
  const_iterator begin() const { return v_->crbegin(); }
  const_iterator end() const { return v_->crend(); }
  size_t size() const { return v_->size(); }
  bool empty() const { return v_->empty(); }
  const Entry& operator[](size_t i) const { return (*v_)[v_->size() - 1 - i]; }
  const Entry& front() const { return v_->back(); }  // the newest
  const Entry& back() const { return v_->front(); }  // the oldest
  // The same entries oldest first, contiguous: what reports::JournalData
  // reads.
  std::span<const Entry> oldest_first() const { return *v_; }
  // For the functions that read entries in any order (reports::JournalData,
  // the six-word rule, the loop suggester): oldest first.
  operator std::span<const Entry>() const { return *v_; }  // NOLINT(google-explicit-constructor)
  // A copy, newest first.
  std::vector<Entry> ToVector() const { return {begin(), end()}; }

 private:
  const std::vector<Entry>* v_;
};

class Journal {
 public:
  ~Journal();
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;

  // Creates a new journal at `path` (AlreadyExists if the file exists).
  // The passphrase must not be empty.
  static Result<std::unique_ptr<Journal>> Create(const std::string& path,
                                                 std::string_view passphrase,
                                                 const JournalOptions& options = {});

  // Opens and unlocks an existing journal, migrating an older schema
  // version in place. Errors: NotFound (no file), WrongPassphrase (the one
  // generic unlock error), InvalidArgument (KDF parameters out of bounds:
  // refused before any work), Corruption (not a journal, or a record failed
  // authentication: the message names the table and id), Unsupported (a
  // newer schema), Busy.
  static Result<std::unique_ptr<Journal>> Open(const std::string& path, std::string_view passphrase,
                                               const JournalOptions& options = {});

  // Waits until every entry is loaded (JournalOptions::load_first) and says
  // whether loading them worked; Ok at once when nothing is loading.
  Status WaitLoaded() const { return Settle(); }
  // True while the rest of the entries are still being read on the worker
  // (never blocks): a view may show what it has and ask again.
  bool StillLoading() const;

  // Time spent in the key derivation by the last Create/Open, for benchmarks.
  double last_kdf_seconds() const { return kdf_seconds_; }
  const std::string& path() const { return path_; }

  // ---- entries (in memory, newest first by written_at, then id) ----
  // (These wait for the entries still loading: WaitLoaded.)
  EntryList entries() const {
    (void)Settle();
    return EntryList(entries_);
  }
  // A number that changes with every change to entries() (an entry added,
  // edited or deleted, an import, a reload) and is never the same for two
  // journals of one process: entries read at equal revisions are the same,
  // field for field, in the same order. What lets the analysis' cache
  // (reports::JournalData::revision) skip comparing every entry again.
  // Waits for the entries still loading too, so a revision never stands
  // for the first entries alone.
  uint64_t revision() const {
    (void)Settle();
    return revision_;
  }
  std::vector<const Entry*> ListEntries(const EntryFilter& filter) const;
  // NotFound when absent. Accepts a unique id prefix of 8+ characters.
  Result<Entry> GetEntry(std::string_view id) const;
  // Stores a new entry; assigns a UUID when e.id is empty (AlreadyExists if
  // the id is taken). Creates the thread record for e.thread if new.
  // Returns the id.
  Result<std::string> AddEntry(Entry e);
  // Replaces an existing entry (NotFound if absent).
  Status UpdateEntry(const Entry& e);
  // Removes an entry; its record is overwritten on disk (secure_delete).
  Status DeleteEntry(std::string_view id);
  // Case- and accent-insensitive substring search over every text field,
  // newest first. An empty query matches nothing. Looks only at the entries
  // an index of words in memory allows (search_index.h), built at the first
  // search and kept up to date by AddEntry; other changes drop it until the
  // next search. (So the first search after unlock or an edit takes longer.)
  // Searches may run on several threads at once (the index is built under
  // a lock), but not alongside a change to the entries.
  std::vector<const Entry*> Search(std::string_view query) const;

  // ---- sessions and threads ----
  // Sessions and threads are loaded before Open returns.
  const std::vector<Session>& sessions() const { return sessions_; }  // oldest first
  Result<std::string> AddSession(Session s);
  Status DeleteSession(std::string_view id);
  const std::vector<Thread>& threads() const { return threads_; }  // oldest first

  // ---- import ----
  // Adds all items in one transaction: all or nothing. Entries whose id is
  // already present, entries whose source and source id are already
  // present (Entry::source), and sessions already present are skipped.
  Result<ImportStats> Import(const std::vector<ImportItem>& items, const ProgressFn& progress = {});

  // ---- generic encrypted records (reports, links, consents, settings) ----
  Status PutRecord(Table table, std::string_view id, std::string_view plaintext);
  Result<crypto::SecureString> GetRecord(Table table, std::string_view id) const;
  Result<std::vector<std::string>> ListRecordIds(Table table) const;
  Status DeleteRecord(Table table, std::string_view id);

  // ---- maintenance ----
  // Re-wraps the data key under a new passphrase (records are untouched).
  Status ChangePassphrase(std::string_view new_passphrase, int kdf_log2_n);
  // SQLite's integrity check plus authentication of every record.
  CheckReport Check() const;
  // Re-reads everything from disk (after another process wrote).
  Status Reload();
  // A verified copy of the journal file at `path`, encrypted as the journal
  // is and opened by the same passphrase: SQLite's online backup (one
  // consistent moment, while this or another process keeps writing) into a
  // new file beside `path` (0600), then checked as Check() does with this
  // journal's key (every record opens, the record index holds, SQLite's
  // integrity check passes, the key header is the journal's own), and only
  // then linked to `path`. AlreadyExists when `path` exists (never
  // replaced); Corruption when the copy does not check out; IoError. On
  // failure nothing is left at `path`.
  Result<BackupReport> Backup(const std::string& path) const;

 private:
  struct Db;
  // While Import writes many records in one transaction, the record index
  // is kept here and written once before the commit (record_index.h).
  std::unique_ptr<internal::RecordIndex> batch_index_;
  Status BeginBatchIndex();  // inside a write transaction
  Status EndBatchIndex();    // writes it; before the commit
  Journal();
  // Reads entries, sessions and threads. With `index_differences`, also
  // works out the record index of the file in the same pass and snapshot
  // and says how it differs from the stored one (empty when it does not).
  Status LoadAll(std::vector<std::string>* index_differences = nullptr);
  // journal_entries.cpp: reading and opening records on two workers.
  struct RecordQuery {
    Table table;
    const char* sql;  // SELECT id, format, blob FROM <table> ...
  };
  struct LoadedRecords;
  struct Loading;
  Status ReadRecords(std::span<const RecordQuery> queries, bool with_index, size_t expected,
                     const std::atomic<bool>* stop, LoadedRecords& out) const;
  void TakeLoaded(LoadedRecords& loaded);  // entries, sorted, into place
  void SortSessionsAndThreads();
  // Sessions, threads and the `first` entries stored last; the rest on a
  // worker (JournalOptions::load_first).
  Status LoadFirst(size_t first);
  // Ok, or what loading the rest gave, once it is joined; waits for it.
  Status Settle() const {
    return settled_.load(std::memory_order_acquire) ? load_status_ : SettleSlow();
  }
  Status SettleSlow() const;
  void StopLoading();  // the journal closes: the worker stops early
  Status WriteRecord(Table table, std::string_view id, std::string_view plaintext);
  Result<crypto::SecureString> DecryptRecord(Table table, std::string_view id, int format,
                                             crypto::ByteView blob) const;
  Status EnsureThread(const std::string& title);
  // AlreadyExists(`taken`) when `table` holds a record `id`.
  Status ExpectNoRecord(Table table, std::string_view id, std::string_view taken) const;
  void SortEntries();
  void ResetSearchIndex();

  std::unique_ptr<Db> db_;
  std::string path_;
  crypto::SecureBytes data_key_;
  crypto::HmacSha256Key index_key_;  // record_index.h, derived from data_key_
  JournalOptions options_;
  double kdf_seconds_ = 0;
  std::vector<Entry> entries_;    // oldest first: EntryList shows them newest first
  internal::FoldedTexts folded_;  // folded searchable text, parallel to entries_
  // Words of folded_ (positions in entries_); null until the first search
  // and after any change but an entry added at the end.
  // Guarded by search_mu_ (Search is const and builds it lazily).
  mutable std::unique_ptr<internal::SearchIndex> search_index_;
  mutable std::mutex search_mu_;
  std::vector<Session> sessions_;
  std::vector<Thread> threads_;
  // From one counter for every journal of the process (journal.cpp).
  static uint64_t NewRevision();
  uint64_t revision_ = NewRevision();
  // The rest of the entries while they load (load_first); guarded by
  // loading_mu_. settled_ is false from LoadFirst until a reader has
  // joined them (SettleSlow), which also sets load_status_.
  std::unique_ptr<Loading> loading_;
  mutable std::mutex loading_mu_;
  mutable std::atomic<bool> settled_{true};
  Status load_status_ = Status::Ok();
};

// Puts the encrypted backup `backup` (Journal::Backup) in the place of
// the journal at `journal_path`, which must not be open. The backup must
// open with `passphrase` first (WrongPassphrase, Corruption: nothing is
// changed). The journal it replaces is kept beside it as
// `journal_path` + ".before-restore" (one, the latest), so a restore can be
// taken back; *kept_aside says where ("" when there was no journal).
Status RestoreJournalFrom(const std::string& backup, const std::string& journal_path,
                          std::string_view passphrase, const JournalOptions& options,
                          std::string* kept_aside);

}  // namespace fieldnotes::core

#endif  // FIELDNOTES_CORE_JOURNAL_H_
