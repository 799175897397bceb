// The desktop apps speak the language core::InitLanguage chose: wx's `_()`
// and `wxPLURAL()` read the same gettext catalogs (domain "fieldnotes") as
// core::Tr, and wx's own stock words ("Cancel", the --help headings) come
// from wx's catalog, wxstd.
#ifndef FIELDNOTES_COMMON_WX_TRANSLATIONS_H_
#define FIELDNOTES_COMMON_WX_TRANSLATIONS_H_

namespace fieldnotes::wxcommon {

// Call in main(), right after core::InitLanguage() and before anything
// shows a word (--help is answered before wxWidgets starts, so this works
// without a wxApp). Installs wxTranslations in core::UiLanguage(), set
// explicitly (InitLanguage has taken LANGUAGE out of the environment), with
// the "fieldnotes" catalog from core::LocaleDir() and wxstd from the system.
// In a locale whose characters are not UTF-8 (LANG=C), the character type
// becomes C.UTF-8, so the UTF-8 literals of the sources read as themselves.
// Never fails: without a catalog, English is shown.
void SetUpTranslations();

// Call in wxApp::OnInit: wx's own formats (wxUILocale: dates in pickers,
// the first day of the week in calendars) follow the user's locale, while
// the message language stays the one InitLanguage chose.
void FollowLocale();

}  // namespace fieldnotes::wxcommon

#endif  // FIELDNOTES_COMMON_WX_TRANSLATIONS_H_
