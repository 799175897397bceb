#include "support/wx_pseudo.h"

#include <wx/anybutton.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/datetime.h>
#include <wx/frame.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/radiobox.h>
#include <wx/radiobut.h>
#include <wx/scrolwin.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/toplevel.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "support/wx_ui.h"

namespace fieldnotes::testing {
namespace {

std::string Describe(wxWindow* w) {
  return wxString(w->GetClassInfo()->GetClassName()).utf8_string() + " '" +
         w->GetName().utf8_string() + "'";
}

// Words that are data wherever they appear: month and day names in the
// locale's words (dates are data, formatted by the locale, not our text).
const std::set<wxString>& DateWords() {
  static const std::set<wxString> words = [] {
    std::set<wxString> w;
    for (int m = 0; m < 12; ++m) {
      const auto month = static_cast<wxDateTime::Month>(m);
      w.insert(wxDateTime::GetMonthName(month, wxDateTime::Name_Full).Lower());
      w.insert(wxDateTime::GetMonthName(month, wxDateTime::Name_Abbr).Lower());
    }
    for (int d = 0; d < 7; ++d) {
      const auto day = static_cast<wxDateTime::WeekDay>(d);
      w.insert(wxDateTime::GetWeekDayName(day, wxDateTime::Name_Full).Lower());
      w.insert(wxDateTime::GetWeekDayName(day, wxDateTime::Name_Abbr).Lower());
    }
    for (const char* x : {"am", "pm", "utc"}) w.insert(x);
    return w;
  }();
  return words;
}

// A label with no pseudo marks is fine only when every word in it is data.
bool IsData(const wxString& text, const std::vector<std::string>& data) {
  wxString rest = text;
  for (const std::string& d : data) rest.Replace(wxString::FromUTF8(d), " ");
  wxString word;
  auto word_ok = [&] {
    const bool ok = word.length() < 2 || DateWords().count(word.Lower()) != 0;
    word.clear();
    return ok;
  };
  for (wxUniChar c : rest) {
    if (wxIsalpha(c)) {
      word += c;
    } else if (!word_ok()) {
      return false;
    }
  }
  return word_ok();
}

void CheckText(wxWindow* w, const wxString& text, const std::vector<std::string>& data,
               std::vector<std::string>& out, const char* what) {
  if (text.empty() || LooksPseudo(text) || IsData(text, data)) return;
  out.push_back(Describe(w) + ": " + what + " in English: \"" + text.utf8_string() + "\"");
}

bool InScrolledWindow(wxWindow* w) {
  for (wxWindow* p = w->GetParent(); p != nullptr && !p->IsTopLevel(); p = p->GetParent()) {
    if (dynamic_cast<wxScrollHelperBase*>(p) != nullptr) return true;
  }
  return false;
}

void Walk(wxWindow* w, const std::vector<std::string>& data, std::vector<std::string>& out) {
  if (!w->IsShownOnScreen()) return;
  const bool labelled =
      dynamic_cast<wxStaticText*>(w) != nullptr || dynamic_cast<wxAnyButton*>(w) != nullptr ||
      dynamic_cast<wxCheckBox*>(w) != nullptr || dynamic_cast<wxRadioButton*>(w) != nullptr ||
      dynamic_cast<wxStaticBox*>(w) != nullptr;
  if (labelled) {
    const wxString label = wxControl::RemoveMnemonics(w->GetLabel());
    CheckText(w, label, data, out, "label");
    // Cut off: the control got less room than its text needs. Ellipsized
    // texts are cut on purpose (and say so with "…").
    const wxSize best = w->GetBestSize();
    const wxSize got = w->GetSize();
    const bool ellipsized = (w->GetWindowStyle() & (wxST_ELLIPSIZE_START | wxST_ELLIPSIZE_MIDDLE |
                                                    wxST_ELLIPSIZE_END)) != 0 &&
                            dynamic_cast<wxStaticText*>(w) != nullptr;
    if (!ellipsized && !label.empty() && (got.x + 1 < best.x || got.y + 1 < best.y)) {
      out.push_back(Describe(w) + ": cut off, needs " + std::to_string(best.x) + "x" +
                    std::to_string(best.y) + " and got " + std::to_string(got.x) + "x" +
                    std::to_string(got.y) + ": \"" + label.utf8_string() + "\"");
    }
    // Past the window's edge (unless it can be scrolled to).
    wxWindow* top = wxGetTopLevelParent(w);
    if (top != nullptr && top != w && !InScrolledWindow(w)) {
      const wxRect mine = w->GetScreenRect();
      const wxRect room(top->ClientToScreen(wxPoint(0, 0)), top->GetClientSize());
      if (!room.Contains(mine)) {
        out.push_back(Describe(w) + ": reaches past the window's edge: \"" + label.utf8_string() +
                      "\"");
      }
    }
  }
  if (auto* list = dynamic_cast<wxListCtrl*>(w); list != nullptr && list->InReportView()) {
    for (int c = 0; c < list->GetColumnCount(); ++c) {
      wxListItem column;
      column.SetMask(wxLIST_MASK_TEXT);
      list->GetColumn(c, column);
      CheckText(w, column.GetText(), data, out, "column heading");
    }
    for (long r = 0; r < std::min(list->GetItemCount(), 20); ++r) {
      for (int c = 0; c < list->GetColumnCount(); ++c)
        CheckText(w, list->GetItemText(r, c), data, out, "list text");
    }
  }
  if (auto* choice = dynamic_cast<wxChoice*>(w)) {
    for (unsigned i = 0; i < choice->GetCount(); ++i)
      CheckText(w, choice->GetString(i), data, out, "choice");
  }
  if (auto* box = dynamic_cast<wxRadioBox*>(w)) {
    for (unsigned i = 0; i < box->GetCount(); ++i)
      CheckText(w, box->GetString(i), data, out, "choice");
  }
  if (auto* frame = dynamic_cast<wxFrame*>(w); frame != nullptr && frame->GetMenuBar()) {
    wxMenuBar* bar = frame->GetMenuBar();
    for (size_t m = 0; m < bar->GetMenuCount(); ++m) {
      CheckText(w, wxStripMenuCodes(bar->GetMenuLabel(m)), data, out, "menu");
      for (wxMenuItem* item : bar->GetMenu(m)->GetMenuItems()) {
        if (!item->IsSeparator()) CheckText(w, item->GetItemLabelText(), data, out, "menu item");
      }
    }
  }
  for (wxWindow* child : w->GetChildren()) {
    if (!child->IsTopLevel()) Walk(child, data, out);
  }
}

}  // namespace

bool PseudoRun() {
  const char* dir = std::getenv("FIELDNOTES_PSEUDO_SHOTS");
  return dir != nullptr && *dir != '\0';
}

bool LooksPseudo(const wxString& text) {
  for (wxUniChar c : text) {
    const wxUint32 v = c.GetValue();
    // Latin-1 Supplement and Latin Extended letters, the padding dot, or the
    // brackets the pseudo-translation puts around every message.
    if ((v >= 0xC0 && v <= 0x24F) || v == 0xB7 || (v >= 0x1E00 && v <= 0x1EFF)) return true;
  }
  return false;
}

std::vector<std::string> PseudoProblems(wxWindow* root, const std::vector<std::string>& data) {
  std::vector<std::string> out;
  Walk(root, data, out);
  if (wxWindow* top = wxGetTopLevelParent(root); top != nullptr) {
    const wxRect screen(wxPoint(0, 0), wxGetDisplaySize());
    if (!screen.Contains(top->GetScreenRect()))
      out.push_back(Describe(top) + ": the window is larger than the screen");
  }
  return out;
}

void CheckPseudoPage(wxWindow* root, const std::string& name,
                     const std::vector<std::string>& data) {
  wxWindow* top = wxGetTopLevelParent(root);
  if (top != nullptr) {
    top->Layout();
    top->Raise();
  }
  Pump(300);
  if (top != nullptr) top->Update();
  Pump(100);
  if (const char* dir = std::getenv("FIELDNOTES_PSEUDO_SHOTS"); dir != nullptr && *dir != '\0') {
    std::filesystem::create_directories(dir);
    const std::string file = std::string(dir) + "/" + name + ".png";
    const std::string command = "import -window root '" + file + "' 2>/dev/null";
    BOOST_TEST(std::system(command.c_str()) == 0, "screenshot " << file);
  }
  for (const std::string& problem : PseudoProblems(root, data))
    BOOST_ERROR(name << ": " << problem);
}

}  // namespace fieldnotes::testing
