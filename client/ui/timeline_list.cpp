#include "ui/timeline_list.h"

#include <wx/settings.h>

#include "common/wx/str_helpers.h"
#include "core/display.h"
#include "ui/entry_text.h"
#include "ui/kind_icons.h"

namespace fieldnotes::client {

using wxcommon::ToWx;

// The rows as wxDataViewCtrl asks for them, one cell at a time.
class TimelineList::Rows : public wxDataViewVirtualListModel {
 public:
  Rows(const TimelineModel& model, const wxColour& icon_colour, int icon_size)
      : model_(model) {
    for (core::EntryKind kind : {core::EntryKind::kSpike, core::EntryKind::kLoop,
                                 core::EntryKind::kThread, core::EntryKind::kNote}) {
      icons_[static_cast<size_t>(kind)] = wxBitmapBundle(KindIcon(kind, icon_size, icon_colour));
    }
  }

  void GetValueByRow(wxVariant& value, unsigned row, unsigned col) const override {
    if (row >= model_.size()) {
      value = col == 1 ? wxVariant(wxDataViewIconText()) : wxVariant(wxString());
      return;
    }
    const TimelineRow& r = model_.row(row);
    if (r.entry == nullptr) {
      // The day as the locale writes it with its weekday (noon: no day
      // boundary near).
      const core::Date& d = r.day;
      if (col == 1) {
        value << wxDataViewIconText();
      } else {
        value = col == 0 ? ToWx(core::LongDate(
                               core::Timestamp{core::DaysFromCivil(d) * 86400 + 43200, 0}))
                         : wxString();
      }
      return;
    }
    switch (col) {
      case 0:
        value = "    " + ToWx(core::LocalClock(r.entry->written_at));
        return;
      case 1:
        value << wxDataViewIconText(ToWx(core::KindTitle(r.entry->kind)),
                                    icons_[static_cast<size_t>(r.entry->kind)]);
        return;
      default:
        value = ToWx(EntryHeadline(*r.entry));
        return;
    }
  }

  bool GetAttrByRow(unsigned row, unsigned, wxDataViewItemAttr& attr) const override {
    if (row >= model_.size() || model_.row(row).entry != nullptr) return false;
    attr.SetBold(true);  // a day heading
    return true;
  }

  bool SetValueByRow(const wxVariant&, unsigned, unsigned) override { return false; }

 private:
  const TimelineModel& model_;
  wxBitmapBundle icons_[4];
};

TimelineList::TimelineList(wxWindow* parent)
    : wxDataViewCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                     wxDV_SINGLE | wxDV_ROW_LINES) {
  SetName(kName);
  rows_ = new Rows(model_, wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOXTEXT), FromDIP(16));
  AssociateModel(rows_);
  rows_->DecRef();  // the control holds it
  AppendTextColumn(_("When"), 0, wxDATAVIEW_CELL_INERT, FromDIP(210));
  AppendIconTextColumn(_("Kind"), 1, wxDATAVIEW_CELL_INERT, FromDIP(110));
  AppendTextColumn(_("What you wrote"), 2, wxDATAVIEW_CELL_INERT, FromDIP(520));
  Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, &TimelineList::OnSelected, this);
}

TimelineList::~TimelineList() = default;

void TimelineList::SetEntries(const std::vector<const core::Entry*>& entries,
                              const std::string& select_id) {
  model_.Build(entries);
  last_selected_ = -1;
  rows_->Reset(static_cast<unsigned>(model_.size()));
  if (!select_id.empty()) SelectEntry(select_id);
}

void TimelineList::ClearRows() {
  model_.Clear();
  rows_->Reset(0);
  last_selected_ = -1;
}

wxString TimelineList::GetItemText(long row, int column) const {
  if (row < 0 || static_cast<size_t>(row) >= model_.size() || column < 0) return wxString();
  wxVariant value;
  rows_->GetValueByRow(value, static_cast<unsigned>(row), static_cast<unsigned>(column));
  if (value.GetType() == "wxDataViewIconText") {
    wxDataViewIconText icon_text;
    icon_text << value;
    return icon_text.GetText();
  }
  return value.GetString();
}

long TimelineList::SelectedRow() const {
  const wxDataViewItem item = GetSelection();
  if (!item.IsOk()) return -1;
  const unsigned row = rows_->GetRow(item);
  return row < model_.size() ? static_cast<long>(row) : -1;
}

const core::Entry* TimelineList::Selected() const {
  const long row = SelectedRow();
  if (row < 0) return nullptr;
  return model_.row(static_cast<size_t>(row)).entry;
}

void TimelineList::SelectRow(size_t row) {
  if (row >= model_.size()) return;
  const wxDataViewItem item = rows_->GetItem(static_cast<unsigned>(row));
  UnselectAll();
  Select(item);
  SetCurrentItem(item);
  EnsureVisible(item);
  // Selected by the program: GTK says nothing, so the page is told here.
  wxDataViewEvent changed(wxEVT_DATAVIEW_SELECTION_CHANGED, this, item);
  ProcessWindowEvent(changed);
}

bool TimelineList::SelectEntry(const std::string& id) {
  auto row = model_.RowOf(id);
  if (!row) return false;
  SelectRow(*row);
  return true;
}

void TimelineList::OnSelected(wxDataViewEvent& e) {
  // A day heading is not an entry: move on to the nearest entry in the
  // direction the selection was travelling.
  const long item = SelectedRow();
  if (item >= 0 && model_.row(static_cast<size_t>(item)).entry == nullptr) {
    const int step = (last_selected_ > item) ? -1 : 1;
    auto next = model_.EntryRowFrom(static_cast<size_t>(item), step);
    if (!next) next = model_.EntryRowFrom(static_cast<size_t>(item), -step);
    if (next) {
      CallAfter([this, target = *next] { SelectRow(target); });
      return;
    }
  }
  last_selected_ = item;
  e.Skip();
}

}  // namespace fieldnotes::client
