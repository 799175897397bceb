#include "clinician/ui/workspace_panel.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/settings.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>

#include <algorithm>
#include <set>

#include "clinician/ui/client_view.h"
#include "clinician/ui/report_view.h"
#include "common/wx/accessible.h"
#include "common/wx/error_words.h"
#include "common/wx/heading.h"
#include "common/wx/list_columns.h"
#include "common/wx/pdf_preview.h"
#include "common/wx/str_helpers.h"
#include "core/display.h"
#include "core/timestamp.h"

namespace fieldnotes::clinician {
namespace {

using wxcommon::ToUtf8;
using wxcommon::ToWx;

// The reports list's column of the day each was shared: the one that goes
// when the list is narrow (FitListColumns).
constexpr int kSharedColumn = 3;
// Two reports side by side are roomy at this width each (DIPs): the lists
// narrow only as far as it takes to give them that.
constexpr int kRoomyHalfDip = 560;

wxString ShortDate(int64_t unix_seconds) {
  if (unix_seconds == 0) return _("none yet");
  const core::Timestamp t{unix_seconds, core::LocalOffsetMinutesAt(unix_seconds)};
  return ToWx(core::DayMonthYear(t.LocalDate()));
}

}  // namespace

wxString HomeWords(size_t clients, size_t fresh) {
  if (clients == 0) {
    return _(
        "No clients are linked with you yet.\n\nTo link one, make an invite code (File, "
        "Invite a client, or Ctrl+N) and give it to them. They enter it in Fieldnotes under "
        "Sharing, Link a therapist; then you both compare the safety number (Clients, Safety "
        "number). The reports they choose to share appear here, in the list on the left.");
  }
  if (fresh == 0) {
    return _(
        "Nothing new. Reports your clients share appear in the list on the left; earlier "
        "ones stay there, marked opened, until they expire.");
  }
  return wxString::Format(
      wxPLURAL("%zu new report. Choose it in the list and press Enter to open it.",
               "%zu new reports. Choose one in the list and press Enter to open it.",
               wxcommon::PluralCount(fresh)),
      fresh);
}

wxString RefusalWords(const core::Status& status) {
  std::string why = status.message();
  const std::string prefix = "envelope refused: ";
  if (why.rfind(prefix, 0) == 0) why = why.substr(prefix.size());
  // TRANSLATORS: %s is the technical reason, in English (from the envelope check).
  return wxString::Format(
      _("This report was not shown, because %s.\n\nNothing from it was opened or kept. It may have "
        "been damaged or changed on its "
        "way. Your client can share the report again; if it happens again, let the practice "
        "that runs the server know."),
      ToWx(why));
}

WorkspacePanel::WorkspacePanel(wxWindow* parent, SessionController& controller, int refresh_seconds,
                               std::function<void(const wxString&)> status,
                               std::function<void()> signed_out)
    : wxPanel(parent, wxID_ANY),
      controller_(controller),
      status_(std::move(status)),
      signed_out_(std::move(signed_out)) {
  SetName("workspace_panel");
  const int gap = FromDIP(8);

  notice_ = new wxStaticText(this, wxID_ANY, wxString());
  notice_->SetName(kNoticeName);
  retry_ = new wxButton(this, wxID_ANY, _("&Retry"));
  retry_->SetName("workspace_retry");
  retry_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Refresh(); });
  auto* notice_row = new wxBoxSizer(wxHORIZONTAL);
  notice_row->Add(notice_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
  notice_row->Add(retry_, 0);

  splitter_ = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                   wxSP_LIVE_UPDATE | wxSP_3DSASH);
  wxSplitterWindow* splitter = splitter_;
  auto* left = new wxPanel(splitter);
  left_ = left;
  auto* clients_heading = wxcommon::MakeHeading(left, _("Clients"));
  clients_ = new wxListView(left, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_SINGLE_SEL);
  clients_->SetName(kClientsName);
  // The columns take the width of their words once filled (FitListColumns).
  clients_->AppendColumn(_("Client"), wxLIST_FORMAT_LEFT, FromDIP(160));
  clients_->AppendColumn(_("Latest report"), wxLIST_FORMAT_LEFT, FromDIP(140));
  clients_->AppendColumn(_("New"), wxLIST_FORMAT_LEFT, FromDIP(70));
  reports_heading_ = wxcommon::MakeHeading(left, _("Reports"));
  reports_ = new wxListView(left, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_SINGLE_SEL);
  reports_->SetName(kReportsName);
  reports_->AppendColumn("", wxLIST_FORMAT_LEFT, FromDIP(60));
  reports_->AppendColumn(_("From"), wxLIST_FORMAT_LEFT, FromDIP(90));
  reports_->AppendColumn(_("Period to"), wxLIST_FORMAT_LEFT, FromDIP(140));
  reports_->AppendColumn(_("Shared"), wxLIST_FORMAT_LEFT, FromDIP(140));
  auto* left_sizer = new wxBoxSizer(wxVERTICAL);
  left_sizer->Add(clients_heading, 0, wxALL, gap);
  left_sizer->Add(clients_, 2, wxEXPAND | wxLEFT | wxRIGHT, gap);
  left_sizer->Add(reports_heading_, 0, wxALL, gap);
  left_sizer->Add(reports_, 3, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
  left->SetSizer(left_sizer);

  book_ = new wxSimplebook(splitter);
  auto* home = new wxPanel(book_);
  home_text_ = new wxStaticText(home, wxID_ANY, wxString());
  auto* home_sizer = new wxBoxSizer(wxVERTICAL);
  home_sizer->Add(home_text_, 0, wxALL, 3 * gap);
  home->SetSizer(home_sizer);
  // Words only: nothing for Tab to stop at.
  home->SetCanFocus(false);
  client_view_ = new ClientView(
      book_,
      {[this](const ClientRow& c) { RenameClient(c); }, [this](const ClientRow& c) { EndLink(c); },
       [this](const ClientRow& c, const std::string& note) { SaveNote(c, note); }});
  report_view_ = new ReportView(
      book_, [this] { CloseReport(); },
      [this](ReportRow row, Done<OpenedReport> done) {
        OpenBeside(std::move(row), std::move(done));
      });
  auto* refused = new wxPanel(book_);
  refusal_title_ = wxcommon::MakeHeading(refused, _("This report was not shown"));
  refusal_ = new wxStaticText(refused, wxID_ANY, wxString());
  refusal_->SetName(kRefusalName);
  auto* refused_sizer = new wxBoxSizer(wxVERTICAL);
  refused_sizer->Add(refusal_title_, 0, wxALL, 3 * gap);
  refused_sizer->Add(refusal_, 0, wxLEFT | wxRIGHT, 3 * gap);
  refused->SetSizer(refused_sizer);
  refused->SetCanFocus(false);
  book_->AddPage(home, "home");
  book_->AddPage(client_view_, "client");
  book_->AddPage(report_view_, "report");
  book_->AddPage(refused, "refused");

  splitter->SetMinimumPaneSize(FromDIP(240));
  splitter->SplitVertically(left, book_, FromDIP(400));
  // The report side takes what the window gains or loses.
  splitter->SetSashGravity(0.0);
  for (wxListView* list : {clients_, reports_}) {
    list->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
      e.Skip();
      CallAfter([this] { FitListColumns(); });
    });
  }
  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(notice_row, 0, wxEXPAND | wxALL, gap);
  sizer->Add(splitter, 1, wxEXPAND);
  SetSizer(sizer);
  SetNotice(wxString(), false);

  wxcommon::SetAccessibleName(clients_, _("Clients"));
  wxcommon::SetAccessibleName(reports_, _("Reports"));
  clients_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
    if (filling_ || !overview_ || e.GetIndex() < 0) return;
    const auto index = static_cast<size_t>(e.GetIndex());
    if (index >= overview_->clients.size()) return;
    ShowClient(overview_->clients[index].client_id);
  });
  reports_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { OpenSelected(); });
  timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
    if (!refreshing_ && !opening_) Refresh();
  });
  timer_.Start(refresh_seconds * 1000);
  ShowPage(Page::kHome);
}

WorkspacePanel::~WorkspacePanel() {
  *alive_ = false;
  timer_.Stop();
}

void WorkspacePanel::ShowPage(Page page) {
  page_ = page;
  book_->ChangeSelection(static_cast<size_t>(page));
  if (page != Page::kReport) {
    report_view_->Clear();
    lists_revealed_ = false;
  }
  PlaceLists();
}

bool WorkspacePanel::lists_shown() const { return splitter_->IsSplit(); }

void WorkspacePanel::SetListsBesideReport(bool beside) {
  lists_beside_report_ = beside;
  if (beside) lists_revealed_ = false;
  PlaceLists();
}

void WorkspacePanel::PlaceLists() {
  const bool reading = page_ == Page::kReport;
  const bool away = reading && !lists_beside_report_ && !lists_revealed_;
  const bool narrow = reading && !away && report_view_->comparing();
  // The width the clinician left the lists at, kept while a report takes
  // the room and given back after.
  if ((away || narrow) && sash_before_ == 0 && splitter_->IsSplit())
    sash_before_ = splitter_->GetSashPosition();
  if (away) {
    if (splitter_->IsSplit()) splitter_->Unsplit(left_);
    return;
  }
  int sash = sash_before_ > 0 ? sash_before_ : splitter_->GetSashPosition();
  if (narrow) {
    // Only as narrow as two roomy halves need (a large screen keeps the
    // lists as they were), and no narrower than what still says who and
    // which week (the day shared goes), nor wider than a third.
    const int least = splitter_->GetMinimumPaneSize();
    const int room = splitter_->GetClientSize().GetWidth();
    const int words = std::max(wxcommon::ContentWidth(clients_),
                               wxcommon::ContentWidth(reports_, {kSharedColumn})) +
                      2 * FromDIP(8);
    const int narrowest = std::min(std::max(least, words), std::max(least, room / 3));
    sash = std::max(narrowest, std::min(sash, room - 2 * FromDIP(kRoomyHalfDip)));
  } else {
    sash_before_ = 0;
  }
  if (!splitter_->IsSplit()) {
    left_->Show();
    splitter_->SplitVertically(left_, book_, sash);
  } else if (splitter_->GetSashPosition() != sash) {
    splitter_->SetSashPosition(sash);
  }
}

int WorkspacePanel::SharedColumnWidth() const {
  std::vector<wxString> days, bold_days;
  if (overview_) {
    for (const ReportRow& r : overview_->reports)
      (r.is_new ? bold_days : days).push_back(ShortDate(r.info.uploaded_at));
  }
  return wxcommon::WordsWidth(reports_, _("Shared"), days, bold_days);
}

void WorkspacePanel::FitListColumns() {
  // The day a report was shared is the first to go when the list is short
  // of width, and it goes whole (half a column of days says nothing); it
  // comes back when there is room again.
  if (overview_) {
    const int shared = SharedColumnWidth();
    const bool has = reports_->GetColumnCount() > kSharedColumn;
    const int rest = wxcommon::ContentWidth(reports_, {kSharedColumn});
    const bool room = rest + shared <= reports_->GetSize().GetWidth();
    if (room && !has) {
      reports_->AppendColumn(_("Shared"), wxLIST_FORMAT_LEFT, shared);
      const long count =
          std::min<long>(reports_->GetItemCount(), static_cast<long>(overview_->reports.size()));
      for (long i = 0; i < count; ++i)
        reports_->SetItem(i, kSharedColumn,
                          ShortDate(overview_->reports[static_cast<size_t>(i)].info.uploaded_at));
    } else if (!room && has) {
      reports_->DeleteColumn(kSharedColumn);
    }
  }
  // Cut last what tells the rows apart: who, then which week.
  wxcommon::FitColumns(clients_, {1, 0});
  wxcommon::FitColumns(reports_, {1, 2});
}

wxString WorkspacePanel::notice() const { return notice_->GetLabelText(); }
wxString WorkspacePanel::refusal() const {
  // As written, without the line breaks wrapping put in.
  wxString text = refusal_->GetLabelText();
  text.Replace("\n\n", "\r");
  text.Replace("\n", " ");
  text.Replace("\r", "\n\n");
  return text;
}

void WorkspacePanel::SetNotice(const wxString& text, bool retry) {
  notice_->SetLabelText(text);
  notice_->Wrap(std::max(FromDIP(400), GetClientSize().GetWidth() - FromDIP(140)));
  notice_->Show(!text.empty());
  retry_->Show(retry);
  Layout();
}

void WorkspacePanel::Refresh() {
  if (refreshing_) return;
  refreshing_ = true;
  status_(_("Looking for new reports…"));
  std::shared_ptr<bool> alive = alive_;
  controller_.Refresh([this, alive](core::Result<Overview> result) {
    if (!*alive) return;
    refreshing_ = false;
    if (!result.ok()) {
      const core::Status& s = result.status();
      if (s.code() == core::Status::Code::kUnauthenticated) {
        signed_out_();
        return;
      }
      server_down_ = true;
      SetNotice(s.code() == core::Status::Code::kUnavailable
                    ? _("The practice's server could not be reached just now. What is "
                        "listed is from the last time it answered, and nothing was lost. "
                        "Retry, or wait: the viewer will try again on its own.")
                    : wxcommon::DescribeStatus(s, _("The viewer could not look for new reports."),
                                               wxcommon::Audience::kClinician)
                          .message,
                true);
      status_(_("The server did not answer."));
      return;
    }
    Apply(std::move(result).value());
  });
}

void WorkspacePanel::Apply(Overview overview) {
  // The server answers again: the message about it goes.
  if (server_down_) SetNotice(wxString(), false);
  server_down_ = false;
  if (overview_) NoteGone(overview);
  const ClientRow* client = SelectedClient();
  const std::string selected_client = client != nullptr ? client->client_id : std::string();
  const std::string selected_report = SelectedReportId();
  overview_ = std::move(overview);
  FillClients(selected_client);
  FillReports(selected_report);
  // The first time there are rows: the lists as wide as their words need,
  // with a little to spare ("Opened" is wider than "New"), no more than
  // 45 % of the width; the rest for what is shown beside.
  const int room = splitter_->GetClientSize().GetWidth();
  if (!sash_fitted_ && room > 0 && splitter_->IsSplit() && page_ != Page::kReport) {
    sash_fitted_ = true;
    const int words =
        std::max(wxcommon::ContentWidth(clients_),
                 wxcommon::ContentWidth(reports_, {kSharedColumn}) + SharedColumnWidth()) +
        FromDIP(40);
    const int least = splitter_->GetMinimumPaneSize();
    splitter_->SetSashPosition(std::min(std::max(words, least), std::max(room * 45 / 100, least)));
  }
  // The client shown beside the lists shows what the server says now.
  if (page_ == Page::kClient) ShowClient(client_view_->client().client_id);
  // The earlier report beside an open one: only what is still listed.
  if (page_ == Page::kReport) report_view_->earlier().Update(overview_->reports);
  size_t fresh = 0;
  for (const ReportRow& r : overview_->reports) fresh += r.is_new ? 1 : 0;
  home_text_->SetLabelText(HomeWords(overview_->clients.size(), fresh) + "\n\n" +
                           // TRANSLATORS: %1$s is the server's address, %2$s an email address.
                           wxString::Format(_("Signed in to %1$s as %2$s."),
                                            ToWx(overview_->server_url), ToWx(overview_->email)));
  home_text_->Wrap(std::max(FromDIP(360), book_->GetClientSize().GetWidth() - FromDIP(48)));
  home_text_->GetParent()->Layout();
  status_(fresh == 0 ? _("Up to date. Nothing new.")
                     : wxString::Format(
                           wxPLURAL("Up to date. %zu new report.", "Up to date. %zu new reports.",
                                    wxcommon::PluralCount(fresh)),
                           fresh));
}

void WorkspacePanel::NoteGone(const Overview& now) {
  std::set<std::string> still;
  for (const ReportRow& r : now.reports) still.insert(r.info.report_id);
  std::set<std::string> linked;
  for (const ClientRow& c : now.clients) linked.insert(c.client_id);
  wxString notes;
  const int64_t t = sync::NowSeconds();
  for (const ReportRow& r : overview_->reports) {
    if (still.count(r.info.report_id) != 0) continue;
    const wxString who = ClientName(r.label, r.info.client_id);
    wxString line;
    if (r.info.expires_at <= t) {
      // TRANSLATORS: %1$s is the client's name, %2$s the day the report's period ends.
      line = wxString::Format(_("The report from %1$s (up to %2$s) expired and is no longer on "
                                "the server."),
                              who, PeriodEndWords(r.info.period_end));
    } else if (linked.count(r.info.client_id) == 0) {
      // TRANSLATORS: %1$s is the client's name, %2$s the day the report's period ends.
      line = wxString::Format(_("The report from %1$s (up to %2$s) went with the end of the link."),
                              who, PeriodEndWords(r.info.period_end));
    } else {
      // TRANSLATORS: %1$s is the client's name, %2$s the day the report's period ends.
      line = wxString::Format(_("%1$s withdrew the report for the time up to %2$s."), who,
                              PeriodEndWords(r.info.period_end));
    }
    notes += (notes.empty() ? "" : "\n") + line;
    // A withdrawn report closes where it was open: the client took it back.
    if (page_ == Page::kReport && report_view_->has_report() &&
        report_view_->report()->row.info.report_id == r.info.report_id) {
      CloseReport();
    }
  }
  if (!notes.empty()) SetNotice(notes, false);
}

void WorkspacePanel::FillClients(const std::string& selected) {
  // Selecting again what was selected is not the clinician choosing it.
  filling_ = true;
  clients_->DeleteAllItems();
  long i = 0;
  for (const ClientRow& c : overview_->clients) {
    clients_->InsertItem(
        i, c.key_changed
               // TRANSLATORS: a client's name in the list, when their key changed.
               ? wxString::Format(_("%s (key changed)"), ClientName(c.label, c.client_id))
               : ClientName(c.label, c.client_id));
    clients_->SetItem(i, 1, ShortDate(c.latest_report_at));
    clients_->SetItem(
        i, 2,
        c.new_reports == 0
            ? wxString()
            : wxString::Format(wxPLURAL("%d new", "%d new", wxcommon::PluralCount(c.new_reports)),
                               c.new_reports));
    if (c.new_reports > 0) clients_->SetItemFont(i, clients_->GetFont().Bold());
    if (c.client_id == selected) clients_->Select(i);
    ++i;
  }
  filling_ = false;
  FitListColumns();
}

void WorkspacePanel::FillReports(const std::string& selected) {
  reports_->DeleteAllItems();
  long i = 0;
  for (const ReportRow& r : overview_->reports) {
    reports_->InsertItem(i, r.is_new ? _("New") : _("Opened"));
    reports_->SetItem(i, 1, ClientName(r.label, r.info.client_id));
    reports_->SetItem(i, 2, PeriodEndWords(r.info.period_end));
    if (reports_->GetColumnCount() > kSharedColumn)
      reports_->SetItem(i, kSharedColumn, ShortDate(r.info.uploaded_at));
    if (r.is_new) reports_->SetItemFont(i, reports_->GetFont().Bold());
    if (r.info.report_id == selected) reports_->Select(i);
    ++i;
  }
  if (i == 0) {
    reports_->InsertItem(0, wxString());
    reports_->SetItem(0, 1, _("No reports yet"));
  }
  FitListColumns();
}

std::string WorkspacePanel::SelectedReportId() const {
  const long index = reports_->GetFirstSelected();
  if (!overview_ || index < 0 || static_cast<size_t>(index) >= overview_->reports.size())
    return std::string();
  return overview_->reports[static_cast<size_t>(index)].info.report_id;
}

const ClientRow* WorkspacePanel::SelectedClient() const {
  const long index = clients_->GetFirstSelected();
  if (!overview_ || index < 0 || static_cast<size_t>(index) >= overview_->clients.size())
    return nullptr;
  return &overview_->clients[static_cast<size_t>(index)];
}

void WorkspacePanel::OpenSelected() {
  const long index = reports_->GetFirstSelected();
  if (index < 0 || !overview_ || static_cast<size_t>(index) >= overview_->reports.size()) return;
  OpenReport(overview_->reports[static_cast<size_t>(index)].info.report_id);
}

void WorkspacePanel::OpenReport(const std::string& report_id) {
  if (!overview_ || opening_) return;
  const ReportRow* row = nullptr;
  for (const ReportRow& r : overview_->reports)
    if (r.info.report_id == report_id) row = &r;
  if (row == nullptr) return;
  opening_ = true;
  status_(wxString::Format(_("Opening the report from %s…"),
                           ClientName(row->label, row->info.client_id)));
  std::shared_ptr<bool> alive = alive_;
  controller_.Open(*row, [this, alive, row_copy = *row](core::Result<OpenedReport> result) {
    if (!*alive) return;
    opening_ = false;
    if (!result.ok()) {
      const core::Status& s = result.status();
      if (s.code() == core::Status::Code::kRefused) {
        ShowRefusal(row_copy, s);
      } else if (s.IsNotFound()) {
        SetNotice(_("That report is no longer on the server: the client may have withdrawn it, or "
                    "it expired."),
                  false);
        Refresh();
      } else {
        SetNotice(wxcommon::DescribeStatus(s, _("The viewer could not open the report."),
                                           wxcommon::Audience::kClinician)
                      .message,
                  s.code() == core::Status::Code::kUnavailable);
      }
      status_(wxString());
      return;
    }
    // The list shows it as opened from now on.
    for (ReportRow& r : overview_->reports) {
      if (r.info.report_id != result->row.info.report_id) continue;
      if (r.is_new) {
        for (ClientRow& c : overview_->clients)
          if (c.client_id == r.info.client_id && c.new_reports > 0) --c.new_reports;
      }
      r.is_new = false;
    }
    FillClients(result->row.info.client_id);
    FillReports(result->row.info.report_id);
    report_view_->Show(std::move(result).value());
    lists_revealed_ = false;
    ShowPage(Page::kReport);
    report_view_->OfferEarlier(overview_->reports);
    PlaceLists();
    report_view_->preview().SetFocus();
    status_(_("Opened. Ctrl+= and Ctrl+- zoom, Ctrl+Page Down turns the page, Ctrl+W closes."));
  });
}

void WorkspacePanel::OpenBeside(ReportRow row, Done<OpenedReport> done) {
  std::shared_ptr<bool> alive = alive_;
  controller_.Open(std::move(row), [this, alive, done](core::Result<OpenedReport> result) {
    // Opened beside: the lists show it as opened, as for the one in front.
    if (*alive && result.ok() && overview_) {
      for (ReportRow& r : overview_->reports) {
        if (r.info.report_id != result->row.info.report_id || !r.is_new) continue;
        r.is_new = false;
        for (ClientRow& c : overview_->clients)
          if (c.client_id == r.info.client_id && c.new_reports > 0) --c.new_reports;
        FillClients(r.info.client_id);
        FillReports(SelectedReportId());
      }
    }
    done(std::move(result));
  });
}

void WorkspacePanel::ShowRefusal(const ReportRow& row, const core::Status& status) {
  wxcommon::SetHeading(refusal_title_, wxString::Format(_("The report from %s was not shown"),
                                                        ClientName(row.label, row.info.client_id)));
  refusal_->SetLabelText(RefusalWords(status));
  refusal_->Wrap(FromDIP(520));
  ShowPage(Page::kRefused);
  refusal_->GetParent()->Layout();
}

void WorkspacePanel::ShowClient(const std::string& client_id) {
  if (!overview_) return;
  for (const ClientRow& c : overview_->clients) {
    if (c.client_id != client_id) continue;
    client_view_->Show(c);
    ShowPage(Page::kClient);
    return;
  }
}

void WorkspacePanel::ShowSelectedClient() {
  FocusClients();
  if (const ClientRow* c = SelectedClient()) ShowClient(c->client_id);
}

void WorkspacePanel::CloseReport() {
  report_view_->Clear();
  ShowPage(Page::kHome);
  reports_->SetFocus();
}

void WorkspacePanel::FocusClients() {
  if (!splitter_->IsSplit()) {
    lists_revealed_ = true;
    PlaceLists();
  }
  clients_->SetFocus();
  if (clients_->GetItemCount() > 0 && clients_->GetFirstSelected() < 0) clients_->Select(0);
}

void WorkspacePanel::FocusReports() {
  if (!splitter_->IsSplit()) {
    lists_revealed_ = true;
    PlaceLists();
  }
  reports_->SetFocus();
  if (reports_->GetItemCount() > 0 && reports_->GetFirstSelected() < 0) reports_->Select(0);
}

void WorkspacePanel::RenameSelectedClient() {
  if (const ClientRow* c = SelectedClient()) RenameClient(*c);
}

void WorkspacePanel::EndSelectedLink() {
  if (const ClientRow* c = SelectedClient()) EndLink(*c);
}

void WorkspacePanel::SaveNote(const ClientRow& client, const std::string& note) {
  const std::string id = client.client_id;
  std::shared_ptr<bool> alive = alive_;
  controller_.SetNote(id, note, [this, alive, id, note](core::Status s) {
    if (!*alive) return;
    if (!s.ok()) {
      SetNotice(wxcommon::DescribeStatus(s, _("The viewer could not keep the note."),
                                         wxcommon::Audience::kClinician)
                    .message,
                false);
      return;
    }
    if (overview_) {
      for (ClientRow& c : overview_->clients)
        if (c.client_id == id) c.note = note;
    }
    client_view_->NoteKept(id);
    status_(_("Note kept, on this computer only."));
  });
}

void WorkspacePanel::RenameClient(const ClientRow& client) {
  wxTextEntryDialog ask(this,
                        _("Your name for this client. It stays on this computer and is never sent "
                          "to the server."),
                        _("Rename client"), ToWx(client.label));
  if (ask.ShowModal() != wxID_OK) return;
  const std::string id = client.client_id;
  std::shared_ptr<bool> alive = alive_;
  controller_.SetLabel(id, ToUtf8(ask.GetValue().Strip(wxString::both)),
                       [this, alive, id](core::Status s) {
                         if (!*alive) return;
                         if (!s.ok()) {
                           SetNotice(ToWx(s.message()), false);
                           return;
                         }
                         status_(_("Renamed."));
                         Refresh();
                       });
}

void WorkspacePanel::EndLink(const ClientRow& client) {
  wxMessageDialog ask(
      this,
      wxString::Format(_("End the link with %s? Every report they shared is deleted from the "
                         "server at once, and "
                         "they cannot share with you again without a new invite. Their name "
                         "and safety number stay on this computer."),
                       ClientName(client.label, client.client_id)),
      _("End the link"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
  ask.SetYesNoLabels(_("&End the link"), _("&Keep it"));
  if (ask.ShowModal() != wxID_YES) return;
  std::shared_ptr<bool> alive = alive_;
  controller_.EndLink(client.client_id, [this, alive](core::Status s) {
    if (!*alive) return;
    if (!s.ok()) {
      SetNotice(wxcommon::DescribeStatus(s, _("The viewer could not end the link."),
                                         wxcommon::Audience::kClinician)
                    .message,
                false);
      return;
    }
    ShowPage(Page::kHome);
    status_(_("The link is ended."));
    Refresh();
  });
}

}  // namespace fieldnotes::clinician
