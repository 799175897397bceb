// ReportPanel: the "Weekly report" page, for session day. The report since
// the last session, built as fieldnotes-cli builds it (engine/weekly_report.h):
// observations suggested as things to bring (pick one or two) or the
// person's own words; every line can be reworded or left out; questions
// they could not answer alone, ticked from the follow-ups they skipped or
// written; the real PDF pages beside it; save the PDF, print it.
//
// Every change builds the report again on a worker thread (the busy strip
// says so; the controls stay usable and a further change goes next). A
// choice the report cannot take (a third pick, a line too long) is said in
// words and undone.
#ifndef FIELDNOTES_CLIENT_UI_REPORT_PANEL_H_
#define FIELDNOTES_CLIENT_UI_REPORT_PANEL_H_

#include <wx/panel.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/wx/background_task.h"
#include "common/wx/pdf_pages.h"
#include "reports/report_builder.h"
#include "engine/weekly_report.h"

class wxButton;
class wxCheckListBox;
class wxDataViewListCtrl;
class wxScrolledWindow;
class wxStaticText;
class wxTextCtrl;

namespace fieldnotes::wxcommon {
class BusyPanel;
class PdfPreview;
}  // namespace fieldnotes::wxcommon

namespace fieldnotes::client {

class LastSessionAsk;
class PageHost;

class ReportPanel : public wxPanel {
 public:
  static constexpr char kPicksName[] = "report_picks";
  static constexpr char kOwnAgendaName[] = "report_own_agenda";
  static constexpr char kLinesName[] = "report_lines";
  static constexpr char kQuestionsName[] = "report_questions";
  static constexpr char kOwnQuestionName[] = "report_own_question";
  static constexpr char kMessageName[] = "report_message";
  static constexpr char kQuoteName[] = "report_quote";

  ReportPanel(wxWindow* parent, PageHost& host);
  ~ReportPanel() override;

  // Builds the report (again) from the journal as it is now, keeping the
  // choices made so far when they still fit.
  void Start();
  void MarkStale() { stale_ = true; }
  bool stale() const { return stale_; }
  bool busy() const { return task_.busy() || queued_.has_value(); }

  // ---- the choices, as the controls make them ----
  // Ticks or unticks the candidate `index` (as listed in the picks list).
  void SetPicked(size_t index, bool picked);
  void AddOwnAgenda(const wxString& text);
  // The line at `row` of the lines list.
  void RewordLine(size_t row, const wxString& text);
  void RemoveLine(size_t row);
  // Shows the client's words of the line at `row` in full ("show my
  // words": a loop word for word, a trigger, how a thread went), or only
  // their first words again. Lines without such words are told so.
  void ToggleQuoted(size_t row);
  void SetQuestionMarked(size_t index, bool marked);
  void AddOwnQuestion(const wxString& text);
  // Forgets every choice.
  void StartAgain();
  // Keeps the choices in the journal (report_choices.h) if they changed:
  // after each report shown, and before locking or closing.
  void KeepChoicesNow();

  // Writes the PDF of what is shown, and keeps the report in the journal
  // (once: saving again or sharing it does not keep a second copy). False
  // while a change is still being built, or on failure (said).
  bool SaveTo(const std::string& path);
  // Keeps the report shown in the journal, if not yet kept; its id. Busy
  // while a change is still being built; NotFound when nothing is shown.
  core::Result<std::string> KeepInJournal();
  // Keeps it, then opens the consent dialog to share it (PageHost).
  void Share();
  void SaveWithDialog();
  void Print();

  // What is shown: the last report built, if any.
  const MadeReport* report() const { return made_ ? made_.get() : nullptr; }
  const reports::ReportOptions& choices() const { return options_; }
  // Item ids of the lines list, in its order.
  const std::vector<std::string>& line_ids() const { return line_ids_; }
  LastSessionAsk& no_session_ask() { return *no_session_; }
  size_t preview_pages() const;
  const wxcommon::PdfPreview& preview() const { return *preview_; }
  wxString message() const;

 private:
  struct Candidate {
    std::string id;  // observation id
    std::string summary;
  };
  struct Built;

  // Builds with `next` as the choices; they become the choices when it works.
  void Rebuild(reports::ReportOptions next);
  // The choices as last asked for (queued, being built, or shown).
  const reports::ReportOptions& Wanted() const;
  void Show(reports::ReportOptions options, std::shared_ptr<Built> built);
  void Refused(const reports::ReportOptions& tried, const core::Status& status);
  void FillControls();
  void SetMessage(const wxString& text);
  // After a control of the choices was shown, hidden or given other words.
  void RelayoutChoices();
  void EnableChoices(bool enable);
  // The observation whose words the line at `row` may show in full, or "".
  std::string QuotableAt(size_t row) const;
  void UpdateQuoteButton();
  void ShowLineInFull();

  PageHost& host_;
  bool stale_ = true;
  std::shared_ptr<const ReportSnapshot> snapshot_;
  reports::ReportOptions options_;  // the choices of the report shown
  std::optional<reports::ReportOptions> in_flight_;
  std::optional<reports::ReportOptions> queued_;
  std::unique_ptr<MadeReport> made_;
  std::vector<Candidate> candidates_;
  std::vector<std::string> offered_questions_;  // skipped follow-ups of the period
  std::vector<std::string> line_ids_;
  wxString notice_;           // said once the report being built is shown
  std::string kept_id_;       // the report shown, once kept in the journal
  std::string kept_choices_;  // ChoicesToJson of the choices in the journal

  wxScrolledWindow* choices_;
  wxStaticText* heading_;
  wxStaticText* period_;
  LastSessionAsk* no_session_;
  wxcommon::BusyPanel* busy_;
  wxStaticText* message_;
  wxCheckListBox* picks_;
  wxTextCtrl* own_agenda_;
  wxButton* add_agenda_;
  wxDataViewListCtrl* lines_;
  wxStaticText* line_full_;
  wxStaticText* pick_full_;
  wxButton* reword_;
  wxButton* remove_;
  wxButton* quote_;
  wxCheckListBox* questions_;
  wxStaticText* no_questions_;
  wxTextCtrl* own_question_;
  wxButton* add_question_;
  wxButton* again_;
  wxButton* save_;
  wxButton* share_;
  wxButton* print_;
  wxcommon::PdfPreview* preview_;
  wxcommon::BackgroundTask task_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_REPORT_PANEL_H_
