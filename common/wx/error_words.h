// One place turns errors into words for people. A core::Status becomes a short, plain message, with
// the technical details kept behind it for a "details" expander; an exception that reached the main
// loop becomes the same.
//
// The words are calm and say what happened and what still holds ("nothing
// was changed"), never blame. Details are Status::ToString(), which core
// guarantees never holds entry text, passphrases or keys.
#ifndef FIELDNOTES_COMMON_WX_ERROR_WORDS_H_
#define FIELDNOTES_COMMON_WX_ERROR_WORDS_H_

#include <wx/string.h>

#include <exception>

#include "core/status.h"

class wxWindow;

namespace fieldnotes::wxcommon {

// Who reads the words: the client in the journal app (the default), or the
// clinician in the viewer, whose files are a key file and a state file and
// whose other side is the practice's server.
enum class Audience { kJournal, kClinician };

struct ErrorWords {
  wxString message;  // one or two sentences for the person
  wxString details;  // for a "details" expander, or a bug report
};

// `what_failed` is a whole translated sentence that says what could not be
// done, _("Fieldnotes could not save this entry."), shown before the reason.
// Empty: the reason alone. `status` must not be ok.
ErrorWords DescribeStatus(const core::Status& status, const wxString& what_failed = wxString(),
                          Audience audience = Audience::kJournal);

// The words for an exception that escaped to the main loop.
ErrorWords DescribeException(std::exception_ptr e);

// A modal message with the details behind an expander. `title` defaults to
// "Fieldnotes".
void ShowError(wxWindow* parent, const ErrorWords& words, const wxString& title = wxString());

}  // namespace fieldnotes::wxcommon

#endif  // FIELDNOTES_COMMON_WX_ERROR_WORDS_H_
