// FollowUpPanel: after a new entry is saved, its follow-up questions (at
// most two, reports/question_engine.h), one at a time. Enter saves the
// answer, Esc skips; after the last one the panel goes away and does not
// come back for that entry: one layer deeper, then it stops.
#ifndef FIELDNOTES_CLIENT_UI_FOLLOWUP_PANEL_H_
#define FIELDNOTES_CLIENT_UI_FOLLOWUP_PANEL_H_

#include <wx/panel.h>

#include <string>
#include <vector>

#include "core/model.h"

class wxButton;
class wxStaticText;
class wxTextCtrl;

namespace fieldnotes::client {

class PageHost;

class FollowUpPanel : public wxPanel {
 public:
  static constexpr char kAnswerName[] = "followup_answer";

  FollowUpPanel(wxWindow* parent, PageHost& host);

  // Asks `questions` about entry `id`, starting with the first unanswered.
  void Ask(const std::string& id, const std::vector<core::FollowUp>& questions);
  // Saves the typed answer (empty: skips) and moves on.
  void Answer();
  void Skip();
  // Hides the panel and forgets the entry.
  void Stop();

  bool asking() const { return IsShown(); }
  wxString question() const;

 private:
  void ShowCurrent();

  PageHost& host_;
  std::string entry_id_;
  std::vector<core::FollowUp> questions_;
  size_t current_ = 0;
  wxStaticText* heading_;
  wxStaticText* question_;
  wxTextCtrl* answer_;
  wxButton* save_;
  wxButton* skip_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_FOLLOWUP_PANEL_H_
