// Helpers for the reports tests: entries and sessions written tersely.
#ifndef FIELDNOTES_TESTS_REPORTS_TEST_SUPPORT_H_
#define FIELDNOTES_TESTS_REPORTS_TEST_SUPPORT_H_

#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/timestamp.h"

namespace fieldnotes::reports::testing {

// Standard output of a shell command (standard error dropped): poppler's
// tools read back the PDFs the tests write.
inline std::string CommandOutput(const std::string& command) {
  std::string out;
  FILE* p = ::popen((command + " 2>/dev/null").c_str(), "r");
  BOOST_REQUIRE(p != nullptr);
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  ::pclose(p);
  return out;
}

// "2026-11-03T21:40:00+01:00"; aborts the test on a malformed literal.
inline core::Timestamp T(std::string_view text) { return core::ParseTimestamp(text).value(); }
inline core::Date D(std::string_view text) { return core::ParseDate(text).value(); }

inline core::Entry MakeEntry(core::EntryKind kind, std::string_view at) {
  core::Entry e;
  e.id = core::NewUuid();
  e.kind = kind;
  e.written_at = T(at);
  return e;
}

inline core::Entry Loop(std::string_view at, std::string_view text) {
  core::Entry e = MakeEntry(core::EntryKind::kLoop, at);
  e.text = std::string(text);
  return e;
}

inline core::Entry Spike(std::string_view at, std::vector<std::string> emotions,
                         std::string_view before = "", std::string_view thought = "") {
  core::Entry e = MakeEntry(core::EntryKind::kSpike, at);
  e.emotions = std::move(emotions);
  e.before = std::string(before);
  e.thought = std::string(thought);
  e.intensity = 5;
  return e;
}

inline core::Entry Note(std::string_view at, std::string_view text) {
  core::Entry e = MakeEntry(core::EntryKind::kNote, at);
  e.text = std::string(text);
  return e;
}

inline core::Session SessionAt(std::string_view at) {
  core::Session s;
  s.id = core::NewUuid();
  s.at = T(at);
  return s;
}

}  // namespace fieldnotes::reports::testing

#endif  // FIELDNOTES_TESTS_REPORTS_TEST_SUPPORT_H_
