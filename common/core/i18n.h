// Words for people in their own language: the one way every user-facing
// string in Fieldnotes is translated (docs/translating.md).
//
// English is the source language. Catalogs are GNU gettext catalogs of the
// domain "fieldnotes" (po/, compiled with msgfmt). wx code uses wx's own
// `_()` and `wxPLURAL()`, which read the same catalogs through
// wxTranslations; everything else uses the functions below.
//
// Rules for a message (so translators can do their work):
//  - whole sentences with placeholders, never fragments glued together;
//  - placeholders are numbered, "%1 times since %2" (Format below), so
//    a translation may reorder them;
//  - counts go through TrN, which picks the language's plural form;
//  - a `// TRANSLATORS:` comment just before the string says what a
//    translator cannot see (where it appears, what a placeholder holds).
#ifndef FIELDNOTES_CORE_I18N_H_
#define FIELDNOTES_CORE_I18N_H_

#include <concepts>
#include <string>
#include <string_view>
#include <type_traits>

// Marks a string for extraction without translating it where it stands (a
// table of labels); translate it where it is shown, with Tr(table[i]).
// wxWidgets defines the same macro, as (s), when it comes first.
#ifndef N_
#define N_(msgid) (msgid)
#endif

namespace fieldnotes::core {

// The gettext domain of every Fieldnotes catalog.
inline constexpr const char kTextDomain[] = "fieldnotes";

// The translation of `msgid` in the current thread's message language, or
// `msgid` itself when there is none. The result lives as long as the
// program (gettext's catalogs are never unloaded). `msgid` must not be null.
const char* Tr(const char* msgid) __attribute__((format_arg(1)));

// The plural form for `n` of a message with a singular and a plural English
// form ("%d entry" / "%d entries"), from the catalog's Plural-Forms rule.
const char* TrN(const char* singular, const char* plural, unsigned long n)
    __attribute__((format_arg(1))) __attribute__((format_arg(2)));

// Tr for a message whose English words mean different things in different
// places ("Open" a file, "Open" as a state): `context` tells them apart in
// the catalog and is never shown.
const char* TrC(const char* context, const char* msgid) __attribute__((format_arg(2)));

// A translated message with its placeholders filled: "%1", "%2", … "%99"
// are the first, second, … argument (Qt's QString::arg convention, which
// translators and their editors know), so a translation may put them in
// any order; any other "%" is itself. Arguments are strings (std::string,
// std::string_view, const char*) or integers; format dates and other
// numbers for people first (core/display.h). A placeholder without an
// argument stays as written, so a bad translation shows, never crashes.
//   Format(Tr("You wrote about this %1 times since %2."), n, day)
// The extractor marks these messages qt-format (xgettext --qt), so `msgfmt
// --check` refuses a translation whose placeholders differ from English.
template <typename... Args>
std::string Format(std::string_view pattern, const Args&... args);

// Sets the program up to speak the user's language: the locale from the
// environment (LANG, LC_ALL, LANGUAGE), and where the catalogs are. Call
// once at the start of main(), before any thread starts. The catalogs are
// looked for in $FIELDNOTES_LOCALEDIR, then <executable>/../share/locale,
// then the build tree's locale folder (when running from a build), then
// the installed prefix's share/locale. Never fails: without a catalog,
// English is shown.
void InitLanguage();

// The folder InitLanguage chose, holding <lang>/LC_MESSAGES/fieldnotes.mo
// (the wx apps give it to wxFileTranslationsLoader).
const std::string& LocaleDir();

// The language the user's messages are in, as a catalog name: "de", "fr",
// "es", or "en" when the locale asks for a language without a catalog.
std::string UiLanguage();

// The locale name dates and times are written in on the calling thread
// ("de_DE.UTF-8"): the ScopedLanguage's when one is active, else the
// program's LC_TIME. core/display.h builds its ICU formats from it.
std::string TimeLocaleName();

// While it lives, messages (Tr, TrN, TrC), and the dates and numbers of
// core/display.h, on the calling thread only are in `language` ("de",
// "fr", "es", "en", or a full locale name such as "de_AT.UTF-8"): a report
// written in the language its reader reads, whatever the app's language.
// Other threads are not affected. When the system has no locale for the
// language, the thread's language stays as it was and active() is false.
class ScopedLanguage {
 public:
  explicit ScopedLanguage(const std::string& language);
  ~ScopedLanguage();
  ScopedLanguage(const ScopedLanguage&) = delete;
  ScopedLanguage& operator=(const ScopedLanguage&) = delete;

  bool active() const { return locale_ != nullptr; }

 private:
  void* locale_ = nullptr;    // locale_t made for this scope
  void* previous_ = nullptr;  // the thread's locale_t before it
  std::string previous_name_;
};

namespace i18n_internal {
inline std::string ToText(std::string_view s) { return std::string(s); }
inline std::string ToText(const char* s) { return s != nullptr ? s : ""; }
template <std::integral T>
requires(!std::same_as<T, bool> && !std::same_as<T, char>) std::string ToText(T n) {
  return std::to_string(n);
}
// Fills "%N" in `pattern` from `args` (already text).
std::string FillPlaceholders(std::string_view pattern, const std::string* args, std::size_t count);
}  // namespace i18n_internal

template <typename... Args>
std::string Format(std::string_view pattern, const Args&... args) {
  if constexpr (sizeof...(Args) == 0) {
    return i18n_internal::FillPlaceholders(pattern, nullptr, 0);
  } else {
    const std::string texts[] = {i18n_internal::ToText(args)...};
    return i18n_internal::FillPlaceholders(pattern, texts, sizeof...(Args));
  }
}

}  // namespace fieldnotes::core

#endif  // FIELDNOTES_CORE_I18N_H_
