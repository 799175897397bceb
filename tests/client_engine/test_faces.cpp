// What the faces show that the engine decides once: the first run
// (engine/first_run.h), the journal in counts, sessions and threads
// (engine/journal_overview.h), a draft brought back (engine/draft_store.h)
// and the report page's snapshot and kept report (JournalController). Where
// both faces use one, the CLI's output is checked against the engine call
// the app makes, so they cannot drift apart.
#include <unistd.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "core/crypto.h"
#include "core/json.h"
#include "core/text.h"
#include "engine/draft_store.h"
#include "engine/first_run.h"
#include "engine/journal_controller.h"
#include "engine/journal_overview.h"
#include "engine/sharing.h"
#include "engine/weekly_report.h"
#include "engine_fixture.h"
#include "support/temp_dir.h"

namespace fieldnotes::testing {
namespace {

// fieldnotes-cli in this process, its standard output read back.
std::string CliOutput(const EngineFixture& f, std::vector<std::string> args) {
  const std::string path = f.dir.File("stdout.txt");
  std::fflush(stdout);
  const int saved = dup(fileno(stdout));
  BOOST_REQUIRE(saved >= 0);
  std::FILE* file = std::fopen(path.c_str(), "w");
  BOOST_REQUIRE(file != nullptr);
  BOOST_REQUIRE(dup2(fileno(file), fileno(stdout)) >= 0);
  const int code = f.Cli(std::move(args), f.now);
  std::fflush(stdout);
  dup2(saved, fileno(stdout));
  close(saved);
  std::fclose(file);
  BOOST_REQUIRE_EQUAL(code, 0);
  return ReadFile(path);
}

// A field of a JSON object; the test fails when it is not there.
const core::json::Value& At(const core::json::Value& v, std::string_view key) {
  BOOST_REQUIRE(v.is_object());
  const core::json::Value* found = v.as_object().Find(key);
  BOOST_REQUIRE_MESSAGE(found != nullptr, key);
  return *found;
}

std::unique_ptr<core::Journal> Empty(const EngineFixture& f) {
  core::JournalOptions options;
  options.kdf_log2_n = core::crypto::KdfParams::kMinLog2N;
  auto created = core::Journal::Create(f.journal(), kPassphrase, options);
  BOOST_REQUIRE_MESSAGE(created.ok(), created.status().ToString());
  return std::move(created).value();
}

core::Session SessionAt(int64_t unix_seconds) {
  core::Session s;
  s.at = core::Timestamp{unix_seconds, 60};
  return s;
}

}  // namespace

BOOST_FIXTURE_TEST_CASE(a_new_journal_is_welcomed_once_wherever_it_is_opened, EngineFixture) {
  {
    auto journal = Empty(*this);
    BOOST_TEST(client::IsNewJournal(*journal));
    BOOST_TEST(!client::WelcomeShown(*journal));
    BOOST_TEST(!client::LastSessionAsked(*journal));
    BOOST_TEST(client::BeginWelcome(*journal));
    // The welcome asks for the last session itself: the strip does not.
    BOOST_TEST(client::WelcomeShown(*journal));
    BOOST_TEST(client::LastSessionAsked(*journal));
    BOOST_TEST(!client::TakeLastSessionAsk(*journal));
    BOOST_TEST(client::NoSessionYet(*journal));
  }
  // The marks are records in the journal: opened again, not new.
  auto again = Open();
  BOOST_TEST(!client::IsNewJournal(*again));
  BOOST_TEST(!client::BeginWelcome(*again));
}

BOOST_FIXTURE_TEST_CASE(a_journal_with_a_session_is_not_new, EngineFixture) {
  {
    auto journal = Empty(*this);
    BOOST_REQUIRE(journal->AddSession(SessionAt(now.Now().unix_seconds - 86400)).ok());
    BOOST_TEST(!client::IsNewJournal(*journal));
    BOOST_TEST(!client::BeginWelcome(*journal));
    BOOST_TEST(!client::WelcomeShown(*journal));  // nothing written
    BOOST_TEST(!client::NoSessionYet(*journal));
    // With a session on record there is nothing to ask, and nothing is marked.
    BOOST_TEST(!client::TakeLastSessionAsk(*journal));
    BOOST_TEST(!client::LastSessionAsked(*journal));
  }
}

BOOST_FIXTURE_TEST_CASE(the_last_session_is_asked_for_once, EngineFixture) {
  auto journal = Empty(*this);
  core::Entry e;
  e.kind = core::EntryKind::kNote;
  e.text = "A first line.";
  e.written_at = now.Now();
  BOOST_REQUIRE(journal->AddEntry(e).ok());
  BOOST_TEST(!client::IsNewJournal(*journal));  // an entry: no welcome
  BOOST_TEST(client::NoSessionYet(*journal));
  BOOST_TEST(client::TakeLastSessionAsk(*journal));
  BOOST_TEST(client::LastSessionAsked(*journal));
  BOOST_TEST(!client::TakeLastSessionAsk(*journal));
}

BOOST_FIXTURE_TEST_CASE(the_latest_session_is_the_latest_in_time, EngineFixture) {
  auto journal = Empty(*this);
  BOOST_TEST(!client::LatestSession(*journal).has_value());
  const int64_t t = now.Now().unix_seconds;
  // Added out of order: the latest is by time, not by when it was added.
  for (int64_t days : {9, 2, 5})
    BOOST_REQUIRE(journal->AddSession(SessionAt(t - days * 86400)).ok());
  auto latest = client::LatestSession(*journal);
  BOOST_REQUIRE(latest.has_value());
  BOOST_TEST(latest->unix_seconds == t - 2 * 86400);
  const auto newest_first = client::SessionsNewestFirst(*journal);
  BOOST_REQUIRE(newest_first.size() == 3u);
  // The journal's own order (oldest first), turned round.
  BOOST_TEST(newest_first.front()->id == journal->sessions().back().id);
  BOOST_TEST(newest_first.back()->id == journal->sessions().front().id);
}

BOOST_FIXTURE_TEST_CASE(the_cli_summary_and_the_engine_agree, EngineFixture) {
  MakeJournal();
  {
    auto journal = Open();
    // A later session, added after the first: the summary and the welcome
    // page both name it.
    BOOST_REQUIRE(journal->AddSession(SessionAt(now.Now().unix_seconds - 3600)).ok());
  }
  const std::string out = CliOutput(*this, {"summary", "--json"});
  auto parsed = core::json::Parse(out);
  BOOST_REQUIRE_MESSAGE(parsed.ok(), out);
  const core::json::Value& v = *parsed;

  auto journal = Open();
  const client::JournalSummary s = client::SummarizeJournal(*journal);
  BOOST_TEST(s.entries == 11u);
  BOOST_TEST(s.sessions == 2u);
  BOOST_TEST(s.threads == 1u);
  BOOST_TEST(s.by_kind.at(core::EntryKind::kLoop) == 6u);
  BOOST_REQUIRE(s.emotions.size() == 2u);
  BOOST_TEST(s.emotions[0].second == 3u);
  BOOST_REQUIRE(s.last_session.has_value());
  BOOST_TEST(s.last_session->unix_seconds == client::LatestSession(*journal)->unix_seconds);
  BOOST_TEST(s.last_session->unix_seconds == now.Now().unix_seconds - 3600);

  BOOST_TEST(At(v, "entries").as_int() == static_cast<int64_t>(s.entries));
  BOOST_TEST(At(v, "sessions").as_int() == static_cast<int64_t>(s.sessions));
  BOOST_TEST(At(v, "threads").as_int() == static_cast<int64_t>(s.threads));
  BOOST_TEST(At(v, "last_session").as_string() == core::FormatTimestamp(*s.last_session));
  BOOST_TEST(At(v, "first").as_string() == core::FormatTimestamp(*s.first));
  BOOST_TEST(At(v, "last").as_string() == core::FormatTimestamp(*s.last));
  const auto& top = At(v, "top_emotions").as_array();
  BOOST_REQUIRE(top.size() == s.emotions.size());
  for (size_t i = 0; i < top.size(); ++i) {
    BOOST_TEST(At(top[i], "emotion").as_string() == s.emotions[i].first);
    BOOST_TEST(At(top[i], "count").as_int() == static_cast<int64_t>(s.emotions[i].second));
  }
}

BOOST_FIXTURE_TEST_CASE(threads_are_listed_with_their_first_day_and_follow_ups, EngineFixture) {
  MakeJournal();
  auto journal = Open();
  core::Entry again;
  again.kind = core::EntryKind::kThread;
  // Another thread record (titles are kept as written), the same thread
  // once folded: each row counts every entry about it, as the pattern
  // analysis matches them.
  again.thread = "a WALK before email";
  again.text = "Skipped it today.";
  again.written_at = now.Now();
  BOOST_REQUIRE(journal->AddEntry(again).ok());

  BOOST_TEST(client::ThreadTitles(*journal) ==
             (std::vector<std::string>{"A walk before email", "a WALK before email"}));
  const auto counts = client::FollowUpCounts(*journal);
  BOOST_TEST(counts.size() == 1u);
  BOOST_TEST(counts.at(core::text::Fold("A walk before email")) == 2u);
  const auto rows = client::ThreadRows(*journal);
  BOOST_REQUIRE(rows.size() == 2u);
  for (size_t i = 0; i < rows.size(); ++i) {
    BOOST_TEST(rows[i].title == journal->threads()[i].title);
    BOOST_TEST(rows[i].follow_ups == 2u);
    // Its first day: the earliest entry about it, when earlier than the
    // thread record (here the fixture's entry, two days before now).
    int64_t earliest = journal->threads()[i].created_at.unix_seconds;
    for (const core::Entry& e : journal->entries())
      if (core::text::Fold(e.thread) == core::text::Fold(rows[i].title) &&
          e.written_at.unix_seconds < earliest)
        earliest = e.written_at.unix_seconds;
    BOOST_TEST(rows[i].since.unix_seconds == earliest);
    BOOST_TEST(rows[i].since.unix_seconds == now.Now().unix_seconds - 2 * 86400);
  }
}

BOOST_FIXTURE_TEST_CASE(evidence_leaves_out_entries_deleted_since, EngineFixture) {
  MakeJournal();
  auto journal = Open();
  std::vector<std::string> ids;
  for (const core::Entry& e : journal->entries()) ids.push_back(e.id);
  BOOST_REQUIRE(ids.size() >= 3u);
  const std::vector<std::string> asked = {ids[2], ids[0], ids[1]};
  BOOST_REQUIRE(journal->DeleteEntry(ids[0]).ok());
  const auto found = client::EntriesStillThere(*journal, asked);
  BOOST_REQUIRE(found.size() == 2u);
  BOOST_TEST(found[0].id == ids[2]);  // in the order given
  BOOST_TEST(found[1].id == ids[1]);
}

BOOST_FIXTURE_TEST_CASE(a_draft_comes_back_as_it_was_left, EngineFixture) {
  MakeJournal();
  auto journal = Open();
  BOOST_TEST(!client::ResumeDraft(*journal).value().has_value());

  // A new entry: kept while it holds words, removed once blank.
  client::Draft draft;
  draft.entry.kind = core::EntryKind::kNote;
  BOOST_TEST(!client::HasUnsavedWords(draft, {}));
  BOOST_TEST(!client::KeepDraft(*journal, draft, {}).value());
  BOOST_TEST(!client::LoadDraft(*journal).value().has_value());
  draft.entry.text = "Half a thought";
  BOOST_TEST(client::KeepDraft(*journal, draft, {}).value());
  auto resumed = client::ResumeDraft(*journal).value();
  BOOST_REQUIRE(resumed.has_value());
  BOOST_TEST(resumed->draft.entry.text == "Half a thought");
  BOOST_TEST(!resumed->original.has_value());
  BOOST_TEST(!resumed->keep_time);  // a new entry is written now

  // An edit: compared with the entry as it was opened.
  const core::Entry original = journal->entries().oldest_first().front();
  client::Draft edit;
  edit.entry = original;
  edit.editing_id = original.id;
  BOOST_TEST(!client::HasUnsavedWords(edit, original));
  BOOST_TEST(!client::KeepDraft(*journal, edit, original).value());
  BOOST_TEST(!client::LoadDraft(*journal).value().has_value());
  edit.entry.text += " More.";
  BOOST_TEST(client::KeepDraft(*journal, edit, original).value());
  resumed = client::ResumeDraft(*journal).value();
  BOOST_REQUIRE(resumed.has_value());
  BOOST_REQUIRE(resumed->original.has_value());
  BOOST_TEST(resumed->original->text == original.text);
  BOOST_TEST(resumed->draft.editing_id == original.id);
  BOOST_TEST(resumed->keep_time);

  // The entry deleted since: the draft comes back as a new entry.
  BOOST_REQUIRE(journal->DeleteEntry(original.id).ok());
  resumed = client::ResumeDraft(*journal).value();
  BOOST_REQUIRE(resumed.has_value());
  BOOST_TEST(!resumed->original.has_value());
  BOOST_TEST(resumed->draft.editing_id.empty());
  BOOST_TEST(!resumed->keep_time);
  BOOST_TEST(resumed->draft.entry.text == original.text + " More.");
}

BOOST_FIXTURE_TEST_CASE(the_report_page_snapshot_has_what_the_cli_reads, EngineFixture) {
  MakeJournal();
  client::JournalController controller(Open(), now);
  auto first = controller.TakeReportSnapshot();
  BOOST_REQUIRE_MESSAGE(first.ok(), first.status().ToString());
  BOOST_TEST(first->stored.empty());
  auto made = client::MakeReport(*first, {}, now, std::nullopt);
  BOOST_REQUIRE_MESSAGE(made.ok(), made.status().ToString());
  auto kept = controller.KeepReport(*made);
  BOOST_REQUIRE_MESSAGE(kept.ok(), kept.status().ToString());

  // The controller's snapshot (its kept reports held since unlock) and the
  // CLI's (read from the journal) hold the same reports.
  auto app = controller.TakeReportSnapshot();
  auto cli = client::TakeSnapshot(controller.journal());
  BOOST_REQUIRE(app.ok());
  BOOST_REQUIRE(cli.ok());
  BOOST_REQUIRE(app->stored.size() == 1u);
  BOOST_REQUIRE(cli->stored.size() == app->stored.size());
  BOOST_TEST(app->stored[0].id == kept->id);
  BOOST_TEST(cli->stored[0].id == app->stored[0].id);
  BOOST_TEST(app->brought == cli->brought);
  BOOST_TEST(app->entries.size() == cli->entries.size());
}

BOOST_AUTO_TEST_CASE(a_link_stands_as_both_faces_say_it) {
  sync::TherapistLink link;
  link.clinician_x25519 = std::string(64, 'a');
  link.clinician_ed25519 = std::string(64, 'b');
  BOOST_TEST((client::StandingOf(link) == client::LinkStanding::kNotVerified));
  link.verified_at = 1773334800;
  link.verified_x25519 = link.clinician_x25519;
  link.verified_ed25519 = link.clinician_ed25519;
  BOOST_TEST((client::StandingOf(link) == client::LinkStanding::kVerified));
  // The therapist's keys changed since: that comes first, though verified once.
  link.clinician_ed25519 = std::string(64, 'c');
  BOOST_TEST((client::StandingOf(link) == client::LinkStanding::kKeyChanged));
  BOOST_TEST(!link.can_share());
}

BOOST_AUTO_TEST_CASE(a_receipt_says_its_stage_with_the_time_that_goes_with_it) {
  sync::ReceiptLine line;
  line.uploaded_at = 10;
  line.downloaded_at = 20;
  line.opened_at = 30;
  line.withdrawn_at = 40;
  line.expired_at = 50;
  const std::vector<std::tuple<std::string, client::ReceiptStage, int64_t>> cases = {
      {"pending", client::ReceiptStage::kPending, 0},
      {"delivered", client::ReceiptStage::kDownloaded, 20},
      {"opened", client::ReceiptStage::kOpened, 30},
      {"withdrawn", client::ReceiptStage::kWithdrawn, 40},
      {"expired", client::ReceiptStage::kExpired, 50},
      {"unknown", client::ReceiptStage::kUnknown, 0},
      {"something new", client::ReceiptStage::kUnknown, 0},
  };
  for (const auto& [state, stage, at] : cases) {
    line.state = state;
    const client::ReceiptStatus status = client::StatusOf(line);
    BOOST_TEST((status.stage == stage), state);
    BOOST_TEST(status.at == at, state);
  }
}

BOOST_FIXTURE_TEST_CASE(the_cli_list_line_speaks_with_the_first_field_with_words, EngineFixture) {
  MakeJournal();
  {
    auto journal = Open();
    core::Entry e;
    e.kind = core::EntryKind::kSpike;
    e.written_at = now.Now();
    e.body = "shoulders up";
    e.before = "the phone rang";
    BOOST_REQUIRE(journal->AddEntry(e).ok());
    const auto fields = client::OneLineFields(e);
    BOOST_TEST(fields[0] == &e.thought);
    BOOST_TEST(fields[4] == &e.body);
  }
  // What happened right before comes ahead of where it was felt, in the
  // CLI's list as on the app's pages.
  const std::string out = CliOutput(*this, {"list", "--kind", "spike"});
  BOOST_TEST(out.find("the phone rang") != std::string::npos, out);
  BOOST_TEST(out.find("shoulders up") == std::string::npos, out);
}

}  // namespace fieldnotes::testing
