// What the viewer refuses and what it lets go: a tampered envelope is not
// shown and the viewer says why; a withdrawn report leaves the list with a
// note; a server that is down gets a calm message and Retry, not a frozen
// window.
#include <sqlite3.h>
#include <wx/button.h>
#include <wx/listctrl.h>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <thread>

#include "clinician/ui/report_view.h"
#include "common/wx/pdf_preview.h"
#include "viewer_fixture.h"

namespace fieldnotes::testing {
namespace {

// Flips one byte in the middle of the stored envelope and fixes up the
// listed hash, so only the envelope's own checks can catch it (as
// tests/e2e/e2e.sh does with the CLI).
void TamperStoredEnvelope(const std::string& db_path, const std::string& report_id) {
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open(db_path.c_str(), &db) == SQLITE_OK);
  sqlite3_busy_timeout(db, 10000);
  sqlite3_stmt* read = nullptr;
  BOOST_REQUIRE(sqlite3_prepare_v2(db, "SELECT bytes FROM envelopes WHERE report_id = ?", -1, &read,
                                   nullptr) == SQLITE_OK);
  sqlite3_bind_text(read, 1, report_id.c_str(), -1, SQLITE_TRANSIENT);
  BOOST_REQUIRE(sqlite3_step(read) == SQLITE_ROW);
  const auto* data = static_cast<const uint8_t*>(sqlite3_column_blob(read, 0));
  core::crypto::Bytes bytes(data, data + sqlite3_column_bytes(read, 0));
  sqlite3_finalize(read);
  bytes[bytes.size() / 2] ^= 0x01;
  const std::string hash = core::crypto::HexEncode(core::crypto::Sha256(bytes));
  for (const char* sql : {"UPDATE envelopes SET bytes = ?1 WHERE report_id = ?2",
                          "UPDATE reports SET sha256 = ?1 WHERE id = ?2"}) {
    sqlite3_stmt* write = nullptr;
    BOOST_REQUIRE(sqlite3_prepare_v2(db, sql, -1, &write, nullptr) == SQLITE_OK);
    if (std::string(sql).find("envelopes") != std::string::npos) {
      sqlite3_bind_blob(write, 1, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
    } else {
      sqlite3_bind_text(write, 1, hash.c_str(), -1, SQLITE_TRANSIENT);
    }
    sqlite3_bind_text(write, 2, report_id.c_str(), -1, SQLITE_TRANSIENT);
    BOOST_REQUIRE(sqlite3_step(write) == SQLITE_DONE);
    sqlite3_finalize(write);
  }
  sqlite3_close(db);
}

void Exec(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open(db_path.c_str(), &db) == SQLITE_OK);
  sqlite3_busy_timeout(db, 10000);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  BOOST_TEST(rc == SQLITE_OK, (error != nullptr ? error : ""));
  sqlite3_free(error);
  sqlite3_close(db);
}

}  // namespace

BOOST_FIXTURE_TEST_CASE(a_tampered_envelope_is_not_shown_and_the_viewer_says_why, ViewerFixture) {
  SetUpClinician();
  TestClient sam = PairClient("Sam K.");
  const std::string report_id = Upload(sam, Seal(SamplePdf("tampered"), sam.key));
  TamperStoredEnvelope(dir().File("server/fieldnotes-server.db"), report_id);

  Unlock();
  clinician::WorkspacePanel& ws = workspace();
  BOOST_REQUIRE(WaitUntil([&] { return !ws.refreshing(); }));
  BOOST_REQUIRE(ws.overview() && ws.overview()->reports.size() == 1);
  ws.OpenReport(report_id);
  BOOST_REQUIRE(WaitUntil([&] { return !ws.opening(); }, std::chrono::seconds(20)));
  BOOST_TEST(ws.page() == clinician::WorkspacePanel::Page::kRefused);
  // The label is wrapped to the window at the system font's widths: read
  // its line breaks as spaces.
  std::string why = ws.refusal().utf8_string();
  std::replace(why.begin(), why.end(), '\n', ' ');
  BOOST_TEST(why.find("not shown") != std::string::npos, why);
  BOOST_TEST(why.find("changed after the client signed it") != std::string::npos, why);
  BOOST_TEST(why.find("envelope refused:") == std::string::npos, why);  // plain words
  BOOST_TEST(!ws.report_view().has_report());
  BOOST_TEST(ws.report_view().preview().page_count() == 0);
  // Not opened: the client's receipt still says it was not.
  auto receipts = client_connection().Receipts(sam.credential);
  BOOST_REQUIRE(receipts.ok());
  BOOST_TEST(receipts->at(0).state != "opened");
}

BOOST_FIXTURE_TEST_CASE(a_withdrawn_report_leaves_the_list_with_a_note, ViewerFixture) {
  SetUpClinician();
  TestClient sam = PairClient("Sam K.");
  const std::string report_id = Upload(sam, Seal(SamplePdf("withdrawn"), sam.key));
  Unlock();
  clinician::WorkspacePanel& ws = workspace();
  BOOST_REQUIRE(WaitUntil([&] { return !ws.refreshing(); }));
  BOOST_REQUIRE(ws.overview() && ws.overview()->reports.size() == 1);
  BOOST_TEST(ws.overview()->reports[0].is_new);

  BOOST_REQUIRE(client_connection().Withdraw(sam.credential, report_id).ok());
  RefreshAndWait();
  BOOST_TEST(ws.overview()->reports.empty());
  BOOST_TEST(ws.reports_list().GetItemText(0, 1) == "No reports yet");
  const std::string note = ws.notice().utf8_string();
  BOOST_TEST(note.find("Sam K. withdrew the report") != std::string::npos, note);

  // Expiry: a report kept for two seconds, then purged as the server's
  // purge timer does (its rows deleted), is noted as expired.
  const int64_t now = sync::NowSeconds();
  auto brief = client_connection().Upload(sam.credential, Seal(SamplePdf("brief"), sam.key),
                                          {"2026-11-08", now + 2});
  BOOST_REQUIRE_MESSAGE(brief.ok(), brief.status().ToString());
  RefreshAndWait();
  BOOST_REQUIRE(ws.overview()->reports.size() == 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  Exec(dir().File("server/fieldnotes-server.db"),
       "DELETE FROM envelopes WHERE report_id = '" + brief->report_id +
           "'; DELETE FROM reports WHERE id = '" + brief->report_id + "';");
  RefreshAndWait();
  BOOST_TEST(ws.overview()->reports.empty());
  const std::string expired = ws.notice().utf8_string();
  BOOST_TEST(expired.find("expired and is no longer on the server") != std::string::npos, expired);
}

BOOST_FIXTURE_TEST_CASE(a_server_that_is_down_gets_a_calm_message_and_retry, ViewerFixture) {
  SetUpClinician();
  Unlock();
  clinician::WorkspacePanel& ws = workspace();
  BOOST_REQUIRE(WaitUntil([&] { return !ws.refreshing(); }));
  BOOST_TEST(ws.notice().empty());

  StopServer();
  const auto before = std::chrono::steady_clock::now();
  ws.Refresh();
  // The window keeps answering while the worker waits for the server.
  bool pumped = false;
  frame().CallAfter([&] { pumped = true; });
  BOOST_TEST(WaitUntil([&] { return pumped; }, std::chrono::milliseconds(500)));
  BOOST_REQUIRE(WaitUntil([&] { return !ws.refreshing(); }, std::chrono::seconds(40)));
  BOOST_TEST((std::chrono::steady_clock::now() - before < std::chrono::seconds(35)));
  const std::string note = ws.notice().utf8_string();
  BOOST_TEST(note.find("could not be reached just now") != std::string::npos, note);
  BOOST_TEST(note.find("Retry") != std::string::npos, note);
  wxButton* retry = Find<wxButton>(&ws, "workspace_retry");
  BOOST_REQUIRE(retry != nullptr);
  BOOST_TEST(retry->IsShown());
  Click(retry);
  BOOST_TEST(ws.refreshing());
  BOOST_REQUIRE(WaitUntil([&] { return !ws.refreshing(); }, std::chrono::seconds(40)));
  BOOST_TEST(frame().unlocked());  // still there, still calm
}

}  // namespace fieldnotes::testing
