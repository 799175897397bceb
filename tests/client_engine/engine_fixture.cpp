#include "engine_fixture.h"

#include <cstdlib>

#include <boost/test/unit_test.hpp>

#include "cli/cli.h"
#include "core/crypto.h"

namespace fieldnotes::testing {
namespace {

constexpr int64_t kNow = 1773334800;  // 2026-03-12T17:00:00Z
constexpr int64_t kDay = 86400;

core::Timestamp DaysAgo(double days) {
  core::Timestamp t;
  t.unix_seconds = kNow - static_cast<int64_t>(days * kDay);
  t.offset_minutes = 60;
  return t;
}

core::Entry Make(core::EntryKind kind, std::string text, double days_ago) {
  core::Entry e;
  e.kind = kind;
  e.text = std::move(text);
  e.written_at = DaysAgo(days_ago);
  return e;
}

}  // namespace

EngineFixture::EngineFixture() : now(core::Timestamp{kNow, 60}) {
  setenv("FIELDNOTES_PASSPHRASE", kPassphrase, 1);
  unsetenv("FIELDNOTES_REGION");
}

EngineFixture::~EngineFixture() { unsetenv("FIELDNOTES_PASSPHRASE"); }

void EngineFixture::MakeJournal() const {
  core::JournalOptions options;
  options.kdf_log2_n = core::crypto::KdfParams::kMinLog2N;
  auto created = core::Journal::Create(journal(), kPassphrase, options);
  BOOST_REQUIRE_MESSAGE(created.ok(), created.status().ToString());
  core::Journal& j = **created;
  core::Session session;
  session.at = DaysAgo(7);
  session.note = "Try a walk before opening email.";
  BOOST_REQUIRE(j.AddSession(session).ok());
  const char* loop = "What if they think I am not good enough for this job.";
  for (double days : {12.0, 10.0, 6.2, 5.1, 3.3, 1.2})
    BOOST_REQUIRE(j.AddEntry(Make(core::EntryKind::kLoop, loop, days)).ok());
  for (double days : {9.0, 4.9, 2.8}) {
    core::Entry spike = Make(core::EntryKind::kSpike, "", days);
    spike.emotions = {"anxiety", "my own word"};
    spike.intensity = 7;
    spike.mood_before = 3;
    spike.mood_after = 5;
    spike.before = "A message from my manager: can we talk today?";
    spike.body = "tight chest";
    spike.thought = "She found the mistake.";
    spike.followups = {{"What were you afraid would happen?", ""}};
    BOOST_REQUIRE(j.AddEntry(spike).ok());
  }
  core::Entry thread = Make(core::EntryKind::kThread, "Did it, five minutes round the block.", 2);
  thread.thread = "A walk before email";
  BOOST_REQUIRE(j.AddEntry(thread).ok());
  core::Entry note = Make(core::EntryKind::kNote, "Sunday evening, dreading Monday again.", 4);
  note.mood_before = 2;
  BOOST_REQUIRE(j.AddEntry(note).ok());
}

std::unique_ptr<core::Journal> EngineFixture::Open() const {
  auto opened = core::Journal::Open(journal(), kPassphrase);
  BOOST_REQUIRE_MESSAGE(opened.ok(), opened.status().ToString());
  return std::move(opened).value();
}

int EngineFixture::Cli(std::vector<std::string> args, const core::Clock& clock) const {
  args.insert(args.begin(), {"--journal", journal()});
  return client::RunCli(args, clock);
}

}  // namespace fieldnotes::testing
