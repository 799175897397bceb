// JournalController: what the app does with an unlocked journal, without
// any wx: saving, editing and deleting entries with undo, the follow-up
// questions and the safety check after a save, sessions. The panels call
// it; the tests can too. It owns the core::Journal: destroying the
// controller destroys the journal and with it the keys (locking).
//
// Use from the UI thread only (core::Journal is not thread-safe). The one
// exception is lending: while sharing work runs on a worker thread with the
// journal (SharingController), lent() is true and UI-thread code leaves the
// journal alone (the draft waits, locking waits, the report page waits).
#ifndef FIELDNOTES_CLIENT_ENGINE_JOURNAL_CONTROLLER_H_
#define FIELDNOTES_CLIENT_ENGINE_JOURNAL_CONTROLLER_H_

#include <deque>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/journal.h"
#include "core/model.h"
#include "core/status.h"
#include "engine/settings.h"
#include "engine/weekly_report.h"
#include "reports/analysis_cache.h"
#include "reports/entry_index.h"
#include "reports/report_store.h"
#include "reports/safety_detector.h"

namespace fieldnotes::client {

class JournalController {
 public:
  // Changes that can be undone, most recent last, at most this many.
  static constexpr size_t kUndoDepth = 20;

  // `clock` must outlive the controller. `stored`: the journal's kept
  // reports, read (and decrypted) on the unlock worker; nullopt to read them
  // here on first use.
  JournalController(std::unique_ptr<core::Journal> journal, const core::Clock& clock,
                    std::optional<std::vector<reports::StoredReport>> stored = std::nullopt);
  ~JournalController();
  JournalController(const JournalController&) = delete;
  JournalController& operator=(const JournalController&) = delete;

  core::Journal& journal() { return *journal_; }
  const core::Journal& journal() const { return *journal_; }
  const core::Clock& clock() const { return clock_; }
  // The journal's data for the analysis, with analysis_cache().
  reports::JournalData data() const;
  // What the analysis worked out per entry, kept while the journal is open
  // (reports/analysis_cache.h): every pattern analysis and report of this
  // journal reads it (the snapshots hold it, so a worker can still use it
  // after locking). It follows saves, edits and deletes by itself (each
  // use compares the entries it is given, unless they are at a journal
  // revision it compared before: data().revision); thread-safe.
  const std::shared_ptr<reports::AnalysisCache>& analysis_cache() const { return analysis_cache_; }

  // Settings as loaded at unlock (defaults if unreadable) and saved here.
  const AppSettings& settings() const { return settings_; }
  core::Status SaveSettings(const AppSettings& settings);

  // ---- entries ----
  // Validates and stores a new entry; returns its id.
  core::Result<std::string> AddEntry(core::Entry e);
  // Replaces an entry; the previous version can be restored with Undo().
  core::Status UpdateEntry(const core::Entry& e);
  // Deletes an entry; Undo() puts it back, same id and all.
  core::Status DeleteEntry(std::string_view id);

  bool CanUndo() const { return !undo_.empty(); }
  // "Undo the change to the entry of Tuesday 3 November" style words, for a
  // menu item or a button; empty when there is nothing to undo.
  std::string UndoDescription() const;
  // Reverts the most recent edit or delete; returns the id of the entry it
  // touched. NotFound when there is nothing to undo.
  core::Result<std::string> Undo();

  // ---- after a save ----
  // What follows saving an entry (written, edited, or an answer given):
  // the safety check of every field first; and only when it is not raised
  // and `ask` (a new entry), its follow-up questions (EnsureQuestions).
  struct AfterSaving {
    reports::SafetyResult safety;
    std::vector<core::FollowUp> questions;  // empty when there is nothing to ask
  };
  core::Result<AfterSaving> AfterSave(std::string_view id, bool ask);
  // The safety check of every text field (reports/safety_detector.h).
  reports::SafetyResult CheckSafety(const core::Entry& e) const;
  // Whose crisis lines to show when it is raised (EffectiveCrisisRegion).
  std::string CrisisRegion() const { return EffectiveCrisisRegion(settings_); }
  // The entry's follow-up questions, recorded and saved on first call (at
  // most two; the same ones afterwards). Empty when there is nothing to ask.
  core::Result<std::vector<core::FollowUp>> EnsureQuestions(std::string_view id);
  // Stores the answer to question `number` (1-based); empty skips.
  core::Status AnswerQuestion(std::string_view id, int number, std::string_view answer);

  // ---- sessions and threads ----
  core::Result<std::string> AddSession(core::Session s);
  core::Status DeleteSession(std::string_view id);
  // What the pages list of sessions and threads: engine/journal_overview.h.

  // ---- kept reports (for "what changed" in the next one) ----
  // Every kept report, oldest first, without its PDF bytes (ReportStore::Load
  // gives one with them). An error when they cannot be read.
  core::Result<std::vector<reports::StoredReport>> StoredReports();
  // A report just kept (KeepReport): the next one compares with it.
  void NoteKeptReport(reports::StoredReport report);
  // What the report page builds from (engine/weekly_report.h TakeSnapshot):
  // the journal with the settings as loaded, the kept reports above and
  // analysis_cache(). An error when the kept reports cannot be read.
  core::Result<ReportSnapshot> TakeReportSnapshot();
  // Keeps a made report in the journal (engine/weekly_report.h KeepReport)
  // and notes it, so the next report and the list of kept reports have it.
  core::Result<reports::StoredReport> KeepReport(const MadeReport& made);

  // ---- lending the journal to one worker thread ----
  bool lent() const { return lent_; }
  void Lend() { lent_ = true; }
  void TakeBack() { lent_ = false; }

  // Goes up by one on every change to entries or sessions, so views know
  // their cached rows (which point into the journal) are stale.
  uint64_t revision() const { return revision_; }

 private:
  struct UndoStep {
    enum class Type { kEdited, kDeleted };
    Type type;
    core::Entry before;  // the entry as it was
  };
  void Push(UndoStep step);

  std::unique_ptr<core::Journal> journal_;
  const core::Clock& clock_;
  AppSettings settings_;
  std::deque<UndoStep> undo_;
  uint64_t revision_ = 0;
  bool lent_ = false;
  std::optional<std::vector<reports::StoredReport>> stored_;
  std::shared_ptr<reports::AnalysisCache> analysis_cache_ =
      std::make_shared<reports::AnalysisCache>();
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_ENGINE_JOURNAL_CONTROLLER_H_
