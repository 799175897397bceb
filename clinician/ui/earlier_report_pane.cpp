#include "clinician/ui/earlier_report_pane.h"

#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/translation.h>

#include <algorithm>

#include "clinician/ui/report_view.h"
#include "common/wx/accessible.h"
#include "common/wx/error_words.h"
#include "common/wx/heading.h"
#include "common/wx/pdf_preview.h"
#include "common/wx/str_helpers.h"

namespace fieldnotes::clinician {
namespace {

bool Before(const sync::ReportInfo& a, const sync::ReportInfo& b) {
  if (a.period_end != b.period_end) return a.period_end < b.period_end;
  return a.uploaded_at < b.uploaded_at;
}

wxString ChoiceWords(const ReportRow& row) {
  // TRANSLATORS: a report in the "beside it" list: %1$s the day its period
  // ends, %2$s when it was shared ("Up to 6 December 2026, shared
  // 7 December 2026, 09:10").
  return wxString::Format(_("Up to %1$s, shared %2$s"), PeriodEndWords(row.info.period_end),
                          LocalTime(row.info.uploaded_at));
}

}  // namespace

std::optional<size_t> PreviousReport(const ReportRow& current, const std::vector<ReportRow>& rows) {
  std::optional<size_t> best;
  for (size_t i = 0; i < rows.size(); ++i) {
    const sync::ReportInfo& r = rows[i].info;
    if (r.client_id != current.info.client_id || r.report_id == current.info.report_id) continue;
    if (!Before(r, current.info)) continue;
    if (!best || Before(rows[*best].info, r)) best = i;
  }
  return best;
}

EarlierReportPane::EarlierReportPane(wxWindow* parent, OpenFn open)
    : wxPanel(parent, wxID_ANY), open_(std::move(open)) {
  SetName("earlier_report_pane");
  const int gap = FromDIP(8);
  auto* label = new wxStaticText(this, wxID_ANY, _("&Beside it:"));
  choice_ = new wxChoice(this, wxID_ANY);
  choice_->SetName(kChoiceName);
  // The longest "Up to …, shared …" must not set the pane's width: the
  // choice shrinks with the pane (the full words are in the list).
  choice_->SetMinSize(wxSize(FromDIP(120), -1));
  wxcommon::SetAccessibleName(choice_, _("An earlier report to read beside this one"));
  // Its zoom and pages, as the report opened has them (PageTools); made
  // before the page, so Tab goes choice, row, page.
  auto* tools_row = new wxPanel(this, wxID_ANY);
  tools_row->SetName(kToolsName);
  title_ = wxcommon::MakeHeading(this, wxString());
  title_->SetName(kTitleName);
  subtitle_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                               wxST_ELLIPSIZE_END);
  subtitle_->SetName("earlier_report_subtitle");
  preview_ = new wxcommon::PdfPreview(this);
  preview_->SetName("earlier_report_preview");
  // The page label's words changed: the row fits its width again.
  pages_ = std::make_unique<PageTools>(tools_row, *preview_, kPageLabelName, [this, tools_row] {
    if (text_width_ > 0) FitRow(tools_, text_width_, pages_->give_way());
    tools_row->Layout();
  });
  tools_ = new wxBoxSizer(wxHORIZONTAL);
  pages_->AddTo(tools_, gap);
  tools_row->SetSizer(tools_);

  auto* row = new wxBoxSizer(wxHORIZONTAL);
  row->Add(label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
  row->Add(choice_, 1, wxALIGN_CENTER_VERTICAL);
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(title_, 0, wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  sizer->Add(subtitle_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  sizer->Add(row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  sizer->Add(tools_row, 0, wxEXPAND | wxALL, 2 * gap);
  sizer->Add(preview_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 2 * gap);
  SetSizer(sizer);

  choice_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
    // (The words first, when they are there, are no report.)
    const int i = choice_->GetSelection() - (words_first_ ? 1 : 0);
    if (i >= 0) Choose(static_cast<size_t>(i));
  });
}

EarlierReportPane::~EarlierReportPane() {
  *alive_ = false;
  Clear();
}

void EarlierReportPane::SetSubtitle(const wxString& words) {
  wxcommon::SetWrappedText(subtitle_, words, text_width_);
  if (one_line_) wxcommon::ShowOnOneLine(subtitle_);
}

void EarlierReportPane::FitTextTo(int width, bool one_line) {
  text_width_ = width;
  one_line_ = one_line;
  const int gap = FromDIP(one_line ? 8 : 16);
  for (wxSizerItem* item : GetSizer()->GetChildren()) item->SetBorder(gap);
  wxcommon::WrapTo(title_, width);
  if (one_line) {
    wxcommon::ShowOnOneLine(subtitle_);
  } else {
    wxcommon::WrapTo(subtitle_, width);
    subtitle_->UnsetToolTip();
  }
  FitRow(tools_, width, pages_->give_way());
  if (wxWindow* row = tools_->GetContainingWindow()) row->Layout();
}

bool EarlierReportPane::HasFocusWithin() const {
  for (const wxWindow* w = wxWindow::FindFocus(); w != nullptr; w = w->GetParent())
    if (w == this) return true;
  return false;
}

wxString EarlierReportPane::choice_text() const { return choice_->GetStringSelection(); }

wxString EarlierReportPane::title_text() const {
  return wxcommon::UnwrappedText(title_) + "\n" + wxcommon::UnwrappedText(subtitle_);
}

void EarlierReportPane::FillChoice() {
  // The report shown, or the one opening, is the one chosen.
  const std::string chosen = shown_ ? shown_->row.info.report_id : opening_id_;
  int selected = -1;
  for (size_t i = 0; i < choices_.size(); ++i)
    if (!chosen.empty() && choices_[i].info.report_id == chosen) selected = static_cast<int>(i);
  // None chosen: the choice says why in words rather than stay blank.
  words_first_ = selected < 0;
  choice_->Clear();
  if (words_first_) {
    choice_->Append(PreviousReport(current_, choices_)
                        ? _("Choose a report to read beside this one.")
                        : _("No earlier report from this client yet."));
  }
  for (const ReportRow& r : choices_) choice_->Append(ChoiceWords(r));
  choice_->SetSelection(words_first_ ? 0 : selected);
}

bool EarlierReportPane::Offer(const ReportRow& current, const std::vector<ReportRow>& all) {
  Clear();
  current_ = current;
  choices_.clear();
  Update(all);
  if (choices_.empty()) return false;
  const auto previous = PreviousReport(current, choices_);
  if (previous) {
    Choose(*previous);
  } else {
    wxcommon::SetHeading(title_, _("No earlier report"));
    SetSubtitle(_("Nothing before this one.\nA later one can be chosen."));
  }
  return true;
}

void EarlierReportPane::Update(const std::vector<ReportRow>& all) {
  choices_.clear();
  for (const ReportRow& r : all)
    if (r.info.client_id == current_.info.client_id && r.info.report_id != current_.info.report_id)
      choices_.push_back(r);
  std::sort(choices_.begin(), choices_.end(),
            [](const ReportRow& a, const ReportRow& b) { return Before(b.info, a.info); });
  // The one shown beside went (withdrawn, expired): its pages go with it.
  if (shown_) {
    const bool still = std::any_of(choices_.begin(), choices_.end(), [this](const ReportRow& r) {
      return r.info.report_id == shown_->row.info.report_id;
    });
    if (!still) {
      Clear();
      wxcommon::SetHeading(title_, _("That report is no longer on the server"));
      SetSubtitle(_("The client withdrew it, or it expired.\nAnother can be chosen."));
    }
  }
  FillChoice();
  Layout();
}

void EarlierReportPane::Choose(size_t index) {
  if (index >= choices_.size() || opening_) return;
  opening_ = true;
  opening_id_ = choices_[index].info.report_id;
  choice_->SetSelection(static_cast<int>(index) + (words_first_ ? 1 : 0));
  wxcommon::SetHeading(title_, _("An earlier report"));
  SetSubtitle(ChoiceWords(choices_[index]) + "\n" + _("Opening…"));
  std::shared_ptr<bool> alive = alive_;
  open_(choices_[index], [this, alive](core::Result<OpenedReport> result) {
    if (!*alive) return;
    opening_ = false;
    opening_id_.clear();
    if (!result.ok()) {
      SetSubtitle(wxcommon::DescribeStatus(result.status(), "open the report",
                                           wxcommon::Audience::kClinician)
                      .message);
      Layout();
      return;
    }
    // Withdrawn while it was opening: not shown.
    const std::string id = result->row.info.report_id;
    if (std::none_of(choices_.begin(), choices_.end(),
                     [&id](const ReportRow& r) { return r.info.report_id == id; })) {
      return;
    }
    ShowOpened(std::move(result).value());
  });
}

void EarlierReportPane::ShowOpened(OpenedReport report) {
  preview_->Clear();
  preview_->Show();
  tools_->GetContainingWindow()->Show();
  // wxGTK leaves a window hidden when the pane's Tab order was made out of
  // it until that order is made again: putting the preview after the
  // choice (where it is) makes it again, so Tab reaches the page.
  preview_->MoveAfterInTabOrder(tools_->GetContainingWindow());
  shown_ = std::move(report);
  // TRANSLATORS: the header over the earlier report shown beside the
  // current one (the day its period ends is in the line under it).
  wxcommon::SetHeading(title_, _("An earlier report"));
  // TRANSLATORS: under "An earlier report": %1$s the day its period ends,
  // %2$s when it was shared ("7 December 2026, 09:10").
  SetSubtitle(wxString::Format(_("For the time up to %1$s.\nShared %2$s."),
                               PeriodEndWords(shown_->row.info.period_end),
                               LocalTime(shown_->row.info.uploaded_at)));
  preview_->SetPages(shown_->pages, _("Earlier report"));
  for (wxcommon::PagePixels& p : shown_->pages) std::fill(p.rgb.begin(), p.rgb.end(), 0);
  shown_->pages.clear();
  preview_->SetRenderer(
      [pdf = shown_->pdf](double dpi) {
        return wxcommon::RenderPdfPages(core::crypto::AsChars(pdf->view()), dpi);
      },
      SessionController::kPageDpi);
  FillChoice();
  Layout();
  preview_->ShowPage(0);
  pages_->UpdatePageLabel();
}

void EarlierReportPane::Clear() {
  preview_->Clear();
  // No empty page where no report is shown, nor its zoom and pages: the
  // header says why.
  preview_->Hide();
  tools_->GetContainingWindow()->Hide();
  if (shown_) {
    for (wxcommon::PagePixels& p : shown_->pages) std::fill(p.rgb.begin(), p.rgb.end(), 0);
  }
  shown_.reset();
  pages_->UpdatePageLabel();  // empty: no pages
}

}  // namespace fieldnotes::clinician
