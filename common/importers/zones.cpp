#include "importers/zones.h"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <map>

namespace fieldnotes::importers {

struct Zones::Impl {
  std::map<std::string, std::unique_ptr<icu::TimeZone>, std::less<>> zones;

  core::Result<const icu::TimeZone*> Get(std::string_view name) {
    auto it = zones.find(name);
    if (it != zones.end()) return it->second.get();
    std::unique_ptr<icu::TimeZone> tz(
        name.empty() ? icu::TimeZone::createDefault()
                     : icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(
                           icu::StringPiece(name.data(), static_cast<int32_t>(name.size())))));
    if (!tz || *tz == icu::TimeZone::getUnknown()) {
      return core::Status::InvalidArgument("an unknown time zone");
    }
    const icu::TimeZone* raw = tz.get();
    zones.emplace(std::string(name), std::move(tz));
    return raw;
  }
};

Zones::Zones() : impl_(std::make_unique<Impl>()) {}
Zones::~Zones() = default;

core::Result<int32_t> Zones::OffsetAt(std::string_view zone, int64_t unix_seconds) {
  auto tz = impl_->Get(zone);
  if (!tz.ok()) return tz.status();
  UErrorCode status = U_ZERO_ERROR;
  int32_t raw = 0, dst = 0;
  (*tz)->getOffset(static_cast<UDate>(unix_seconds) * 1000.0, false, raw, dst, status);
  if (U_FAILURE(status)) return core::Status::InvalidArgument("a time the time zone cannot place");
  return (raw + dst) / 60000;
}

core::Result<core::Timestamp> Zones::FromLocal(std::string_view zone, const core::Date& date,
                                               int hour, int minute, int second) {
  auto tz = impl_->Get(zone);
  if (!tz.ok()) return tz.status();
  const int64_t local = core::DaysFromCivil(date) * 86400 + hour * 3600 + minute * 60 + second;
  UErrorCode status = U_ZERO_ERROR;
  int32_t raw = 0, dst = 0;
  (*tz)->getOffset(static_cast<UDate>(local) * 1000.0, true, raw, dst, status);
  if (U_FAILURE(status)) return core::Status::InvalidArgument("a time the time zone cannot place");
  core::Timestamp t;
  t.offset_minutes = (raw + dst) / 60000;
  t.unix_seconds = local - int64_t{t.offset_minutes} * 60;
  return t;
}

}  // namespace fieldnotes::importers
