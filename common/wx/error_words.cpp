#include "common/wx/error_words.h"

#include <wx/richmsgdlg.h>

#include <new>
#include <stdexcept>

#include "common/wx/str_helpers.h"

namespace fieldnotes::wxcommon {
namespace {

using Code = core::Status::Code;

wxString Reason(Code code) {
  switch (code) {
    case Code::kOk:
      return wxString();
    case Code::kWrongPassphrase:
      return _("That passphrase does not open this journal.");
    case Code::kNotFound:
      return _("It is not there any more.");
    case Code::kInvalidArgument:
      return _("Something in it is not in a form Fieldnotes can keep.");
    case Code::kCorruption:
      return _(
          "Part of the journal could not be read, so it may be damaged. Nothing was changed. "
          "\"fieldnotes-cli check\" can list what is affected.");
    case Code::kIoError:
      return _(
          "The computer could not read or write the journal file. Check that there is free "
          "space and that the folder is still there.");
    case Code::kBusy:
      return _(
          "Another Fieldnotes window or program is using the journal right now. Wait a "
          "moment and try again.");
    case Code::kUnsupported:
      return _(
          "This journal was made by a newer version of Fieldnotes. Updating the app will "
          "open it; nothing was changed.");
    case Code::kAlreadyExists:
      return _("There is already one with that name.");
    case Code::kInternal:
      return _("Something went wrong inside Fieldnotes. Nothing you wrote was lost.");
    case Code::kUnauthenticated:
      return _(
          "The sharing service did not recognise this computer. Nothing was shared; linking "
          "again sets it right.");
    case Code::kUnavailable:
      return _(
          "The sharing service could not be reached just now. Nothing was lost; try again "
          "later.");
    case Code::kRefused:
      return _(
          "Fieldnotes stopped here to keep what you share safe: something about the other "
          "side could not be checked. Nothing was shared.");
  }
  return _("Something went wrong.");
}

// The viewer's words where they differ from the journal's.
wxString ClinicianReason(Code code) {
  switch (code) {
    case Code::kWrongPassphrase:
      return _("That passphrase does not open this key file.");
    case Code::kCorruption:
      return _(
          "Something could not be read, so it may be damaged. Nothing was shown and nothing "
          "was changed.");
    case Code::kIoError:
      return _(
          "The computer could not read or write the viewer's files. Check that there is free "
          "space and that the folder is still there.");
    case Code::kBusy:
      return _(
          "fieldnotes-clinician or another viewer is using your key file right now. Close it "
          "and try again.");
    case Code::kUnsupported:
      return _("It was made by a newer version of Fieldnotes. Updating the viewer will open it.");
    case Code::kInternal:
      return _("Something went wrong inside the viewer. Nothing was lost.");
    case Code::kUnauthenticated:
      return _("The server did not accept your sign-in. Signing in again sets it right.");
    case Code::kUnavailable:
      return _(
          "The practice's server could not be reached just now. Nothing was lost; try again "
          "in a moment.");
    case Code::kRefused:
      return _(
          "The viewer stopped here to keep your clients' reports safe: something could not "
          "be checked.");
    default:
      return Reason(code);
  }
}

}  // namespace

ErrorWords DescribeStatus(const core::Status& status, const wxString& what_failed,
                          Audience audience) {
  ErrorWords words;
  words.message =
      audience == Audience::kClinician ? ClinicianReason(status.code()) : Reason(status.code());
  // TRANSLATORS: two sentences: %1$s says what could not be done ("Fieldnotes
  // could not save this entry."), %2$s why, and what still holds.
  if (!what_failed.empty())
    words.message = wxString::Format(_("%1$s %2$s"), what_failed, words.message);
  words.details = ToWx(status.ToString());
  return words;
}

ErrorWords DescribeException(std::exception_ptr e) {
  ErrorWords words;
  words.message =
      _("Something went wrong inside Fieldnotes. What you saved is safe in your journal.");
  try {
    std::rethrow_exception(e);
  } catch (const std::bad_alloc&) {
    words.message = _("The computer ran out of memory. What you saved is safe in your journal.");
    words.details = "std::bad_alloc";
  } catch (const std::exception& ex) {
    words.details = ToWx(ex.what());
  } catch (...) {
    words.details = "unknown exception";
  }
  return words;
}

void ShowError(wxWindow* parent, const ErrorWords& words, const wxString& title) {
  wxRichMessageDialog dialog(parent, words.message, title.empty() ? _("Fieldnotes") : title,
                             wxOK | wxICON_INFORMATION | wxCENTRE);
  if (!words.details.empty()) dialog.ShowDetailedText(words.details);
  dialog.ShowModal();
}

}  // namespace fieldnotes::wxcommon
