// fieldnotes-server: a Poco ServerApplication with four commands
// (docs/server.md):
//   init --dir DIR [--port N]          configuration, certificate, database
//   run --dir DIR [--set KEY=VALUE]... serve until SIGTERM
//   admin add-clinician|disable|enable|reset-password EMAIL --dir DIR
//   admin list --dir DIR
//   admin backup --dir DIR --to FILE   a consistent copy, while it runs
//   admin restore --from FILE --dir NEWDIR
//   audit verify --dir DIR
// Passwords are read from standard input, one line. While `run` serves,
// SIGHUP reloads the certificate and key, SIGTERM/SIGINT stop it.
#ifndef FIELDNOTES_SERVER_SERVER_APP_H_
#define FIELDNOTES_SERVER_SERVER_APP_H_

#include <string>
#include <utility>
#include <vector>

#include <Poco/Util/ServerApplication.h>

namespace fieldnotes::server {

class ServerApp final : public Poco::Util::ServerApplication {
 public:
  ServerApp();
  ~ServerApp() override;

 protected:
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  int main(const std::vector<std::string>& args) override;

 private:
  int Serve();  // `run`: not Poco's run(), which main() is called from
  void DisplayHelp();

  bool help_ = false;
  bool version_ = false;
  std::string dir_;
  std::string database_;       // init --database
  std::string password_file_;  // init --password-file
  std::string to_;             // admin backup --to, admin migrate --to
  std::string from_;  // admin restore --from
  int port_ = -1;  // -1: from the configuration
  std::vector<std::pair<std::string, std::string>> overrides_;
};

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_SERVER_APP_H_
