#include "ui/welcome_panel.h"

#include <wx/button.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/translation.h>

#include <optional>

#include "common/wx/accessible.h"
#include "common/wx/error_words.h"
#include "common/wx/heading.h"
#include "common/wx/str_helpers.h"
#include "core/display.h"
#include "engine/journal_controller.h"
#include "engine/journal_overview.h"
#include "ui/date_field.h"
#include "ui/page_host.h"

namespace fieldnotes::client {
namespace {

constexpr int kTextWidth = 720;  // DIPs: lines short enough to read

}  // namespace

WelcomePanel::WelcomePanel(wxWindow* parent, PageHost& host, std::function<void()> done)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL),
      host_(host),
      done_(std::move(done)) {
  SetName("welcome_panel");
  SetScrollRate(0, FromDIP(16));
  const int gap = FromDIP(8);
  const int width = FromDIP(kTextWidth);
  auto text = [this, width](const wxString& words) {
    auto* t = new wxStaticText(this, wxID_ANY, words);
    t->Wrap(width);
    return t;
  };

  auto* box = new wxBoxSizer(wxVERTICAL);
  box->Add(wxcommon::MakeHeading(this, _("Welcome to Fieldnotes")), 0, wxBOTTOM, gap);
  box->Add(text(_("This is a journal for the days between therapy sessions. By session day, "
                  "memory keeps the conclusion and loses the moment; writing catches the "
                  "moment while it is still detailed. You do not need to write every day: "
                  "write when something moves. A few lines on three days beat a forced page "
                  "every night.")),
           0, wxBOTTOM, 2 * gap);
  box->Add(text(_("There are four kinds of entry:")), 0, wxBOTTOM, gap);

  struct Kind {
    core::EntryKind kind;
    wxString title;
    wxString words;
  };
  const Kind kinds[] = {
      {core::EntryKind::kSpike, _("Spike"),
       _("A moment when a feeling jumped: anger, dread, shame, relief. Note what happened "
         "right before, where you felt it in your body, the exact thought, and what you almost "
         "said.")},
      {core::EntryKind::kLoop, _("Loop"),
       _("A thought that keeps coming back. Write it down word for word. The journal counts "
         "how often it comes back, so you can tell your therapist.")},
      {core::EntryKind::kThread, _("Thread"),
       _("Something from your last session: a suggestion, or something to try. Write how it "
         "actually went. Not how you wish it went: the honest version.")},
      {core::EntryKind::kNote, _("Note"),
       _("Anything else you want to remember for your next session.")},
  };
  auto* kinds_grid = new wxFlexGridSizer(2, gap, 2 * gap);
  kinds_grid->AddGrowableCol(1);
  for (const Kind& k : kinds) {
    auto* title = new wxStaticText(this, wxID_ANY, k.title);
    title->SetFont(title->GetFont().Bold());
    auto* words = new wxStaticText(this, wxID_ANY, k.words);
    words->Wrap(width - FromDIP(120));
    kinds_grid->Add(title, 0, wxALIGN_TOP);
    kinds_grid->Add(words, 1, wxEXPAND);
  }
  box->Add(kinds_grid, 0, wxLEFT | wxBOTTOM, 2 * gap);
  box->Add(text(_("After some entries the journal may ask one or two questions to go a layer "
                  "deeper, then it stops. It notices what repeats and counts it; what it "
                  "means is for you and your therapist, in the room. Before a session, the "
                  "weekly report gathers the week into a page or two you can bring.")),
           0, wxBOTTOM, 2 * gap);
  box->Add(text(_("Everything you write is encrypted on this computer and stays here. Only a "
                  "weekly report you have read and agreed to share can ever leave it.")),
           0, wxBOTTOM, 3 * gap);

  box->Add(wxcommon::MakeHeading(this, _("Your last session")), 0, wxBOTTOM, gap);
  date_label_ = new wxStaticText(
      this, wxID_ANY,
      _("&When was your last session? With its date, the journal can tell you what came up "
        "since then. This is optional: you can add it later under Sessions and threads."));
  date_label_->Wrap(width);
  box->Add(date_label_, 0, wxBOTTOM, gap);
  date_ = new DateField(this, wxDateTime::Today());
  date_->SetName(kDateName);
  wxcommon::SetAccessibleName(date_, _("The date of your last session"));
  save_date_ = new wxButton(this, wxID_ANY, _("&Save this date"));
  save_date_->SetName(kSaveDateName);
  auto* date_row = new wxBoxSizer(wxHORIZONTAL);
  date_row->Add(date_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
  date_row->Add(save_date_, 0, wxALIGN_CENTER_VERTICAL);
  box->Add(date_row, 0, wxBOTTOM, gap);
  message_ = new wxStaticText(this, wxID_ANY, wxString());
  message_->SetName("welcome_message");
  box->Add(message_, 0, wxBOTTOM, 2 * gap);

  start_ = new wxButton(this, wxID_ANY, _("Start &writing"));
  start_->SetName(kStartName);
  start_->SetToolTip(_("The Write page. This page comes back under Help (Shift+F1)."));
  box->Add(start_, 0, wxBOTTOM, gap);
  auto* later = text(_("Skipping the date is fine: until there is a session, patterns and the "
                       "report look at the last 14 days."));
  later->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  box->Add(later, 0);

  auto* outer = new wxBoxSizer(wxVERTICAL);
  outer->Add(box, 0, wxALL, 3 * gap);
  SetSizer(outer);
  FitInside();

  save_date_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SaveLastSession(); });
  start_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Start(); });
  Reset();
}

void WelcomePanel::Reset() {
  const wxDateTime now(static_cast<time_t>(host_.controller().clock().Now().unix_seconds));
  date_->SetDate(wxDateTime(now.GetDateOnly()).Subtract(wxDateSpan::Week()));
  message_->SetLabelText(wxString());
  message_->Hide();
  saved_ = false;
  save_date_->Enable();
  // Sessions on record (opened again from Help): say the latest rather
  // than ask, so a second one is not added by mistake.
  const std::optional<core::Timestamp> latest =
      host_.controller().lent() ? std::nullopt : LatestSession(host_.controller().journal());
  const bool asked = !latest;
  date_label_->Show(asked);
  date_->Show(asked);
  save_date_->Show(asked);
  if (latest) {
    // TRANSLATORS: %s is a day, "6 December 2026".
    wxcommon::SetFormMessage(
        message_,
        wxString::Format(_("Your sessions are under Sessions and threads (Ctrl+4); the latest "
                           "on record is on %s."),
                         wxcommon::ToWx(core::DayMonthYear(latest->LocalDate()))),
        kTextWidth);
  }
  Scroll(0, 0);
  Layout();
  FitInside();
}

void WelcomePanel::SetDay(const wxDateTime& day) { date_->SetDate(day); }

bool WelcomePanel::SaveLastSession() {
  JournalController& controller = host_.controller();
  if (controller.lent()) return false;
  wxDateTime when = date_->GetDate();
  when.SetHour(12);
  core::Session s;
  const int64_t seconds = when.GetTicks();
  s.at = core::Timestamp{seconds, core::LocalOffsetMinutesAt(seconds)};
  auto id = controller.AddSession(s);
  if (!id.ok()) {
    wxcommon::SetFormMessage(
        message_, wxcommon::DescribeStatus(id.status(), "add the session").message, kTextWidth);
    return false;
  }
  saved_ = true;
  save_date_->Disable();
  // TRANSLATORS: %s is a day, "6 December 2026".
  wxcommon::SetFormMessage(message_,
                           wxString::Format(_("Saved: your last session was on %s. Patterns and "
                                              "the report count from it."),
                                            wxcommon::ToWx(core::DayMonthYear(s.at.LocalDate()))),
                           kTextWidth);
  host_.JournalChanged();
  start_->SetFocus();
  return true;
}

void WelcomePanel::Start() {
  if (done_) done_();
}

wxString WelcomePanel::message_text() const { return message_->GetLabelText(); }

}  // namespace fieldnotes::client
