// Keyboard paths and names: every command of the viewer is in a menu, the
// everyday ones with an accelerator shown there; the fields have names a
// screen reader reads; the window has its icon.
#include <wx/menu.h>
#include <wx/textctrl.h>

#include <boost/test/unit_test.hpp>
#include <set>

#include "clinician/ui/key_panel.h"
#include "clinician/ui/viewer_frame.h"
#include "clinician/ui/viewer_icon.h"
#include "common/wx/accessible.h"
#include "support/temp_dir.h"
#include "support/wx_ui.h"

namespace fieldnotes::testing {

BOOST_AUTO_TEST_CASE(commands_have_accelerators_and_fields_have_names) {
  TempDir dir;
  clinician::ViewerOptions options;
  options.keys_path = dir.File("keys");
  auto* frame = new clinician::ViewerFrame(options);
  frame->Show();
  Pump(30);

  std::set<std::string> accelerators;
  std::set<std::string> labels;
  wxMenuBar* bar = frame->GetMenuBar();
  BOOST_REQUIRE(bar != nullptr);
  for (size_t m = 0; m < bar->GetMenuCount(); ++m) {
    for (wxMenuItem* item : bar->GetMenu(m)->GetMenuItems()) {
      if (item->IsSeparator()) continue;
      labels.insert(item->GetItemLabelText().utf8_string());
      const wxString text = item->GetItemLabel();
      if (text.Contains("\t")) {
        const std::string accel = text.AfterFirst('\t').utf8_string();
        BOOST_TEST(accelerators.insert(accel).second, "used twice: " << accel);
      }
      // Every item can be reached from the keyboard by its mnemonic too.
      BOOST_TEST(text.BeforeFirst('\t').Contains("&"), text.utf8_string());
    }
  }
  for (const char* accel :
       {"Ctrl+N", "F5", "Ctrl+Shift+S", "Ctrl+P", "Ctrl+L", "Ctrl+Q", "Ctrl+1", "Ctrl+2", "Ctrl+O",
        "Ctrl+W", "Ctrl+=", "Ctrl+-", "Ctrl+0", "Ctrl+PgDn", "Ctrl+PgUp", "Ctrl+K", "F2", "F9"}) {
    BOOST_TEST(accelerators.count(accel) == 1, "no menu item has " << accel);
  }
  for (const char* label : {"Sign out", "End the link…"}) {
    BOOST_TEST(labels.count(label) == 1, "no menu item " << label);
  }

  // The first screen: the key file's fields are named for screen readers.
  auto* passphrase = Find<wxTextCtrl>(frame, clinician::KeyPanel::kPassphraseName);
  BOOST_REQUIRE(passphrase != nullptr);
  BOOST_TEST(wxcommon::AccessibleName(passphrase) == "Key file passphrase");
  BOOST_TEST(frame->key_panel().creating());
  BOOST_TEST(frame->GetIcons().GetIconCount() > 0);
  BOOST_TEST(!clinician::ViewerIcons().IsEmpty());

  // A passphrase too short for a new key file is said in words, and
  // nothing is made.
  frame->key_panel().Submit("short", "short");
  BOOST_TEST(frame->key_panel().message().Contains("at least 8 characters"));
  frame->key_panel().Submit("a long enough passphrase", "another one entirely");
  BOOST_TEST(frame->key_panel().message().Contains("not the same"));
  BOOST_TEST(!std::filesystem::exists(dir.File("keys")));
  frame->Destroy();
  Pump(30);
}

}  // namespace fieldnotes::testing
