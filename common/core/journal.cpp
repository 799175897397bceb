#include "core/journal.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <numeric>
#include <optional>
#include <unordered_set>

#include "core/journal_db.h"
#include "core/json.h"
#include "core/record_codec.h"
#include "core/record_index.h"
#include "core/search_index.h"
#include "core/text.h"

namespace fieldnotes::core {

using internal::BindBlob;
using internal::BindText;
using internal::ColumnBlob;
using internal::ColumnText;
using internal::Prepare;
using internal::SqliteStatus;
using internal::WriteTransaction;

namespace {

// docs/journal-format.md, "Records". Format 2 carries the record's write
// counter (for the record index); format 1 records, written before it,
// are read with counter 0 and rewritten as format 2 when next saved.
constexpr uint8_t kRecordFormatV1 = 1;
constexpr uint8_t kRecordFormat = 2;
constexpr size_t kCounterBytes = 8;
constexpr std::string_view kRecordAadLabelV1 = "fieldnotes/record/v1";
constexpr std::string_view kRecordAadLabel = "fieldnotes/record/v2";
constexpr std::string_view kIndexMeta = "record_index";
constexpr std::string_view kKeyAadLabel = "fieldnotes/journal-key/v1";

std::string RecordAad(Table table, std::string_view id, int format, uint64_t counter) {
  std::string aad(format == kRecordFormatV1 ? kRecordAadLabelV1 : kRecordAadLabel);
  aad += '\0';
  aad += TableName(table);
  aad += '\0';
  aad += id;
  aad += '\0';
  aad += std::to_string(format);
  if (format != kRecordFormatV1) {
    aad += '\0';
    aad += std::to_string(counter);
  }
  return aad;
}

std::string KeyAad(const std::string& kdf) {
  std::string aad(kKeyAadLabel);
  aad += '\0';
  aad += kdf;
  return aad;
}

// wrapped = nonce || AES-256-GCM(kek, data key)
Result<crypto::Bytes> WrapKey(const crypto::SecureBytes& kek, const crypto::SecureBytes& key,
                              const std::string& kdf) {
  uint8_t nonce[crypto::kGcmNonceBytes];
  FN_RETURN_IF_ERROR(crypto::RandomBytes(nonce));
  std::string aad = KeyAad(kdf);
  auto sealed = crypto::AesGcmSeal(kek.view(), nonce, crypto::AsBytes(aad), key.view());
  if (!sealed.ok()) return sealed.status();
  crypto::Bytes out(nonce, nonce + sizeof nonce);
  out.insert(out.end(), sealed->begin(), sealed->end());
  return out;
}

Result<crypto::SecureBytes> UnwrapKey(const crypto::SecureBytes& kek, crypto::ByteView wrapped,
                                      const std::string& kdf) {
  if (wrapped.size() != crypto::kGcmNonceBytes + crypto::kAesKeyBytes + crypto::kGcmTagBytes)
    return Status::Corruption("key header: the wrapped key has the wrong size");
  std::string aad = KeyAad(kdf);
  auto key = crypto::AesGcmOpen(kek.view(), wrapped.first(crypto::kGcmNonceBytes),
                                crypto::AsBytes(aad), wrapped.subspan(crypto::kGcmNonceBytes));
  if (!key.ok()) return Status::WrongPassphrase();
  return key;
}

Status SetMeta(sqlite3* db, std::string_view key, crypto::ByteView value) {
  auto stmt = Prepare(db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)");
  if (!stmt.ok()) return stmt.status();
  BindText(stmt->get(), 1, key);
  BindBlob(stmt->get(), 2, value);
  int rc = sqlite3_step(stmt->get());
  if (rc != SQLITE_DONE) return SqliteStatus(db, rc, "writing the key header");
  return Status::Ok();
}

Result<crypto::Bytes> GetMeta(sqlite3* db, std::string_view key) {
  auto stmt = Prepare(db, "SELECT value FROM meta WHERE key = ?1");
  if (!stmt.ok()) return stmt.status();
  BindText(stmt->get(), 1, key);
  int rc = sqlite3_step(stmt->get());
  if (rc == SQLITE_DONE)
    return Status::Corruption("key header: '" + std::string(key) + "' is missing");
  if (rc != SQLITE_ROW) return SqliteStatus(db, rc, "reading the key header");
  auto v = ColumnBlob(stmt->get(), 0);
  return crypto::Bytes(v.begin(), v.end());
}

Status SaveIndex(sqlite3* db, const internal::RecordIndex& index) {
  return SetMeta(db, kIndexMeta, index.Serialize());
}

constexpr Table kAllTables[] = {Table::kEntries, Table::kSessions, Table::kThreads, Table::kReports,
                                Table::kLinks,   Table::kConsents, Table::kSettings};

// The index of the records as they are in the file now: each record's
// term from its id and the counter in its blob (nothing is decrypted).
Result<internal::RecordIndex> IndexOfFile(sqlite3* db, const crypto::HmacSha256Key& key) {
  internal::RecordIndex index;
  FN_RETURN_IF_ERROR(internal::AddToIndex(db, key, kAllTables, index));
  return index;
}

// The counter of the record `id` in `table` as it is in the file, or
// nullopt when there is none.
Result<std::optional<uint64_t>> StoredCounter(sqlite3* db, Table table, std::string_view id) {
  auto stmt = Prepare(db, "SELECT format, substr(blob, 1, " + std::to_string(1 + kCounterBytes) +
                              ") FROM " + std::string(TableName(table)) + " WHERE id = ?1");
  if (!stmt.ok()) return stmt.status();
  BindText(stmt->get(), 1, id);
  const int rc = sqlite3_step(stmt->get());
  if (rc == SQLITE_DONE) return std::optional<uint64_t>();
  if (rc != SQLITE_ROW) return SqliteStatus(db, rc, "reading a record");
  return std::optional<uint64_t>(
      internal::CounterOf(sqlite3_column_int(stmt->get(), 0), ColumnBlob(stmt->get(), 1)));
}

// What differs between the stored index and the records in the file, in
// words (empty when nothing does), read in one transaction.
Result<std::vector<std::string>> IndexDifferences(sqlite3* db, const crypto::HmacSha256Key& key) {
  FN_RETURN_IF_ERROR(internal::Exec(db, "BEGIN"));
  struct EndRead {
    sqlite3* db;
    ~EndRead() { sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr); }
  } end_read{db};
  auto stored = internal::LoadIndex(db);
  if (!stored.ok()) return stored.status();
  auto actual = IndexOfFile(db, key);
  if (!actual.ok()) return actual.status();
  return internal::DescribeIndexDifference(*stored, *actual);
}

Status ConfigureConnection(sqlite3* db, int busy_timeout_ms) {
  sqlite3_busy_timeout(db, busy_timeout_ms);
  sqlite3_extended_result_codes(db, 1);
  // WAL + FULL: a write is on disk when COMMIT returns. secure_delete
  // overwrites freed pages, so a deleted record leaves no ciphertext behind.
  FN_RETURN_IF_ERROR(internal::Exec(db, "PRAGMA journal_mode = WAL"));
  FN_RETURN_IF_ERROR(internal::Exec(db, "PRAGMA synchronous = FULL"));
  FN_RETURN_IF_ERROR(internal::Exec(db, "PRAGMA secure_delete = ON"));
  FN_RETURN_IF_ERROR(internal::Exec(db, "PRAGMA temp_store = MEMORY"));
  return Status::Ok();
}

Result<internal::DbHandle> OpenDb(const std::string& path, bool create, int busy_timeout_ms) {
  sqlite3* raw = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  internal::DbHandle db(raw);
  if (rc != SQLITE_OK) return SqliteStatus(db.get(), rc, "opening the journal file");
  sqlite3_busy_timeout(db.get(), busy_timeout_ms);
  return db;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

bool FileExists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

}  // namespace

namespace internal {

uint64_t CounterOf(int format, crypto::ByteView blob) {
  if (format != kRecordFormat || blob.size() < 1 + kCounterBytes) return 0;
  uint64_t v = 0;
  for (size_t i = 1; i <= kCounterBytes; ++i) v = (v << 8) | blob[i];
  return v;
}

Result<RecordIndex> LoadIndex(sqlite3* db) {
  auto bytes = GetMeta(db, kIndexMeta);
  if (!bytes.ok()) return bytes.status();
  return RecordIndex::Parse(*bytes);
}

void AddRecordToIndex(const crypto::HmacSha256Key& key, Table table, std::string_view id,
                      uint64_t counter, RecordIndex& index, Status& status) {
  index.last_counter = std::max(index.last_counter, counter);
  if (status.ok()) status = index.Toggle(key, table, id, counter, true);
}

Status AddToIndex(sqlite3* db, const crypto::HmacSha256Key& key, std::span<const Table> tables,
                  RecordIndex& index) {
  for (Table t : tables) {
    auto stmt =
        Prepare(db, "SELECT id, format, substr(blob, 1, " + std::to_string(1 + kCounterBytes) +
                        ") FROM " + std::string(TableName(t)));
    if (!stmt.ok()) return stmt.status();
    int rc;
    Status status = Status::Ok();
    while (status.ok() && (rc = sqlite3_step(stmt->get())) == SQLITE_ROW) {
      AddRecordToIndex(key, t, ColumnText(stmt->get(), 0),
                       CounterOf(sqlite3_column_int(stmt->get(), 1), ColumnBlob(stmt->get(), 2)),
                       index, status);
    }
    FN_RETURN_IF_ERROR(status);
    if (rc != SQLITE_DONE) return SqliteStatus(db, rc, "reading the record index");
  }
  return Status::Ok();
}

}  // namespace internal

std::string_view TableName(Table t) {
  switch (t) {
    case Table::kEntries:
      return "entries";
    case Table::kSessions:
      return "sessions";
    case Table::kThreads:
      return "threads";
    case Table::kReports:
      return "reports";
    case Table::kLinks:
      return "links";
    case Table::kConsents:
      return "consents";
    case Table::kSettings:
      return "settings";
  }
  return "entries";
}

// Journal::Journal and ~Journal are in journal_entries.cpp, where Loading is.

Result<std::unique_ptr<Journal>> Journal::Create(const std::string& path,
                                                 std::string_view passphrase,
                                                 const JournalOptions& options) {
  if (passphrase.empty()) return Status::InvalidArgument("the passphrase is empty");
  if (FileExists(path)) return Status::AlreadyExists("a file already exists at " + path);
  auto params = crypto::KdfParams::Generate(options.kdf_log2_n);
  if (!params.ok()) return params.status();

  std::unique_ptr<Journal> j(new Journal());
  j->path_ = path;
  j->options_ = options;
  auto start = std::chrono::steady_clock::now();
  auto kek = crypto::Scrypt(passphrase, *params);
  j->kdf_seconds_ = SecondsSince(start);
  if (!kek.ok()) return kek.status();
  j->data_key_ = crypto::SecureBytes(crypto::kAesKeyBytes);
  FN_RETURN_IF_ERROR(crypto::RandomBytes({j->data_key_.data(), j->data_key_.size()}));
  auto index_key = internal::IndexKey(j->data_key_);
  if (!index_key.ok()) return index_key.status();
  j->index_key_ = std::move(*index_key);
  std::string kdf = params->Serialize();
  auto wrapped = WrapKey(*kek, j->data_key_, kdf);
  if (!wrapped.ok()) return wrapped.status();

  // The journal is built under a temporary name and linked into place only
  // when complete, so an interrupted `init` leaves no half-made journal at
  // `path` (at worst a "<path>.creating-*" file) and can simply be re-run.
  uint8_t suffix[6];
  FN_RETURN_IF_ERROR(crypto::RandomBytes(suffix));
  std::string temp = path + ".creating-" + crypto::HexEncode(suffix);
  {
    auto db = OpenDb(temp, /*create=*/true, options.busy_timeout_ms);
    if (!db.ok()) return db.status();
    sqlite3* h = db->get();
    ::chmod(temp.c_str(), 0600);  // owner-only before anything is written
    Status s = internal::Exec(h, "PRAGMA journal_mode = DELETE");
    if (s.ok()) s = internal::Exec(h, "PRAGMA synchronous = FULL");
    std::string app_id = "PRAGMA application_id = " + std::to_string(internal::kApplicationId);
    if (s.ok()) s = internal::Exec(h, "BEGIN IMMEDIATE");
    if (s.ok()) s = internal::Exec(h, app_id.c_str());
    if (s.ok()) s = internal::Migrate(h, 0, kSchemaVersion);
    if (s.ok()) s = SetMeta(h, "kdf", crypto::AsBytes(kdf));
    if (s.ok()) s = SetMeta(h, "wrapped_key", *wrapped);
    if (s.ok()) s = SaveIndex(h, internal::RecordIndex{});
    if (s.ok()) s = internal::Exec(h, "COMMIT");
    db->reset();  // close: everything is in the one file now
    if (!s.ok()) {
      ::unlink(temp.c_str());
      return s;
    }
  }
  // link() refuses to replace an existing file, unlike rename().
  if (::link(temp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(temp.c_str());
    if (err == EEXIST) return Status::AlreadyExists("a file already exists at " + path);
    return Status::IoError("could not create " + path + ": " + std::strerror(err));
  }
  ::unlink(temp.c_str());

  auto db = OpenDb(path, /*create=*/false, options.busy_timeout_ms);
  if (!db.ok()) return db.status();
  j->db_->handle = std::move(*db);
  FN_RETURN_IF_ERROR(ConfigureConnection(j->db_->get(), options.busy_timeout_ms));
  return j;
}

Result<std::unique_ptr<Journal>> Journal::Open(const std::string& path, std::string_view passphrase,
                                               const JournalOptions& options) {
  if (!FileExists(path)) return Status::NotFound("no journal at " + path);
  std::unique_ptr<Journal> j(new Journal());
  j->path_ = path;
  j->options_ = options;
  auto db = OpenDb(path, /*create=*/false, options.busy_timeout_ms);
  if (!db.ok()) return db.status();
  j->db_->handle = std::move(*db);
  sqlite3* h = j->db_->get();

  // Identity first: a file that is not a journal must not be touched.
  {
    auto stmt = Prepare(h, "PRAGMA application_id");
    if (!stmt.ok()) return stmt.status();
    int rc = sqlite3_step(stmt->get());
    if (rc != SQLITE_ROW) return SqliteStatus(h, rc, "reading the journal header");
    if (sqlite3_column_int(stmt->get(), 0) != internal::kApplicationId)
      return Status::Corruption("not a Fieldnotes journal: " + path);
  }
  FN_RETURN_IF_ERROR(ConfigureConnection(h, options.busy_timeout_ms));
  auto version = internal::SchemaVersion(h);
  if (!version.ok()) return version.status();
  if (*version > kSchemaVersion)
    return Status::Unsupported("this journal was written by a newer Fieldnotes (schema " +
                               std::to_string(*version) + "); please update");
  if (*version < 1) return Status::Corruption("the journal has no schema");

  // The KDF parameters are checked against their bounds before any work.
  auto kdf_bytes = GetMeta(h, "kdf");
  if (!kdf_bytes.ok()) return kdf_bytes.status();
  std::string kdf(crypto::AsChars(*kdf_bytes));
  auto params = crypto::KdfParams::Parse(kdf);
  if (!params.ok()) return params.status().WithContext("the journal's key header");
  auto wrapped = GetMeta(h, "wrapped_key");
  if (!wrapped.ok()) return wrapped.status();

  auto start = std::chrono::steady_clock::now();
  auto kek = crypto::Scrypt(passphrase, *params);
  j->kdf_seconds_ = SecondsSince(start);
  if (!kek.ok()) return kek.status();
  auto key = UnwrapKey(*kek, *wrapped, kdf);
  if (!key.ok()) return key.status();
  j->data_key_ = std::move(*key);
  auto index_key = internal::IndexKey(j->data_key_);
  if (!index_key.ok()) return index_key.status();
  j->index_key_ = std::move(*index_key);

  if (*version < kSchemaVersion) {
    WriteTransaction tx(h);
    FN_RETURN_IF_ERROR(tx.Begin());
    // Re-read under the write lock: another process may have migrated.
    auto v = internal::SchemaVersion(h);
    if (!v.ok()) return v.status();
    FN_RETURN_IF_ERROR(internal::Migrate(h, *v, kSchemaVersion));
    if (*v < 3) {
      // Version 3: the record index, from the records as they are now.
      auto built = IndexOfFile(h, j->index_key_);
      if (!built.ok()) return built.status();
      FN_RETURN_IF_ERROR(SaveIndex(h, *built));
    }
    FN_RETURN_IF_ERROR(tx.Commit());
  }
  // Every record last saved is there, each as last saved: a record deleted
  // from the file or rolled back to an older copy is refused here (and
  // named by Check, which opens with skip_damaged_records). The index is
  // worked out in the pass that reads the records, in the same snapshot.
  // With load_first, the rest of the entries and the record index are
  // read and checked on a worker (LoadFirst); a difference is then what
  // WaitLoaded() and every later write return.
  if (options.load_first > 0) {
    FN_RETURN_IF_ERROR(j->LoadFirst(options.load_first));
    return j;
  }
  std::vector<std::string> differences;
  FN_RETURN_IF_ERROR(j->LoadAll(&differences));
  if (!differences.empty() && !options.skip_damaged_records) {
    std::string what;
    for (const std::string& d : differences) what += (what.empty() ? "" : "; ") + d;
    return Status::Corruption("the journal is not as it was last saved (" + what +
                              "). Nothing was changed; `fieldnotes-cli check` tells more");
  }
  return j;
}

// ---- records ----

Status Journal::WriteRecord(Table table, std::string_view id, std::string_view plaintext) {
  // The record index changes in the same transaction as the record: in
  // memory during an import (written once before its commit), else here.
  Result<internal::RecordIndex> index =
      batch_index_ ? Result<internal::RecordIndex>(*batch_index_) : internal::LoadIndex(db_->get());
  if (!index.ok()) return index.status();
  auto old = StoredCounter(db_->get(), table, id);
  if (!old.ok()) return old.status();
  if (old->has_value())
    FN_RETURN_IF_ERROR(index->Toggle(index_key_, table, id, **old, /*add=*/false));
  const uint64_t counter = ++index->last_counter;
  FN_RETURN_IF_ERROR(index->Toggle(index_key_, table, id, counter, /*add=*/true));
  if (batch_index_)
    *batch_index_ = *index;
  else
    FN_RETURN_IF_ERROR(SaveIndex(db_->get(), *index));

  uint8_t nonce[crypto::kGcmNonceBytes];
  FN_RETURN_IF_ERROR(crypto::RandomBytes(nonce));
  std::string aad = RecordAad(table, id, kRecordFormat, counter);
  auto sealed =
      crypto::AesGcmSeal(data_key_.view(), nonce, crypto::AsBytes(aad), crypto::AsBytes(plaintext));
  if (!sealed.ok()) return sealed.status();
  // blob = format byte || write counter (8, big-endian) || nonce || ciphertext || tag
  crypto::Bytes blob;
  blob.reserve(1 + kCounterBytes + sizeof nonce + sealed->size());
  blob.push_back(kRecordFormat);
  for (int shift = 56; shift >= 0; shift -= 8)
    blob.push_back(static_cast<uint8_t>(counter >> shift));
  blob.insert(blob.end(), nonce, nonce + sizeof nonce);
  blob.insert(blob.end(), sealed->begin(), sealed->end());

  std::string sql = "INSERT OR REPLACE INTO " + std::string(TableName(table)) +
                    " (id, format, blob) VALUES (?1, ?2, ?3)";
  auto stmt = Prepare(db_->get(), sql);
  if (!stmt.ok()) return stmt.status();
  BindText(stmt->get(), 1, id);
  sqlite3_bind_int(stmt->get(), 2, kRecordFormat);
  BindBlob(stmt->get(), 3, blob);
  int rc = sqlite3_step(stmt->get());
  if (rc != SQLITE_DONE) return SqliteStatus(db_->get(), rc, "saving a record");
  return Status::Ok();
}

Result<crypto::SecureString> Journal::DecryptRecord(Table table, std::string_view id, int format,
                                                    crypto::ByteView blob) const {
  auto where = [&] { return std::string(TableName(table)) + "/" + std::string(id); };
  if ((format != kRecordFormat && format != kRecordFormatV1) || blob.empty() || blob[0] != format)
    return Status::Unsupported("record " + where() + " has an unknown format version");
  const size_t header = format == kRecordFormatV1 ? 1 : 1 + kCounterBytes;
  if (blob.size() < header + crypto::kGcmNonceBytes + crypto::kGcmTagBytes)
    return Status::Corruption("record " + where() + " is truncated");
  std::string aad = RecordAad(table, id, format, internal::CounterOf(format, blob));
  auto plain =
      crypto::AesGcmOpen(data_key_.view(), blob.subspan(header, crypto::kGcmNonceBytes),
                         crypto::AsBytes(aad), blob.subspan(header + crypto::kGcmNonceBytes));
  if (!plain.ok())
    return Status::Corruption("record " + where() +
                              " failed authentication (edited, moved or damaged)");
  return crypto::SecureString(std::string(crypto::AsChars(plain->view())));
}

Status Journal::BeginBatchIndex() {
  auto index = internal::LoadIndex(db_->get());
  if (!index.ok()) return index.status();
  batch_index_ = std::make_unique<internal::RecordIndex>(*index);
  return Status::Ok();
}

Status Journal::EndBatchIndex() {
  if (!batch_index_) return Status::Ok();
  return SaveIndex(db_->get(), *batch_index_);
}

Status Journal::PutRecord(Table table, std::string_view id, std::string_view plaintext) {
  FN_RETURN_IF_ERROR(Settle());
  if (id.empty() || id.size() > 128)
    return Status::InvalidArgument("record id is empty or too long");
  WriteTransaction tx(db_->get());
  FN_RETURN_IF_ERROR(tx.Begin());
  FN_RETURN_IF_ERROR(WriteRecord(table, id, plaintext));
  return tx.Commit();
}

Result<crypto::SecureString> Journal::GetRecord(Table table, std::string_view id) const {
  std::string sql = "SELECT format, blob FROM " + std::string(TableName(table)) + " WHERE id = ?1";
  auto stmt = Prepare(db_->get(), sql);
  if (!stmt.ok()) return stmt.status();
  BindText(stmt->get(), 1, id);
  int rc = sqlite3_step(stmt->get());
  if (rc == SQLITE_DONE) return Status::NotFound("no such record");
  if (rc != SQLITE_ROW) return SqliteStatus(db_->get(), rc, "reading a record");
  return DecryptRecord(table, id, sqlite3_column_int(stmt->get(), 0), ColumnBlob(stmt->get(), 1));
}

Status Journal::ExpectNoRecord(Table table, std::string_view id, std::string_view taken) const {
  auto stmt =
      Prepare(db_->get(), "SELECT 1 FROM " + std::string(TableName(table)) + " WHERE id = ?1");
  if (!stmt.ok()) return stmt.status();
  BindText(stmt->get(), 1, id);
  const int rc = sqlite3_step(stmt->get());
  if (rc == SQLITE_ROW) return Status::AlreadyExists(std::string(taken));
  if (rc != SQLITE_DONE) return SqliteStatus(db_->get(), rc, "looking up a record");
  return Status::Ok();
}

Result<std::vector<std::string>> Journal::ListRecordIds(Table table) const {
  auto stmt =
      Prepare(db_->get(), "SELECT id FROM " + std::string(TableName(table)) + " ORDER BY id");
  if (!stmt.ok()) return stmt.status();
  std::vector<std::string> ids;
  int rc;
  while ((rc = sqlite3_step(stmt->get())) == SQLITE_ROW)
    ids.emplace_back(ColumnText(stmt->get(), 0));
  if (rc != SQLITE_DONE) return SqliteStatus(db_->get(), rc, "listing records");
  return ids;
}

Status Journal::DeleteRecord(Table table, std::string_view id) {
  FN_RETURN_IF_ERROR(Settle());
  WriteTransaction tx(db_->get());
  FN_RETURN_IF_ERROR(tx.Begin());
  auto old = StoredCounter(db_->get(), table, id);
  if (!old.ok()) return old.status();
  if (!old->has_value()) return Status::NotFound("no such record");
  auto index = internal::LoadIndex(db_->get());
  if (!index.ok()) return index.status();
  FN_RETURN_IF_ERROR(index->Toggle(index_key_, table, id, **old, /*add=*/false));
  FN_RETURN_IF_ERROR(SaveIndex(db_->get(), *index));
  auto stmt =
      Prepare(db_->get(), "DELETE FROM " + std::string(TableName(table)) + " WHERE id = ?1");
  if (!stmt.ok()) return stmt.status();
  BindText(stmt->get(), 1, id);
  int rc = sqlite3_step(stmt->get());
  if (rc != SQLITE_DONE) return SqliteStatus(db_->get(), rc, "deleting a record");
  if (sqlite3_changes(db_->get()) == 0) return Status::NotFound("no such record");
  return tx.Commit();
}

// ---- maintenance ----

Status Journal::ChangePassphrase(std::string_view new_passphrase, int kdf_log2_n) {
  FN_RETURN_IF_ERROR(Settle());
  if (new_passphrase.empty()) return Status::InvalidArgument("the new passphrase is empty");
  auto params = crypto::KdfParams::Generate(kdf_log2_n);
  if (!params.ok()) return params.status();
  auto kek = crypto::Scrypt(new_passphrase, *params);
  if (!kek.ok()) return kek.status();
  std::string kdf = params->Serialize();
  auto wrapped = WrapKey(*kek, data_key_, kdf);
  if (!wrapped.ok()) return wrapped.status();
  // Only the key header changes: the data key, and so every record, stays.
  WriteTransaction tx(db_->get());
  FN_RETURN_IF_ERROR(tx.Begin());
  FN_RETURN_IF_ERROR(SetMeta(db_->get(), "kdf", crypto::AsBytes(kdf)));
  FN_RETURN_IF_ERROR(SetMeta(db_->get(), "wrapped_key", *wrapped));
  return tx.Commit();
}

CheckReport Journal::Check() const {
  CheckReport report;
  (void)Settle();  // its read transaction ends first
  sqlite3* h = db_->get();
  if (auto stmt = Prepare(h, "PRAGMA integrity_check"); stmt.ok()) {
    int rc;
    while ((rc = sqlite3_step(stmt->get())) == SQLITE_ROW) {
      std::string_view line = ColumnText(stmt->get(), 0);
      if (line == "ok") {
        report.sqlite_ok = true;
      } else {
        if (!report.sqlite_message.empty()) report.sqlite_message += "\n";
        report.sqlite_message += line;
      }
    }
    if (rc != SQLITE_DONE) {
      report.sqlite_ok = false;
      report.sqlite_message += SqliteStatus(h, rc, "integrity check").ToString();
    }
  } else {
    report.sqlite_message = stmt.status().ToString();
  }
  for (Table t : kAllTables) {
    auto stmt = Prepare(h, "SELECT id, format, blob FROM " + std::string(TableName(t)));
    if (!stmt.ok()) {
      report.damaged.push_back(std::string(TableName(t)) + ": " + stmt.status().ToString());
      continue;
    }
    while (sqlite3_step(stmt->get()) == SQLITE_ROW) {
      ++report.records_checked;
      std::string id(ColumnText(stmt->get(), 0));
      auto plain =
          DecryptRecord(t, id, sqlite3_column_int(stmt->get(), 1), ColumnBlob(stmt->get(), 2));
      std::string where = std::string(TableName(t)) + "/" + id;
      if (!plain.ok()) {
        report.damaged.push_back(where + ": " + plain.status().message());
        continue;
      }
      if (t == Table::kEntries || t == Table::kSessions || t == Table::kThreads) {
        auto v = json::Parse(plain->str());
        bool ok = v.ok() && v->is_object();
        if (ok && t == Table::kEntries) ok = EntryFromJson(v->as_object()).ok();
        if (ok && t == Table::kSessions) ok = SessionFromJson(v->as_object()).ok();
        if (ok && t == Table::kThreads) ok = ThreadFromJson(v->as_object()).ok();
        if (!ok) report.damaged.push_back(where + ": does not parse");
      }
    }
  }
  // Records missing or rolled back: the record index, for the tables whose
  // records all opened (a damaged record changes the sum too, and is
  // already named above).
  if (auto differences = IndexDifferences(h, index_key_); !differences.ok()) {
    report.damaged.push_back("record index: " + differences.status().message());
  } else {
    for (const std::string& d : *differences) {
      const std::string table = d.substr(0, d.find(':'));
      const bool named =
          std::any_of(report.damaged.begin(), report.damaged.end(),
                      [&](const std::string& x) { return x.starts_with(table + "/"); });
      if (!named) report.damaged.push_back(d);
    }
  }
  return report;
}

Status Journal::Reload() {
  Status s = LoadAll();
  revision_ = NewRevision();  // whatever LoadAll left
  return s;
}

uint64_t Journal::NewRevision() {
  static std::atomic<uint64_t> last{0};
  return ++last;
}

// ---- backup ----

Result<BackupReport> Journal::Backup(const std::string& path) const {
  FN_RETURN_IF_ERROR(Settle());
  if (FileExists(path)) return Status::AlreadyExists("a file already exists at " + path);
  uint8_t suffix[6];
  FN_RETURN_IF_ERROR(crypto::RandomBytes(suffix));
  const std::string temp = path + ".backup-" + crypto::HexEncode(suffix);
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    return Status::IoError("could not create a file next to " + path + " (" + std::strerror(errno) +
                           ").");
  ::close(fd);
  BackupReport report;
  const auto copy_and_check = [&]() -> Status {
    auto db = OpenDb(temp, /*create=*/false, options_.busy_timeout_ms);
    if (!db.ok()) return db.status();
    sqlite3* to = db->get();
    sqlite3_backup* b = sqlite3_backup_init(to, "main", db_->get(), "main");
    if (b == nullptr) return SqliteStatus(to, sqlite3_errcode(to), "starting the backup");
    int rc;
    do {  // all pages in one step: one read transaction, one moment
      rc = sqlite3_backup_step(b, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) return SqliteStatus(to, rc, "copying the journal");
    // One self-contained file, nothing beside it.
    FN_RETURN_IF_ERROR(internal::Exec(to, "PRAGMA journal_mode = DELETE"));

    // The same key header: the passphrase that opens the journal opens this.
    for (std::string_view key : {std::string_view("kdf"), std::string_view("wrapped_key")}) {
      auto mine = GetMeta(db_->get(), key);
      auto theirs = GetMeta(to, key);
      if (!mine.ok()) return mine.status();
      if (!theirs.ok() || *mine != *theirs)
        return Status::Corruption("the backup's key header differs from the journal's");
    }
    // Every record opens with this journal's key and the index holds.
    Journal copy;
    copy.db_->handle = std::move(*db);
    copy.path_ = temp;
    copy.options_ = options_;
    copy.data_key_ = crypto::SecureBytes(crypto::ByteView(data_key_.data(), data_key_.size()));
    auto index_key = internal::IndexKey(copy.data_key_);
    if (!index_key.ok()) return index_key.status();
    copy.index_key_ = std::move(*index_key);
    const CheckReport check = copy.Check();
    if (!check.ok()) {
      std::string what = check.sqlite_ok ? "" : check.sqlite_message;
      for (const std::string& d : check.damaged) what += (what.empty() ? "" : "; ") + d;
      return Status::Corruption("the backup did not check out: " + what);
    }
    report.records = check.records_checked;
    return Status::Ok();
  };
  Status s = copy_and_check();
  if (s.ok()) {
    const int f = ::open(temp.c_str(), O_RDONLY | O_CLOEXEC);
    if (f >= 0) {
      ::fsync(f);
      ::close(f);
    }
    // link() refuses to replace a file that appeared meanwhile.
    if (::link(temp.c_str(), path.c_str()) != 0) {
      s = errno == EEXIST
              ? Status::AlreadyExists("a file already exists at " + path)
              : Status::IoError("could not create " + path + " (" + std::strerror(errno) + ").");
    }
  }
  ::unlink(temp.c_str());
  if (!s.ok()) return s;
  const size_t slash = path.rfind('/');
  const std::string folder =
      slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
  if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) report.bytes = static_cast<uint64_t>(st.st_size);
  return report;
}

}  // namespace fieldnotes::core
