// fieldnotes-server: see server/server_app.h and docs/server.md.
#include "core/i18n.h"
#include "server/server_app.h"

int main(int argc, char** argv) {
  // The admin commands' help and messages in the administrator's language
  // (the HTTP API's JSON stays as it is: it is for programs).
  fieldnotes::core::InitLanguage();
  fieldnotes::server::ServerApp app;
  return app.run(argc, argv);
}
