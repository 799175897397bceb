#include "common/wx/info_options.h"

#include <wx/translation.h>

#include <cstdio>
#include <string_view>

namespace fieldnotes::wxcommon {

int AnswerInfoOptions(int argc, char** argv, const AppInfo& info) {
  bool help = false;
  bool version = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") break;
    help |= arg == "-h" || arg == "--help";
    version |= arg == "--version";
  }
  if (version && !help) {
    std::printf("%s %s\n", info.program, info.version);
    return 0;
  }
  if (!help) return -1;
  // The options wxApp itself adds, then the app's.
  wxCmdLineParser parser(argc, argv);
  parser.SetLogo(wxGetTranslation(wxString::FromUTF8(info.description)));
  parser.AddSwitch("h", "help", _("show this help and exit"), wxCMD_LINE_OPTION_HELP);
  parser.AddSwitch("", "version", _("show the version and exit"));
  parser.AddSwitch("", "verbose", _("log more while running"));
  info.add_options(parser);
  std::fputs(parser.GetUsageString().utf8_str().data(), stdout);
  return 0;
}

}  // namespace fieldnotes::wxcommon
