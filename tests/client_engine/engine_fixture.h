// A journal of a fortnight around one session, at a fixed "now", for the
// client engine's tests: the same journal and the same clock for the CLI's
// path (RunCli) and the app's (the engine calls the report page makes).
#ifndef FIELDNOTES_TESTS_CLIENT_ENGINE_ENGINE_FIXTURE_H_
#define FIELDNOTES_TESTS_CLIENT_ENGINE_ENGINE_FIXTURE_H_

#include <memory>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/journal.h"
#include "support/temp_dir.h"

namespace fieldnotes::testing {

inline constexpr char kPassphrase[] = "correct horse battery staple ünïcode";

struct EngineFixture {
  EngineFixture();
  ~EngineFixture();

  // A fresh journal at journal() with a fortnight's entries, one session a
  // week before now(), and that session's thread.
  void MakeJournal() const;
  std::unique_ptr<core::Journal> Open() const;
  // fieldnotes-cli in this process, with --journal journal() and the clock.
  int Cli(std::vector<std::string> args, const core::Clock& clock) const;

  std::string journal() const { return dir.File("journal.db"); }

  TempDir dir;
  // Thursday 12 March 2026, 18:00 in UTC+1.
  core::FakeClock now;
};

}  // namespace fieldnotes::testing

#endif  // FIELDNOTES_TESTS_CLIENT_ENGINE_ENGINE_FIXTURE_H_
