// The core tests' language set-up, shared by the tests of core/i18n and
// core/display: the test catalogs (tests/data/i18n, compiled by msgfmt at
// build time) and the C.UTF-8 locale, so messages are English unless a
// ScopedLanguage says otherwise (the system's de_DE, fr_FR, es_ES locales,
// which packaging/install-deps.sh generates).
#ifndef FIELDNOTES_TESTS_CORE_LANGUAGE_FIXTURE_H_
#define FIELDNOTES_TESTS_CORE_LANGUAGE_FIXTURE_H_

#include <stdlib.h>

#include "core/i18n.h"

namespace fieldnotes::testing {

struct LanguageFixture {
  LanguageFixture() {
    static const bool once = [] {
      setenv("FIELDNOTES_LOCALEDIR", FIELDNOTES_BINARY_DIR "/tests/locale", 1);
      unsetenv("LANGUAGE");
      setenv("LC_ALL", "C.UTF-8", 1);
      core::InitLanguage();
      return true;
    }();
    (void)once;
  }
};

}  // namespace fieldnotes::testing

#endif  // FIELDNOTES_TESTS_CORE_LANGUAGE_FIXTURE_H_
