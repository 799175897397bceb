#include "ui/followup_panel.h"

#include <wx/button.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "common/wx/error_words.h"
#include "common/wx/screen_fit.h"
#include "common/wx/str_helpers.h"
#include "engine/journal_controller.h"
#include "ui/page_host.h"

namespace fieldnotes::client {

using wxcommon::ToUtf8;
using wxcommon::ToWx;

FollowUpPanel::FollowUpPanel(wxWindow* parent, PageHost& host)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_THEME | wxTAB_TRAVERSAL),
      host_(host) {
  SetName("followup_panel");
  const int gap = FromDIP(8);
  heading_ = new wxStaticText(this, wxID_ANY, wxString());
  heading_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  question_ = new wxStaticText(this, wxID_ANY, wxString());
  question_->SetFont(question_->GetFont().Scaled(1.15f));
  answer_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                           wxTE_PROCESS_ENTER);
  answer_->SetName(kAnswerName);
  answer_->SetHint(_("Your answer, in your own words"));
  save_ = new wxButton(this, wxID_ANY, _("Save answer"));
  skip_ = new wxButton(this, wxID_ANY, _("S&kip"));
  auto* hint = new wxStaticText(this, wxID_ANY, _("Enter saves your answer. Esc skips."));
  hint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));

  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->Add(hint, 1, wxALIGN_CENTER_VERTICAL);
  buttons->Add(skip_, 0, wxRIGHT, gap);
  buttons->Add(save_, 0);
  auto* box = new wxBoxSizer(wxVERTICAL);
  box->Add(heading_, 0, wxLEFT | wxRIGHT | wxTOP, gap);
  box->Add(question_, 0, wxALL, gap);
  box->Add(answer_, 0, wxEXPAND | wxLEFT | wxRIGHT, gap);
  box->Add(buttons, 0, wxEXPAND | wxALL, gap);
  SetSizer(box);

  answer_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { Answer(); });
  save_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Answer(); });
  skip_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Skip(); });
  Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
    if (e.GetKeyCode() == WXK_ESCAPE) {
      Skip();
    } else {
      e.Skip();
    }
  });
  Hide();
}

void FollowUpPanel::Ask(const std::string& id, const std::vector<core::FollowUp>& questions) {
  entry_id_ = id;
  questions_ = questions;
  current_ = 0;
  while (current_ < questions_.size() && !questions_[current_].answer.empty()) ++current_;
  if (current_ >= questions_.size()) {
    Stop();
    return;
  }
  Show();
  ShowCurrent();
  answer_->SetFocus();
}

void FollowUpPanel::ShowCurrent() {
  heading_->SetLabelText(
      questions_.size() == 1
          ? _("One question, if you want to go a layer deeper:")
          : wxString::Format(_("If you want to go a layer deeper (question %zu of %zu):"),
                             current_ + 1, questions_.size()));
  question_->SetLabelText(ToWx(questions_[current_].question));
  question_->Wrap(std::max(GetClientSize().GetWidth() - FromDIP(24), FromDIP(400)));
  answer_->ChangeValue(wxString());
  wxcommon::RelayoutParent(this);
}

wxString FollowUpPanel::question() const {
  return IsShown() ? question_->GetLabelText() : wxString();
}

void FollowUpPanel::Answer() {
  if (!IsShown() || current_ >= questions_.size()) return;
  const std::string answer = ToUtf8(answer_->GetValue());
  if (!answer.empty()) {
    core::Status s =
        host_.controller().AnswerQuestion(entry_id_, static_cast<int>(current_) + 1, answer);
    if (!s.ok()) {
      wxcommon::ShowError(this, wxcommon::DescribeStatus(s, _("Fieldnotes could not save your answer.")));
      return;
    }
    host_.SetStatus(_("Your answer is saved with the entry."));
  }
  answer_->ChangeValue(wxString());
  const std::string id = entry_id_;
  if (++current_ >= questions_.size())
    Stop();
  else
    ShowCurrent();
  // An answer is read for safety like every other field.
  if (!answer.empty()) host_.EntrySaved(id, false);
}

void FollowUpPanel::Skip() {
  if (!IsShown()) return;
  answer_->ChangeValue(wxString());
  if (++current_ >= questions_.size()) {
    Stop();
    host_.SetStatus(_("Saved."));
  } else {
    ShowCurrent();
  }
}

void FollowUpPanel::Stop() {
  entry_id_.clear();
  questions_.clear();
  current_ = 0;
  answer_->ChangeValue(wxString());
  question_->SetLabelText(wxString());
  Hide();
  wxcommon::RelayoutParent(this);
}

}  // namespace fieldnotes::client
