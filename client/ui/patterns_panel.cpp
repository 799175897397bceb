#include "ui/patterns_panel.h"

#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>
#include <memory>

#include "common/wx/accessible.h"
#include "common/wx/busy_panel.h"
#include "common/wx/error_words.h"
#include "common/wx/list_row.h"
#include "common/wx/str_helpers.h"
#include "core/display.h"
#include "core/i18n.h"
#include "engine/journal_controller.h"
#include "engine/journal_overview.h"
#include "engine/patterns.h"
#include "reports/observation_types.h"
#include "reports/period.h"
#include "ui/entry_text.h"
#include "ui/kind_icons.h"
#include "ui/page_host.h"

namespace fieldnotes::client {
namespace {

using reports::ObservationType;
using wxcommon::ToWx;

// What an observation is about, in a word or two (the type table's label).
wxString About(ObservationType type) {
  return ToWx(core::Tr(std::string(reports::InfoOf(type).label).c_str()));
}

wxString ShortDate(const core::Date& d) {
  return ToWx(core::ShortMonthDay(d, d.year));
}

wxString LoopsWord(size_t n) {
  return wxString::Format(wxPLURAL("%zu loop", "%zu loops", wxcommon::PluralCount(n)), n);
}

}  // namespace

struct PatternsPanel::Analysis {
  reports::Patterns patterns;
  std::vector<reports::LoopSuggestion> suggestions;
};

PatternsPanel::PatternsPanel(wxWindow* parent, PageHost& host)
    : wxPanel(parent, wxID_ANY), host_(host) {
  SetName("patterns_panel");
  const int gap = FromDIP(8);
  heading_ = new wxStaticText(this, wxID_ANY, wxString());
  heading_->SetFont(heading_->GetFont().Bold());
  refresh_ = new wxButton(this, wxID_ANY, _("Look &again"));
  refresh_->SetToolTip(_("Look at the journal again (F5)"));
  busy_ = new wxcommon::BusyPanel(this);
  // Native lists (a GTK tree view): a screen reader reads them row by row.
  observations_ = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                         wxDV_SINGLE | wxDV_ROW_LINES);
  observations_->SetName(kObservationsName);
  wxcommon::SetAccessibleName(observations_, _("What the journal noticed"));
  observations_->AppendTextColumn(_("About"), wxDATAVIEW_CELL_INERT, FromDIP(110));
  observations_->AppendTextColumn(_("What the journal noticed"), wxDATAVIEW_CELL_INERT,
                                  FromDIP(700));
  summary_ = new wxStaticText(this, wxID_ANY, wxString());
  evidence_label_ = new wxStaticText(this, wxID_ANY, wxString());
  evidence_label_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  evidence_ = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                     wxDV_SINGLE | wxDV_ROW_LINES);
  evidence_->SetName(kEvidenceName);
  wxcommon::SetAccessibleName(evidence_, _("The entries behind it"));
  evidence_->AppendTextColumn(_("When"), wxDATAVIEW_CELL_INERT, FromDIP(200));
  evidence_->AppendIconTextColumn(_("Kind"), wxDATAVIEW_CELL_INERT, FromDIP(110));
  evidence_->AppendTextColumn(_("What you wrote (Enter shows it in Look back)"),
                              wxDATAVIEW_CELL_INERT, FromDIP(600));

  // The same worry in other words: a suggestion, and the client decides.
  loops_ = new wxPanel(this, wxID_ANY);
  loops_text_ = new wxStaticText(loops_, wxID_ANY, wxString());
  same_ = new wxButton(loops_, wxID_ANY, _("The &same worry"));
  same_->SetName(kSameName);
  same_->SetToolTip(_("Count them together, \"in these or other words\""));
  apart_ = new wxButton(loops_, wxID_ANY, _("&Not the same"));
  apart_->SetName(kApartName);
  apart_->SetToolTip(_("Keep them apart; they are not suggested together again"));
  undo_loops_ = new wxButton(loops_, wxID_ANY, _("&Undo"));
  undo_loops_->SetName(kUndoLoopsName);
  auto* loops_row = new wxBoxSizer(wxHORIZONTAL);
  loops_row->Add(loops_text_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
  loops_row->Add(same_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
  loops_row->Add(apart_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
  loops_row->Add(undo_loops_, 0, wxALIGN_CENTER_VERTICAL);
  loops_->SetSizer(loops_row);
  loops_->Hide();
  same_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SameWorry(); });
  apart_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { NotTheSame(); });
  undo_loops_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { UndoLoops(); });

  auto* top = new wxBoxSizer(wxHORIZONTAL);
  top->Add(heading_, 1, wxALIGN_CENTER_VERTICAL);
  top->Add(refresh_, 0);
  auto* box = new wxBoxSizer(wxVERTICAL);
  box->Add(top, 0, wxEXPAND | wxALL, gap);
  box->Add(busy_, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
  box->Add(loops_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
  box->Add(observations_, 3, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
  box->Add(summary_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
  box->Add(evidence_label_, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);
  box->Add(evidence_, 2, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
  SetSizer(box);

  refresh_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Analyze(); });
  // (The last column of each takes the width that is left: GTK's own.)
  observations_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) {
    const int row = observations_->GetSelectedRow();
    if (row != wxNOT_FOUND) SelectObservation(static_cast<size_t>(row));
  });
  evidence_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent& e) {
    const int row = evidence_->ItemToRow(e.GetItem());
    if (row != wxNOT_FOUND) OpenEvidence(static_cast<size_t>(row));
  });
  Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
    if (e.GetKeyCode() == WXK_F5)
      Analyze();
    else
      e.Skip();
  });
}

void PatternsPanel::Analyze() {
  if (task_.busy()) return;
  stale_ = false;
  const JournalController& controller = host_.controller();
  // A copy (engine/patterns.h), so the journal stays free for the UI.
  auto taken = TakePatternSnapshot(controller.journal(), controller.analysis_cache());
  if (!taken.ok()) {
    wxcommon::ShowError(this, wxcommon::DescribeStatus(taken.status(), _("Fieldnotes could not read the grouped loops.")));
    return;
  }
  auto snapshot = std::make_shared<const PatternSnapshot>(std::move(taken).value());
  const core::Clock* clock = &controller.clock();
  busy_->Start(_("Looking through your journal…"));
  refresh_->Disable();
  task_.Run([snapshot, clock]() { return AnalyzePatterns(*snapshot, *clock); },
            [this](core::Result<PatternAnalysis> analysis) {
              if (!analysis.ok()) {
                busy_->Stop();
                refresh_->Enable();
                wxcommon::ShowError(
                    this, wxcommon::DescribeStatus(analysis.status(), _("Fieldnotes could not look through your journal.")));
                return;
              }
              Show(Analysis{std::move(analysis->patterns), std::move(analysis->suggestions)});
            });
}

const reports::LoopSuggestion* PatternsPanel::suggestion() const {
  return suggestions_.empty() ? nullptr : &suggestions_.front();
}

void PatternsPanel::ShowSuggestion() {
  const reports::LoopSuggestion* s = suggestion();
  if (s == nullptr && !before_decision_) {
    loops_->Hide();
    Layout();
    return;
  }
  if (s != nullptr) {
    loops_text_->SetLabelText(
        // TRANSLATORS: %1$s and %3$s are the client's words for two loops;
        // %2$s and %4$s say how many entries each is ("3 loops").
        wxString::Format(_("These may be the same worry in other words: \u201c%1$s\u201d (%2$s) "
                           "and \u201c%3$s\u201d (%4$s). Only you can say."),
                         ToWx(s->first_label), LoopsWord(s->first.size()), ToWx(s->second_label),
                         LoopsWord(s->second.size())));
  }
  same_->Show(s != nullptr);
  apart_->Show(s != nullptr);
  undo_loops_->Show(before_decision_.has_value());
  loops_->Show();
  loops_text_->Wrap(std::max(GetClientSize().GetWidth() - FromDIP(360), FromDIP(300)));
  loops_->Layout();
  Layout();
}

void PatternsPanel::Decide(bool same) {
  const reports::LoopSuggestion* s = suggestion();
  JournalController& controller = host_.controller();
  if (s == nullptr || controller.lent()) return;
  core::Result<LoopDecision> decided = core::Status::Internal("not decided");
  if (same) {
    std::vector<std::string> ids = s->first;
    ids.insert(ids.end(), s->second.begin(), s->second.end());
    decided = JoinLoops(controller.journal(), ids);
  } else {
    decided = DeclineSuggestion(controller.journal(), *s);
  }
  if (!decided.ok()) {
    wxcommon::ShowError(this, wxcommon::DescribeStatus(decided.status(), _("Fieldnotes could not keep your choice.")));
    return;
  }
  before_decision_ = std::move(decided).value();
  loops_text_->SetLabelText(same ? _("Joined: they count as one worry now, \u201cin these or other "
                                   "words\u201d.")
                                 : _("Kept apart: they are not suggested together again."));
  host_.SetStatus(same ? _("Joined as one worry.") : _("Kept apart."));
  suggestions_.erase(suggestions_.begin());
  host_.JournalChanged();  // patterns and the report count them anew
}

void PatternsPanel::SameWorry() { Decide(true); }
void PatternsPanel::NotTheSame() { Decide(false); }

void PatternsPanel::UndoLoops() {
  JournalController& controller = host_.controller();
  if (!before_decision_ || controller.lent()) return;
  if (core::Status st = UndoLoopDecision(controller.journal(), *before_decision_); !st.ok()) {
    wxcommon::ShowError(this, wxcommon::DescribeStatus(st, _("Fieldnotes could not undo your choice.")));
    return;
  }
  before_decision_.reset();
  host_.SetStatus(_("Undone."));
  host_.JournalChanged();
}

const std::vector<reports::Observation>& PatternsPanel::observations() const {
  static const std::vector<reports::Observation> kNone;
  return patterns_ ? patterns_->observations : kNone;
}

void PatternsPanel::Show(Analysis analysis) {
  busy_->Stop();
  refresh_->Enable();
  patterns_ = std::move(analysis.patterns);
  suggestions_ = std::move(analysis.suggestions);
  ShowSuggestion();
  const reports::Period& period = patterns_->period;
  // TRANSLATORS: %1$s is the period in words ("since your last session"),
  // %2$s and %3$s its first and last day.
  heading_->SetLabelText(wxString::Format(_("What the journal noticed %1$s (%2$s to %3$s)"),
                                          ToWx(period.Phrase()), ShortDate(period.from()),
                                          ShortDate(period.to())));
  observations_->DeleteAllItems();
  for (size_t i = 0; i < observations().size(); ++i) {
    const reports::Observation& o = observations()[i];
    observations_->AppendItem(
        wxcommon::ListRow({wxVariant(About(o.type())), wxVariant(ToWx(o.summary))}));
  }
  evidence_->DeleteAllItems();
  evidence_ids_.clear();
  if (observations().empty()) {
    summary_->SetLabelText(
        _("Nothing stands out yet. The journal only points something out when the evidence is "
        "clear, so this is often empty, and that is fine."));
    evidence_label_->SetLabelText(wxString());
  } else {
    // The first observation and its evidence, without moving the keyboard.
    observations_->SelectRow(0);
    SelectObservation(0);
    return;
  }
  summary_->Wrap(GetClientSize().GetWidth() - FromDIP(24));
  Layout();
}

void PatternsPanel::SelectObservation(size_t index) {
  if (index >= observations().size()) return;
  const reports::Observation& o = observations()[index];
  wxString summary = ToWx(o.summary);
  if (o.client_only())
    summary += _("\n(Only you see this. It never goes into a report unless you add it.)");
  summary_->SetLabelText(summary);
  summary_->Wrap(GetClientSize().GetWidth() - FromDIP(24));
  evidence_->DeleteAllItems();
  evidence_ids_.clear();
  const wxColour icon_colour = wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOXTEXT);
  for (const core::Entry& e : EntriesStillThere(host_.controller().journal(), o.evidence.Ids())) {
    wxVariant kind;
    kind << wxDataViewIconText(ToWx(core::KindTitle(e.kind)),
                               wxBitmapBundle(KindIcon(e.kind, FromDIP(16), icon_colour)));
    evidence_->AppendItem(wxcommon::ListRow(
        {wxVariant(ToWx(core::LongDate(e.written_at) + ", " + core::LocalClock(e.written_at))),
         kind, wxVariant(ToWx(EntryHeadline(e)))}));
    evidence_ids_.push_back(e.id);
  }
  // "When" as wide as its longest day (the weekday matters to a weekday
  // pattern), never cut.
  if (!evidence_ids_.empty()) {
    int widest = 0;
    for (unsigned row = 0; row < static_cast<unsigned>(evidence_->GetItemCount()); ++row)
      widest = std::max(widest, evidence_->GetTextExtent(evidence_->GetTextValue(row, 0)).GetWidth());
    evidence_->GetColumn(0)->SetWidth(std::max(widest + FromDIP(24), FromDIP(200)));
  }
  evidence_label_->SetLabelText(
      evidence_ids_.empty() ? wxString()
                            : wxString::Format(wxPLURAL("The %zu entry behind it:",
                                                                "The %zu entries behind it:",
                                                                wxcommon::PluralCount(evidence_ids_.size())),
                                               evidence_ids_.size()));
  Layout();
}

void PatternsPanel::OpenEvidence(size_t index) {
  if (index < evidence_ids_.size()) host_.ShowEntry(evidence_ids_[index]);
}

}  // namespace fieldnotes::client
