#include "viewer_fixture.h"

#include <wx/app.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>

#include "clinician/ui/key_panel.h"
#include "clinician/ui/sign_in_panel.h"

namespace fieldnotes::testing {
namespace {

std::filesystem::path g_root;
int g_clients = 0;

}  // namespace

void MakeRunRoot() {
  const char* base = std::getenv("TMPDIR");
  std::string tmpl = std::string(base && *base ? base : "/tmp") + "/fieldnotes-viewer-tests-XXXXXX";
  if (!::mkdtemp(tmpl.data())) std::abort();
  g_root = tmpl;
  for (const char* sub : {"home", "tmp", "clients"})
    std::filesystem::create_directories(g_root / sub);
  setenv("HOME", (g_root / "home").c_str(), 1);
  setenv("TMPDIR", (g_root / "tmp").c_str(), 1);
  for (const char* var : {"XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"})
    unsetenv(var);
}

void RemoveRunRoot() {
  std::error_code ec;
  std::filesystem::remove_all(g_root, ec);
}

const std::filesystem::path& RunRoot() { return g_root; }

ViewerFixture::ViewerFixture()
    : client_dir_(RunRoot() / "clients" / std::to_string(++g_clients)),
      settings_path_(RunRoot() / "home" / ".config" / "fieldnotes-viewer" /
                     ("viewer-" + std::to_string(g_clients) + ".ini")) {
  std::filesystem::create_directories(client_dir_ / "home");
  DialogRecorder::shown().clear();
  FailedAsserts().clear();
}

ViewerFixture::~ViewerFixture() {
  DestroyFrame();
  BOOST_TEST(FailedAsserts().empty());
}

clinician::ViewerOptions ViewerFixture::Options() const {
  clinician::ViewerOptions options;
  options.keys_path = keys();
  options.kdf_log2_n = core::crypto::KdfParams::kMinLog2N;
  options.refresh_seconds = 3600;  // the tests refresh when they mean to
  options.settings_path = settings_path_.string();
  return options;
}

void ViewerFixture::OpenFrame() {
  DestroyFrame();
  frame_ = new clinician::ViewerFrame(Options());
  frame_->Show();
  Pump(30);
}

void ViewerFixture::DestroyFrame() {
  if (frame_.get() == nullptr) return;
  frame_->Destroy();
  WaitUntil([&] {
    wxTheApp->ProcessIdle();
    return frame_.get() == nullptr;
  });
}

void ViewerFixture::Unlock() {
  if (frame_.get() == nullptr) OpenFrame();
  frame_->key_panel().Submit(wxString::FromUTF8(kPassphrase), wxString::FromUTF8(kPassphrase));
  BOOST_REQUIRE_MESSAGE(WaitUntil([&] { return frame_->unlocked(); }),
                        frame_->key_panel().message().utf8_string());
  Pump(20);
}

void ViewerFixture::SignInWithViewer() {
  clinician::SignInPanel* panel = frame_->sign_in();
  BOOST_REQUIRE(panel != nullptr);
  panel->Prefill(wxString::FromUTF8(url()), wxString::FromUTF8(ca()), wxString::FromUTF8(kEmail));
  panel->Submit(wxString::FromUTF8(kPassword));
  const bool in = WaitUntil([&] { return frame_->workspace() != nullptr; });
  const std::string why =
      frame_->sign_in() != nullptr ? frame_->sign_in()->message().utf8_string() : std::string();
  BOOST_REQUIRE_MESSAGE(in, why);
  BOOST_REQUIRE(WaitUntil([&] { return !workspace().refreshing(); }));
}

clinician::WorkspacePanel& ViewerFixture::workspace() {
  BOOST_REQUIRE(frame_->workspace() != nullptr);
  return *frame_->workspace();
}

void ViewerFixture::RefreshAndWait() {
  workspace().Refresh();
  BOOST_REQUIRE(WaitUntil([&] { return !workspace().refreshing(); }, std::chrono::seconds(20)));
  Pump(20);
}

ProcessResult ViewerFixture::Cli(const std::vector<std::string>& args) const {
  std::vector<std::string> full = {"--journal", (client_dir_ / "journal.db").string()};
  full.insert(full.end(), args.begin(), args.end());
  ProcessOptions options;
  options.env.emplace("FIELDNOTES_PASSPHRASE", "the client's own passphrase");
  options.env.emplace("HOME", (client_dir_ / "home").string());
  options.env.emplace("TMPDIR", client_dir_.string());
  return RunProcess(FIELDNOTES_CLI, full, options);
}

core::json::Value ViewerFixture::CliJson(std::vector<std::string> args) const {
  args.push_back("--json");
  ProcessResult r = Cli(args);
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, args[0] + ": " + r.err);
  auto value = core::json::Parse(r.out);
  BOOST_REQUIRE_MESSAGE(value.ok(), "not JSON: " + r.out);
  return *value;
}

std::string ViewerFixture::ClientLinksAndShares(const std::string& code,
                                                const std::string& canary) {
  auto ok = [&](const std::vector<std::string>& args) {
    ProcessResult r = Cli(args);
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, args[0] + ": " + r.err);
    return r.out;
  };
  ok({"init", "--kdf-cost", "15"});
  ok({"add", "note", "--at", "2026-11-04T09:00:00+00:00", "--text",
      "a note that holds " + canary + " in it"});
  ok({"add", "spike", "--at", "2026-11-05T20:10:00+00:00", "--emotion", "anxiety", "--intensity",
      "6", "--thought", "it will not stop"});
  ok({"report", "--from", "2026-11-02", "--to", "2026-11-09", "--agenda", "Bring up " + canary,
      "--pdf", (client_dir_ / "report.pdf").string()});
  core::json::Value link = CliJson(
      {"link", "--server", url(), "--code", code, "--ca-file", ca(), "--label", "Dr Rivera"});
  link_id = link.as_object().Find("id")->as_string();
  client_safety_number = link.as_object().Find("safety_number")->as_string();
  ok({"link", "verify", link_id, "--yes"});
  // The report's id from the list meant for scripts: the list for people is
  // in the test's language (the pseudo-locale's too).
  const core::json::Value reports = CliJson({"report", "list"});
  BOOST_REQUIRE(reports.is_array() && !reports.as_array().empty());
  client_report_id = reports.as_array().back().as_object().Find("id")->as_string();
  ok({"share", client_report_id, "--with", link_id, "--yes"});
  return link_id;
}

}  // namespace fieldnotes::testing
