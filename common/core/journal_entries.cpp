// Journal: entries, sessions, threads and import, in memory and on disk.
#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <iterator>
#include <memory>
#include <mutex>
#include <numeric>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/journal.h"
#include "core/journal_db.h"
#include "core/json.h"
#include "core/json_error_words.h"
#include "core/record_codec.h"
#include "core/record_index.h"
#include "core/search_index.h"
#include "core/text.h"

namespace fieldnotes::core {

using internal::ColumnBlob;
using internal::ColumnText;
using internal::Prepare;
using internal::SqliteStatus;
using internal::WriteTransaction;

namespace {

// The order of the journal's storage, oldest first (EntryList reverses it).
bool OlderFirst(const Entry& a, const Entry& b) {
  if (a.written_at.unix_seconds != b.written_at.unix_seconds)
    return a.written_at.unix_seconds < b.written_at.unix_seconds;
  return a.id < b.id;
}

bool SameSession(const Session& a, const Session& b) {
  return a.at.SameAs(b.at) && a.note == b.note;
}

const Clock& ClockOf(const JournalOptions& o) {
  return o.clock ? *o.clock : SystemClock::Instance();
}

}  // namespace

namespace {

// One record as read from the file, waiting to be opened.
struct RawRecord {
  Table table;
  std::string id;
  int format = 0;
  std::vector<uint8_t> blob;
};

// What opening one record gave.
struct OpenedRecord {
  Status status = Status::Ok();
  bool skipped = false;  // damaged, and the journal opens without it
  Entry entry;
  std::string folded;  // an entry's folded searchable text
  Session session;
  Thread thread;
};

// Records are opened in batches of this many, each half of a batch on one
// worker, with at most this many batches read ahead of the joining.
constexpr size_t kOpenBatch = 2048;
constexpr size_t kBatchesInFlight = 4;

// Puts v[order[i]] at v[i] for every i, moving each element once (no
// second vector of the whole journal).
template <typename T>
void Permute(std::vector<T>& v, const std::vector<uint32_t>& order) {
  std::vector<bool> done(v.size(), false);
  for (size_t i = 0; i < v.size(); ++i) {
    if (done[i] || order[i] == i) continue;
    T held = std::move(v[i]);
    size_t j = i;
    while (true) {
      done[j] = true;
      const size_t k = order[j];
      if (k == i) {
        v[j] = std::move(held);
        break;
      }
      v[j] = std::move(v[k]);
      j = k;
    }
  }
}

}  // namespace

// What reading records gave: the records opened, in the file's order, and
// (when asked) their record index terms.
struct Journal::LoadedRecords {
  std::vector<Entry> entries;
  internal::FoldedTexts folded;  // parallel to entries
  std::vector<Session> sessions;
  std::vector<Thread> threads;
  internal::RecordIndex index;
};

// The rest of the entries, read on a worker thread after Open returned
// (JournalOptions::load_first), in the read transaction Open began.
struct Journal::Loading {
  std::thread thread;
  std::atomic<bool> stop{false};
  LoadedRecords first;  // what Open loaded: the index terms of its records
  LoadedRecords rest;
  Status status = Status::Ok();
  std::vector<std::string> differences;  // of the record index, when done
  // Every entry, sorted, and the search index of their words, made on the
  // worker too, so that joining is a move and the first search is quick.
  std::unique_ptr<internal::SearchIndex> search_index;
  std::atomic<bool> done{false};  // the worker has finished
};

namespace {
// `n` entries and room for about a sixteenth more (at least 256).
size_t WithRoomToAdd(size_t n) { return n + std::max<size_t>(256, n / 16); }
}  // namespace

Status Journal::ReadRecords(std::span<const RecordQuery> queries, bool with_index, size_t expected,
                            const std::atomic<bool>* stop, LoadedRecords& out) const {
  sqlite3* h = db_->get();
  out.entries.reserve(out.entries.size() + expected);
  out.folded.Reserve(out.folded.size() + expected);

  // Decrypting, parsing, folding and each record's index term are most of
  // an unlock and each record is independent of the others, so two workers
  // (the reference machine has two cores) open each batch, one half each,
  // while this thread reads the next batches from SQLite (only here) and
  // joins the opened ones in the file's order, so the first error is the
  // one a single thread would have met.
  struct Batch {
    std::vector<RawRecord> raw;
    std::vector<OpenedRecord> opened;
    internal::RecordIndex index[2];  // the index terms of each half
    Status index_status[2] = {Status::Ok(), Status::Ok()};
    int pending = 0;  // halves not opened yet
  };
  auto open_one = [&](const RawRecord& r, OpenedRecord& o) {
    auto plain = DecryptRecord(r.table, r.id, r.format, r.blob);
    if (!plain.ok()) {
      if (options_.skip_damaged_records) {
        o.skipped = true;
      } else {
        o.status = plain.status();
      }
      return;
    }
    auto value = json::Parse(plain->str());
    auto fail = [&] {
      if (options_.skip_damaged_records) {
        o.skipped = true;
      } else {
        o.status = Status::Corruption("record " + std::string(TableName(r.table)) + "/" + r.id +
                                      " does not parse");
      }
    };
    if (!value.ok() || !value->is_object()) return fail();
    const json::Object& obj = value->as_object();
    if (r.table == Table::kEntries) {
      auto e = EntryFromJson(obj);
      if (!e.ok() || e->id != r.id) return fail();
      o.entry = std::move(*e);
      o.folded = text::Fold(o.entry.SearchableText());
    } else if (r.table == Table::kSessions) {
      auto se = SessionFromJson(obj);
      if (!se.ok() || se->id != r.id) return fail();
      o.session = std::move(*se);
    } else {
      auto th = ThreadFromJson(obj);
      if (!th.ok() || th->id != r.id) return fail();
      o.thread = std::move(*th);
    }
  };
  auto open_half = [&](Batch& b, size_t half) {
    const size_t mid = b.raw.size() / 2;
    const size_t from = half == 0 ? 0 : mid;
    const size_t to = half == 0 ? mid : b.raw.size();
    for (size_t i = from; i < to; ++i) {
      const RawRecord& r = b.raw[i];
      if (with_index)
        internal::AddRecordToIndex(index_key_, r.table, r.id, internal::CounterOf(r.format, r.blob),
                                   b.index[half], b.index_status[half]);
      open_one(r, b.opened[i]);
    }
  };

  std::mutex mu;
  std::condition_variable work_cv;
  std::condition_variable done_cv;
  std::deque<std::pair<Batch*, size_t>> jobs;
  std::deque<std::unique_ptr<Batch>> in_flight;  // read, oldest first
  bool stopping = false;
  std::vector<std::thread> workers;
  // Declared after what the workers use, so it stops and joins them first.
  struct JoinWorkers {
    std::mutex& mu;
    std::condition_variable& cv;
    bool& stopping;
    std::vector<std::thread>& threads;
    ~JoinWorkers() {
      {
        std::lock_guard lock(mu);
        stopping = true;
      }
      cv.notify_all();
      for (std::thread& t : threads) t.join();
    }
  } join_workers{mu, work_cv, stopping, workers};
  // Small reads (the first screen's) are opened here: two threads cost
  // more than they save.
  if (std::thread::hardware_concurrency() >= 2 && expected > kOpenBatch) {
    for (int w = 0; w < 2; ++w) {
      workers.emplace_back([&] {
        std::unique_lock lock(mu);
        while (true) {
          work_cv.wait(lock, [&] { return stopping || !jobs.empty(); });
          if (stopping) return;
          auto [batch, half] = jobs.front();
          jobs.pop_front();
          lock.unlock();
          open_half(*batch, half);
          lock.lock();
          if (--batch->pending == 0) done_cv.notify_all();
        }
      });
    }
  }
  auto submit = [&](std::unique_ptr<Batch> b) {
    b->opened.resize(b->raw.size());
    if (workers.empty()) {
      open_half(*b, 0);
      open_half(*b, 1);
    } else {
      std::lock_guard lock(mu);
      b->pending = 2;
      jobs.emplace_back(b.get(), 0);
      jobs.emplace_back(b.get(), 1);
    }
    in_flight.push_back(std::move(b));
    work_cv.notify_all();
  };
  // Joins the oldest batch read, once it is opened.
  auto join_oldest = [&]() -> Status {
    {
      std::unique_lock lock(mu);
      done_cv.wait(lock, [&] { return in_flight.front()->pending == 0; });
    }
    std::unique_ptr<Batch> b = std::move(in_flight.front());
    in_flight.pop_front();
    for (const Status& st : b->index_status) FN_RETURN_IF_ERROR(st);
    out.index.Merge(b->index[0]);
    out.index.Merge(b->index[1]);
    for (size_t i = 0; i < b->raw.size(); ++i) {
      OpenedRecord& o = b->opened[i];
      if (!o.status.ok()) return o.status;
      if (o.skipped) continue;
      if (b->raw[i].table == Table::kEntries) {
        out.entries.push_back(std::move(o.entry));
        out.folded.PushBack(o.folded);
        std::string().swap(o.folded);
      } else if (b->raw[i].table == Table::kSessions) {
        out.sessions.push_back(std::move(o.session));
      } else {
        out.threads.push_back(std::move(o.thread));
      }
    }
    return Status::Ok();
  };

  auto batch = std::make_unique<Batch>();
  for (const RecordQuery& q : queries) {
    auto stmt = Prepare(h, q.sql);
    if (!stmt.ok()) return stmt.status();
    int rc;
    while ((rc = sqlite3_step(stmt->get())) == SQLITE_ROW) {
      if (stop != nullptr && stop->load(std::memory_order_relaxed))
        return Status::Internal("loading stopped: the journal was closed");
      RawRecord r;
      r.table = q.table;
      r.id = std::string(ColumnText(stmt->get(), 0));
      r.format = sqlite3_column_int(stmt->get(), 1);
      const crypto::ByteView blob = ColumnBlob(stmt->get(), 2);
      r.blob.assign(blob.begin(), blob.end());
      batch->raw.push_back(std::move(r));
      if (batch->raw.size() == kOpenBatch) {
        submit(std::move(batch));
        batch = std::make_unique<Batch>();
        if (in_flight.size() >= kBatchesInFlight) FN_RETURN_IF_ERROR(join_oldest());
      }
    }
    if (rc != SQLITE_DONE) return SqliteStatus(h, rc, "loading the journal");
  }
  if (!batch->raw.empty()) submit(std::move(batch));
  while (!in_flight.empty()) FN_RETURN_IF_ERROR(join_oldest());
  return Status::Ok();
}

namespace {

const char* const kAllEntries = "SELECT id, format, blob FROM entries";
const char* const kAllSessions = "SELECT id, format, blob FROM sessions";
const char* const kAllThreads = "SELECT id, format, blob FROM threads";

Result<size_t> CountEntries(sqlite3* h) {
  auto count = Prepare(h, "SELECT count(*) FROM entries");
  if (!count.ok()) return count.status();
  const int rc = sqlite3_step(count->get());
  if (rc != SQLITE_ROW) return SqliteStatus(h, rc, "counting the entries");
  return static_cast<size_t>(std::max<sqlite3_int64>(0, sqlite3_column_int64(count->get(), 0)));
}

// The index of the tables not loaded into memory, added to `index`, then
// how the whole differs from the stored one (in words; empty when equal).
Result<std::vector<std::string>> CompareIndex(sqlite3* h, const crypto::HmacSha256Key& key,
                                              internal::RecordIndex& index) {
  static constexpr Table kOther[] = {Table::kReports, Table::kLinks, Table::kConsents,
                                     Table::kSettings};
  FN_RETURN_IF_ERROR(internal::AddToIndex(h, key, kOther, index));
  auto stored = internal::LoadIndex(h);
  if (!stored.ok()) return stored.status();
  return internal::DescribeIndexDifference(*stored, index);
}

}  // namespace

namespace {

// Oldest first, each entry with its folded text (worked out on the
// workers, not in a pass of its own), each moved once.
void SortOldestFirst(std::vector<Entry>& entries, internal::FoldedTexts& folded) {
  std::vector<uint32_t> order(entries.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return OlderFirst(entries[a], entries[b]); });
  Permute(entries, order);
  folded.Permute(order);
}

}  // namespace

void Journal::TakeLoaded(LoadedRecords& loaded) {
  SortOldestFirst(loaded.entries, loaded.folded);
  ResetSearchIndex();
  entries_ = std::move(loaded.entries);
  folded_ = std::move(loaded.folded);
}

Status Journal::LoadAll(std::vector<std::string>* index_differences) {
  FN_RETURN_IF_ERROR(Settle());
  sqlite3* h = db_->get();
  // One read transaction, so the three tables are a consistent snapshot.
  FN_RETURN_IF_ERROR(internal::Exec(h, "BEGIN"));
  struct EndRead {
    sqlite3* h;
    ~EndRead() { sqlite3_exec(h, "COMMIT", nullptr, nullptr, nullptr); }
  } end_read{h};
  // The entries' vector is allocated once, at its size: growing it (and
  // then moving it into place) held two or three copies of every entry's
  // fields at once, the largest peak of an unlock.
  auto expected = CountEntries(h);
  if (!expected.ok()) return expected.status();
  LoadedRecords loaded;
  static const RecordQuery kAll[] = {{Table::kEntries, kAllEntries},
                                     {Table::kSessions, kAllSessions},
                                     {Table::kThreads, kAllThreads}};
  FN_RETURN_IF_ERROR(ReadRecords(kAll, index_differences != nullptr, *expected, nullptr, loaded));
  if (index_differences) {
    auto differences = CompareIndex(h, index_key_, loaded.index);
    if (!differences.ok()) return differences.status();
    *index_differences = std::move(*differences);
  }
  TakeLoaded(loaded);
  sessions_ = std::move(loaded.sessions);
  threads_ = std::move(loaded.threads);
  SortSessionsAndThreads();
  return Status::Ok();
}

void Journal::SortSessionsAndThreads() {
  std::sort(sessions_.begin(), sessions_.end(),
            [](const Session& a, const Session& b) { return a.at < b.at; });
  std::sort(threads_.begin(), threads_.end(), [](const Thread& a, const Thread& b) {
    return a.created_at != b.created_at ? a.created_at < b.created_at : a.id < b.id;
  });
}

Status Journal::LoadFirst(size_t first) {
  sqlite3* h = db_->get();
  // One read transaction for both parts, so they are one snapshot: this
  // thread begins it, the worker ends it when the rest is read.
  FN_RETURN_IF_ERROR(internal::Exec(h, "BEGIN"));
  auto loading = std::make_unique<Loading>();
  Status s = [&]() -> Status {
    auto expected = CountEntries(h);
    if (!expected.ok()) return expected.status();
    // The entries stored last are, as a rule, the newest: what the first
    // screen shows.
    const std::string newest =
        std::string(kAllEntries) + " ORDER BY rowid DESC LIMIT " + std::to_string(first);
    const RecordQuery queries[] = {{Table::kSessions, kAllSessions},
                                   {Table::kThreads, kAllThreads},
                                   {Table::kEntries, newest.c_str()}};
    return ReadRecords(queries, true, std::min(first, *expected), nullptr, loading->first);
  }();
  if (!s.ok()) {
    sqlite3_exec(h, "COMMIT", nullptr, nullptr, nullptr);
    return s;
  }
  sessions_ = std::move(loading->first.sessions);
  threads_ = std::move(loading->first.threads);
  SortSessionsAndThreads();
  Loading* l = loading.get();
  loading_ = std::move(loading);
  settled_.store(false, std::memory_order_release);
  l->thread = std::thread([this, l, first, h] {
    l->status = [&]() -> Status {
      const std::string rest = std::string(kAllEntries) + " ORDER BY rowid DESC LIMIT -1 OFFSET " +
                               std::to_string(first);
      const RecordQuery queries[] = {{Table::kEntries, rest.c_str()}};
      auto expected = CountEntries(h);
      if (!expected.ok()) return expected.status();
      const size_t left = *expected > first ? *expected - first : 0;
      // Room for the first entries too, which join these below, and for
      // the entries of many sessions after it: one vector of every entry,
      // not grown by the next save (growing it holds two at once: 21 MiB
      // more at 100,000 entries, for the first entry saved). Room never
      // written to costs no memory.
      l->rest.entries.reserve(WithRoomToAdd(left + l->first.entries.size()));
      l->rest.folded.Reserve(left + l->first.folded.size());
      FN_RETURN_IF_ERROR(ReadRecords(queries, true, left, &l->stop, l->rest));
      l->rest.index.Merge(l->first.index);
      auto differences = CompareIndex(h, index_key_, l->rest.index);
      if (!differences.ok()) return differences.status();
      l->differences = std::move(*differences);
      // The first entries stay as they are (copied, not moved) until the
      // journal takes all of them.
      std::copy(l->first.entries.begin(), l->first.entries.end(),
                std::back_inserter(l->rest.entries));
      for (size_t i = 0; i < l->first.folded.size(); ++i)
        l->rest.folded.PushBack(l->first.folded[i]);
      SortOldestFirst(l->rest.entries, l->rest.folded);
      l->search_index = std::make_unique<internal::SearchIndex>();
      for (size_t i = 0; i < l->rest.folded.size(); ++i) {
        if (l->stop.load(std::memory_order_relaxed)) break;
        l->search_index->Add(l->rest.folded[i]);
      }
      l->search_index->Shrink();
      return Status::Ok();
    }();
    sqlite3_exec(h, "COMMIT", nullptr, nullptr, nullptr);
    l->done.store(true, std::memory_order_release);
  });
  return Status::Ok();
}

Journal::Journal() : db_(std::make_unique<Db>()) {}
Journal::~Journal() {
  StopLoading();
  // Locking gives the entries' memory back to the system, not only to the
  // allocator: the next unlock's key derivation (128 MiB) and entries do not
  // come on top of the last ones' freed pages.
  // (Swapped with empty ones: assigning {} would keep their buffers.)
  std::vector<Entry>().swap(entries_);
  folded_.Clear();
  search_index_.reset();
#ifdef __GLIBC__
  ::malloc_trim(0);
#endif
}

bool Journal::StillLoading() const {
  std::lock_guard lock(loading_mu_);
  return loading_ != nullptr && !loading_->done.load(std::memory_order_acquire);
}

Status Journal::SettleSlow() const {
  std::lock_guard lock(loading_mu_);
  if (!loading_) return load_status_;
  // Joining what was loaded changes what the journal holds (all its
  // entries instead of the first), not what it is: the one place a const
  // reader changes it, under the lock, once.
  auto* self = const_cast<Journal*>(this);
  std::unique_ptr<Loading> l = std::move(self->loading_);
  l->thread.join();
  // The worker ended the read transaction; should its COMMIT have met a
  // statement of this thread's in progress, end it now, before any write.
  if (sqlite3_get_autocommit(db_->get()) == 0)
    sqlite3_exec(db_->get(), "COMMIT", nullptr, nullptr, nullptr);
  Status s = l->status;
  if (s.ok() && !l->differences.empty() && !options_.skip_damaged_records) {
    std::string what;
    for (const std::string& d : l->differences) what += (what.empty() ? "" : "; ") + d;
    s = Status::Corruption("the journal is not as it was last saved (" + what +
                           "). Nothing was changed; `fieldnotes-cli check` tells more");
  }
  if (s.ok()) {
    self->entries_ = std::move(l->rest.entries);
    self->folded_ = std::move(l->rest.folded);
    std::lock_guard search_lock(search_mu_);
    self->search_index_ = std::move(l->search_index);
  } else {
    // Nothing half loaded answers as if it were the journal.
    self->ResetSearchIndex();
    self->entries_.clear();
    self->folded_.Clear();
    self->sessions_.clear();
    self->threads_.clear();
  }
  self->load_status_ = s;
  settled_.store(true, std::memory_order_release);
  return s;
}

void Journal::StopLoading() {
  std::lock_guard lock(loading_mu_);
  if (!loading_) return;
  loading_->stop.store(true);
  loading_->thread.join();
  if (sqlite3_get_autocommit(db_->get()) == 0)
    sqlite3_exec(db_->get(), "COMMIT", nullptr, nullptr, nullptr);
  loading_.reset();
  settled_.store(true, std::memory_order_release);
}

void Journal::SortEntries() {
  ResetSearchIndex();
  std::sort(entries_.begin(), entries_.end(), OlderFirst);
  folded_.Clear();
  folded_.Reserve(entries_.size());
  for (const Entry& e : entries_) folded_.PushBack(text::Fold(e.SearchableText()));
}

std::vector<const Entry*> Journal::ListEntries(const EntryFilter& filter) const {
  std::vector<const Entry*> out;
  (void)Settle();
  for (const Entry& e : entries()) {
    if (filter.kind && e.kind != *filter.kind) continue;
    if (filter.from || filter.to) {
      Date d = e.written_at.LocalDate();
      if (filter.from && d < *filter.from) continue;
      if (filter.to && d > *filter.to) continue;
    }
    out.push_back(&e);
  }
  return out;
}

Result<Entry> Journal::GetEntry(std::string_view id) const {
  FN_RETURN_IF_ERROR(Settle());
  const Entry* found = nullptr;
  for (const Entry& e : entries()) {
    if (e.id == id) return e;
    if (id.size() >= 8 && id.size() < e.id.size() && e.id.compare(0, id.size(), id) == 0) {
      if (found) return Status::InvalidArgument("the id prefix matches more than one entry");
      found = &e;
    }
  }
  if (found) return *found;
  return Status::NotFound("no entry with that id");
}

Status Journal::EnsureThread(const std::string& title) {
  if (title.empty()) return Status::Ok();
  for (const Thread& t : threads_)
    if (t.title == title) return Status::Ok();
  // Another process may have created it since we loaded: look on disk, under
  // the caller's write transaction, before creating a second one.
  auto stmt = Prepare(db_->get(), "SELECT id, format, blob FROM threads");
  if (!stmt.ok()) return stmt.status();
  int rc;
  while ((rc = sqlite3_step(stmt->get())) == SQLITE_ROW) {
    std::string id(ColumnText(stmt->get(), 0));
    if (std::any_of(threads_.begin(), threads_.end(), [&](const Thread& t) { return t.id == id; }))
      continue;
    auto plain = DecryptRecord(Table::kThreads, id, sqlite3_column_int(stmt->get(), 1),
                               ColumnBlob(stmt->get(), 2));
    if (!plain.ok()) return plain.status();
    auto value = json::Parse(plain->str());
    if (!value.ok() || !value->is_object())
      return Status::Corruption("thread " + id + " does not parse");
    auto thread = ThreadFromJson(value->as_object());
    if (!thread.ok()) return Status::Corruption("thread " + id + " does not parse");
    bool match = thread->title == title;
    threads_.push_back(std::move(*thread));
    if (match) return Status::Ok();
  }
  if (rc != SQLITE_DONE) return SqliteStatus(db_->get(), rc, "reading threads");
  Thread t;
  t.id = NewUuid();
  t.title = title;
  t.created_at = ClockOf(options_).Now();
  FN_RETURN_IF_ERROR(WriteRecord(Table::kThreads, t.id, json::Write(json::Value(ThreadToJson(t)))));
  threads_.push_back(std::move(t));
  return Status::Ok();
}

Result<std::string> Journal::AddEntry(Entry e) {
  FN_RETURN_IF_ERROR(Settle());
  if (e.id.empty()) e.id = NewUuid();
  FN_RETURN_IF_ERROR(Validate(e));
  std::string plain = json::Write(json::Value(EntryToJson(e)));
  size_t threads_before = threads_.size();
  {
    WriteTransaction tx(db_->get());
    Status s = tx.Begin();
    // Taken ids are looked up by the table's primary key (O(log n)), in
    // the transaction that writes, not in a pass over every entry.
    if (s.ok()) s = ExpectNoRecord(Table::kEntries, e.id, "an entry with that id exists");
    if (s.ok()) s = EnsureThread(e.thread);
    if (s.ok()) s = WriteRecord(Table::kEntries, e.id, plain);
    if (s.ok()) s = tx.Commit();
    crypto::SecureString wipe(std::move(plain));
    if (!s.ok()) {
      threads_.resize(threads_before);  // the thread record was rolled back too
      return s;
    }
  }
  // A new entry is usually the newest: found from the end, added at the end.
  auto pos = std::upper_bound(entries_.begin(), entries_.end(), e, OlderFirst);
  size_t index = static_cast<size_t>(pos - entries_.begin());
  folded_.Insert(index, text::Fold(e.SearchableText()));
  // The search index follows an entry added at the end; one put before
  // others would move their positions, so the index is built again.
  {
    std::lock_guard lock(search_mu_);
    if (search_index_ && index == entries_.size() && search_index_->size() == index) {
      search_index_->Add(folded_[index]);
    } else {
      search_index_.reset();
    }
  }
  std::string id = e.id;
  entries_.insert(pos, std::move(e));
  revision_ = NewRevision();
  return id;
}

Status Journal::UpdateEntry(const Entry& e) {
  FN_RETURN_IF_ERROR(Settle());
  FN_RETURN_IF_ERROR(Validate(e));
  auto it =
      std::find_if(entries_.begin(), entries_.end(), [&](const Entry& x) { return x.id == e.id; });
  if (it == entries_.end()) return Status::NotFound("no entry with that id");
  crypto::SecureString plain(json::Write(json::Value(EntryToJson(e))));
  size_t threads_before = threads_.size();
  WriteTransaction tx(db_->get());
  Status s = tx.Begin();
  if (s.ok()) s = EnsureThread(e.thread);
  if (s.ok()) s = WriteRecord(Table::kEntries, e.id, plain.str());
  if (s.ok()) s = tx.Commit();
  if (!s.ok()) {
    threads_.resize(threads_before);
    return s;
  }
  // Moved to where its time puts it, and only its own text folded again
  // (not the whole journal's).
  const auto at = static_cast<std::ptrdiff_t>(it - entries_.begin());
  ResetSearchIndex();
  entries_.erase(it);
  folded_.Erase(static_cast<size_t>(at));
  auto pos = std::upper_bound(entries_.begin(), entries_.end(), e, OlderFirst);
  folded_.Insert(static_cast<size_t>(pos - entries_.begin()), text::Fold(e.SearchableText()));
  entries_.insert(pos, e);
  revision_ = NewRevision();
  return Status::Ok();
}

Status Journal::DeleteEntry(std::string_view id) {
  FN_RETURN_IF_ERROR(Settle());
  auto it =
      std::find_if(entries_.begin(), entries_.end(), [&](const Entry& x) { return x.id == id; });
  if (it == entries_.end()) return Status::NotFound("no entry with that id");
  FN_RETURN_IF_ERROR(DeleteRecord(Table::kEntries, id));
  size_t index = static_cast<size_t>(it - entries_.begin());
  ResetSearchIndex();
  entries_.erase(it);
  folded_.Erase(index);
  revision_ = NewRevision();
  return Status::Ok();
}

void Journal::ResetSearchIndex() {
  std::lock_guard lock(search_mu_);
  search_index_.reset();
}

std::vector<const Entry*> Journal::Search(std::string_view query) const {
  std::vector<const Entry*> out;
  if (!Settle().ok()) return out;
  std::string needle = text::Fold(query);
  if (needle.empty()) return out;
  std::optional<internal::SearchIndex::Narrowed> candidates;
  {
    std::lock_guard lock(search_mu_);
    if (!search_index_ || search_index_->size() != entries_.size()) {
      search_index_ = std::make_unique<internal::SearchIndex>();
      for (size_t i = 0; i < folded_.size(); ++i) search_index_->Add(folded_[i]);
      search_index_->Shrink();
    }
    candidates = search_index_->Candidates(needle);
  }
  // A needle of one word is answered by the index alone; otherwise only
  // the entries it allows are read, each checked in full, so the answer is
  // the scan's.
  if (candidates && candidates->exact) {
    out.reserve(candidates->positions.size());
    for (size_t k = candidates->positions.size(); k-- > 0;)  // newest first
      out.push_back(&entries_[candidates->positions[k]]);
    return out;
  }
  // The candidates (or every entry, when the index cannot narrow) are each
  // read in full; many are read on two cores, the newer half on the other.
  const size_t n = candidates ? candidates->positions.size() : entries_.size();
  auto position = [&](size_t k) {
    return candidates ? candidates->positions[k] : static_cast<uint32_t>(k);
  };
  auto scan = [&](size_t from, size_t to, std::vector<const Entry*>& found) {
    for (size_t k = to; k-- > from;) {  // newest first
      const uint32_t i = position(k);
      if (text::ContainsFolded(folded_[i], needle)) found.push_back(&entries_[i]);
    }
  };
  if (n < 4096 || std::thread::hardware_concurrency() < 2) {
    scan(0, n, out);
    return out;
  }
  std::vector<const Entry*> newer;
  std::thread other([&] { scan(n / 2, n, newer); });
  scan(0, n / 2, out);
  other.join();
  newer.insert(newer.end(), out.begin(), out.end());
  return newer;
}

Result<std::string> Journal::AddSession(Session s) {
  FN_RETURN_IF_ERROR(Settle());
  if (s.id.empty()) s.id = NewUuid();
  FN_RETURN_IF_ERROR(Validate(s));
  for (const Session& x : sessions_)
    if (x.id == s.id) return Status::AlreadyExists("a session with that id exists");
  FN_RETURN_IF_ERROR(PutRecord(Table::kSessions, s.id, json::Write(json::Value(SessionToJson(s)))));
  auto pos = std::upper_bound(sessions_.begin(), sessions_.end(), s,
                              [](const Session& a, const Session& b) { return a.at < b.at; });
  std::string id = s.id;
  sessions_.insert(pos, std::move(s));
  return id;
}

Status Journal::DeleteSession(std::string_view id) {
  FN_RETURN_IF_ERROR(Settle());
  auto it = std::find_if(sessions_.begin(), sessions_.end(),
                         [&](const Session& x) { return x.id == id; });
  if (it == sessions_.end()) return Status::NotFound("no session with that id");
  FN_RETURN_IF_ERROR(DeleteRecord(Table::kSessions, id));
  sessions_.erase(it);
  return Status::Ok();
}

Result<ImportStats> Journal::Import(const std::vector<ImportItem>& items,
                                    const ProgressFn& progress) {
  FN_RETURN_IF_ERROR(Settle());
  ImportStats stats;
  std::unordered_set<std::string> entry_ids;
  for (const Entry& e : entries_) entry_ids.insert(e.id);
  // Source and source id, joined by a NUL (which neither may contain).
  std::unordered_set<std::string> source_keys;
  auto source_key = [](const Entry& e) { return e.source.str() + '\0' + e.source_id; };
  for (const Entry& e : entries_) {
    if (!e.source.empty()) source_keys.insert(source_key(e));
  }
  std::vector<Entry> new_entries;
  std::vector<Session> new_sessions;
  size_t threads_before = threads_.size();

  WriteTransaction tx(db_->get());
  Status s = tx.Begin();
  if (s.ok()) s = BeginBatchIndex();
  for (size_t i = 0; s.ok() && i < items.size(); ++i) {
    const ImportItem& item = items[i];
    if (item.type == ImportItem::Type::kEntry) {
      Entry e = item.entry;
      if (e.id.empty()) e.id = NewUuid();
      if (!entry_ids.insert(e.id).second ||
          (!e.source.empty() && !source_keys.insert(source_key(e)).second)) {
        ++stats.entries_skipped;
        continue;
      }
      if (ModelError invalid; !Validate(e, &invalid).ok()) {
        s = ModelErrorStatus({ErrorPlace::Unit::kLine, static_cast<size_t>(item.line), {}},
                             invalid);
        break;
      }
      s = EnsureThread(e.thread);
      if (s.ok()) s = WriteRecord(Table::kEntries, e.id, json::Write(json::Value(EntryToJson(e))));
      if (s.ok()) new_entries.push_back(std::move(e));
    } else {
      Session se = item.session;
      auto same = [&](const Session& x) {
        return (!se.id.empty() && x.id == se.id) || SameSession(x, se);
      };
      if (std::any_of(sessions_.begin(), sessions_.end(), same) ||
          std::any_of(new_sessions.begin(), new_sessions.end(), same)) {
        ++stats.sessions_skipped;
        continue;
      }
      if (se.id.empty()) se.id = NewUuid();
      if (ModelError invalid; !Validate(se, &invalid).ok()) {
        s = ModelErrorStatus({ErrorPlace::Unit::kLine, static_cast<size_t>(item.line), {}},
                             invalid);
        break;
      }
      s = WriteRecord(Table::kSessions, se.id, json::Write(json::Value(SessionToJson(se))));
      if (s.ok()) new_sessions.push_back(std::move(se));
    }
    if (!s.ok()) s = s.WithContext("line " + std::to_string(item.line));
    if (progress && (i + 1) % 1000 == 0) progress(i + 1, items.size());
  }
  if (s.ok()) s = EndBatchIndex();
  batch_index_.reset();
  if (s.ok()) s = tx.Commit();
  if (!s.ok()) {
    threads_.resize(threads_before);
    return s;
  }
  if (progress) progress(items.size(), items.size());
  stats.entries_added = new_entries.size();
  for (const Entry& e : new_entries) stats.added_entry_ids.push_back(e.id);
  stats.sessions_added = new_sessions.size();
  for (Entry& e : new_entries) entries_.push_back(std::move(e));
  for (Session& se : new_sessions) sessions_.push_back(std::move(se));
  SortEntries();
  revision_ = NewRevision();
  std::sort(sessions_.begin(), sessions_.end(),
            [](const Session& a, const Session& b) { return a.at < b.at; });
  return stats;
}

}  // namespace fieldnotes::core
