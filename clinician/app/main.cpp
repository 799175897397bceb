// fieldnotes-viewer: the clinician's desktop viewer. Everything lives in
// clinician_ui.
#include "clinician/ui/viewer_app.h"
#include "common/wx/info_options.h"
#include "common/wx/translations.h"
#include "core/i18n.h"

wxIMPLEMENT_APP_NO_MAIN(fieldnotes::clinician::ViewerApp);

int main(int argc, char** argv) {
  fieldnotes::core::InitLanguage();
  fieldnotes::wxcommon::SetUpTranslations();
  const fieldnotes::wxcommon::AppInfo info{
      "fieldnotes-viewer", FIELDNOTES_VERSION,
      // TRANSLATORS: the paragraph at the top of --help.
      wxTRANSLATE(
          "Fieldnotes Viewer: read the reports your clients chose to share with you. Each report "
          "is checked against the client's key and decrypted in memory; nothing is kept on disk. "
          "It uses the same key file as fieldnotes-clinician. FIELDNOTES_PASSPHRASE, when set, "
          "unlocks the key file without asking (for scripts)."),
      &fieldnotes::clinician::ViewerApp::AddOptions};
  if (const int code = fieldnotes::wxcommon::AnswerInfoOptions(argc, argv, info); code >= 0)
    return code;
  return wxEntry(argc, argv);
}
