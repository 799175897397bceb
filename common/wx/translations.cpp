// Why a loader of our own and not wxFileTranslationsLoader with
// AddCatalogLookupPathPrefix: that loader asks wxStandardPaths for more
// folders, which needs a wxApp, and --help is answered before there is one
// (common/wx/info_options.h). This one looks where core::InitLanguage
// looked, then in wx's own folder for wxstd.
#include "common/wx/translations.h"

#include <langinfo.h>
#include <locale.h>
#include <wx/dir.h>
#include <wx/filename.h>
#include <wx/translation.h>
#include <wx/uilocale.h>
#include <wx/utils.h>
#include <wx/version.h>

#include <cstring>
#include <string>

#include "common/wx/str_helpers.h"
#include "core/i18n.h"

namespace fieldnotes::wxcommon {
namespace {

// The message locale InitLanguage set (it may differ from the environment's
// when LANGUAGE chose the language), kept to restore after FollowLocale.
std::string& ChosenMessagesLocale() {
  static std::string name;
  return name;
}

wxArrayString Folders() {
  wxArrayString folders;
  folders.Add(ToWx(core::LocaleDir()));
  const wxString system = wxGetInstallPrefix().empty() ? wxString("/usr") : wxGetInstallPrefix();
  if (folders.Index(system + "/share/locale") == wxNOT_FOUND) folders.Add(system + "/share/locale");
  if (folders.Index("/usr/share/locale") == wxNOT_FOUND) folders.Add("/usr/share/locale");
  return folders;
}

class CatalogLoader : public wxTranslationsLoader {
 public:
  wxMsgCatalog* LoadCatalog(const wxString& domain, const wxString& lang) override {
    for (const wxString& folder : Folders()) {
      const wxString file = folder + "/" + lang + "/LC_MESSAGES/" + domain + ".mo";
      if (wxFileName::FileExists(file)) return wxMsgCatalog::CreateFromFile(file, domain);
    }
    return nullptr;
  }

  wxArrayString GetAvailableTranslations(const wxString& domain) const override {
    wxArrayString languages;
    for (const wxString& folder : Folders()) {
      wxDir dir;
      if (!wxDir::Exists(folder) || !dir.Open(folder)) continue;
      wxString lang;
      for (bool ok = dir.GetFirst(&lang, wxString(), wxDIR_DIRS); ok; ok = dir.GetNext(&lang)) {
        if (wxFileName::FileExists(folder + "/" + lang + "/LC_MESSAGES/" + domain + ".mo") &&
            languages.Index(lang) == wxNOT_FOUND)
          languages.Add(lang);
      }
    }
    return languages;
  }
};

}  // namespace

void SetUpTranslations() {
  const char* codeset = nl_langinfo(CODESET);
  if (codeset == nullptr || std::strcmp(codeset, "UTF-8") != 0) setlocale(LC_CTYPE, "C.UTF-8");
  if (const char* messages = setlocale(LC_MESSAGES, nullptr); messages != nullptr)
    ChosenMessagesLocale() = messages;

  auto* translations = new wxTranslations;
  translations->SetLoader(new CatalogLoader);
  // Our messages are plain English ("en"), so any other language, a regional
  // English included, loads its catalog.
  translations->SetLanguage(ToWx(core::UiLanguage()));
  wxTranslations::Set(translations);
  if (!translations->AddCatalog(
          "wxstd-" wxSTRINGIZE(wxMAJOR_VERSION) "." wxSTRINGIZE(wxMINOR_VERSION),
          wxLANGUAGE_ENGLISH)) {
    translations->AddCatalog("wxstd", wxLANGUAGE_ENGLISH);
  }
  translations->AddCatalog(core::kTextDomain, wxLANGUAGE_ENGLISH);
}

void FollowLocale() {
  wxUILocale::UseDefault();
  // UseDefault sets every category from the environment again; the message
  // language is the one InitLanguage chose (LANGUAGE may have chosen it).
  if (!ChosenMessagesLocale().empty()) setlocale(LC_MESSAGES, ChosenMessagesLocale().c_str());
  const char* codeset = nl_langinfo(CODESET);
  if (codeset == nullptr || std::strcmp(codeset, "UTF-8") != 0) setlocale(LC_CTYPE, "C.UTF-8");
}

}  // namespace fieldnotes::wxcommon
