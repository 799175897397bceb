// fieldnotes-server: see server/server_app.h and docs/server.md.
#include "server/server_app.h"

int main(int argc, char** argv) {
  fieldnotes::server::ServerApp app;
  return app.run(argc, argv);
}
