#include "common/wx/accessible.h"

#include <dlfcn.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/control.h>
#include <wx/datectrl.h>
#include <wx/listctrl.h>
#include <wx/slider.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/timectrl.h>
#include <wx/window.h>

#include "common/wx/str_helpers.h"

namespace fieldnotes::wxcommon {
namespace {

struct Atk {
  using GetAccessible = void* (*)(void*);
  using SetName = void (*)(void*, const char*);
  using GetName = const char* (*)(void*);
  using RoleForName = int (*)(const char*);
  using SetRole = void (*)(void*, int);
  GetAccessible get_accessible = nullptr;
  SetName set_name = nullptr;
  GetName get_name = nullptr;
  RoleForName role_for_name = nullptr;
  SetRole set_role = nullptr;
  bool ok() const { return get_accessible && set_name && get_name; }
};

const Atk& Functions() {
  static const Atk atk = [] {
    Atk a;
    a.get_accessible =
        reinterpret_cast<Atk::GetAccessible>(dlsym(RTLD_DEFAULT, "gtk_widget_get_accessible"));
    a.set_name = reinterpret_cast<Atk::SetName>(dlsym(RTLD_DEFAULT, "atk_object_set_name"));
    a.get_name = reinterpret_cast<Atk::GetName>(dlsym(RTLD_DEFAULT, "atk_object_get_name"));
    a.role_for_name = reinterpret_cast<Atk::RoleForName>(dlsym(RTLD_DEFAULT, "atk_role_for_name"));
    a.set_role = reinterpret_cast<Atk::SetRole>(dlsym(RTLD_DEFAULT, "atk_object_set_role"));
    return a;
  }();
  return atk;
}

void* AtkObjectOf(wxWindow* window) {
  const Atk& atk = Functions();
  if (!atk.ok() || window == nullptr || window->GetHandle() == nullptr) return nullptr;
  return atk.get_accessible(window->GetHandle());
}

bool IsInput(wxWindow* w) {
  return dynamic_cast<wxTextCtrl*>(w) || dynamic_cast<wxChoice*>(w) ||
         dynamic_cast<wxComboBox*>(w) || dynamic_cast<wxListCtrl*>(w) ||
         dynamic_cast<wxCheckListBox*>(w) || dynamic_cast<wxSlider*>(w) ||
         dynamic_cast<wxSpinCtrl*>(w);
}

wxString LabelText(const wxString& label) {
  wxString s = wxControl::RemoveMnemonics(label).Strip(wxString::both);
  while (!s.empty() && (s.Last() == ':' || s.Last() == '?')) s.RemoveLast();
  return s;
}

// GTK names a drop-down after the item it shows; that is not its name.
bool HasOwnName(wxWindow* w) {
  const wxString name = AccessibleName(w);
  if (name.empty()) return false;
  if (auto* choice = dynamic_cast<wxChoice*>(w)) return name != choice->GetStringSelection();
  if (auto* combo = dynamic_cast<wxComboBox*>(w)) return name != combo->GetValue();
  return true;
}

void NameAll(wxWindow* root, const wxString& name) {
  for (wxWindow* child : root->GetChildren()) {
    if (IsInput(child)) SetAccessibleName(child, name);
    NameAll(child, name);
  }
}

// A label names the one field that follows it; then it is used up.
void NameUnder(wxWindow* root, wxString& label) {
  for (wxWindow* child : root->GetChildren()) {
    if (auto* text = dynamic_cast<wxStaticText*>(child)) {
      if (!text->GetLabel().empty()) label = LabelText(text->GetLabel());
      continue;
    }
    // Date and time pickers are made of fields of their own.
    if (child->IsKindOf(wxCLASSINFO(wxDatePickerCtrl))) {
      NameAll(child, _("Day it happened"));
      continue;
    }
    if (child->IsKindOf(wxCLASSINFO(wxTimePickerCtrl))) {
      NameAll(child, _("Time it happened"));
      continue;
    }
    if (IsInput(child)) {
      if (!HasOwnName(child)) {
        wxString name = label;
        if (auto* entry = dynamic_cast<wxTextCtrl*>(child); entry && name.empty())
          name = entry->GetHint();
        if (!name.empty()) SetAccessibleName(child, name);
      }
      label.clear();
    }
    NameUnder(child, label);
  }
}

}  // namespace

void SetAccessibleName(wxWindow* window, const wxString& name) {
  if (void* object = AtkObjectOf(window)) Functions().set_name(object, ToUtf8(name).c_str());
  // wxListCtrl on GTK is drawn by wx itself: without this a screen reader
  // meets a nameless panel where the list is.
  if (auto* list = dynamic_cast<wxListCtrl*>(window); list != nullptr) {
    SetAccessibleRole(window, "list");
    // The keyboard goes to the window inside that draws the rows.
    for (wxWindow* rows : list->GetChildren()) {
      if (!rows->AcceptsFocus()) continue;
      if (void* object = AtkObjectOf(rows)) Functions().set_name(object, ToUtf8(name).c_str());
      SetAccessibleRole(rows, "list");
    }
  }
#ifdef __WXGTK__
  // A multi-line text is a text view inside a scrolled window: the view is
  // what takes the keyboard, so a screen reader reads its name.
  const Atk& atk = Functions();
  if (window != nullptr && atk.ok()) {
    GtkWidget* inner = window->GetConnectWidget();
    if (inner != nullptr && static_cast<void*>(inner) != window->GetHandle()) {
      if (void* object = atk.get_accessible(inner)) atk.set_name(object, ToUtf8(name).c_str());
    }
  }
#endif
}

void SetAccessibleRole(wxWindow* window, const char* role) {
  const Atk& atk = Functions();
  if (atk.role_for_name == nullptr || atk.set_role == nullptr) return;
  const int value = atk.role_for_name(role);
  if (value <= 0) return;  // ATK_ROLE_INVALID: no such role
  if (void* object = AtkObjectOf(window)) atk.set_role(object, value);
}

wxString AccessibleName(wxWindow* window) {
  void* object = AtkObjectOf(window);
  if (object == nullptr) return wxString();
  const char* name = Functions().get_name(object);
  return name ? ToWx(name) : wxString();
}

void NameControlsFromLabels(wxWindow* root) {
  wxString last_label;
  NameUnder(root, last_label);
}

}  // namespace fieldnotes::wxcommon
