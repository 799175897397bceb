// fieldnotes: the client's desktop app. Everything lives in client_ui.
#include "common/wx/info_options.h"
#include "common/wx/translations.h"
#include "core/i18n.h"
#include "ui/app.h"

wxIMPLEMENT_APP_NO_MAIN(fieldnotes::client::App);

int main(int argc, char** argv) {
  fieldnotes::core::InitLanguage();
  fieldnotes::wxcommon::SetUpTranslations();
  const fieldnotes::wxcommon::AppInfo info{
      "fieldnotes", FIELDNOTES_VERSION,
      // TRANSLATORS: the paragraph at the top of --help.
      wxTRANSLATE(
          "Fieldnotes: a private journal for the days between therapy sessions. Write down the "
          "moments that move you while they are still detailed; before a session, read what "
          "repeated and turn the week into a short report you can print or, only if you choose, "
          "share end to end encrypted with your therapist. The journal is encrypted with your "
          "passphrase and never leaves your computer. FIELDNOTES_PASSPHRASE, when set, unlocks "
          "the journal without asking (for scripts)."),
      &fieldnotes::client::App::AddOptions};
  if (const int code = fieldnotes::wxcommon::AnswerInfoOptions(argc, argv, info); code >= 0)
    return code;
  return wxEntry(argc, argv);
}
