// Time zones by IANA name ("Europe/Berlin"), on ICU's zone data: the UTC
// offset at an instant, and the instant of a local wall-clock time.
#ifndef FIELDNOTES_IMPORTERS_ZONES_H_
#define FIELDNOTES_IMPORTERS_ZONES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"
#include "core/timestamp.h"

namespace fieldnotes::importers {

// Keeps the zones it has looked up; not thread-safe. The messages of its
// errors are developer details (English); the importers say what went wrong
// in their own translated sentences.
class Zones {
 public:
  Zones();
  ~Zones();
  Zones(const Zones&) = delete;
  Zones& operator=(const Zones&) = delete;

  // The offset east of UTC, in minutes, of `zone` at `unix_seconds`. An
  // empty name is this computer's zone. InvalidArgument for a name ICU does
  // not know.
  core::Result<int32_t> OffsetAt(std::string_view zone, int64_t unix_seconds);

  // The instant at which clocks in `zone` showed this date and time, with
  // that zone's offset. A time that a change to summer time skips is read
  // with the offset before the change; a time that occurs twice, as the
  // first.
  core::Result<core::Timestamp> FromLocal(std::string_view zone, const core::Date& date, int hour,
                                          int minute, int second = 0);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fieldnotes::importers

#endif  // FIELDNOTES_IMPORTERS_ZONES_H_
