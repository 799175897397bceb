#include "ui/timeline_list.h"

#include <wx/datetime.h>
#include <wx/imaglist.h>
#include <wx/settings.h>

#include "common/wx/str_helpers.h"
#include "core/display.h"
#include "ui/entry_text.h"
#include "ui/kind_icons.h"

namespace fieldnotes::client {

using wxcommon::ToWx;

TimelineList::TimelineList(wxWindow* parent)
    : wxListView(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                 wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL) {
  SetName(kName);
  AppendColumn(_("When"), wxLIST_FORMAT_LEFT, FromDIP(210));
  AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, FromDIP(90));
  AppendColumn(_("What you wrote"), wxLIST_FORMAT_LEFT, FromDIP(520));
  const int icon = FromDIP(16);
  AssignImageList(MakeKindImageList(icon, wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOXTEXT)),
                  wxIMAGE_LIST_SMALL);
  heading_attr_ = std::make_unique<wxItemAttr>();
  heading_attr_->SetFont(GetFont().Bold());
  Bind(wxEVT_LIST_ITEM_SELECTED, &TimelineList::OnSelected, this);
}

TimelineList::~TimelineList() = default;

void TimelineList::SetEntries(const std::vector<const core::Entry*>& entries,
                              const std::string& select_id) {
  model_.Build(entries);
  last_selected_ = -1;
  SetItemCount(static_cast<long>(model_.size()));
  Refresh();
  if (!select_id.empty()) SelectEntry(select_id);
}

void TimelineList::ClearRows() {
  SetItemCount(0);
  model_.Clear();
  last_selected_ = -1;
  Refresh();
}

const core::Entry* TimelineList::Selected() const {
  const long item = GetFirstSelected();
  if (item < 0 || static_cast<size_t>(item) >= model_.size()) return nullptr;
  return model_.row(static_cast<size_t>(item)).entry;
}

bool TimelineList::SelectEntry(const std::string& id) {
  auto row = model_.RowOf(id);
  if (!row) return false;
  const long item = static_cast<long>(*row);
  if (GetFirstSelected() >= 0) Select(GetFirstSelected(), false);
  Select(item);
  Focus(item);
  EnsureVisible(item);
  return true;
}

wxString TimelineList::OnGetItemText(long item, long column) const {
  if (item < 0 || static_cast<size_t>(item) >= model_.size()) return wxString();
  const TimelineRow& row = model_.row(static_cast<size_t>(item));
  if (row.entry == nullptr) {
    if (column != 0) return wxString();
    const core::Date& d = row.day;
    // The day as the locale writes it with its weekday (noon: no day
    // boundary near).
    return ToWx(core::LongDate(core::Timestamp{core::DaysFromCivil(d) * 86400 + 43200, 0}));
  }
  switch (column) {
    case 0:
      return "    " + ToWx(core::LocalClock(row.entry->written_at));
    case 1:
      return ToWx(core::KindTitle(row.entry->kind));
    default:
      return ToWx(EntryHeadline(*row.entry));
  }
}

int TimelineList::OnGetItemColumnImage(long item, long column) const {
  if (column != 1 || item < 0 || static_cast<size_t>(item) >= model_.size()) return -1;
  const core::Entry* e = model_.row(static_cast<size_t>(item)).entry;
  return e == nullptr ? -1 : KindImageIndex(e->kind);
}

wxItemAttr* TimelineList::OnGetItemAttr(long item) const {
  if (item < 0 || static_cast<size_t>(item) >= model_.size()) return nullptr;
  return model_.row(static_cast<size_t>(item)).entry == nullptr ? heading_attr_.get() : nullptr;
}

void TimelineList::OnSelected(wxListEvent& e) {
  // A day heading is not an entry: move on to the nearest entry in the
  // direction the selection was travelling.
  const long item = e.GetIndex();
  if (item >= 0 && static_cast<size_t>(item) < model_.size() &&
      model_.row(static_cast<size_t>(item)).entry == nullptr) {
    const int step = (last_selected_ > item) ? -1 : 1;
    auto next = model_.EntryRowFrom(static_cast<size_t>(item), step);
    if (!next) next = model_.EntryRowFrom(static_cast<size_t>(item), -step);
    if (next) {
      Select(item, false);
      CallAfter([this, target = static_cast<long>(*next)] {
        if (target < GetItemCount()) {
          Select(target);
          Focus(target);
          EnsureVisible(target);
        }
      });
      return;
    }
  }
  last_selected_ = item;
  e.Skip();
}

}  // namespace fieldnotes::client
