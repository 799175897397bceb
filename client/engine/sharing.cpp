#include "engine/sharing.h"

#include "core/timestamp.h"

namespace fieldnotes::client {
namespace {

core::Result<LinkedTherapist> Numbered(core::Journal& journal,
                                       core::Result<sync::TherapistLink> link) {
  if (!link.ok()) return link.status();
  return WithSafetyNumber(journal, std::move(link).value());
}

}  // namespace

core::Result<LinkedTherapist> WithSafetyNumber(core::Journal& journal, sync::TherapistLink link) {
  auto number = sync::LinkSafetyNumber(journal, link);
  if (!number.ok()) return number.status();
  return LinkedTherapist{std::move(link), std::move(number).value(), 0};
}

core::Result<LinkedTherapist> LinkTherapist(core::Journal& journal,
                                            const sync::LinkRequest& request,
                                            const core::Clock& clock) {
  return Numbered(journal, sync::CreateLink(journal, request, clock));
}

core::Result<LinkedTherapist> RefreshTherapist(core::Journal& journal,
                                               const sync::TherapistLink& link) {
  auto linked = Numbered(journal, sync::RefreshLink(journal, link));
  // The server answered just now: its limits too (an older server may not
  // say; the choices then stay as they are).
  if (linked.ok()) {
    if (auto limits = sync::ServerLimitsOf(link); limits.ok())
      linked->max_retention_days = limits->max_retention_days;
  }
  return linked;
}

core::Result<LinkedTherapist> VerifyTherapist(core::Journal& journal,
                                              const sync::TherapistLink& link,
                                              const core::Clock& clock) {
  return Numbered(journal, sync::VerifyLink(journal, link, clock));
}

core::Result<std::vector<sync::TherapistLink>> ListTherapists(const core::Journal& journal) {
  return sync::ListLinks(journal);
}

core::Result<sync::TherapistLink> FindTherapist(const core::Journal& journal,
                                                const std::string& id_or_prefix) {
  return sync::FindLink(journal, id_or_prefix);
}

core::Result<std::string> SafetyNumberOf(core::Journal& journal, const sync::TherapistLink& link) {
  return sync::LinkSafetyNumber(journal, link);
}

core::Status UnlinkTherapist(core::Journal& journal, const sync::TherapistLink& link) {
  return sync::RemoveLink(journal, link);
}

ShareBlock WhyNotShare(const sync::TherapistLink& link) {
  if (link.key_changed()) return ShareBlock::kKeyChanged;
  if (!link.verified()) return ShareBlock::kNotVerified;
  return ShareBlock::kNone;
}

int64_t ExpiryAfterDays(const core::Clock& clock, int days) {
  constexpr int64_t kDay = 24 * 60 * 60;
  return clock.Now().unix_seconds + int64_t{days} * kDay;
}

ShareSummary SummarizeShare(const reports::StoredReport& report) {
  ShareSummary summary;
  summary.title = report.content.title;
  summary.subtitle = report.content.subtitle;
  for (const reports::ReportSection& s : report.content.sections)
    summary.sections.push_back({s.kind, s.items.size()});
  summary.bytes = report.pdf.size();
  summary.pages = report.pages;
  summary.sha256 = reports::PdfSha256(report.pdf);
  return summary;
}

core::Result<sync::Consent> ShareKeptReport(core::Journal& journal,
                                            const sync::TherapistLink& link,
                                            const reports::StoredReport& report,
                                            int64_t expires_at, const core::Clock& clock) {
  if (WhyNotShare(link) != ShareBlock::kNone) {
    return core::Status::Refused(
        "this link cannot share until its safety number is compared and verified; nothing was "
        "sent");
  }
  const sync::ShareRequest request{report.id, report.pdf, core::FormatDate(report.content.to),
                                   expires_at};
  return sync::ShareReport(journal, link, request, clock);
}

core::Result<reports::StoredReport> FindKeptReport(const core::Journal& journal,
                                                   const std::string& id) {
  return reports::ReportStore::Load(journal, id);
}

core::Result<std::vector<sync::Consent>> WithdrawShared(core::Journal& journal,
                                                        const std::string& report_id,
                                                        const core::Clock& clock) {
  return sync::WithdrawReport(journal, report_id, clock);
}

core::Result<std::vector<sync::ReceiptLine>> KnownReceipts(const core::Journal& journal) {
  auto consents = sync::ListConsents(journal);
  if (!consents.ok()) return consents.status();
  auto links = sync::ListLinks(journal);
  std::vector<sync::ReceiptLine> lines;
  for (const sync::Consent& c : *consents) {
    sync::ReceiptLine line;
    line.consent = c;
    line.state = "unknown";
    if (links.ok())
      for (const sync::TherapistLink& l : *links)
        if (l.id == c.link_id) line.link_label = l.label;
    lines.push_back(std::move(line));
  }
  return lines;
}

core::Result<sync::Receipts> FetchReceipts(core::Journal& journal) {
  return sync::FetchReceipts(journal);
}

LinkStanding StandingOf(const sync::TherapistLink& link) {
  if (link.key_changed()) return LinkStanding::kKeyChanged;
  return link.verified() ? LinkStanding::kVerified : LinkStanding::kNotVerified;
}

ReceiptStatus StatusOf(const sync::ReceiptLine& line) {
  if (line.state == "pending") return {ReceiptStage::kPending, 0};
  if (line.state == "delivered") return {ReceiptStage::kDownloaded, line.downloaded_at};
  if (line.state == "opened") return {ReceiptStage::kOpened, line.opened_at};
  if (line.state == "withdrawn") return {ReceiptStage::kWithdrawn, line.withdrawn_at};
  if (line.state == "expired") return {ReceiptStage::kExpired, line.expired_at};
  return {ReceiptStage::kUnknown, 0};
}

}  // namespace fieldnotes::client
