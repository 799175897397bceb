// fieldnotes: the client's desktop app. Everything lives in client_ui.
#include "ui/app.h"

wxIMPLEMENT_APP(fieldnotes::client::App);
