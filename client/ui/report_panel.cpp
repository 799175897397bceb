#include "ui/report_panel.h"

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/dataview.h>
#include <wx/dialog.h>
#include <wx/filedlg.h>
#include <wx/print.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/stdpaths.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <optional>

#include "common/wx/accessible.h"
#include "common/wx/busy_panel.h"
#include "common/wx/error_words.h"
#include "common/wx/heading.h"
#include "common/wx/list_row.h"
#include "common/wx/pdf_preview.h"
#include "common/wx/pdf_printout.h"
#include "common/wx/str_helpers.h"
#include "core/i18n.h"
#include "core/timestamp.h"
#include "engine/journal_controller.h"
#include "engine/report_choices.h"
#include "ui/last_session_ask.h"
#include "ui/page_host.h"

namespace fieldnotes::client {
namespace {

using wxcommon::MakeHeading;
using wxcommon::PagePixels;
using wxcommon::PdfPreview;
using wxcommon::RenderPdfPages;
using wxcommon::SetHeading;
using wxcommon::ToUtf8;
using wxcommon::ToWx;

// The preview is drawn at this resolution and scaled to the view.
constexpr double kPreviewDpi = 110;
// The least width of each side, whatever their words.
constexpr int kChoicesMinDip = 380;
constexpr int kPreviewMinDip = 320;

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

void Erase(std::vector<std::string>& v, const std::string& s) {
  v.erase(std::remove(v.begin(), v.end(), s), v.end());
}

// The builder's words for a refused choice start in lower case, for the
// CLI's "fieldnotes-cli: ..." prefix.
wxString Sentence(const std::string& text) {
  wxString s = ToWx(text);
  if (!s.empty()) s[0] = wxToupper(s[0]);
  return s;
}

// The line in the person's words: a dialog wide enough to read a whole
// line, with a heading that says what it is for (a window manager may not
// show the title).
std::optional<wxString> AskReword(wxWindow* parent, const wxString& line) {
  wxDialog dialog(parent, wxID_ANY, _("Reword a line"));
  dialog.SetName("reword_dialog");
  const int gap = dialog.FromDIP(8);
  auto* heading = MakeHeading(&dialog, _("Reword a line"));
  auto* hint = new wxStaticText(&dialog, wxID_ANY,
                                _("The report says it in your words instead. The line stays an "
                                  "observation: what happened, how often, when."));
  hint->Wrap(dialog.FromDIP(520));
  auto* text = new wxTextCtrl(&dialog, wxID_ANY, line, wxDefaultPosition,
                              dialog.FromDIP(wxSize(560, 110)), wxTE_MULTILINE | wxTE_WORDWRAP);
  text->SetName("reword_text");
  wxcommon::SetAccessibleName(text, _("The line in your words"));
  auto* box = new wxBoxSizer(wxVERTICAL);
  box->Add(heading, 0, wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  box->Add(hint, 0, wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  box->Add(text, 1, wxEXPAND | wxALL, 2 * gap);
  box->Add(dialog.CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0,
           wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 2 * gap);
  dialog.SetSizerAndFit(box);
  text->SetFocus();
  text->SelectAll();
  if (dialog.ShowModal() != wxID_OK) return std::nullopt;
  return text->GetValue();
}

}  // namespace

struct ReportPanel::Built {
  MadeReport report;
  std::vector<PagePixels> pages;
};

ReportPanel::ReportPanel(wxWindow* parent, PageHost& host)
    : wxPanel(parent, wxID_ANY), host_(host) {
  SetName("report_panel");
  const int gap = FromDIP(8);
  // The choices scroll on their own when the screen is short; neither
  // side's width follows its words (a long suggestion would otherwise push
  // the pages down to a thumbnail): each keeps its share of the page.
  auto* left = choices_ = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                               wxVSCROLL | wxALWAYS_SHOW_SB | wxTAB_TRAVERSAL);
  left->SetName("report_choices");
  left->SetScrollRate(0, FromDIP(12));

  heading_ = MakeHeading(left, _("Notes for my next session"));
  period_ = new wxStaticText(left, wxID_ANY, wxString());
  no_session_ = new LastSessionAsk(
      left, host,
      _("No session is in your journal yet, so this report covers the last 14 days. With the "
        "date of your last session, it covers what came up since then."),
      false);
  busy_ = new wxcommon::BusyPanel(left);
  message_ = new wxStaticText(left, wxID_ANY, wxString());
  message_->SetName(kMessageName);

  auto* picks_label = MakeHeading(left, _("What I want to bring (one or two)"));
  auto* picks_hint = new wxStaticText(
      left, wxID_ANY, _("Things the journal noticed. Tick one or two, or write your own below."));
  picks_hint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  picks_hint->Wrap(FromDIP(kChoicesMinDip) - 2 * gap);
  picks_ = new wxCheckListBox(left, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 90)));
  picks_->SetName(kPicksName);
  wxcommon::SetAccessibleName(picks_, _("Things to bring to the session"));
  // The chosen thing in full: the list cuts long lines at its width.
  pick_full_ = new wxStaticText(left, wxID_ANY, wxString());
  pick_full_->SetName("report_pick_full");
  own_agenda_ = new wxTextCtrl(left, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                               wxTE_PROCESS_ENTER);
  own_agenda_->SetName(kOwnAgendaName);
  own_agenda_->SetHint(_("Or in your own words"));
  wxcommon::SetAccessibleName(own_agenda_, _("Something to bring, in your own words"));
  add_agenda_ = new wxButton(left, wxID_ANY, _("A&dd"));

  auto* lines_label = MakeHeading(left, _("The report, line by line"));
  // A native list (a GTK tree view): a screen reader reads it line by line.
  lines_ = new wxDataViewListCtrl(left, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                  wxDV_SINGLE | wxDV_ROW_LINES);
  lines_->SetName(kLinesName);
  wxcommon::SetAccessibleName(lines_, _("Lines of the report"));
  lines_->AppendTextColumn(_("Part"), wxDATAVIEW_CELL_INERT, FromDIP(130));
  lines_->AppendTextColumn(_("Line"), wxDATAVIEW_CELL_INERT, FromDIP(400));
  lines_->SetMinSize(wxSize(-1, FromDIP(150)));
  // The chosen line in full: the list cuts long lines at its width.
  line_full_ = new wxStaticText(left, wxID_ANY, wxString());
  line_full_->SetName("report_line_full");
  reword_ = new wxButton(left, wxID_ANY, _("&Reword…"));
  remove_ = new wxButton(left, wxID_ANY, _("&Leave out"));
  quote_ = new wxButton(left, wxID_ANY, _("My &words in full"));
  quote_->SetName(kQuoteName);
  quote_->SetToolTip(
      _("Show the words you wrote in full on this line (a thought word for word, a trigger, how a "
        "thread went), instead of their first few"));

  auto* questions_label = MakeHeading(left, _("Questions I couldn't answer alone"));
  questions_ = new wxCheckListBox(left, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(-1, 70)));
  questions_->SetName(kQuestionsName);
  no_questions_ = new wxStaticText(
      left, wxID_ANY, _("Questions you skipped after writing this week would show here to tick."));
  no_questions_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  no_questions_->Wrap(FromDIP(kChoicesMinDip) - 2 * gap);
  wxcommon::SetAccessibleName(questions_, _("Questions to bring"));
  own_question_ = new wxTextCtrl(left, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                 wxTE_PROCESS_ENTER);
  own_question_->SetName(kOwnQuestionName);
  own_question_->SetHint(_("A question of your own"));
  wxcommon::SetAccessibleName(own_question_, _("A question of your own"));
  add_question_ = new wxButton(left, wxID_ANY, _("Add &question"));

  again_ = new wxButton(this, wxID_ANY, _("Start a&gain"));
  again_->SetToolTip(_("Forget the choices made here and show the report as the journal made it"));
  print_ = new wxButton(this, wxID_ANY, _("&Print…"));
  save_ = new wxButton(this, wxID_ANY, _("&Save PDF…"));
  share_ = new wxButton(this, wxID_ANY, _("S&hare…"));
  share_->SetName("report_share");
  share_->SetToolTip(
      _("Share this report with your therapist: you see exactly what is sent first"));

  auto* agenda_row = new wxBoxSizer(wxHORIZONTAL);
  agenda_row->Add(own_agenda_, 1, wxRIGHT, gap);
  agenda_row->Add(add_agenda_, 0);
  auto* line_buttons = new wxBoxSizer(wxHORIZONTAL);
  line_buttons->Add(reword_, 0, wxRIGHT, gap);
  line_buttons->Add(remove_, 0, wxRIGHT, gap);
  line_buttons->Add(quote_, 0);
  auto* question_row = new wxBoxSizer(wxHORIZONTAL);
  question_row->Add(own_question_, 1, wxRIGHT, gap);
  question_row->Add(add_question_, 0);
  auto* bottom = new wxBoxSizer(wxHORIZONTAL);
  bottom->Add(again_, 0);
  bottom->AddStretchSpacer();
  bottom->Add(print_, 0, wxRIGHT, gap);
  bottom->Add(save_, 0, wxRIGHT, gap);
  bottom->Add(share_, 0);

  auto* col = new wxBoxSizer(wxVERTICAL);
  col->Add(heading_, 0, wxBOTTOM, gap / 2);
  col->Add(period_, 0, wxBOTTOM, gap);
  col->Add(no_session_, 0, wxEXPAND | wxBOTTOM, gap);
  col->Add(busy_, 0, wxEXPAND | wxBOTTOM, gap);
  col->Add(message_, 0, wxEXPAND | wxBOTTOM, gap);
  col->Add(picks_label, 0, wxBOTTOM, gap / 2);
  col->Add(picks_hint, 0, wxBOTTOM, gap / 2);
  col->Add(picks_, 0, wxEXPAND | wxBOTTOM, gap / 2);
  col->Add(pick_full_, 0, wxEXPAND | wxBOTTOM, gap / 2);
  col->Add(agenda_row, 0, wxEXPAND | wxBOTTOM, gap);
  col->Add(lines_label, 0, wxBOTTOM, gap / 2);
  col->Add(lines_, 1, wxEXPAND | wxBOTTOM, gap / 2);
  col->Add(line_full_, 0, wxEXPAND | wxBOTTOM, gap / 2);
  col->Add(line_buttons, 0, wxBOTTOM, gap);
  col->Add(questions_label, 0, wxBOTTOM, gap / 2);
  col->Add(no_questions_, 0, wxBOTTOM, gap / 2);
  col->Add(questions_, 0, wxEXPAND | wxBOTTOM, gap / 2);
  col->Add(question_row, 0, wxEXPAND);
  auto* pad = new wxBoxSizer(wxVERTICAL);
  pad->Add(col, 1, wxEXPAND | wxALL, gap);
  left->SetSizer(pad);
  left->SetMinSize(FromDIP(wxSize(kChoicesMinDip, 200)));
  // Save, print and share stay in view under the choices as they scroll.
  auto* left_col = new wxBoxSizer(wxVERTICAL);
  left_col->Add(left, 1, wxEXPAND);
  left_col->Add(bottom, 0, wxEXPAND | wxALL, gap);

  preview_ = new PdfPreview(this);
  preview_->SetMinSize(FromDIP(wxSize(kPreviewMinDip, 200)));
  // The choices on the left, the pages as they will print on the right.
  auto* box = new wxBoxSizer(wxHORIZONTAL);
  box->Add(left_col, 1, wxEXPAND);
  box->Add(preview_, 1, wxEXPAND | wxTOP | wxRIGHT | wxBOTTOM, gap);
  SetSizer(box);

  picks_->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent& e) {
    const auto i = static_cast<unsigned>(e.GetInt());
    SetPicked(i, picks_->IsChecked(i));
  });
  picks_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& e) {
    const int i = picks_->GetSelection();
    const wxString text = i >= 0 ? picks_->GetString(static_cast<unsigned>(i)) : wxString();
    if (text != pick_full_->GetLabelText()) {
      pick_full_->SetLabelText(text);
      pick_full_->Wrap(std::max(FromDIP(kChoicesMinDip), choices_->GetClientSize().GetWidth()) -
                       FromDIP(16));
      RelayoutChoices();
    }
    e.Skip();
  });
  auto add_agenda = [this] { AddOwnAgenda(own_agenda_->GetValue()); };
  add_agenda_->Bind(wxEVT_BUTTON, [add_agenda](wxCommandEvent&) { add_agenda(); });
  own_agenda_->Bind(wxEVT_TEXT_ENTER, [add_agenda](wxCommandEvent&) { add_agenda(); });
  auto reword = [this] {
    const int row = lines_->GetSelectedRow();
    if (row < 0) {
      SetMessage(_("Choose a line first."));
      return;
    }
    const reports::ReportItem* item =
        made_ ? made_->content.FindItem(line_ids_[static_cast<size_t>(row)]) : nullptr;
    if (auto words = AskReword(this, item ? ToWx(item->text) : wxString()))
      RewordLine(static_cast<size_t>(row), *words);
  };
  reword_->Bind(wxEVT_BUTTON, [reword](wxCommandEvent&) { reword(); });
  lines_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [reword](wxDataViewEvent&) { reword(); });
  remove_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    const int row = lines_->GetSelectedRow();
    if (row >= 0) RemoveLine(static_cast<size_t>(row));
  });
  quote_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    const int row = lines_->GetSelectedRow();
    if (row < 0) {
      SetMessage(_("Choose a line first."));
      return;
    }
    ToggleQuoted(static_cast<size_t>(row));
  });
  lines_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent& e) {
    UpdateQuoteButton();
    ShowLineInFull();
    e.Skip();
  });
  auto delete_key = [this](wxKeyEvent& e) {
    if (e.GetKeyCode() == WXK_DELETE && lines_->GetSelectedRow() >= 0)
      RemoveLine(static_cast<size_t>(lines_->GetSelectedRow()));
    else
      e.Skip();
  };
  lines_->Bind(wxEVT_KEY_DOWN, delete_key);
  lines_->GetMainWindow()->Bind(wxEVT_KEY_DOWN, delete_key);
  questions_->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent& e) {
    const auto i = static_cast<unsigned>(e.GetInt());
    SetQuestionMarked(i, questions_->IsChecked(i));
  });
  auto add_question = [this] { AddOwnQuestion(own_question_->GetValue()); };
  add_question_->Bind(wxEVT_BUTTON, [add_question](wxCommandEvent&) { add_question(); });
  own_question_->Bind(wxEVT_TEXT_ENTER, [add_question](wxCommandEvent&) { add_question(); });
  again_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { StartAgain(); });
  save_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SaveWithDialog(); });
  print_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Print(); });
  share_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Share(); });
  EnableChoices(false);
  // The choices made before the journal was last locked.
  if (auto kept = LoadReportChoices(host_.controller().journal()); kept.ok()) {
    options_ = std::move(kept).value();
    kept_choices_ = ChoicesToJson(options_);
  }
}

ReportPanel::~ReportPanel() = default;

void ReportPanel::KeepChoicesNow() {
  JournalController& controller = host_.controller();
  if (controller.lent()) return;
  const reports::ReportOptions& wanted = Wanted();
  std::string json = ChoicesToJson(wanted);
  if (json == kept_choices_) return;
  if (SaveReportChoices(controller.journal(), wanted).ok()) kept_choices_ = std::move(json);
}

void ReportPanel::Start() {
  if (task_.busy()) {
    stale_ = true;
    return;
  }
  JournalController& controller = host_.controller();
  if (controller.lent()) return;  // sharing work has the journal: later
  stale_ = false;
  no_session_->Refresh();
  auto snapshot = controller.TakeReportSnapshot();
  if (!snapshot.ok()) {
    wxcommon::ShowError(this, wxcommon::DescribeStatus(
                                  snapshot.status(), _("Fieldnotes could not read your reports.")));
    return;
  }
  snapshot_ = std::make_shared<const ReportSnapshot>(std::move(snapshot).value());
  offered_questions_ = UnansweredQuestions(*snapshot_, controller.clock());
  // The report shown was of the journal as it was: nothing to save until
  // the new one is back (and choices that no longer fit are dropped then).
  made_.reset();
  Rebuild(options_);
}

const reports::ReportOptions& ReportPanel::Wanted() const {
  if (queued_) return *queued_;
  if (in_flight_) return *in_flight_;
  return options_;
}

void ReportPanel::Rebuild(reports::ReportOptions next) {
  if (!snapshot_) return;
  // The controls stay usable (and keep the keyboard) while a build runs;
  // the latest choice waits for it and goes next.
  if (task_.busy()) {
    queued_ = std::move(next);
    return;
  }
  in_flight_ = next;
  busy_->Start(_("Putting the report together…"));
  RelayoutChoices();
  auto snapshot = snapshot_;
  const core::Clock* clock = &host_.controller().clock();
  task_.Run(
      [snapshot, next, clock]() -> core::Result<std::shared_ptr<Built>> {
        auto made = MakeReport(*snapshot, next, *clock);
        if (!made.ok()) return made.status();
        auto built = std::make_shared<Built>();
        built->report = std::move(made).value();
        auto pages = RenderPdfPages(built->report.pdf.bytes, kPreviewDpi);
        if (!pages.ok()) return pages.status();
        built->pages = std::move(pages).value();
        return built;
      },
      [this, next](core::Result<std::shared_ptr<Built>> result) {
        busy_->Stop();
        in_flight_.reset();
        if (!result.ok()) {
          Refused(next, result.status());
        } else {
          Show(next, *result);
        }
        if (queued_) {
          reports::ReportOptions again = std::move(*queued_);
          queued_.reset();
          Rebuild(std::move(again));
        }
      });
}

void ReportPanel::Show(reports::ReportOptions options, std::shared_ptr<Built> built) {
  options_ = std::move(options);
  made_ = std::make_unique<MadeReport>(std::move(built->report));
  kept_id_.clear();
  preview_->SetPages(built->pages);
  // Zoomed or on a screen with more pixels than the pages were drawn for,
  // the preview draws them again, sharper.
  preview_->SetRenderer([pdf = made_->pdf.bytes](double dpi) { return RenderPdfPages(pdf, dpi); },
                        kPreviewDpi);
  const reports::ReportContent& c = made_->content;
  SetHeading(heading_, ToWx(c.title));
  period_->SetLabelText(ToWx(c.subtitle));

  // Things to bring: what the journal suggests first, then every other
  // observation the report shows; the list keeps its order as picks move
  // observations into the agenda.
  std::vector<Candidate> next;
  auto add = [&](const std::string& id) {
    for (const Candidate& have : next)
      if (have.id == id) return;
    for (const reports::ReportObservation& o : c.observations)
      if (o.id == id) next.push_back({o.id, o.summary});
  };
  for (const Candidate& old : candidates_) add(old.id);
  for (const std::string& id : c.suggestions) add(id);
  for (const reports::ReportObservation& o : c.observations) add(o.id);
  candidates_ = std::move(next);
  FillControls();
  EnableChoices(true);
  KeepChoicesNow();
  if (stale_) CallAfter([this] { Start(); });  // the journal changed meanwhile
  SetMessage(made_->pdf.warnings.empty() ? notice_ : Sentence(made_->pdf.warnings.front()));
  notice_.clear();
}

void ReportPanel::Refused(const reports::ReportOptions& tried, const core::Status& status) {
  const bool had_choices = tried.picks.size() + tried.agenda.size() + tried.questions.size() +
                               tried.rewords.size() + tried.removes.size() >
                           0;
  if (status.code() == core::Status::Code::kInvalidArgument) {
    if (!made_ && had_choices) {
      // The choices no longer fit the journal (a line that went away):
      // start from the report as the journal makes it.
      options_ = {};
      notice_ = _("The journal changed, so the choices made here were set aside.");
      Rebuild(options_);
      return;
    }
    // TRANSLATORS: %s is why the choice did not work, as one sentence.
    SetMessage(wxString::Format(_("%s Nothing was changed."), Sentence(status.message())));
    FillControls();  // back to the choices that work
    return;
  }
  wxcommon::ShowError(
      this, wxcommon::DescribeStatus(status, _("Fieldnotes could not put the report together.")));
}

void ReportPanel::FillControls() {
  // Rows are rebuilt; the keyboard's place in each list is kept.
  const int pick_sel = picks_->GetSelection();
  const int line_sel = lines_->GetSelectedRow();
  const int question_sel = questions_->GetSelection();
  picks_->Clear();
  for (const Candidate& c : candidates_) {
    const int i = picks_->Append(ToWx(c.summary));
    if (Has(options_.picks, c.id)) picks_->Check(static_cast<unsigned>(i));
  }
  lines_->DeleteAllItems();
  line_ids_.clear();
  if (made_) {
    for (const reports::ReportSection& section : made_->content.sections) {
      for (const reports::ReportItem& item : section.items) {
        std::string text = item.text;
        if (!item.note.empty()) text += "  (" + item.note + ")";
        lines_->AppendItem(wxcommon::ListRow(
            {wxVariant(ToWx(reports::SectionTitle(section.kind))), wxVariant(ToWx(text))}));
        line_ids_.push_back(item.id);
      }
    }
  }
  questions_->Clear();
  std::vector<std::string> shown = offered_questions_;
  for (const std::string& q : options_.questions)
    if (!Has(shown, q)) shown.push_back(q);
  for (const std::string& q : shown) {
    const int i = questions_->Append(ToWx(q));
    if (Has(options_.questions, q)) questions_->Check(static_cast<unsigned>(i));
  }
  const bool any_question = questions_->GetCount() > 0;
  questions_->Show(any_question);
  no_questions_->Show(!any_question);
  RelayoutChoices();
  if (pick_sel >= 0 && pick_sel < static_cast<int>(picks_->GetCount()))
    picks_->SetSelection(pick_sel);
  if (line_sel >= 0 && line_sel < lines_->GetItemCount())
    lines_->SelectRow(static_cast<unsigned>(line_sel));
  UpdateQuoteButton();
  ShowLineInFull();
  if (question_sel >= 0 && question_sel < static_cast<int>(questions_->GetCount()))
    questions_->SetSelection(question_sel);
}

void ReportPanel::SetPicked(size_t index, bool picked) {
  if (index >= candidates_.size()) return;
  reports::ReportOptions next = Wanted();
  const std::string& id = candidates_[index].id;
  if (picked) {
    if (next.picks.size() + next.agenda.size() >= reports::ReportBuilder::kMaxAgenda) {
      SetMessage(_("Two things to bring at most: untick one first."));
      FillControls();
      return;
    }
    if (!Has(next.picks, id)) next.picks.push_back(id);
  } else {
    Erase(next.picks, id);
  }
  Rebuild(std::move(next));
}

void ReportPanel::AddOwnAgenda(const wxString& text) {
  if (text.Strip(wxString::both).empty()) return;
  reports::ReportOptions next = Wanted();
  if (next.picks.size() + next.agenda.size() >= reports::ReportBuilder::kMaxAgenda) {
    SetMessage(_("Two things to bring at most: untick one first."));
    return;
  }
  next.agenda.push_back(ToUtf8(text));
  own_agenda_->Clear();
  Rebuild(std::move(next));
}

void ReportPanel::RewordLine(size_t row, const wxString& text) {
  if (row >= line_ids_.size() || text.Strip(wxString::both).empty()) return;
  const std::string& id = line_ids_[static_cast<size_t>(row)];
  reports::ReportOptions next = Wanted();
  std::erase_if(next.rewords, [&](const auto& r) { return r.first == id; });
  next.rewords.emplace_back(id, ToUtf8(text));
  Rebuild(std::move(next));
}

void ReportPanel::RemoveLine(size_t row) {
  if (row >= line_ids_.size()) return;
  const std::string id = line_ids_[static_cast<size_t>(row)];
  reports::ReportOptions next = Wanted();
  // Own words are taken back rather than left out.
  if (id.rfind("agenda-", 0) == 0 || id.rfind("question-", 0) == 0) {
    const reports::ReportItem* item = made_ ? made_->content.FindItem(id) : nullptr;
    if (item != nullptr) {
      Erase(next.agenda, item->text);
      Erase(next.questions, item->text);
      Rebuild(std::move(next));
      return;
    }
  }
  if (Has(next.picks, id)) {
    Erase(next.picks, id);
  } else if (!Has(next.removes, id)) {
    next.removes.push_back(id);
  }
  Rebuild(std::move(next));
}

std::string ReportPanel::QuotableAt(size_t row) const {
  if (!made_ || row >= line_ids_.size()) return {};
  const reports::ReportItem* item = made_->content.FindItem(line_ids_[static_cast<size_t>(row)]);
  if (item == nullptr || item->observation_id.empty()) return {};
  for (const reports::ReportObservation& o : made_->content.observations) {
    if (o.id == item->observation_id &&
        (o.type == "recurring" || o.type == "trigger" || o.type == "thread"))
      return o.id;
  }
  return {};
}

void ReportPanel::ShowLineInFull() {
  const int row = lines_->GetSelectedRow();
  wxString text;
  if (made_ && row >= 0 && static_cast<size_t>(row) < line_ids_.size()) {
    if (const reports::ReportItem* item =
            made_->content.FindItem(line_ids_[static_cast<size_t>(row)])) {
      text = ToWx(item->text);
      if (!item->note.empty()) text += ToWx("  (" + item->note + ")");
    }
  }
  if (text == line_full_->GetLabelText()) return;
  line_full_->SetLabelText(text);
  line_full_->Wrap(std::max(FromDIP(kChoicesMinDip), choices_->GetClientSize().GetWidth()) -
                   FromDIP(16));
  RelayoutChoices();
}

void ReportPanel::UpdateQuoteButton() {
  const int row = lines_->GetSelectedRow();
  const std::string id = row < 0 ? std::string() : QuotableAt(static_cast<size_t>(row));
  quote_->Enable(!id.empty());
  quote_->SetLabel(Has(Wanted().quotes, id) && !id.empty() ? _("Only the first &words")
                                                           : _("My &words in full"));
}

void ReportPanel::ToggleQuoted(size_t row) {
  const std::string id = QuotableAt(row);
  if (id.empty()) {
    SetMessage(_("This line carries none of your words to show in full."));
    return;
  }
  reports::ReportOptions next = Wanted();
  if (Has(next.quotes, id)) {
    Erase(next.quotes, id);
    notice_ = _("The line shows only the first words again.");
  } else {
    next.quotes.push_back(id);
    notice_ = _("The line shows your words in full, as you wrote them.");
  }
  Rebuild(std::move(next));
}

void ReportPanel::SetQuestionMarked(size_t index, bool marked) {
  if (index >= questions_->GetCount()) return;
  const std::string q = ToUtf8(questions_->GetString(static_cast<unsigned>(index)));
  reports::ReportOptions next = Wanted();
  if (marked) {
    if (next.questions.size() >= reports::ReportBuilder::kMaxQuestions) {
      SetMessage(_("Five questions fit in a report: untick one first."));
      FillControls();
      return;
    }
    if (!Has(next.questions, q)) next.questions.push_back(q);
  } else {
    Erase(next.questions, q);
  }
  Rebuild(std::move(next));
}

void ReportPanel::AddOwnQuestion(const wxString& text) {
  if (text.Strip(wxString::both).empty()) return;
  reports::ReportOptions next = Wanted();
  if (next.questions.size() >= reports::ReportBuilder::kMaxQuestions) {
    SetMessage(_("Five questions fit in a report: untick one first."));
    return;
  }
  next.questions.push_back(ToUtf8(text.Strip(wxString::both)));
  own_question_->Clear();
  Rebuild(std::move(next));
}

void ReportPanel::StartAgain() { Rebuild(reports::ReportOptions{}); }

bool ReportPanel::SaveTo(const std::string& path) {
  if (!made_ || task_.busy() || queued_) return false;
  if (core::Status s = WriteReportPdf(*made_, path); !s.ok()) {
    wxcommon::ShowError(this,
                        wxcommon::DescribeStatus(s, _("Fieldnotes could not save the report.")));
    return false;
  }
  if (auto id = KeepInJournal(); !id.ok()) {
    wxcommon::ShowError(
        this, wxcommon::DescribeStatus(
                  id.status().WithContext("the PDF was written, but the report could not be "
                                          "kept in the journal"),
                  _("Fieldnotes could not keep the report in your journal.")));
    return false;
  }
  // TRANSLATORS: %s is a file's path.
  SetMessage(wxString::Format(_("Saved to %s. It is also kept in your journal."), ToWx(path)));
  host_.SetStatus(_("Report saved."));
  return true;
}

core::Result<std::string> ReportPanel::KeepInJournal() {
  if (!made_) return core::Status::NotFound(core::Tr("no report is shown yet."));
  if (task_.busy() || queued_)
    return core::Status::Busy(core::Tr("the report is still being put together."));
  if (!kept_id_.empty()) return kept_id_;
  JournalController& controller = host_.controller();
  if (controller.lent())
    return core::Status::Busy(
        core::Tr("the journal is in use by sharing work that has not finished."));
  auto kept = controller.KeepReport(*made_);
  if (!kept.ok()) return kept.status();
  kept_id_ = kept->id;
  // The next report compares with this one.
  stale_ = true;
  return kept_id_;
}

void ReportPanel::Share() {
  auto id = KeepInJournal();
  if (!id.ok()) {
    if (id.status().code() == core::Status::Code::kBusy || id.status().IsNotFound()) {
      SetMessage(_("The report is still being put together. Share it in a moment."));
    } else {
      wxcommon::ShowError(
          this, wxcommon::DescribeStatus(id.status(), _("Fieldnotes could not keep the report.")));
    }
    return;
  }
  host_.ShareStoredReport(*id);
}

void ReportPanel::SaveWithDialog() {
  if (!made_) return;
  const std::string name = "notes-for-my-session-" + core::FormatDate(made_->content.to) + ".pdf";
  wxFileDialog ask(this, _("Save the report as a PDF"), wxStandardPaths::Get().GetDocumentsDir(),
                   ToWx(name), _("PDF files (*.pdf)|*.pdf"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
  if (ask.ShowModal() != wxID_OK) return;
  SaveTo(ToUtf8(ask.GetPath()));
}

void ReportPanel::Print() {
  if (!made_) return;
  wxPrinter printer;
  wxcommon::PdfPrintout printout(made_->pdf.bytes, _("Notes for my next session"));
  if (!printer.Print(this, &printout, true) && wxPrinter::GetLastError() == wxPRINTER_ERROR) {
    SetMessage(
        _("The report could not be printed. Saving it as a PDF and printing that works too."));
  }
}

size_t ReportPanel::preview_pages() const { return preview_->page_count(); }

wxString ReportPanel::message() const { return message_->GetLabelText(); }

void ReportPanel::SetMessage(const wxString& text) {
  message_->SetLabelText(text);
  message_->Wrap(std::max(FromDIP(kChoicesMinDip), choices_->GetClientSize().GetWidth()) -
                 FromDIP(16));
  RelayoutChoices();
}

void ReportPanel::RelayoutChoices() {
  choices_->FitInside();
  choices_->Layout();
}

void ReportPanel::EnableChoices(bool enable) {
  for (wxWindow* w : std::initializer_list<wxWindow*>{picks_, own_agenda_, add_agenda_, lines_,
                                                      reword_, remove_, questions_, own_question_,
                                                      add_question_, again_, save_, print_, share_})
    w->Enable(enable);
  if (enable) {
    UpdateQuoteButton();
  } else {
    quote_->Enable(false);
  }
}

}  // namespace fieldnotes::client
