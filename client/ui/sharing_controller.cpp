#include "ui/sharing_controller.h"

#include <exception>

#include "core/i18n.h"
#include "engine/journal_controller.h"

namespace fieldnotes::client {
namespace {

core::Status Refuse() {
  return core::Status::Busy(
      core::Tr("the journal is in use by sharing work that has not finished."));
}

}  // namespace

SharingController::SharingController(JournalController& controller)
    : controller_(controller), task_(std::make_unique<wxcommon::BackgroundTask>()) {}

SharingController::~SharingController() { Finish(); }

const core::Clock& SharingController::clock() const { return controller_.clock(); }

void SharingController::Finish() {
  if (!busy()) return;
  task_.reset();  // joins the worker; its result is dropped
  task_ = std::make_unique<wxcommon::BackgroundTask>();
  controller_.TakeBack();
}

template <typename T>
void SharingController::Run(std::function<T(core::Journal&)> work, Done<T> done) {
  core::Journal* journal = &controller_.journal();
  controller_.Lend();
  task_->Run(
      [work = std::move(work), journal]() -> T {
        try {
          return work(*journal);
        } catch (const std::exception& e) {
          return core::Status::Internal(e.what());
        }
      },
      [this, done = std::move(done)](T result) {
        controller_.TakeBack();
        done(std::move(result));
      });
}

core::Result<std::vector<sync::TherapistLink>> SharingController::Links() const {
  if (controller_.lent()) return Refuse();
  return ListTherapists(controller_.journal());
}

core::Result<std::string> SharingController::SafetyNumber(const sync::TherapistLink& link) {
  if (controller_.lent()) return Refuse();
  return SafetyNumberOf(controller_.journal(), link);
}

core::Result<SharedWithNames> SharingController::SharedWith() const {
  if (controller_.lent()) return Refuse();
  return ReportsSharedWith(controller_.journal());
}

core::Result<std::vector<sync::ReceiptLine>> SharingController::KnownReceipts() const {
  if (controller_.lent()) return Refuse();
  return client::KnownReceipts(controller_.journal());
}

core::Result<reports::StoredReport> SharingController::Report(const std::string& id) const {
  if (controller_.lent()) return Refuse();
  return FindKeptReport(controller_.journal(), id);
}

void SharingController::Link(sync::LinkRequest request, Done<core::Result<Linked>> done) {
  const core::Clock* clock = &controller_.clock();
  Run<core::Result<Linked>>(
      [request = std::move(request), clock](core::Journal& journal) {
        return LinkTherapist(journal, request, *clock);
      },
      std::move(done));
}

void SharingController::Refresh(sync::TherapistLink link, Done<core::Result<Linked>> done) {
  Run<core::Result<Linked>>(
      [link = std::move(link)](core::Journal& journal) { return RefreshTherapist(journal, link); },
      std::move(done));
}

void SharingController::Verify(sync::TherapistLink link, Done<core::Result<Linked>> done) {
  const core::Clock* clock = &controller_.clock();
  Run<core::Result<Linked>>(
      [link = std::move(link), clock](core::Journal& journal) {
        return VerifyTherapist(journal, link, *clock);
      },
      std::move(done));
}

void SharingController::Remove(sync::TherapistLink link, Done<core::Status> done) {
  Run<core::Status>(
      [link = std::move(link)](core::Journal& journal) { return UnlinkTherapist(journal, link); },
      std::move(done));
}

void SharingController::Share(sync::TherapistLink link, reports::StoredReport report,
                              int64_t expires_at, Done<core::Result<sync::Consent>> done) {
  const core::Clock* clock = &controller_.clock();
  Run<core::Result<sync::Consent>>(
      [link = std::move(link), report = std::move(report), expires_at,
       clock](core::Journal& journal) {
        return ShareKeptReport(journal, link, report, expires_at, *clock);
      },
      std::move(done));
}

void SharingController::Withdraw(std::string report_id,
                                 Done<core::Result<std::vector<sync::Consent>>> done) {
  const core::Clock* clock = &controller_.clock();
  Run<core::Result<std::vector<sync::Consent>>>(
      [report_id = std::move(report_id), clock](core::Journal& journal) {
        return WithdrawShared(journal, report_id, *clock);
      },
      std::move(done));
}

void SharingController::FetchReceipts(Done<core::Result<sync::Receipts>> done) {
  Run<core::Result<sync::Receipts>>(
      [](core::Journal& journal) { return client::FetchReceipts(journal); }, std::move(done));
}

}  // namespace fieldnotes::client
