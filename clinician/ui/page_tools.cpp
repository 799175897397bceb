#include "clinician/ui/page_tools.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/translation.h>

#include <utility>

#include "common/wx/accessible.h"
#include "common/wx/pdf_preview.h"

namespace fieldnotes::clinician {
namespace {

constexpr double kZoomStep = 1.25;

}  // namespace

wxButton* MakeRowButton(wxWindow* row, const wxString& label, const wxString& name,
                        const wxString& key, std::function<void()> fn) {
  auto* b = new wxButton(row, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
  // TRANSLATORS: a button's tooltip: %1$s what it does, %2$s its key
  // ("Zoom in (Ctrl+=)").
  b->SetToolTip(key.empty() ? name : wxString::Format(_("%1$s (%2$s)"), name, key));
  wxcommon::SetAccessibleName(b, name);
  b->Bind(wxEVT_BUTTON, [fn = std::move(fn)](wxCommandEvent&) { fn(); });
  return b;
}

void FitRow(wxSizer* row, int width, const std::vector<wxWindow*>& give_way) {
  for (wxWindow* w : give_way) w->Show();
  for (wxWindow* w : give_way) {
    if (row->CalcMin().GetWidth() <= width) break;
    w->Hide();
  }
}

PageTools::PageTools(wxWindow* row, wxcommon::PdfPreview& preview, const char* label_name,
                     std::function<void()> changed)
    : preview_(preview), changed_(std::move(changed)) {
  // U+2212 MINUS SIGN, and arrows up and down: the pages lie one under the
  // other.
  zoom_out_ = MakeRowButton(row, wxString::FromUTF8("\u2212"), _("Zoom out"), _("Ctrl+-"),
                            [this] { ZoomOut(); });
  zoom_in_ = MakeRowButton(row, "+", _("Zoom in"), _("Ctrl+="), [this] { ZoomIn(); });
  fit_ = MakeRowButton(row, _("Fit width"), _("Fit width"), _("Ctrl+0"), [this] { ZoomToFit(); });
  previous_ = MakeRowButton(row, wxString::FromUTF8("\u2191"), _("Previous page"),
                            _("Ctrl+Page Up"), [this] { PreviousPage(); });
  page_label_ = new wxStaticText(row, wxID_ANY, wxString());
  page_label_->SetName(label_name);
  next_ = MakeRowButton(row, wxString::FromUTF8("\u2193"), _("Next page"), _("Ctrl+Page Down"),
                        [this] { NextPage(); });
  // Scrolled by the bar or the wheel: the label follows the page on top.
  preview_.Bind(wxEVT_SCROLLWIN_THUMBTRACK, [this](wxScrollWinEvent& e) {
    e.Skip();
    preview_.CallAfter([this] { UpdatePageLabel(); });
  });
  preview_.Bind(wxEVT_MOUSEWHEEL, [this](wxMouseEvent& e) {
    e.Skip();
    preview_.CallAfter([this] { UpdatePageLabel(); });
  });
}

void PageTools::AddTo(wxBoxSizer* sizer, int gap) {
  const int tight = gap / 2;
  sizer->Add(zoom_out_, 0, wxRIGHT, tight);
  sizer->Add(zoom_in_, 0, wxRIGHT, tight);
  sizer->Add(fit_, 0, wxRIGHT, 2 * gap);
  sizer->Add(previous_, 0, wxRIGHT, tight);
  sizer->Add(page_label_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, tight);
  sizer->Add(next_, 0, wxRIGHT, 2 * gap);
}

std::vector<wxWindow*> PageTools::give_way() const { return {fit_, page_label_}; }

void PageTools::UpdatePageLabel() {
  const wxString words = preview_.page_count() == 0
                             ? wxString()
                             : wxString::Format(_("Page %zu of %zu"), preview_.current_page() + 1,
                                                preview_.page_count());
  if (page_label_->GetLabelText() == words) return;
  page_label_->SetLabelText(words);
  if (changed_) changed_();
}

void PageTools::ZoomIn() {
  if (preview_.page_count() == 0) return;
  preview_.SetZoom(preview_.zoom() * kZoomStep);
  UpdatePageLabel();
}

void PageTools::ZoomOut() {
  if (preview_.page_count() == 0) return;
  preview_.SetZoom(preview_.zoom() / kZoomStep);
  UpdatePageLabel();
}

void PageTools::ZoomToFit() {
  if (preview_.page_count() == 0) return;
  preview_.SetZoom(1.0);
  UpdatePageLabel();
}

void PageTools::NextPage() {
  if (preview_.page_count() == 0) return;
  preview_.ShowPage(preview_.current_page() + 1);
  UpdatePageLabel();
}

void PageTools::PreviousPage() {
  if (preview_.page_count() == 0) return;
  const size_t current = preview_.current_page();
  preview_.ShowPage(current == 0 ? 0 : current - 1);
  UpdatePageLabel();
}

}  // namespace fieldnotes::clinician
