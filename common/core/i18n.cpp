// Why gettext's C functions and not a catalog reader of our own: the .mo
// format, plural-form expressions and the locale rules (LANGUAGE, LC_ALL,
// LC_MESSAGES, LANG) are gettext's, and glibc's implementation is the one
// every Debian program uses; wx reads the same files.
#include "core/i18n.h"

#include <libintl.h>
#include <locale.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <system_error>
#include <vector>

namespace fieldnotes::core {
namespace {

namespace fs = std::filesystem;

std::string& ChosenLocaleDir() {
  static std::string dir;
  return dir;
}

std::string& ChosenLanguage() {
  static std::string language = "en";
  return language;
}

// The locale name the current thread's ScopedLanguage set ("" when none).
thread_local std::string scoped_locale_name;

bool IsDirectory(const std::string& path) {
  std::error_code ec;
  return !path.empty() && fs::is_directory(path, ec);
}

std::string ExecutableDir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : exe.parent_path().string();
}

std::string FindLocaleDir() {
  if (const char* env = std::getenv("FIELDNOTES_LOCALEDIR"); env != nullptr && IsDirectory(env)) {
    return env;
  }
  if (const std::string exe_dir = ExecutableDir(); !exe_dir.empty()) {
    std::string beside = exe_dir + "/../share/locale";
    if (IsDirectory(beside)) return beside;
  }
#ifdef FIELDNOTES_BUILD_LOCALEDIR
  if (IsDirectory(FIELDNOTES_BUILD_LOCALEDIR)) return FIELDNOTES_BUILD_LOCALEDIR;
#endif
#ifdef FIELDNOTES_INSTALL_LOCALEDIR
  return FIELDNOTES_INSTALL_LOCALEDIR;
#else
  return "/usr/share/locale";
#endif
}

// "de_DE.UTF-8@euro" -> {"de_DE", "de"}: the catalog names gettext would
// try for a locale name, most specific first.
std::vector<std::string> CatalogNames(std::string_view locale_name) {
  std::string name(locale_name.substr(0, locale_name.find_first_of(".@")));
  std::vector<std::string> names;
  if (name.empty() || name == "C" || name == "POSIX") return names;
  names.push_back(name);
  if (const auto underscore = name.find('_'); underscore != std::string::npos) {
    names.push_back(name.substr(0, underscore));
  }
  return names;
}

bool HasCatalog(const std::string& catalog) {
  std::error_code ec;
  return catalog == "en" ||
         fs::exists(ChosenLocaleDir() + "/" + catalog + "/LC_MESSAGES/" + kTextDomain + ".mo", ec);
}

// Locale names to try for a language given as "de" (or as a full name).
std::vector<std::string> LocaleCandidates(const std::string& language) {
  if (language.find_first_of("_.@") != std::string::npos) return {language};
  static const struct {
    const char* language;
    const char* regions;
  } kRegions[] = {
      {"de", "DE AT CH"},       {"fr", "FR BE CA CH"}, {"es", "ES MX AR US"},
      {"en", "US GB IE AU CA"}, {"it", "IT CH"},       {"pt", "PT BR"},
      {"nl", "NL BE"},          {"pl", "PL"},          {"ru", "RU"},
  };
  std::vector<std::string> out;
  for (const auto& r : kRegions) {
    if (language != r.language) continue;
    std::string_view regions = r.regions;
    while (!regions.empty()) {
      const auto space = regions.find(' ');
      out.push_back(language + "_" + std::string(regions.substr(0, space)) + ".UTF-8");
      regions = space == std::string_view::npos ? std::string_view() : regions.substr(space + 1);
    }
  }
  if (language == "en") out.push_back("C.UTF-8");
  return out;
}

}  // namespace

const char* Tr(const char* msgid) { return dgettext(kTextDomain, msgid); }

const char* TrN(const char* singular, const char* plural, unsigned long n) {
  return dngettext(kTextDomain, singular, plural, n);
}

const char* TrC(const char* context, const char* msgid) {
  // gettext's msgctxt convention: the key is context EOT msgid.
  std::string key = std::string(context) + '\004' + msgid;
  const char* found = dgettext(kTextDomain, key.c_str());
  return found == key.c_str() ? msgid : found;
}

namespace i18n_internal {

std::string FillPlaceholders(std::string_view pattern, const std::string* args, std::size_t count) {
  std::string out;
  out.reserve(pattern.size() + 16 * count);
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    auto digit = [&](std::size_t at) {
      return at < pattern.size() && pattern[at] >= '0' && pattern[at] <= '9';
    };
    if (c == '%' && digit(i + 1)) {
      // Qt's rule: one or two digits, 1 to 99.
      std::size_t index = static_cast<std::size_t>(pattern[i + 1] - '0');
      std::size_t end = i + 2;
      if (digit(end)) {
        index = index * 10 + static_cast<std::size_t>(pattern[end] - '0');
        ++end;
      }
      if (index >= 1 && index <= count) {
        out += args[index - 1];
        i = end - 1;
        continue;
      }
    }
    out += c;
  }
  return out;
}

}  // namespace i18n_internal

void InitLanguage() {
  if (setlocale(LC_ALL, "") == nullptr) setlocale(LC_ALL, "C.UTF-8");
  // Numbers for people come from ICU (core/display.h FormatDecimal); the C
  // library's stay those of C, so printf, strtod and std::to_string write
  // and read "3.5" in every locale: a PDF content stream, a JSON number, a
  // bench's output never get a decimal comma.
  setlocale(LC_NUMERIC, "C");
  ChosenLocaleDir() = FindLocaleDir();
  bindtextdomain(kTextDomain, ChosenLocaleDir().c_str());
  bind_textdomain_codeset(kTextDomain, "UTF-8");

  const char* messages = setlocale(LC_MESSAGES, nullptr);
  const std::string messages_locale = messages != nullptr ? messages : "C";
  // LANGUAGE is a list of languages in order of preference; gettext reads
  // it before the locale (unless the locale is C). Decide once, here, and
  // take it out of the environment: otherwise it would also override a
  // ScopedLanguage (a report written for a reader of another language).
  std::string chosen;
  const char* language_list = std::getenv("LANGUAGE");
  if (language_list != nullptr && !CatalogNames(messages_locale).empty()) {
    std::string_view list = language_list;
    while (chosen.empty() && !list.empty()) {
      const auto colon = list.find(':');
      for (const std::string& name : CatalogNames(list.substr(0, colon))) {
        if (HasCatalog(name)) {
          chosen = name;
          break;
        }
      }
      list = colon == std::string_view::npos ? std::string_view() : list.substr(colon + 1);
    }
  }
  if (language_list != nullptr) unsetenv("LANGUAGE");
  if (!chosen.empty()) {
    const auto from_locale = CatalogNames(messages_locale);
    if (std::find(from_locale.begin(), from_locale.end(), chosen) == from_locale.end()) {
      for (const std::string& candidate : LocaleCandidates(chosen)) {
        if (setlocale(LC_MESSAGES, candidate.c_str()) != nullptr) break;
      }
    }
  } else {
    for (const std::string& name : CatalogNames(messages_locale)) {
      if (HasCatalog(name)) {
        chosen = name;
        break;
      }
    }
  }
  ChosenLanguage() = chosen.empty() ? "en" : chosen;
}

const std::string& LocaleDir() {
  if (ChosenLocaleDir().empty()) ChosenLocaleDir() = FindLocaleDir();
  return ChosenLocaleDir();
}

std::string UiLanguage() { return ChosenLanguage(); }

std::string TimeLocaleName() {
  if (!scoped_locale_name.empty()) return scoped_locale_name;
  const char* time = setlocale(LC_TIME, nullptr);
  return time != nullptr ? time : "C";
}

ScopedLanguage::ScopedLanguage(const std::string& language) {
  locale_t base = duplocale(LC_GLOBAL_LOCALE);
  if (base == nullptr) return;
  for (const std::string& candidate : LocaleCandidates(language)) {
    locale_t made = newlocale(LC_MESSAGES_MASK | LC_TIME_MASK, candidate.c_str(), base);
    if (made != nullptr) {
      locale_ = made;
      previous_ = uselocale(made);
      previous_name_ = scoped_locale_name;
      scoped_locale_name = candidate;
      return;
    }
  }
  freelocale(base);
}

ScopedLanguage::~ScopedLanguage() {
  if (locale_ == nullptr) return;
  uselocale(static_cast<locale_t>(previous_));
  freelocale(static_cast<locale_t>(locale_));
  scoped_locale_name = previous_name_;
}

}  // namespace fieldnotes::core
