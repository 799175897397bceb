// Folding is table-driven. Each table maps one block of code points, one
// UTF-16 unit per code point, to its folded form: an ASCII letter, another
// code point (a lower-case letter that has no base letter, e.g. "Ə" -> "ə"),
// the code point itself, or a code in kMulti for a letter that folds to two
// ASCII letters. The tables were derived with Python's unicodedata (Unicode
// 14): lower-case, NFKD, drop the marks U+0300..U+036F; letters with no
// decomposition but a stroke or hook ("ł", "ø", "đ", "ƀ") take the base
// letter their Unicode name gives; then by hand: ß ẞ -> ss, æ -> ae, œ -> oe,
// þ -> th, ð -> d, ı -> i, ŋ -> n, ς -> σ, and the Cyrillic rules below. Every
// output folds to itself, so Fold(Fold(s)) == Fold(s).
//
// The literals are UTF-16 (u"..."), so a source file read in the wrong
// encoding changes their length and the static_asserts below stop the build.
#include "core/text.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>

#include "core/unicode.h"

namespace fieldnotes::core::text {

namespace {

// Codes U+E000.. (Private Use) in the tables stand for these.
constexpr char16_t kMultiFirst = 0xE000;
constexpr char kMulti[][3] = {"ae", "dz", "hv", "ij", "lj", "nj", "oe", "oi", "ou", "ss", "th"};

// clang-format off
// U+00C0..U+024F: Latin-1 Supplement letters, Latin Extended-A and -B.
constexpr char16_t kLatin[] =
    u"aaaaaa\uE000ceeeeiiii"  // U+00C0
    u"dnooooo\u00D7ouuuuy\uE00A\uE009"  // U+00D0
    u"aaaaaa\uE000ceeeeiiii"  // U+00E0
    u"dnooooo\u00F7ouuuuy\uE00Ay"  // U+00F0
    u"aaaaaaccccccccdd"  // U+0100
    u"ddeeeeeeeeeegggg"  // U+0110
    u"gggghhhhiiiiiiii"  // U+0120
    u"ii\uE003\uE003jjkkqlllllll"  // U+0130
    u"lllnnnnnnnnnoooo"  // U+0140
    u"oo\uE006\uE006rrrrrrssssss"  // U+0150
    u"ssttttttuuuuuuuu"  // U+0160
    u"uuuuwwyyyzzzzzzs"  // U+0170
    u"bbbbƅƅɔccɖdddƍǝə"  // U+0180
    u"ɛffgɣ\uE002ɩikklƛɯnno"  // U+0190
    u"oo\uE007\uE007ppʀƨƨʃƪttttu"  // U+01A0
    u"uʊvyyzzʒƹƹƺƻƽƽƾƿ"  // U+01B0
    u"ǀǁǂǃ\uE001\uE001\uE001\uE004\uE004\uE004\uE005\uE005\uE005aai"  // U+01C0
    u"ioouuuuuuuuuuǝaa"  // U+01D0
    u"aa\uE000\uE000ggggkkooooʒʒ"  // U+01E0
    u"j\uE001\uE001\uE001gg\uE002ƿnnaa\uE000\uE000oo"  // U+01F0
    u"aaaaeeeeiiiioooo"  // U+0200
    u"rrrruuuussttȝȝhh"  // U+0210
    u"nd\uE008\uE008zzaaeeoooooo"  // U+0220
    u"ooyylntȷȸȹacclts"  // U+0230
    u"zɂɂbʉʌeejjqqrryy"  // U+0240
;

// U+0370..U+03FF: Greek and Coptic.
constexpr char16_t kGreekCoptic[] =
    u"ͱͱͳͳʹ\u0375ͷͷ\u0378\u0379ͺͻͼͽ\u037Eϳ"  // U+0370
    u"\u0380\u0381\u0382\u0383\u0384\u0385α\u0387εηι\u038Bο\u038Dυω"  // U+0380
    u"ιαβγδεζηθικλμνξο"  // U+0390
    u"πρ\u03A2στυφχψωιυαεηι"  // U+03A0
    u"υαβγδεζηθικλμνξο"  // U+03B0
    u"πρσστυφχψωιυουωϗ"  // U+03C0
    u"βθυυυφπϗϙϙϛϛϝϝϟϟ"  // U+03D0
    u"ϡϡϣϣϥϥϧϧϩϩϫϫϭϭϯϯ"  // U+03E0
    u"κρσϳθε\u03F6ϸϸσϻϻϼͻͼͽ"  // U+03F0
;

// U+0400..U+04FF: Cyrillic. Only ё, ѐ (-> е) and ѝ (-> и) lose a mark: й, ї,
// ў, ѓ, ќ are letters of their own in the languages that use them.
constexpr char16_t kCyrillic[] =
    u"ееђѓєѕіїјљњћќиўџ"  // U+0400
    u"абвгдежзийклмноп"  // U+0410
    u"рстуфхцчшщъыьэюя"  // U+0420
    u"абвгдежзийклмноп"  // U+0430
    u"рстуфхцчшщъыьэюя"  // U+0440
    u"ееђѓєѕіїјљњћќиўџ"  // U+0450
    u"ѡѡѣѣѥѥѧѧѩѩѫѫѭѭѯѯ"  // U+0460
    u"ѱѱѳѳѵѵѷѷѹѹѻѻѽѽѿѿ"  // U+0470
    u"ҁҁ\u0482\u0483\u0484\u0485\u0486\u0487\u0488\u0489ҋҋҍҍҏҏ"  // U+0480
    u"ґґғғҕҕҗҗҙҙққҝҝҟҟ"  // U+0490
    u"ҡҡңңҥҥҧҧҩҩҫҫҭҭүү"  // U+04A0
    u"ұұҳҳҵҵҷҷҹҹһһҽҽҿҿ"  // U+04B0
    u"ӏӂӂӄӄӆӆӈӈӊӊӌӌӎӎӏ"  // U+04C0
    u"ӑӑӓӓӕӕӗӗәәӛӛӝӝӟӟ"  // U+04D0
    u"ӡӡӣӣӥӥӧӧөөӫӫӭӭӯӯ"  // U+04E0
    u"ӱӱӳӳӵӵӷӷӹӹӻӻӽӽӿӿ"  // U+04F0
;

// U+1E00..U+1EFF: Latin Extended Additional (Vietnamese, Welsh, ...).
constexpr char16_t kLatinExtendedAdditional[] =
    u"aabbbbbbccdddddd"  // U+1E00
    u"ddddeeeeeeeeeeff"  // U+1E10
    u"gghhhhhhhhhhiiii"  // U+1E20
    u"kkkkkkllllllllmm"  // U+1E30
    u"mmmmnnnnnnnnoooo"  // U+1E40
    u"oooopppprrrrrrrr"  // U+1E50
    u"sssssssssstttttt"  // U+1E60
    u"ttuuuuuuuuuuvvvv"  // U+1E70
    u"wwwwwwwwwwxxxxyy"  // U+1E80
    u"zzzzzzhtwyasẜẝ\uE009ẟ"  // U+1E90
    u"aaaaaaaaaaaaaaaa"  // U+1EA0
    u"aaaaaaaaeeeeeeee"  // U+1EB0
    u"eeeeeeeeiiiioooo"  // U+1EC0
    u"oooooooooooooooo"  // U+1ED0
    u"oooouuuuuuuuuuuu"  // U+1EE0
    u"uuyyyyyyyyỻỻỽỽyy"  // U+1EF0
;

// U+1F00..U+1FFF: Greek Extended (polytonic).
constexpr char16_t kGreekExtended[] =
    u"αααααααααααααααα"  // U+1F00
    u"εεεεεε\u1F16\u1F17εεεεεε\u1F1E\u1F1F"  // U+1F10
    u"ηηηηηηηηηηηηηηηη"  // U+1F20
    u"ιιιιιιιιιιιιιιιι"  // U+1F30
    u"οοοοοο\u1F46\u1F47οοοοοο\u1F4E\u1F4F"  // U+1F40
    u"υυυυυυυυ\u1F58υ\u1F5Aυ\u1F5Cυ\u1F5Eυ"  // U+1F50
    u"ωωωωωωωωωωωωωωωω"  // U+1F60
    u"ααεεηηιιοουυωω\u1F7E\u1F7F"  // U+1F70
    u"αααααααααααααααα"  // U+1F80
    u"ηηηηηηηηηηηηηηηη"  // U+1F90
    u"ωωωωωωωωωωωωωωωω"  // U+1FA0
    u"ααααα\u1FB5ααααααα\u1FBDι\u1FBF"  // U+1FB0
    u"\u1FC0\u1FC1ηηη\u1FC5ηηεεηηη\u1FCD\u1FCE\u1FCF"  // U+1FC0
    u"ιιιι\u1FD4\u1FD5ιιιιιι\u1FDC\u1FDD\u1FDE\u1FDF"  // U+1FD0
    u"υυυυρρυυυυυυρ\u1FED\u1FEE\u1FEF"  // U+1FE0
    u"\u1FF0\u1FF1ωωω\u1FF5ωωοοωωω\u1FFD\u1FFE\u1FFF"  // U+1FF0
;
// clang-format on

static_assert(std::size(kLatin) - 1 == 0x250 - 0xC0);
static_assert(std::size(kGreekCoptic) - 1 == 0x400 - 0x370);
static_assert(std::size(kCyrillic) - 1 == 0x500 - 0x400);
static_assert(std::size(kLatinExtendedAdditional) - 1 == 0x1F00 - 0x1E00);
static_assert(std::size(kGreekExtended) - 1 == 0x2000 - 0x1F00);

// The folded form of cp, 0x80 <= cp < 0x2000, outside U+0300..U+036F.
char16_t Lookup(char32_t cp) {
  if (cp < 0xC0) {
    switch (cp) {
      case 0xAA:
        return u'a';  // ª
      case 0xB5:
        return 0x03BC;  // micro sign -> μ
      case 0xBA:
        return u'o';  // º
      default:
        return static_cast<char16_t>(cp);
    }
  }
  if (cp < 0x250) return kLatin[cp - 0xC0];
  if (cp < 0x370) return static_cast<char16_t>(cp);  // IPA and spacing modifiers
  if (cp < 0x400) return kGreekCoptic[cp - 0x370];
  if (cp < 0x500) return kCyrillic[cp - 0x400];
  if (cp < 0x1E00) return static_cast<char16_t>(cp);
  if (cp < 0x1F00) return kLatinExtendedAdditional[cp - 0x1E00];
  return kGreekExtended[cp - 0x1F00];
}

// Lower-cases eight ASCII bytes at once (no byte may have its high bit set):
// adding 0x3F sets a byte's high bit from 'A' up, adding 0x25 from '[' up, so
// the bytes where exactly one of the two is set are 'A'..'Z'. No addition
// carries into the next byte.
uint64_t LowerAscii8(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  const uint64_t from_a = x + (0x80 - 'A') * kOnes;
  const uint64_t past_z = x + (0x80 - 'Z' - 1) * kOnes;
  const uint64_t upper = (from_a ^ past_z) & (0x80 * kOnes);
  return x | (upper >> 2);
}

char LowerAscii(unsigned char c) {
  return static_cast<char>(static_cast<unsigned>(c - 'A') < 26u ? c | 0x20 : c);
}

// Text in NFD spells й as и + U+0306, and so on. Since precomposed й is
// kept, the decomposed form composes here instead of losing its mark. All
// bases and results are two-byte sequences.
struct Composition {
  char32_t mark;
  unsigned char base[2];
  unsigned char result[2];
};
constexpr Composition kCyrillicCompositions[] = {
    {0x0306, {0xD0, 0xB8}, {0xD0, 0xB9}},  // и -> й
    {0x0306, {0xD1, 0x83}, {0xD1, 0x9E}},  // у -> ў
    {0x0308, {0xD1, 0x96}, {0xD1, 0x97}},  // і -> ї
    {0x0301, {0xD0, 0xB3}, {0xD1, 0x93}},  // г -> ѓ
    {0x0301, {0xD0, 0xBA}, {0xD1, 0x9C}},  // к -> ќ
};

// `o` holds the output so far (w bytes); rewrites its last letter when
// `mark` composes with it.
void ComposeCyrillic(char* o, size_t w, char32_t mark) {
  if (w < 2) return;
  const auto b0 = static_cast<unsigned char>(o[w - 2]);
  const auto b1 = static_cast<unsigned char>(o[w - 1]);
  for (const Composition& c : kCyrillicCompositions) {
    if (c.mark == mark && c.base[0] == b0 && c.base[1] == b1) {
      o[w - 2] = static_cast<char>(c.result[0]);
      o[w - 1] = static_cast<char>(c.result[1]);
      return;
    }
  }
}

// True for the code points the tables above fold. Everything else that is
// not ASCII goes through ICU's NFKC_Casefold.
bool InTables(char32_t cp) {
  return cp < 0x250 || (cp >= 0x370 && cp < 0x500) || (cp >= 0x1E00 && cp < 0x2000);
}

bool IsDroppedMark(char32_t cp) { return cp >= 0x0300 && cp < 0x0370; }

const icu::Normalizer2* NfkcCasefold() {
  static const icu::Normalizer2* const nfkc_cf = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return nfkc_cf;
}

// Folds text whose characters all lie outside the tables, the ASCII range
// and U+0300..U+036F: full case folding with compatibility normalisation
// (NFKC_Casefold: "ＦＵＬＬ" -> "full", "ﬁ" -> "fi", Kelvin sign -> "k",
// Armenian, Georgian Mtavruli and Cherokee to their folded letters, kana
// with their voicing marks composed). A character with its combining marks
// is never made longer: where NFKC would ("⅓" -> "1⁄3", Thai "ำ" -> "ํา"),
// the characters are only case-folded (simple folding, one code point for
// one), which keeps Fold's promise that folded text is no longer than the
// text and still folds the query the same way as the journal.
// Returns false when the run was folded already and copied as it is.
bool AppendNfkcCasefold(std::string_view run, std::string& out) {
  const icu::Normalizer2* nfkc_cf = NfkcCasefold();
  UErrorCode status = U_ZERO_ERROR;
  auto piece = [](std::string_view s) {
    return icu::StringPiece(s.data(), static_cast<int32_t>(s.size()));
  };
  if (nfkc_cf == nullptr || (nfkc_cf->isNormalizedUTF8(piece(run), status) && U_SUCCESS(status))) {
    out.append(run);
    return false;
  }
  std::string folded;
  auto flush = [&](std::string_view segment) {
    if (segment.empty()) return;
    folded.clear();
    UErrorCode s = U_ZERO_ERROR;
    icu::StringByteSink<std::string> sink(&folded);
    nfkc_cf->normalizeUTF8(0, piece(segment), sink, nullptr, s);
    if (U_SUCCESS(s) && folded.size() <= segment.size()) {
      out.append(folded);
      return;
    }
    for (size_t k = 0; k < segment.size();) {
      unicode::AppendUtf8(
          out, static_cast<char32_t>(u_foldCase(static_cast<UChar32>(unicode::Next(segment, k)),
                                                U_FOLD_CASE_DEFAULT)));
    }
  };
  // Normalisation segments: a character that starts one and what combines
  // with it.
  size_t segment_begin = 0;
  for (size_t i = 0; i < run.size();) {
    const size_t at = i;
    const char32_t cp = unicode::Next(run, i);
    if (at > segment_begin && nfkc_cf->hasBoundaryBefore(static_cast<UChar32>(cp))) {
      flush(run.substr(segment_begin, at - segment_begin));
      segment_begin = at;
    }
  }
  flush(run.substr(segment_begin));
  return true;
}

// Fold, or with nfkc false only the tables: characters outside them are
// copied (the second pass over ICU's output).
std::string FoldImpl(std::string_view utf8, bool nfkc) {
  const auto* in = reinterpret_cast<const unsigned char*>(utf8.data());
  const size_t n = utf8.size();
  std::string out;
  out.resize(n);
  char* o = out.data();
  size_t i = 0;  // read position
  size_t w = 0;  // write position
  // Invariant: out.size() - w >= n - i. A character the tables fold never
  // folds to more bytes than it has (checked when the tables were made), so
  // only U+FFFD for an invalid byte or an NFKC expansion may need to grow
  // the buffer.
  auto reserve = [&](size_t more) {
    const size_t need = w + more + (n - i);
    if (need > out.size()) {
      out.resize(need > 2 * out.size() ? need : 2 * out.size());
      o = out.data();
    }
  };
  while (i < n) {
    while (n - i >= 8) {
      uint64_t x;
      std::memcpy(&x, in + i, 8);
      if (x & 0x8080808080808080ULL) break;
      x = LowerAscii8(x);
      std::memcpy(o + w, &x, 8);
      i += 8;
      w += 8;
    }
    if (i == n) break;
    if (in[i] < 0x80) {
      o[w++] = LowerAscii(in[i++]);
      continue;
    }

    const size_t start = i;
    const char32_t cp = unicode::NextSlow(utf8, i);
    if (cp == unicode::kReplacement) {  // also every ill-formed sequence
      reserve(3);
      std::copy_n("\xEF\xBF\xBD", 3, o + w);  // U+FFFD
      w += 3;
      continue;
    }
    if (IsDroppedMark(cp)) {  // combining marks are dropped
      ComposeCyrillic(o, w, cp);
      continue;
    }
    if (!InTables(cp) && !nfkc) {
      reserve(i - start);
      std::memcpy(o + w, in + start, i - start);
      w += i - start;
      continue;
    }
    if (!InTables(cp)) {
      // The run of such characters, normalised together so that what
      // combines (kana and their voicing marks, Hangul jamo) does.
      size_t end = i;
      while (end < n && in[end] >= 0x80) {
        size_t next = end;
        const char32_t c = unicode::NextSlow(utf8, next);
        if (c == unicode::kReplacement || InTables(c) || IsDroppedMark(c)) break;
        end = next;
      }
      const std::string_view run = utf8.substr(start, end - start);
      std::string folded;
      const bool changed = AppendNfkcCasefold(run, folded);
      i = end;
      // NFKC's output may hold ASCII, accented Latin letters and marks:
      // those go through the tables too.
      const std::string second = changed ? FoldImpl(folded, false) : std::move(folded);
      reserve(second.size());
      std::copy_n(second.data(), second.size(), o + w);
      w += second.size();
      continue;
    }
    const char16_t f = Lookup(cp);
    if (f < 0x80) {
      o[w++] = static_cast<char>(f);
    } else if (f < 0x800) {
      o[w++] = static_cast<char>(0xC0 | (f >> 6));
      o[w++] = static_cast<char>(0x80 | (f & 0x3F));
    } else if (f >= kMultiFirst && f < kMultiFirst + std::size(kMulti)) {
      std::memcpy(o + w, kMulti[f - kMultiFirst], 2);
      w += 2;
    } else {
      o[w++] = static_cast<char>(0xE0 | (f >> 12));
      o[w++] = static_cast<char>(0x80 | ((f >> 6) & 0x3F));
      o[w++] = static_cast<char>(0x80 | (f & 0x3F));
    }
  }
  out.resize(w);
  return out;
}

}  // namespace

std::string Fold(std::string_view utf8) { return FoldImpl(utf8, true); }

bool ContainsFolded(std::string_view folded_haystack, std::string_view folded_needle) {
  // Callers usually fold the needle once for many haystacks; folding it again
  // is harmless (folding is idempotent) but an allocation, so skip it when
  // the needle is plainly folded already.
  bool plain = true;
  for (const char c : folded_needle) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (u >= 'A' && u <= 'Z')) {
      plain = false;
      break;
    }
  }
  // memmem, not string_view::find: find looks for the needle's first byte
  // with memchr and compares from each one, slow for a common first letter
  // ("said no" in 40 MB of text); glibc's memmem hashes pairs of bytes. The
  // same bytes either way.
  auto contains = [&](std::string_view needle) {
    if (needle.empty()) return true;
    return ::memmem(folded_haystack.data(), folded_haystack.size(), needle.data(), needle.size()) !=
           nullptr;
  };
  if (plain) return contains(folded_needle);
  const std::string needle = Fold(folded_needle);
  return contains(needle);
}

}  // namespace fieldnotes::core::text
