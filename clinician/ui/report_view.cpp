#include "clinician/ui/report_view.h"

#include <wx/button.h>
#include <wx/datetime.h>
#include <wx/filedlg.h>
#include <wx/print.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/stdpaths.h>
#include <wx/wrapsizer.h>

#include <algorithm>

#include "common/wx/accessible.h"
#include "common/wx/error_words.h"
#include "common/wx/heading.h"
#include "common/wx/pdf_preview.h"
#include "common/wx/pdf_printout.h"
#include "common/wx/str_helpers.h"
#include "core/display.h"
#include "core/timestamp.h"

namespace fieldnotes::clinician {
namespace {

using wxcommon::ToUtf8;
using wxcommon::ToWx;

constexpr double kZoomStep = 1.25;

}  // namespace

wxString ClientName(const std::string& label, const std::string& client_id) {
  if (!label.empty()) return ToWx(label);
  // TRANSLATORS: a client without a name, %s is the start of their number.
  return wxString::Format(_("Client %s"), ToWx(client_id.substr(0, 8)));
}

wxString LocalTime(int64_t unix_seconds) {
  if (unix_seconds == 0) return wxString();
  const core::Timestamp t{unix_seconds, core::LocalOffsetMinutesAt(unix_seconds)};
  return ToWx(core::DayMonthYear(t.LocalDate()) + ", " + core::LocalClock(t));
}

wxString PeriodEndWords(const std::string& period_end) {
  auto date = core::ParseDate(period_end);
  return date.ok() ? ToWx(core::DayMonthYear(*date)) : ToWx(period_end);
}

wxString ReportTitle(const ReportRow& row) {
  // TRANSLATORS: %1$s is the client's name, %2$s the day the report's period ends.
  return wxString::Format(_("Report from %1$s, for the time up to %2$s"),
                          ClientName(row.label, row.info.client_id),
                          PeriodEndWords(row.info.period_end));
}

ReportView::ReportView(wxWindow* parent, std::function<void()> on_close,
                       EarlierReportPane::OpenFn open_earlier)
    : wxPanel(parent, wxID_ANY), on_close_(std::move(on_close)) {
  SetName("report_view");
  const int gap = FromDIP(8);
  // The current report in a panel of its own, the earlier one in another:
  // each half's width is set here, not by its longest words (FitSides).
  current_ = new wxPanel(this, wxID_ANY);
  title_ = wxcommon::MakeHeading(current_, wxString());
  title_->SetName(kTitleName);
  subtitle_ = new wxStaticText(current_, wxID_ANY, wxString());
  message_ = new wxStaticText(current_, wxID_ANY, wxString());
  message_->SetName("report_message");

  auto button = [this](const wxString& label, const wxString& tip, std::function<void()> fn) {
    // Full-size buttons with room between them: the tool row reads as
    // separate buttons, not one strip.
    auto* b = new wxButton(current_, wxID_ANY, label);
    b->SetToolTip(tip);
    b->Bind(wxEVT_BUTTON, [fn](wxCommandEvent&) { fn(); });
    return b;
  };
  // The tools wrap onto a second row rather than run off a narrow window.
  auto* bar = new wxWrapSizer(wxHORIZONTAL);
  bar->Add(button(_("Zoom out"), _("Ctrl+-"), [this] { ZoomOut(); }), 0, wxRIGHT, gap);
  bar->Add(button(_("Zoom in"), _("Ctrl+="), [this] { ZoomIn(); }), 0, wxRIGHT, gap);
  bar->Add(button(_("Fit width"), _("Ctrl+0"), [this] { ZoomToFit(); }), 0, wxRIGHT, 3 * gap);
  bar->Add(button(_("Previous page"), _("Ctrl+Page Up"), [this] { PreviousPage(); }), 0, wxRIGHT,
           gap);
  bar->Add(button(_("Next page"), _("Ctrl+Page Down"), [this] { NextPage(); }), 0, wxRIGHT, gap);
  page_label_ = new wxStaticText(current_, wxID_ANY, wxString());
  page_label_->SetName(kPageLabelName);
  bar->Add(page_label_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 3 * gap);
  bar->Add(button(_("Print…"), _("Ctrl+P"), [this] { Print(); }), 0, wxRIGHT, gap);
  bar->Add(button(_("Save a copy…"), _("Ctrl+Shift+S"), [this] { SaveCopyWithDialog(); }), 0,
           wxRIGHT, gap);
  bar->Add(button(_("Close"), _("Escape"), [this] { on_close_(); }), 0, wxRIGHT, gap);

  preview_ = new wxcommon::PdfPreview(current_);
  preview_->Bind(wxEVT_SCROLLWIN_THUMBTRACK, [this](wxScrollWinEvent& e) {
    e.Skip();
    CallAfter([this] { UpdatePageLabel(); });
  });
  preview_->Bind(wxEVT_MOUSEWHEEL, [this](wxMouseEvent& e) {
    e.Skip();
    CallAfter([this] { UpdatePageLabel(); });
  });

  earlier_ = new EarlierReportPane(this, std::move(open_earlier));
  earlier_->Hide();

  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(title_, 0, wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  sizer->Add(subtitle_, 0, wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  sizer->Add(message_, 0, wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  sizer->Add(bar, 0, wxEXPAND | wxALL, 2 * gap);
  sizer->Add(preview_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 2 * gap);
  // The report and, beside it, an earlier one: two pages side by side in
  // halves of the same width, or one above the other when halves would be
  // too narrow to read (FitSides).
  current_->SetSizer(sizer);
  sides_ = new wxBoxSizer(wxHORIZONTAL);
  sides_->Add(current_, 1, wxEXPAND);
  sides_->Add(earlier_, 1, wxEXPAND);
  SetSizer(sides_);
  Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    FitSides();
    e.Skip();  // the sizer lays the halves out
  });
}

void ReportView::Relayout() {
  Layout();
  current_->Layout();  // its size may not change, its contents did
}

bool ReportView::stacked() const { return sides_->GetOrientation() == wxVERTICAL; }

void ReportView::FitSides() {
  const int width = GetClientSize().GetWidth();
  if (width <= 0) return;
  const bool beside = earlier_->IsShown();
  // Side by side only when each half keeps a page wide enough to read.
  const bool stack = beside && width / 2 < FromDIP(kMinHalfDip);
  sides_->SetOrientation(stack ? wxVERTICAL : wxHORIZONTAL);
  const int pane = beside && !stack ? width / 2 : width;
  // Equal halves: neither pane asks for more than the narrowest readable
  // one, so the sizer shares the width out evenly.
  const wxSize least(FromDIP(kMinHalfDip), FromDIP(200));
  current_->SetMinSize(least);
  earlier_->SetMinSize(least);
  // The headers wrap to their pane, so neither header sets a half's width.
  const int text = std::max(pane - FromDIP(40), FromDIP(120));
  wxcommon::WrapTo(title_, text);
  wxcommon::WrapTo(subtitle_, text);
  if (beside) earlier_->FitTextTo(text);
}

ReportView::~ReportView() { Clear(); }

void ReportView::Show(OpenedReport report) {
  Clear();
  report_ = std::move(report);
  wxcommon::SetHeading(title_, ReportTitle(report_->row));
  wxcommon::SetWrappedText(
      subtitle_,
      // TRANSLATORS: %1$s and %2$s are a day and a time.
      wxString::Format(_("Shared %1$s; on the server until %2$s.\nSealed to you and signed with "
                         "the key you compared with this client."),
                       LocalTime(report_->row.info.uploaded_at),
                       LocalTime(report_->row.info.expires_at)),
      0);
  FitSides();
  message_->SetLabelText(report_->receipt.ok()
                             ? wxString()
                             : _("The server could not be told that you opened it; your "
                                 "client will see it as delivered, not opened."));
  message_->Show(!report_->receipt.ok());
  preview_->SetPages(report_->pages,
                     wxString::Format(_("Report from %s"),
                                      ClientName(report_->row.label, report_->row.info.client_id)));
  // The pixels are in the preview now; the worker's copy is wiped.
  for (wxcommon::PagePixels& p : report_->pages) std::fill(p.rgb.begin(), p.rgb.end(), 0);
  report_->pages.clear();
  // Zoomed in, the pages are drawn again from the decrypted PDF, which the
  // renderer holds (in memory only) until the preview is cleared.
  preview_->SetRenderer(
      [pdf = report_->pdf](double dpi) {
        return wxcommon::RenderPdfPages(core::crypto::AsChars(pdf->view()), dpi);
      },
      SessionController::kPageDpi);
  Relayout();
  preview_->ShowPage(0);
  UpdatePageLabel();
  preview_->SetFocus();
}

void ReportView::OfferEarlier(const std::vector<ReportRow>& all) {
  if (!report_) return;
  const bool beside = earlier_->Offer(report_->row, all);
  earlier_->Show(beside);
  FitSides();
  Relayout();
}

void ReportView::Clear() {
  earlier_->Clear();
  earlier_->Hide();
  preview_->Clear();
  if (report_) {
    for (wxcommon::PagePixels& p : report_->pages) std::fill(p.rgb.begin(), p.rgb.end(), 0);
  }
  report_.reset();
  page_label_->SetLabelText(wxString());
}

void ReportView::UpdatePageLabel() {
  if (!report_ || preview_->page_count() == 0) return;
  page_label_->SetLabelText(
      wxString::Format(_("Page %zu of %zu"), preview_->current_page() + 1, preview_->page_count()));
  Relayout();
}

void ReportView::ZoomIn() {
  preview_->SetZoom(preview_->zoom() * kZoomStep);
  UpdatePageLabel();
}
void ReportView::ZoomOut() {
  preview_->SetZoom(preview_->zoom() / kZoomStep);
  UpdatePageLabel();
}
void ReportView::ZoomToFit() {
  preview_->SetZoom(1.0);
  UpdatePageLabel();
}

void ReportView::NextPage() {
  preview_->ShowPage(preview_->current_page() + 1);
  UpdatePageLabel();
}

void ReportView::PreviousPage() {
  const size_t current = preview_->current_page();
  preview_->ShowPage(current == 0 ? 0 : current - 1);
  UpdatePageLabel();
}

void ReportView::Print() {
  if (!report_) return;
  wxPrinter printer;
  wxcommon::PdfPrintout printout(std::string(core::crypto::AsChars(report_->pdf->view())),
                                 ReportTitle(report_->row));
  if (!printer.Print(this, &printout, true) && wxPrinter::GetLastError() == wxPRINTER_ERROR) {
    message_->SetLabelText(
        _("The report could not be printed. Saving a copy and printing that works too."));
    message_->Show();
    Relayout();
  }
}

void ReportView::SaveCopyWithDialog() {
  if (!report_) return;
  const wxString name = "report-" + ToWx(report_->row.info.period_end) + "-" +
                        ToWx(report_->row.info.report_id.substr(0, 8)) + ".pdf";
  wxFileDialog ask(this, _("Save a copy of this report"), wxStandardPaths::Get().GetDocumentsDir(),
                   name, _("PDF files (*.pdf)|*.pdf"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (ask.ShowModal() != wxID_OK) return;
  const wxString words = SaveCopyTo(ToUtf8(ask.GetPath()), true);
  message_->SetLabelText(
      words.empty()
          ? wxString::Format(_("Saved a copy to %s. It is not encrypted there: keep it somewhere "
                               "safe."),
                             ask.GetPath())
          : words);
  message_->Show();
  Relayout();
}

wxString ReportView::SaveCopyTo(const std::string& path, bool replace) {
  if (!report_) return _("There is no report open.");
  const core::Status s = sync::WritePdfCopy(path, report_->pdf->view(), replace);
  if (s.ok()) return wxString();
  return wxcommon::DescribeStatus(s, _("The viewer could not save the copy."),
                                  wxcommon::Audience::kClinician)
      .message;
}

}  // namespace fieldnotes::clinician
