#include "clinician/ui/report_view.h"

#include <wx/button.h>
#include <wx/datetime.h>
#include <wx/filedlg.h>
#include <wx/menu.h>
#include <wx/print.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/stdpaths.h>

#include <algorithm>
#include <memory>

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
  // Cut with "…" by GTK when it keeps to one line (a short view); the
  // whole words stay its text for a screen reader.
  subtitle_ = new wxStaticText(current_, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                               wxST_ELLIPSIZE_END);
  subtitle_->SetName(kSubtitleName);
  message_ = new wxStaticText(current_, wxID_ANY, wxString());
  message_->SetName("report_message");

  // One row of compact buttons: the report below gets the height. Each
  // says what it does to a screen reader and in its tooltip, with its key.
  auto* row = new wxPanel(current_, wxID_ANY);
  row->SetName(kToolsName);
  preview_ = new wxcommon::PdfPreview(current_);
  pages_ = std::make_unique<PageTools>(row, *preview_, kPageLabelName, [this] {
    if (report_) Relayout();  // (not while it closes)
  });
  auto* print = MakeRowButton(row, _("Print…"), _("Print…"), _("Ctrl+P"), [this] { Print(); });
  auto* save = MakeRowButton(row, _("Save a copy…"), _("Save a copy…"), _("Ctrl+Shift+S"),
                             [this] { SaveCopyWithDialog(); });
  // U+22EF MIDLINE HORIZONTAL ELLIPSIS: the menu with every action.
  more_ = MakeRowButton(row, wxString::FromUTF8("\u22ef"), _("More actions"), wxString(),
                        [this] { ShowMoreMenu(); });
  more_->SetName(kMoreName);
  auto* close = MakeRowButton(row, _("Close"), _("Close"), _("Escape"), [this] { on_close_(); });
  tools_ = new wxBoxSizer(wxHORIZONTAL);
  const int tight = gap / 2;
  pages_->AddTo(tools_, gap);
  tools_->AddStretchSpacer(1);
  tools_->Add(print, 0, wxLEFT, tight);
  tools_->Add(save, 0, wxLEFT, tight);
  tools_->Add(more_, 0, wxLEFT, tight);
  tools_->Add(close, 0, wxLEFT, tight);
  row->SetSizer(tools_);
  // What gives way on a narrow row, first to last; each is in the menu.
  give_way_ = {save, print};
  for (wxWindow* w : pages_->give_way()) give_way_.push_back(w);

  earlier_ = new EarlierReportPane(this, std::move(open_earlier));
  earlier_->Hide();

  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(title_, 0, wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  sizer->Add(subtitle_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  sizer->Add(message_, 0, wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  sizer->Add(row, 0, wxEXPAND | wxALL, 2 * gap);
  sizer->Add(preview_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 2 * gap);
  current_->SetSizer(sizer);

  // One at a time (FitSides): which of the two shows.
  // TRANSLATORS: the switch between the report opened and an earlier one,
  // when the window is too narrow to show them side by side.
  show_this_ = new wxRadioButton(this, wxID_ANY, _("&This report"), wxDefaultPosition,
                                 wxDefaultSize, wxRB_GROUP);
  show_this_->SetName(kThisSwitchName);
  show_earlier_ = new wxRadioButton(this, wxID_ANY, _("&Earlier report"));
  show_earlier_->SetName(kEarlierSwitchName);
  show_this_->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { ShowEarlierInFront(false); });
  show_earlier_->Bind(wxEVT_RADIOBUTTON, [this](wxCommandEvent&) { ShowEarlierInFront(true); });
  switch_row_ = new wxBoxSizer(wxHORIZONTAL);
  switch_row_->Add(show_this_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
  switch_row_->Add(show_earlier_, 0, wxALIGN_CENTER_VERTICAL);

  // The report and, beside it, an earlier one: two pages side by side in
  // halves of the same width, or one at a time when halves would be too
  // narrow to read (FitSides).
  sides_ = new wxBoxSizer(wxHORIZONTAL);
  sides_->Add(current_, 1, wxEXPAND);
  sides_->Add(earlier_, 1, wxEXPAND);
  auto* outer = new wxBoxSizer(wxVERTICAL);
  outer->Add(switch_row_, 0, wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  outer->Add(sides_, 1, wxEXPAND);
  outer->Show(switch_row_, false);
  SetSizer(outer);
  Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    FitSides();
    e.Skip();  // the sizer lays the halves out
  });
}

void ReportView::Relayout() {
  FitSides();
  Layout();
  current_->Layout();  // its size may not change, its contents did
  if (wxWindow* row = tools_->GetContainingWindow()) row->Layout();
}

void ReportView::ShowEarlierInFront(bool earlier) {
  earlier_in_front_ = earlier && offered_;
  show_this_->SetValue(!earlier_in_front_);
  show_earlier_->SetValue(earlier_in_front_);
  FitSides();
  Relayout();
}

void ReportView::FitSides() {
  const wxSize size = GetClientSize();
  const int width = size.GetWidth();
  if (width <= 0) return;
  // Side by side only when each half keeps a page wide enough to read;
  // else one at a time, as wide as the view.
  one_at_a_time_ = offered_ && width / 2 < FromDIP(kMinHalfDip);
  if (!one_at_a_time_) earlier_in_front_ = false;
  GetSizer()->Show(switch_row_, one_at_a_time_);
  current_->Show(!one_at_a_time_ || !earlier_in_front_);
  earlier_->Show(offered_ && (!one_at_a_time_ || earlier_in_front_));
  const int pane = offered_ && !one_at_a_time_ ? width / 2 : width;
  // Equal halves: neither pane asks for more than the narrowest readable
  // one, so the sizer shares the width out evenly.
  const wxSize least(FromDIP(kMinHalfDip), FromDIP(200));
  current_->SetMinSize(least);
  earlier_->SetMinSize(least);
  // A short view (a small screen, GDK_SCALE=2): the headers keep to a
  // line each and sit closer, so the pages get the height.
  compact_ = size.GetHeight() < FromDIP(kRoomyHeightDip);
  const int gap = FromDIP(compact_ ? 8 : 16);
  for (wxSizerItem* item : current_->GetSizer()->GetChildren()) item->SetBorder(gap);
  const int text = std::max(pane - 2 * gap - FromDIP(8), FromDIP(120));
  wxcommon::WrapTo(title_, text);
  if (compact_) {
    wxcommon::ShowOnOneLine(subtitle_);
  } else {
    wxcommon::WrapTo(subtitle_, text);
    subtitle_->UnsetToolTip();
  }
  FitTools(pane - 2 * gap);
  if (offered_) earlier_->FitTextTo(text, compact_);
}

void ReportView::FitTools(int width) { FitRow(tools_, width, give_way_); }

std::unique_ptr<wxMenu> ReportView::MakeMoreMenu() {
  auto menu = std::make_unique<wxMenu>();
  auto add = [&menu](const wxString& label, std::function<void()> fn) {
    wxMenuItem* item = menu->Append(wxID_ANY, label);
    menu->Bind(
        wxEVT_MENU, [fn](wxCommandEvent&) { fn(); }, item->GetId());
  };
  // The same words and keys as the menu bar's.
  add(_("Zoom &in\tCtrl+="), [this] { ZoomIn(); });
  add(_("Zoom o&ut\tCtrl+-"), [this] { ZoomOut(); });
  add(_("&Fit the width\tCtrl+0"), [this] { ZoomToFit(); });
  add(_("&Next page\tCtrl+PgDn"), [this] { NextPage(); });
  add(_("Pre&vious page\tCtrl+PgUp"), [this] { PreviousPage(); });
  menu->AppendSeparator();
  add(_("&Print the report…\tCtrl+P"), [this] { Print(); });
  add(_("&Save a copy of the report…\tCtrl+Shift+S"), [this] { SaveCopyWithDialog(); });
  menu->AppendSeparator();
  add(_("&Close the report\tCtrl+W"), [this] { on_close_(); });
  return menu;
}

void ReportView::ShowMoreMenu() {
  std::unique_ptr<wxMenu> menu = MakeMoreMenu();
  wxWindow* row = more_->GetParent();
  row->PopupMenu(menu.get(), more_->GetPosition() + wxPoint(0, more_->GetSize().GetHeight()));
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
  offered_ = earlier_->Offer(report_->row, all);
  ShowEarlierInFront(false);
  Relayout();
}

void ReportView::Clear() {
  earlier_->Clear();
  offered_ = false;
  earlier_in_front_ = false;
  earlier_->Hide();
  preview_->Clear();
  if (report_) {
    for (wxcommon::PagePixels& p : report_->pages) std::fill(p.rgb.begin(), p.rgb.end(), 0);
  }
  report_.reset();
  pages_->UpdatePageLabel();  // empty: no pages
}

PageTools& ReportView::Front() {
  // One at a time, the report the switch shows; side by side, the earlier
  // one while the keyboard is in it (its page, choice or row).
  if (offered_ && (one_at_a_time_ ? earlier_in_front_ : earlier_->HasFocusWithin()))
    return earlier_->pages();
  return *pages_;
}

void ReportView::UpdatePageLabel() { pages_->UpdatePageLabel(); }
void ReportView::ZoomIn() { Front().ZoomIn(); }
void ReportView::ZoomOut() { Front().ZoomOut(); }
void ReportView::ZoomToFit() { Front().ZoomToFit(); }
void ReportView::NextPage() { Front().NextPage(); }
void ReportView::PreviousPage() { Front().PreviousPage(); }

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
