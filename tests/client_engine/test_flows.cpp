// The client engine's flows the two faces call, at the engine's level with
// real files: unlocking and a new passphrase (engine/unlock.h), export,
// backup and restore (engine/journal_files.h), import with its progress
// observer and the safety reading of what came in (engine/import.h).
#include <sys/stat.h>

#include <cstdio>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "core/crypto.h"
#include "core/import_export.h"
#include "engine/import.h"
#include "engine/journal_files.h"
#include "engine/unlock.h"
#include "engine_fixture.h"
#include "support/run_process.h"

namespace fieldnotes::testing {
namespace {

core::JournalOptions Cheap() {
  core::JournalOptions options;
  options.kdf_log2_n = core::crypto::KdfParams::kMinLog2N;
  return options;
}

bool Exists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

size_t Lines(const std::string& text) {
  size_t n = 0;
  for (char c : text) n += c == '\n';
  return n;
}

// Every call the observer got.
struct Recorder : client::ImportObserver {
  struct Call {
    Stage stage;
    size_t done;
    size_t total;
    Unit unit;
  };
  std::vector<Call> calls;
  void ImportProgress(Stage stage, size_t done, size_t total, Unit unit) override {
    calls.push_back({stage, done, total, unit});
  }
  size_t Count(Stage stage) const {
    size_t n = 0;
    for (const Call& c : calls) n += c.stage == stage;
    return n;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(flows)

BOOST_FIXTURE_TEST_CASE(unlock_create_and_change_passphrase, EngineFixture) {
  const std::string path = dir.File("nested/folder/journal.db");
  const core::Status missing = client::CheckJournalThere(path);
  BOOST_TEST(missing.IsNotFound());
  BOOST_TEST(missing.message().find(path) != std::string::npos);
  BOOST_TEST(client::UnlockJournal(path, kPassphrase, Cheap()).status().IsNotFound());
  BOOST_TEST(!Exists(path));  // unlocking never makes a journal

  {
    auto created = client::CreateJournal(path, kPassphrase, Cheap());  // and its folders
    BOOST_REQUIRE_MESSAGE(created.ok(), created.status().ToString());
    core::Entry e;
    e.kind = core::EntryKind::kNote;
    e.text = "A first line.";
    e.written_at = now.Now();
    BOOST_REQUIRE((*created)->AddEntry(e).ok());
  }
  BOOST_TEST(client::CheckJournalThere(path).ok());
  const core::Status again = client::CreateJournal(path, kPassphrase, Cheap()).status();
  BOOST_TEST((again.code() == core::Status::Code::kAlreadyExists));
  BOOST_TEST(again.message().find("Nothing was changed") != std::string::npos);

  const auto wrong = client::UnlockJournal(path, "not the passphrase", Cheap());
  BOOST_TEST((wrong.status().code() == core::Status::Code::kWrongPassphrase));

  {
    auto unlocked = client::UnlockWithReports(path, kPassphrase, Cheap(), /*create=*/false);
    BOOST_REQUIRE_MESSAGE(unlocked.ok(), unlocked.status().ToString());
    BOOST_TEST(unlocked->journal->entries().size() == 1u);
    BOOST_REQUIRE(unlocked->reports.has_value());  // read in the same step
    BOOST_TEST(unlocked->reports->empty());
    BOOST_REQUIRE(client::ChangePassphrase(*unlocked->journal, "a new passphrase here",
                                           core::crypto::KdfParams::kMinLog2N)
                      .ok());
  }
  BOOST_TEST((client::UnlockJournal(path, kPassphrase, Cheap()).status().code() ==
              core::Status::Code::kWrongPassphrase));
  auto reopened = client::UnlockJournal(path, "a new passphrase here", Cheap());
  BOOST_REQUIRE_MESSAGE(reopened.ok(), reopened.status().ToString());
  BOOST_TEST((*reopened)->entries().size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(export_backup_and_restore, EngineFixture) {
  MakeJournal();
  BOOST_TEST((client::ExportFormatNamed("jsonl") == client::ExportFormat::kJsonl));
  BOOST_TEST((client::ExportFormatNamed("markdown") == client::ExportFormat::kMarkdown));
  BOOST_TEST(!client::ExportFormatNamed("pdf").has_value());

  const std::string backup = dir.File("journal.backup");
  size_t entries = 0;
  {
    auto journal = Open();
    entries = journal->entries().size();
    BOOST_REQUIRE(entries > 0u);
    const std::string jsonl = dir.File("out.jsonl");
    auto counts = client::ExportToFile(*journal, client::ExportFormat::kJsonl, jsonl);
    BOOST_REQUIRE_MESSAGE(counts.ok(), counts.status().ToString());
    BOOST_TEST(counts->entries == entries);
    BOOST_TEST(counts->sessions == journal->sessions().size());
    const std::string written = ReadFile(jsonl);
    BOOST_TEST(written == client::ExportText(*journal, client::ExportFormat::kJsonl));
    BOOST_TEST(Lines(written) == counts->entries + counts->sessions);
    struct stat st;
    BOOST_REQUIRE(stat(jsonl.c_str(), &st) == 0);
    BOOST_TEST((st.st_mode & 077) == 0u);  // only its owner reads it
    BOOST_TEST(client::ExportText(*journal, client::ExportFormat::kMarkdown).find("# ") !=
               std::string::npos);

    auto copy = client::BackUpJournal(*journal, backup);
    BOOST_REQUIRE_MESSAGE(copy.ok(), copy.status().ToString());
    BOOST_TEST(copy->records >= entries);
    BOOST_TEST((client::BackUpJournal(*journal, backup).status().code() ==
                core::Status::Code::kAlreadyExists));
    core::Entry later;
    later.kind = core::EntryKind::kNote;
    later.text = "Written after the backup.";
    later.written_at = now.Now();
    BOOST_REQUIRE(journal->AddEntry(later).ok());
  }
  BOOST_TEST(client::BackupFileName(core::Date{2026, 12, 6}) ==
             "fieldnotes-backup-2026-12-06.fieldnotes");

  // A wrong passphrase changes nothing; the right one puts the backup back
  // and keeps the journal it replaced beside it.
  std::string aside;
  BOOST_TEST(!client::RestoreJournal(backup, journal(), "wrong", Cheap(), &aside).ok());
  BOOST_TEST(Open()->entries().size() == entries + 1);
  BOOST_REQUIRE(client::RestoreJournal(backup, journal(), kPassphrase, Cheap(), &aside).ok());
  BOOST_TEST(Open()->entries().size() == entries);
  BOOST_REQUIRE(!aside.empty());
  auto before = client::UnlockJournal(aside, kPassphrase, Cheap());
  BOOST_REQUIRE_MESSAGE(before.ok(), before.status().ToString());
  BOOST_TEST((*before)->entries().size() == entries + 1);
}

BOOST_FIXTURE_TEST_CASE(import_reports_progress_and_reads_for_safety, EngineFixture) {
  MakeJournal();
  // 1,500 lines of our own format (progress shows from 1,000), one of
  // which speaks of harm.
  std::string file;
  for (int i = 0; i < 1500; ++i) {
    const int minute = i % 60;
    const int hour = (i / 60) % 24;
    const int day = 1 + i / (60 * 24);
    char at[64];
    std::snprintf(at, sizeof at, "2026-02-%02dT%02d:%02d:00+01:00", day, hour, minute);
    char id[64];
    std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012d", i);
    const std::string text =
        i == 700 ? "I want to kill myself." : "Imported line " + std::to_string(i) + ".";
    file += "{\"type\":\"entry\",\"id\":\"" + std::string(id) + "\",\"kind\":\"note\",\"at\":\"" +
            std::string(at) + "\",\"text\":\"" + text + "\"}\n";
  }
  const std::string path = dir.File("import.jsonl");
  WriteFile(path, file);

  BOOST_TEST(client::ReadImportFile(dir.File("absent.jsonl")).status().IsNotFound());
  auto content = client::ReadImportFile(path);
  BOOST_REQUIRE(content.ok());
  Recorder recorder;
  auto checked = client::CheckImport(*content, &recorder);
  BOOST_REQUIRE_MESSAGE(checked.ok(), checked.status().ToString());
  BOOST_TEST(checked->own_format());
  BOOST_TEST(checked->lines == 1500u);
  BOOST_TEST(checked->found.items.size() == 1500u);
  BOOST_TEST(recorder.Count(client::ImportObserver::Stage::kChecking) > 0u);
  BOOST_TEST(recorder.Count(client::ImportObserver::Stage::kImporting) == 0u);

  // A bad file is refused whole, with the parser's words.
  auto bad = client::CheckImport("{\"type\":\"entry\"}\nnot json\n");
  BOOST_TEST((bad.status().code() == core::Status::Code::kInvalidArgument));
  BOOST_TEST(bad.status().message().find("Line 1: the field “kind” is missing.") !=
             std::string::npos);

  auto journal = Open();
  const size_t had = journal->entries().size();
  auto outcome = client::ImportChecked(*journal, *checked, &recorder);
  BOOST_REQUIRE_MESSAGE(outcome.ok(), outcome.status().ToString());
  BOOST_TEST(outcome->stats.entries_added == 1500u);
  BOOST_TEST(journal->entries().size() == had + 1500);
  BOOST_TEST(outcome->safety_raised == 1u);
  // Progress in lines of the file, growing, up to all of them.
  std::vector<Recorder::Call> importing;
  for (const auto& c : recorder.calls)
    if (c.stage == client::ImportObserver::Stage::kImporting) importing.push_back(c);
  BOOST_REQUIRE(!importing.empty());
  for (size_t i = 1; i < importing.size(); ++i)
    BOOST_TEST(importing[i].done >= importing[i - 1].done);
  BOOST_TEST(importing.back().done == 1500u);
  BOOST_TEST(importing.back().total == 1500u);
  BOOST_TEST((importing.back().unit == client::ImportObserver::Unit::kLines));

  // The same file again adds nothing new and raises nothing.
  auto twice = client::ImportChecked(*journal, *checked);
  BOOST_REQUIRE(twice.ok());
  BOOST_TEST(twice->stats.entries_added == 0u);
  BOOST_TEST(twice->stats.entries_skipped == 1500u);
  BOOST_TEST(twice->safety_raised == 0u);
  BOOST_TEST(journal->entries().size() == had + 1500);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace fieldnotes::testing
