// PatternsPanel: the "Patterns" page. What the journal noticed since the
// last session (reports::PatternAnalyzer), each observation with its
// evidence; choosing one lists the entries behind it, and opening one of
// those shows it in the timeline. The analysis runs on a worker thread over
// a copy of the journal's entries, so typing is never held up.
#ifndef FIELDNOTES_CLIENT_UI_PATTERNS_PANEL_H_
#define FIELDNOTES_CLIENT_UI_PATTERNS_PANEL_H_

#include <wx/panel.h>

#include <optional>
#include <string>
#include <vector>

#include "common/wx/background_task.h"
#include "engine/loops.h"
#include "reports/loop_groups.h"
#include "reports/pattern_analyzer.h"

class wxButton;
class wxDataViewListCtrl;
class wxStaticText;

namespace fieldnotes::wxcommon {
class BusyPanel;
}

namespace fieldnotes::client {

class PageHost;

class PatternsPanel : public wxPanel {
 public:
  static constexpr char kObservationsName[] = "observations";
  static constexpr char kEvidenceName[] = "evidence";
  static constexpr char kSameName[] = "loops_same";
  static constexpr char kApartName[] = "loops_apart";
  static constexpr char kUndoLoopsName[] = "loops_undo";

  PatternsPanel(wxWindow* parent, PageHost& host);

  // Runs the analysis again (F5, "Look again", or when the page is shown
  // after the journal changed).
  void Analyze();
  // The journal changed: analyse again the next time the page is shown.
  void MarkStale() { stale_ = true; }
  bool stale() const { return stale_; }
  bool busy() const { return task_.busy(); }

  const std::vector<reports::Observation>& observations() const;
  // Shows observation `index` and the entries behind it.
  void SelectObservation(size_t index);
  // The entry ids listed as evidence right now.
  const std::vector<std::string>& evidence_ids() const { return evidence_ids_; }
  // Opens evidence entry `index` in the timeline.
  void OpenEvidence(size_t index);

  // Loops that may be the same worry in other words: the one shown, if
  // any. The client decides: SameWorry() joins them, NotTheSame() keeps
  // them apart for good; UndoLoops() takes the last decision back.
  const reports::LoopSuggestion* suggestion() const;
  void SameWorry();
  void NotTheSame();
  void UndoLoops();

 private:
  struct Analysis;
  void Show(Analysis analysis);
  void ShowSuggestion();
  void Decide(bool same);

  PageHost& host_;
  bool stale_ = true;
  std::optional<reports::Patterns> patterns_;  // none until the first analysis
  std::vector<std::string> evidence_ids_;
  wxStaticText* heading_;
  wxButton* refresh_;
  wxcommon::BusyPanel* busy_;
  wxDataViewListCtrl* observations_;
  wxStaticText* summary_;
  wxStaticText* evidence_label_;
  wxDataViewListCtrl* evidence_;
  wxPanel* loops_;
  wxStaticText* loops_text_;
  wxButton* same_;
  wxButton* apart_;
  wxButton* undo_loops_;
  std::vector<reports::LoopSuggestion> suggestions_;
  std::optional<LoopDecision> before_decision_;  // for Undo
  wxcommon::BackgroundTask task_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_PATTERNS_PANEL_H_
