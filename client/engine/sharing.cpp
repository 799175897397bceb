#include "engine/sharing.h"

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

}  // namespace fieldnotes::client
