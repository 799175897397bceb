// What the viewer_ui tests share: a real fieldnotes-server (ClinicianFixture,
// tests/clinician), a ViewerFrame on the clinician's key file there, and a
// client played by the real fieldnotes-cli, whose journal and PDF live
// outside the folders the privacy checks search.
#ifndef FIELDNOTES_TESTS_VIEWER_UI_VIEWER_FIXTURE_H_
#define FIELDNOTES_TESTS_VIEWER_UI_VIEWER_FIXTURE_H_

#include <wx/frame.h>
#include <wx/weakref.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "clinician/ui/viewer_frame.h"
#include "clinician/ui/workspace_panel.h"
#include "clinician_fixture.h"
#include "support/wx_ui.h"

namespace fieldnotes::testing {

// The test run's own folder (made by main): HOME is run/home and TMPDIR is
// run/tmp for the whole run, so whatever the viewer, GTK or poppler leave
// behind is found there. The client's files go to run/clients.
void MakeRunRoot();
void RemoveRunRoot();
const std::filesystem::path& RunRoot();

class ViewerFixture : public ClinicianFixture {
 public:
  ViewerFixture();
  ~ViewerFixture();

  clinician::ViewerOptions Options() const;
  void OpenFrame();
  void DestroyFrame();
  clinician::ViewerFrame& frame() { return *frame_; }
  // Submits kPassphrase to the key panel (making the key file when there
  // is none) and waits for the key file to open.
  void Unlock();
  // Fills the sign-in panel and waits for the workspace.
  void SignInWithViewer();
  clinician::WorkspacePanel& workspace();
  // F5, and waits for the answer.
  void RefreshAndWait();

  // fieldnotes-cli --journal <client journal> ARGS, as the client.
  ProcessResult Cli(const std::vector<std::string>& args) const;
  core::json::Value CliJson(std::vector<std::string> args) const;
  // A journal with `canary` in an entry and in the report's agenda, linked
  // with `code`, verified and its report shared. Returns the link id.
  std::string ClientLinksAndShares(const std::string& code, const std::string& canary);
  const std::filesystem::path& client_dir() const { return client_dir_; }
  // Where this test's viewer keeps its look (ViewerOptions::settings_path).
  const std::filesystem::path& settings_path() const { return settings_path_; }
  std::string link_id;
  std::string client_safety_number;
  std::string client_report_id;

 private:
  std::filesystem::path client_dir_;
  std::filesystem::path settings_path_;
  wxWeakRef<clinician::ViewerFrame> frame_;
};

}  // namespace fieldnotes::testing

BOOST_TEST_DONT_PRINT_LOG_VALUE(fieldnotes::clinician::WorkspacePanel::Page)

#endif  // FIELDNOTES_TESTS_VIEWER_UI_VIEWER_FIXTURE_H_
