#include "engine/journal_controller.h"

#include "core/display.h"
#include "core/i18n.h"
#include "core/text.h"
#include "engine/kept_reports.h"
#include "reports/question_engine.h"

namespace fieldnotes::client {
namespace {

// Kept reports are held for their content; the PDF is read when needed.
void DropPdf(reports::StoredReport& report) {
  report.pdf.clear();
  report.pdf.shrink_to_fit();
}

}  // namespace

JournalController::JournalController(std::unique_ptr<core::Journal> journal,
                                     const core::Clock& clock,
                                     std::optional<std::vector<reports::StoredReport>> stored)
    : journal_(std::move(journal)), clock_(clock), stored_(std::move(stored)) {
  if (stored_)
    for (reports::StoredReport& r : *stored_) DropPdf(r);
  auto settings = LoadSettings(*journal_);
  settings_ = settings.ok() ? *settings : DefaultSettings();
}

// Undo steps hold entry text: they go with the journal.
JournalController::~JournalController() = default;

core::Result<std::vector<reports::StoredReport>> JournalController::StoredReports() {
  if (!stored_) {
    auto listed = ListKeptReports(*journal_);
    if (!listed.ok()) return listed.status();
    for (reports::StoredReport& r : *listed) DropPdf(r);
    stored_ = std::move(listed).value();
  }
  return *stored_;
}

void JournalController::NoteKeptReport(reports::StoredReport report) {
  if (!stored_) return;  // read in full on first use
  DropPdf(report);
  stored_->push_back(std::move(report));  // the newest: oldest first holds
}

core::Result<ReportSnapshot> JournalController::TakeReportSnapshot() {
  auto stored = StoredReports();
  if (!stored.ok()) return stored.status();
  return TakeSnapshot(*journal_, settings_, std::move(stored).value(), analysis_cache_);
}

core::Result<reports::StoredReport> JournalController::KeepReport(const MadeReport& made) {
  auto kept = client::KeepReport(*journal_, made, clock_);
  if (!kept.ok()) return kept.status();
  NoteKeptReport(*kept);
  return kept;
}

reports::JournalData JournalController::data() const {
  reports::JournalData d{journal_->entries().oldest_first(), journal_->sessions(),
                         journal_->threads()};
  d.cache = analysis_cache_.get();
  d.revision = journal_->revision();
  return d;
}

core::Status JournalController::SaveSettings(const AppSettings& settings) {
  FN_RETURN_IF_ERROR(client::SaveSettings(*journal_, settings));
  settings_ = settings;
  return core::Status::Ok();
}

core::Result<std::string> JournalController::AddEntry(core::Entry e) {
  FN_RETURN_IF_ERROR(core::Validate(e));
  auto id = journal_->AddEntry(std::move(e));
  if (id.ok()) ++revision_;
  return id;
}

core::Status JournalController::UpdateEntry(const core::Entry& e) {
  FN_RETURN_IF_ERROR(core::Validate(e));
  auto before = journal_->GetEntry(e.id);
  if (!before.ok()) return before.status();
  FN_RETURN_IF_ERROR(journal_->UpdateEntry(e));
  ++revision_;
  if (!(*before == e)) Push({UndoStep::Type::kEdited, std::move(before).value()});
  return core::Status::Ok();
}

core::Status JournalController::DeleteEntry(std::string_view id) {
  auto before = journal_->GetEntry(id);
  if (!before.ok()) return before.status();
  FN_RETURN_IF_ERROR(journal_->DeleteEntry(before->id));
  ++revision_;
  Push({UndoStep::Type::kDeleted, std::move(before).value()});
  return core::Status::Ok();
}

void JournalController::Push(UndoStep step) {
  undo_.push_back(std::move(step));
  while (undo_.size() > kUndoDepth) undo_.pop_front();
}

std::string JournalController::UndoDescription() const {
  if (undo_.empty()) return "";
  const UndoStep& step = undo_.back();
  const std::string when = core::LongDate(step.before.written_at);
  // TRANSLATORS: what Undo would do; %1 the day and time of the entry
  // ("Tuesday 3 November 2026").
  if (step.type == UndoStep::Type::kDeleted)
    return core::Format(core::Tr("Bring back the entry of %1"), when);
  // TRANSLATORS: as "Bring back the entry of %1".
  return core::Format(core::Tr("Undo the change to the entry of %1"), when);
}

core::Result<std::string> JournalController::Undo() {
  if (undo_.empty()) return core::Status::NotFound(core::Tr("there is nothing to undo."));
  UndoStep step = std::move(undo_.back());
  undo_.pop_back();
  core::Status s = step.type == UndoStep::Type::kDeleted ? journal_->AddEntry(step.before).status()
                                                         : journal_->UpdateEntry(step.before);
  if (!s.ok()) {
    undo_.push_back(std::move(step));  // keep it: the person may try again
    return s;
  }
  ++revision_;
  return step.before.id;
}

core::Result<JournalController::AfterSaving> JournalController::AfterSave(std::string_view id,
                                                                          bool ask) {
  auto entry = journal_->GetEntry(id);
  if (!entry.ok()) return entry.status();
  AfterSaving after;
  after.safety = CheckSafety(*entry);
  // Safety first; and when it is raised, no probing questions.
  if (after.safety.raised() || !ask) return after;
  auto questions = EnsureQuestions(entry->id);
  if (!questions.ok()) return questions.status();
  after.questions = std::move(questions).value();
  return after;
}

reports::SafetyResult JournalController::CheckSafety(const core::Entry& e) const {
  return reports::SafetyDetector::Default().Check(e);
}

core::Result<std::vector<core::FollowUp>> JournalController::EnsureQuestions(std::string_view id) {
  auto entry = journal_->GetEntry(id);
  if (!entry.ok()) return entry.status();
  auto engine = reports::MakeDefaultQuestionEngine();
  if (reports::EnsureQuestions(*entry, *engine, data(), clock_)) {
    FN_RETURN_IF_ERROR(journal_->UpdateEntry(*entry));
    ++revision_;
  }
  return entry->followups;
}

core::Status JournalController::AnswerQuestion(std::string_view id, int number,
                                               std::string_view answer) {
  auto entry = journal_->GetEntry(id);
  if (!entry.ok()) return entry.status();
  FN_RETURN_IF_ERROR(reports::RecordAnswer(*entry, number, answer));
  FN_RETURN_IF_ERROR(journal_->UpdateEntry(*entry));
  ++revision_;
  return core::Status::Ok();
}

core::Result<std::string> JournalController::AddSession(core::Session s) {
  FN_RETURN_IF_ERROR(core::Validate(s));
  auto id = journal_->AddSession(std::move(s));
  if (id.ok()) ++revision_;
  return id;
}

core::Status JournalController::DeleteSession(std::string_view id) {
  FN_RETURN_IF_ERROR(journal_->DeleteSession(id));
  ++revision_;
  return core::Status::Ok();
}

}  // namespace fieldnotes::client
