// Keyboard and access: the accelerators the menus show, and a name for
// every field a screen reader lands on.
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/dataview.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/slider.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>

#include <boost/test/unit_test.hpp>

#include "common/wx/accessible.h"
#include "ui/app_icon.h"
#include "ui/link_dialog.h"
#include "ui/links_dialog.h"
#include "ui/receipts_dialog.h"
#include "ui/share_dialog.h"
#include "ui/sharing_controller.h"
#include "ui/unlock_panel.h"
#include "ui/workspace_panel.h"
#include "ui_fixture.h"

namespace fieldnotes::testing {
namespace {

bool IsInput(wxWindow* w) {
  return dynamic_cast<wxTextCtrl*>(w) || dynamic_cast<wxChoice*>(w) ||
         dynamic_cast<wxComboBox*>(w) || dynamic_cast<wxListCtrl*>(w) ||
         dynamic_cast<wxDataViewCtrl*>(w) ||
         dynamic_cast<wxCheckListBox*>(w) || dynamic_cast<wxSlider*>(w) ||
         dynamic_cast<wxSpinCtrl*>(w);
}

void Inputs(wxWindow* root, std::vector<wxWindow*>& out) {
  for (wxWindow* child : root->GetChildren()) {
    if (IsInput(child)) out.push_back(child);
    Inputs(child, out);
  }
}

// The accelerator the menu shows for the item labelled `label`.
wxString AccelOf(wxMenuBar* bar, const wxString& label) {
  for (size_t m = 0; m < bar->GetMenuCount(); ++m) {
    for (wxMenuItem* item : bar->GetMenu(m)->GetMenuItems()) {
      if (item->GetItemLabelText() != label) continue;
      std::unique_ptr<wxAcceleratorEntry> accel(item->GetAccel());
      return accel ? accel->ToString() : wxString();
    }
  }
  return "(no such item)";
}

BOOST_AUTO_TEST_SUITE(access)

BOOST_FIXTURE_TEST_CASE(menus_show_the_accelerators, FrameFixture) {
  OpenFrame();
  wxMenuBar* bar = frame().GetMenuBar();
  BOOST_TEST(AccelOf(bar, "New entry") == "Ctrl+N");
  BOOST_TEST(AccelOf(bar, "Search entries") == "Ctrl+F");
  BOOST_TEST(AccelOf(bar, "Lock") == "Ctrl+L");
  BOOST_TEST(AccelOf(bar, "Weekly report") == "Ctrl+R");
  BOOST_TEST(AccelOf(bar, "Save entry") == "Ctrl+S");
  BOOST_TEST(AccelOf(bar, "Undo") == "Ctrl+Z");
  BOOST_TEST(AccelOf(bar, wxString::FromUTF8("Link a therapist…")) == "Ctrl+Shift+L");
  BOOST_TEST(AccelOf(bar, wxString::FromUTF8("Therapists and safety numbers…")) == "Ctrl+Shift+T");
  BOOST_TEST(AccelOf(bar, wxString::FromUTF8("Share this report…")) == "Ctrl+Shift+H");
  BOOST_TEST(AccelOf(bar, wxString::FromUTF8("Receipts…")) == "Ctrl+Shift+R");
}

BOOST_FIXTURE_TEST_CASE(every_field_of_the_sharing_dialogs_has_a_name, FrameFixture) {
  Unlock();
  client::SharingController& sharing = frame().workspace()->sharing();
  reports::StoredReport report;
  report.id = "0123456789abcdef0123456789abcdef";
  report.pages = 1;
  report.content.title = "Notes for my next session";
  report.pdf = "%PDF-1.4";
  auto yes = [](wxWindow*, const wxString&) { return true; };
  std::vector<std::unique_ptr<wxDialog>> dialogs;
  dialogs.emplace_back(new client::LinkDialog(&frame(), sharing));
  dialogs.emplace_back(new client::LinksDialog(&frame(), sharing, yes));
  dialogs.emplace_back(new client::ShareDialog(&frame(), sharing, report));
  dialogs.emplace_back(new client::ReceiptsDialog(&frame(), sharing, yes));
  for (auto& dialog : dialogs) {
    dialog->Show();
    BOOST_REQUIRE(WaitUntil([&] { return !sharing.busy(); }));
    std::vector<wxWindow*> fields;
    Inputs(dialog.get(), fields);
    BOOST_TEST(!fields.empty(), dialog->GetName().utf8_string());
    for (wxWindow* w : fields)
      BOOST_TEST(!wxcommon::AccessibleName(w).empty(),
                 (dialog->GetName() + ": " + w->GetName()).utf8_string());
    dialog.reset();
  }
  // With nothing linked, the consent dialog cannot share, and says why.
  client::ShareDialog share(&frame(), sharing, report);
  BOOST_TEST(!share.can_share());
  BOOST_TEST(share.link_state_text().utf8_string().find("No therapist linked yet") == 0u);
  BOOST_TEST(DialogRecorder::shown().empty());
}

BOOST_FIXTURE_TEST_CASE(every_field_has_a_name, FrameFixture) {
  OpenFrame();
  // Locked: the passphrase field.
  std::vector<wxWindow*> fields;
  Inputs(&frame().unlock_panel(), fields);
  BOOST_REQUIRE(!fields.empty());
  for (wxWindow* w : fields)
    BOOST_TEST(!wxcommon::AccessibleName(w).empty(), w->GetName().utf8_string());

  Unlock();
  fields.clear();
  Inputs(frame().workspace(), fields);
  BOOST_TEST(fields.size() > 15u);
  for (wxWindow* w : fields)
    BOOST_TEST(!wxcommon::AccessibleName(w).empty(), w->GetName().utf8_string());
  // Named after the question the form asks, not after what they show.
  auto name = [&](const char* control) {
    return wxcommon::AccessibleName(wxWindow::FindWindowByName(control, frame().workspace()));
  };
  BOOST_TEST(name("thought") == "The exact thought");
  BOOST_TEST(name("mood_before") == "Mood before writing");
  BOOST_TEST(name("timeline") == "Your entries, newest first");
}

BOOST_FIXTURE_TEST_CASE(the_window_has_the_icon, FrameFixture) {
  // Drawn from packaging/icons/fieldnotes.svg, the file the launcher uses.
  const wxIconBundle icons = client::AppIcons();
  BOOST_REQUIRE(icons.GetIconCount() >= 5u);
  const wxIcon icon = icons.GetIcon(wxSize(48, 48), wxIconBundle::FALLBACK_NONE);
  BOOST_REQUIRE(icon.IsOk());
  wxBitmap bitmap;
  bitmap.CopyFromIcon(icon);
  const wxImage image = bitmap.ConvertToImage();
  BOOST_TEST(image.GetWidth() == 48);
  // Not blank: the page in the middle is light, the field around it dark.
  const int centre = image.GetRed(24, 17) + image.GetGreen(24, 17) + image.GetBlue(24, 17);
  const int edge = image.GetRed(4, 24) + image.GetGreen(4, 24) + image.GetBlue(4, 24);
  BOOST_TEST(centre > 600);
  BOOST_TEST(edge < 400);
  OpenFrame();
  BOOST_TEST(frame().GetIcons().GetIconCount() == icons.GetIconCount());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::testing
