// Folding for case- and accent-insensitive search.
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>

#include "core/json.h"
#include "core/text.h"

namespace text = fieldnotes::core::text;

namespace {

using namespace std::string_literals;

const std::string kReplacement = "\xEF\xBF\xBD";  // U+FFFD

std::string Utf8(char32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(text_fold)

BOOST_AUTO_TEST_CASE(ascii_is_lower_cased_and_nothing_else) {
  BOOST_TEST(text::Fold("") == "");
  BOOST_TEST(text::Fold("Hello, WORLD! 123") == "hello, world! 123");
  BOOST_TEST(text::Fold("@[\\]^_`{|}~") == "@[\\]^_`{|}~");  // neighbours of A-Z and a-z
  BOOST_TEST(text::Fold("a\0B"s) == "a\0b"s);
  // Every ASCII byte at every position of the eight-byte fast path.
  std::string all, expected;
  for (int c = 0; c < 0x80; ++c) {
    all += static_cast<char>(c);
    expected += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  for (size_t shift = 0; shift < 9; ++shift) {
    const std::string pad(shift, 'Q');
    BOOST_TEST(text::Fold(pad + all + pad) ==
               std::string(shift, 'q') + expected + std::string(shift, 'q'));
  }
}

BOOST_AUTO_TEST_CASE(latin_letters) {
  BOOST_TEST(text::Fold("\xC3\x89") == "e");  // É
  BOOST_TEST(text::Fold("\xC3\xA9") == "e");  // é
  BOOST_TEST(text::Fold("E") == "e");
  BOOST_TEST(text::Fold("Caf\xC3\xA9 CR\xC3\x88ME") == "cafe creme");
  BOOST_TEST(text::Fold("Stra\xC3\x9F"
                        "e") == "strasse");                            // Straße
  BOOST_TEST(text::Fold("\xE1\xBA\x9E") == "ss");                      // ẞ
  BOOST_TEST(text::Fold("\xC5\x92uvre \xC5\x93uf") == "oeuvre oeuf");  // Œuvre œuf
  BOOST_TEST(text::Fold("\xC3\x86sop") == "aesop");                    // Æsop
  BOOST_TEST(text::Fold("\xC3\x85ngstr\xC3\xB6m") == "angstrom");      // Ångström
  BOOST_TEST(text::Fold("\xC3\x98resund") == "oresund");               // Øresund
  BOOST_TEST(text::Fold("\xC5\x81\xC3\xB3"
                        "d\xC5\xBA") == "lodz");                         // Łódź
  BOOST_TEST(text::Fold("\xC4\xB0stanbul \xC4\xB1") == "istanbul i");    // İstanbul ı
  BOOST_TEST(text::Fold("\xC3\x9E\xC3\xB3r \xC3\xB0") == "thor d");      // Þór ð
  BOOST_TEST(text::Fold("\xC3\x91o\xC3\xB1o") == "nono");                // Ñoño
  BOOST_TEST(text::Fold("\xC4\x8C\xC5\xA1\xC5\xBE\xC5\x99") == "cszr");  // Čšžř
  BOOST_TEST(text::Fold("\xC8\x98\xC8\x9B") == "st");                    // Șț (Latin Extended-B)
  BOOST_TEST(text::Fold("\xC7\x84") == "dz");                            // Ǆ
  BOOST_TEST(text::Fold("\xC2\xAA\xC2\xBA") == "ao");                    // ª º
  // Not letters: kept.
  BOOST_TEST(text::Fold("\xC3\x97\xC3\xB7\xC2\xA0\xC2\xA9") == "\xC3\x97\xC3\xB7\xC2\xA0\xC2\xA9");
}

BOOST_AUTO_TEST_CASE(vietnamese_and_latin_extended_additional) {
  BOOST_TEST(text::Fold("Ti\xE1\xBA\xBFng Vi\xE1\xBB\x87t") == "tieng viet");  // Tiếng Việt
  BOOST_TEST(text::Fold("\xC4\x90\xE1\xBA\xB7ng") == "dang");                  // Đặng
  BOOST_TEST(text::Fold("\xE1\xBB\xA8 \xE1\xBB\xB9 \xC6\xA0") == "u y o");     // Ứ ỹ Ơ
  BOOST_TEST(text::Fold("\xE1\xBA\x80") == "w");                               // Ẁ (Welsh)
}

BOOST_AUTO_TEST_CASE(greek) {
  BOOST_TEST(text::Fold("\xCE\x86\xCE\xBB\xCF\x86\xCE\xB1") ==
             "\xCE\xB1\xCE\xBB\xCF\x86\xCE\xB1");  // Άλφα -> αλφα
  // Final sigma folds to sigma: λόγος -> λογοσ, ΛΌΓΟΣ -> λογοσ.
  const std::string logos = "\xCE\xBB\xCE\xBF\xCE\xB3\xCE\xBF\xCF\x83";
  BOOST_TEST(text::Fold("\xCE\xBB\xCF\x8C\xCE\xB3\xCE\xBF\xCF\x82") == logos);
  BOOST_TEST(text::Fold("\xCE\x9B\xCE\x8C\xCE\x93\xCE\x9F\xCE\xA3") == logos);
  // Dialytika, with and without tonos: Ϊ ϊ ΐ ΰ -> ι ι ι υ.
  BOOST_TEST(text::Fold("\xCE\xAA\xCF\x8A\xCE\x90\xCE\xB0") == "\xCE\xB9\xCE\xB9\xCE\xB9\xCF\x85");
  // All seven capitals with tonos.
  BOOST_TEST(text::Fold("\xCE\x86\xCE\x88\xCE\x89\xCE\x8A\xCE\x8C\xCE\x8E\xCE\x8F") ==
             "\xCE\xB1\xCE\xB5\xCE\xB7\xCE\xB9\xCE\xBF\xCF\x85\xCF\x89");
  // Polytonic: ἌΝΘΡΩΠΟΣ and ἄνθρωπος -> ανθρωποσ; ᾯ -> ω.
  const std::string anthropos = "\xCE\xB1\xCE\xBD\xCE\xB8\xCF\x81\xCF\x89\xCF\x80\xCE\xBF\xCF\x83";
  BOOST_TEST(text::Fold("\xE1\xBC\x84\xCE\xBD\xCE\xB8\xCF\x81\xCF\x89\xCF\x80\xCE\xBF\xCF\x82") ==
             anthropos);
  BOOST_TEST(text::Fold("\xE1\xBC\x8C\xCE\x9D\xCE\x98\xCE\xA1\xCE\xA9\xCE\xA0\xCE\x9F\xCE\xA3") ==
             anthropos);
  BOOST_TEST(text::Fold("\xE1\xBE\xAF") == "\xCF\x89");
  BOOST_TEST(text::Fold("\xC2\xB5") == "\xCE\xBC");  // micro sign -> μ
  // Greek in decomposed form: α + U+0301 -> α.
  BOOST_TEST(text::Fold("\xCE\x91\xCC\x81") == "\xCE\xB1");
}

BOOST_AUTO_TEST_CASE(cyrillic) {
  const std::string elka = "\xD0\xB5\xD0\xBB\xD0\xBA\xD0\xB0";                 // елка
  BOOST_TEST(text::Fold("\xD0\x81\xD0\xBB\xD0\xBA\xD0\xB0") == elka);          // Ёлка
  BOOST_TEST(text::Fold("\xD1\x91\xD0\xBB\xD0\xBA\xD0\xB0") == elka);          // ёлка
  BOOST_TEST(text::Fold("\xD0\x95\xD0\x9B\xD0\x9A\xD0\x90") == elka);          // ЕЛКА
  BOOST_TEST(text::Fold("\xD0\xB5\xCC\x88\xD0\xBB\xD0\xBA\xD0\xB0") == elka);  // е + U+0308
  BOOST_TEST(text::Fold("\xD0\x9F\xD0\xA0\xD0\x98\xD0\x92\xD0\x95\xD0\xA2") ==
             "\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");  // ПРИВЕТ -> привет
  // Й is a letter of its own: lower-cased, never folded to и, also when
  // written decomposed (И + U+0306).
  const std::string yod = "\xD0\xB9\xD0\xBE\xD0\xB4";  // йод
  BOOST_TEST(text::Fold("\xD0\x99\xD0\xBE\xD0\xB4") == yod);
  BOOST_TEST(text::Fold(yod) == yod);
  BOOST_TEST(text::Fold("\xD0\x98\xCC\x86\xD0\xBE\xD0\xB4") == yod);
  // Ukrainian ї and Belarusian ў stay, precomposed or not.
  BOOST_TEST(text::Fold("\xD0\x87") == "\xD1\x97");
  BOOST_TEST(text::Fold("\xD1\x96\xCC\x88") == "\xD1\x97");
  BOOST_TEST(text::Fold("\xD0\x8E") == "\xD1\x9E");
  BOOST_TEST(text::Fold("\xD1\x83\xCC\x86") == "\xD1\x9E");
  // A stress mark on a vowel goes: молоко́ -> молоко.
  BOOST_TEST(text::Fold("\xD0\xBC\xD0\xBE\xD0\xBB\xD0\xBE\xD0\xBA\xD0\xBE\xCC\x81") ==
             "\xD0\xBC\xD0\xBE\xD0\xBB\xD0\xBE\xD0\xBA\xD0\xBE");
  BOOST_TEST(text::Fold("\xD2\x90") == "\xD2\x91");  // Ґ -> ґ
}

BOOST_AUTO_TEST_CASE(combining_marks_are_dropped) {
  BOOST_TEST(text::Fold("e\xCC\x81") == "e");  // e + U+0301
  BOOST_TEST(text::Fold("Cafe\xCC\x81") == "cafe");
  BOOST_TEST(text::Fold("\xCC\x80\xCD\xAF") == "");  // U+0300 and U+036F alone
  BOOST_TEST(text::Fold("a\xCC\xA7\xCC\x8A"
                        "b") == "ab");
  BOOST_TEST(text::Fold("\xCD\xB0") == "\xCD\xB1");  // U+0370 is a letter, not a mark
}

BOOST_AUTO_TEST_CASE(other_scripts_are_kept) {
  for (const std::string& s : {"\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E"s,  // 日本語
                               "\xF0\x9F\x98\x80"s,                      // 😀
                               "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"s,      // שלום
                               "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85"s,      // سلام
                               "\xE2\x82\xAC\xE2\x80\x94"s,              // €—
                               "\xEF\xBF\xBD"s, "\xF4\x8F\xBF\xBF"s}) {
    BOOST_TEST(text::Fold(s) == s);
  }
}

BOOST_AUTO_TEST_CASE(invalid_utf8_becomes_replacement_characters) {
  BOOST_TEST(text::Fold("\xFF") == kReplacement);
  BOOST_TEST(text::Fold("A\xFF"
                        "B") == "a" + kReplacement + "b");
  BOOST_TEST(text::Fold("\xC0\xAF") == kReplacement + kReplacement);  // overlong: two bad bytes
  BOOST_TEST(text::Fold("\xED\xA0\x80") ==
             kReplacement + kReplacement + kReplacement);  // surrogate
  BOOST_TEST(text::Fold("\xF4\x90\x80\x80") ==
             kReplacement + kReplacement + kReplacement + kReplacement);
  // A truncated sequence is one U+FFFD (its maximal subpart).
  BOOST_TEST(text::Fold("\xE2\x82"
                        "X") == kReplacement + "x");
  BOOST_TEST(text::Fold("\xF0\x9F\x98") == kReplacement);
  BOOST_TEST(text::Fold("\xC3") == kReplacement);
  BOOST_TEST(text::Fold("\x80\x80") == kReplacement + kReplacement);
  // Output grows past the input: three bytes per bad byte.
  std::string bad(1000, '\xFF');
  std::string expected;
  for (int i = 0; i < 1000; ++i) expected += kReplacement;
  BOOST_TEST(text::Fold(bad) == expected);
  BOOST_TEST(text::Fold("abcdefghij" + bad + "KLMNOPQRST") ==
             "abcdefghij" + expected + "klmnopqrst");
}

BOOST_AUTO_TEST_CASE(folding_is_idempotent_and_never_grows_valid_text) {
  for (char32_t cp = 0; cp < 0x3000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const std::string s = Utf8(cp);
    const std::string once = text::Fold(s);
    BOOST_TEST(text::Fold(once) == once, "U+" << std::hex << static_cast<uint32_t>(cp));
    BOOST_TEST(once.size() <= s.size(), "U+" << std::hex << static_cast<uint32_t>(cp));
    BOOST_TEST(fieldnotes::core::json::IsValidUtf8(once));
  }
}

BOOST_AUTO_TEST_CASE(upper_and_lower_case_fold_alike) {
  // Unicode case pairs in the covered blocks: (upper, lower).
  const std::pair<char32_t, char32_t> pairs[] = {
      {0xC0, 0xE0},   {0xC7, 0xE7},     {0xD6, 0xF6},     {0xDD, 0xFD},     {0x178, 0xFF},
      {0x100, 0x101}, {0x141, 0x142},   {0x152, 0x153},   {0x17D, 0x17E},   {0x1CD, 0x1CE},
      {0x18F, 0x259}, {0x391, 0x3B1},   {0x3A3, 0x3C3},   {0x3A9, 0x3C9},   {0x386, 0x3AC},
      {0x410, 0x430}, {0x42F, 0x44F},   {0x401, 0x451},   {0x404, 0x454},   {0x460, 0x461},
      {0x4D8, 0x4D9}, {0x1E00, 0x1E01}, {0x1EA0, 0x1EA1}, {0x1F08, 0x1F00}, {0x1FBC, 0x1FB3},
  };
  for (const auto& [upper, lower] : pairs) {
    BOOST_TEST(text::Fold(Utf8(upper)) == text::Fold(Utf8(lower)),
               "U+" << std::hex << static_cast<uint32_t>(upper));
  }
}

BOOST_AUTO_TEST_CASE(contains_folded) {
  const std::string haystack =
      text::Fold("Le caf\xC3\xA9 du matin, \xD0\x81\xD0\xBB\xD0\xBA\xD0\xB0");
  BOOST_TEST(text::ContainsFolded(haystack, "CAF\xC3\x89"));  // needle folded here
  BOOST_TEST(text::ContainsFolded(haystack, "cafe"));
  BOOST_TEST(text::ContainsFolded(haystack, "Matin"));
  BOOST_TEST(text::ContainsFolded(haystack, "\xD0\xB5\xD0\xBB\xD0\xBA"));  // елк
  BOOST_TEST(text::ContainsFolded(haystack, "\xD0\x81\xD0\x9B"));          // ЁЛ
  BOOST_TEST(text::ContainsFolded(haystack, ""));
  BOOST_TEST(!text::ContainsFolded(haystack, "th\xC3\xA9"));
  BOOST_TEST(!text::ContainsFolded(haystack, "soir"));
  BOOST_TEST(!text::ContainsFolded("", "a"));
  // й and и are different letters.
  BOOST_TEST(
      !text::ContainsFolded(text::Fold("\xD0\xB9\xD0\xBE\xD0\xB4"), "\xD0\xB8\xD0\xBE\xD0\xB4"));
  // Greek final sigma matches sigma in the middle of a word.
  BOOST_TEST(text::ContainsFolded(text::Fold("\xCE\xB5\xCF\x83\xCF\x8D"), "\xCE\xB5\xCF\x82"));
}

BOOST_AUTO_TEST_SUITE_END()
