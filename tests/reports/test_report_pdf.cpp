// The report PDF, read back with poppler-utils (pdftotext, pdffonts,
// pdfinfo, pdftoppm) the way a person's viewer would read it.
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <filesystem>
#include <regex>

#include "core/clock.h"
#include "journal_generator.h"
#include "report_fixture.h"
#include "reports/font_locator.h"
#include "reports/report_pdf.h"
#include "reports/six_word_rule.h"
#include "test_support.h"

using namespace fieldnotes;
using namespace fieldnotes::reports;
using namespace fieldnotes::reports::testing;

namespace {

const FontSet& Fonts() {
  static const FontSet fonts = [] {
    auto f = FindReportFonts();
    if (!f.ok()) BOOST_FAIL(f.status().ToString());
    return *f;
  }();
  return fonts;
}

struct PdfFile {
  fieldnotes::testing::TempDir dir;
  std::string path = dir.File("report.pdf");
  explicit PdfFile(const std::string& bytes) { fieldnotes::testing::WriteFile(path, bytes); }
  std::string Text() const { return CommandOutput("pdftotext -enc UTF-8 '" + path + "' -"); }
  std::string Info() const { return CommandOutput("pdfinfo -enc UTF-8 '" + path + "'"); }
  std::string Fonts() const { return CommandOutput("pdffonts '" + path + "'"); }
};

RenderedPdf Render(const ReportContent& c, Paper paper = Paper::kA4,
                   const FontSet& fonts = Fonts()) {
  auto pdf = ReportPdf::Render(c, paper, fonts);
  BOOST_REQUIRE_MESSAGE(pdf.ok(), pdf.status().ToString());
  return std::move(pdf).value();
}

ReportOptions SampleChoices() {
  ReportOptions o;
  o.agenda = {"Τα μηνύματα της Dana, και οι Κυριακές — и воскресные вечера тоже"};
  o.questions = {"Why does 'careful' sound like an insult?"};
  o.region = "GB";
  return o;
}

size_t Find(const std::string& text, const std::string& needle) {
  const size_t at = text.find(needle);
  BOOST_TEST(at != std::string::npos, "missing from the PDF's text: " << needle);
  return at;
}

// Words of the PDF's text minus the excerpts the client chose; the six-word
// runs of entries that remain are leaks. Lines may wrap inside an excerpt,
// so excerpts are matched as word sequences.
std::vector<std::string> LeaksInText(const std::string& text, const ReportContent& c,
                                     const std::set<std::string>& runs) {
  std::vector<std::string> words = SixWordRule::Words(text);
  std::vector<bool> chosen(words.size(), false);
  for (const auto& s : c.sections) {
    for (const auto& item : s.items) {
      std::vector<std::string> excerpts = item.excerpts;
      if (item.client_written) excerpts.push_back(item.text);
      if (!item.note.empty()) excerpts.push_back(item.note);
      for (const auto& x : excerpts) {
        const auto xw = SixWordRule::Words(x);
        if (xw.empty()) continue;
        for (size_t i = 0; i + xw.size() <= words.size(); ++i) {
          if (std::equal(xw.begin(), xw.end(), words.begin() + static_cast<std::ptrdiff_t>(i)))
            std::fill(chosen.begin() + static_cast<std::ptrdiff_t>(i),
                      chosen.begin() + static_cast<std::ptrdiff_t>(i + xw.size()), true);
        }
      }
    }
  }
  std::vector<std::string> out;
  for (size_t i = 0; i + 6 <= words.size(); ++i) {
    if (std::all_of(chosen.begin() + static_cast<std::ptrdiff_t>(i),
                    chosen.begin() + static_cast<std::ptrdiff_t>(i + 6), [](bool b) { return b; }))
      continue;
    std::string run = words[i];
    for (size_t k = 1; k < 6; ++k) run += " " + words[i + k];
    if (runs.count(run)) out.push_back(run);
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_pdf)

BOOST_AUTO_TEST_CASE(sample_week_text_sections_numbers_and_other_scripts) {
  SampleJournal sample;
  const ReportContent c = BuildReport(sample.data(), SampleWeek(), SampleClock(), SampleChoices());
  const RenderedPdf pdf = Render(c);
  BOOST_TEST(pdf.pages == 1);
  BOOST_TEST(pdf.warnings.empty());
  PdfFile file(pdf.bytes);
  std::string text = file.Text();
  for (char& ch : text) ch = ch == '\n' ? ' ' : ch;  // phrases may wrap
  // Sections present, in the order a session runs.
  const size_t title = Find(text, "Notes for my next session");
  const size_t mood = Find(text, "Mood");
  const size_t since = Find(text, "Since last session");
  const size_t agenda = Find(text, "What I want to bring");
  const size_t repeated = Find(text, "What repeated");
  const size_t questions = Find(text, "Questions I couldn't answer alone");
  BOOST_TEST((title < mood && mood < since && since < agenda && agenda < repeated &&
              repeated < questions));
  // Numbers right (the sample week: 7 entries with a mood, 3.8 before and
  // 5.9 after writing; the thread followed up 4 times; the loop 4 times).
  Find(text, "Mood noted in 7 entries");
  Find(text, "3.8 on average before writing, 5.9 after");
  Find(text, "anxiety in 5 entries");
  Find(text, "followed up 4 times");
  Find(text, "4 times between Nov 2 and Nov 9 (Nov 3, 4, 5,");
  // Greek and Cyrillic, as typed.
  Find(text, "Τα μηνύματα της Dana, και οι Κυριακές");
  Find(text, "и воскресные вечера тоже");
  Find(text, "Why does 'careful' sound like an insult?");
  // The chart's axis and legend are text too.
  Find(text, "Mood, and each feeling's intensity, average per day (0 to 10)");
  Find(text, "Mood before writing");
  Find(text, "Mood after writing");
  // The footer.
  Find(text, "observations, not an assessment");
  Find(text, "Nobody monitors this journal between sessions");
  Find(text, "Samaritans, call 116 123");
  Find(text, "Page 1 of 1");
}

BOOST_AUTO_TEST_CASE(font_embedded_metadata_and_paper) {
  SampleJournal sample;
  const ReportContent c = BuildReport(sample.data(), SampleWeek(), SampleClock());
  PdfFile a4(Render(c).bytes);
  const std::string fonts = a4.Fonts();
  BOOST_TEST(
      std::regex_search(
          fonts, std::regex(R"(\+DejaVuSans,Book\s+CID TrueType\s+Identity-H\s+yes yes yes)")),
      fonts);
  const std::string info = a4.Info();
  BOOST_TEST(info.find("Title:           Notes for my next session, 2 November 2026 to 9 "
                       "November 2026") != std::string::npos,
             info);
  BOOST_TEST(info.find("Subject:         Fieldnotes report for 2026-11-02 to 2026-11-09") !=
             std::string::npos);
  BOOST_TEST(info.find("Author:") == std::string::npos);  // no name unless one was set
  BOOST_TEST(info.find("595.276 x 841.89 pts (A4)") != std::string::npos);
  BOOST_TEST(info.find("Nov  9 00:00:00 2026") != std::string::npos);  // the period's end, not now

  PdfFile letter(Render(c, Paper::kLetter).bytes);
  BOOST_TEST(letter.Info().find("612 x 792 pts (letter)") != std::string::npos);

  ReportOptions named;
  named.display_name = "Zoë Ł.";
  const ReportContent with_name = BuildReport(sample.data(), SampleWeek(), SampleClock(), named);
  PdfFile n(Render(with_name).bytes);
  BOOST_TEST(n.Info().find("Author:          Zoë Ł.") != std::string::npos);
  BOOST_TEST(n.Text().find("Zoë Ł.") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(same_input_same_bytes_and_small) {
  SampleJournal sample;
  const ReportContent first =
      BuildReport(sample.data(), SampleWeek(), SampleClock(), SampleChoices());
  const ReportContent second =
      BuildReport(sample.data(), SampleWeek(), SampleClock(), SampleChoices());
  const std::string a = Render(first).bytes;
  const std::string b = Render(second).bytes;
  BOOST_TEST(a.size() == b.size());
  BOOST_TEST((a == b));
  BOOST_TEST(a.size() <= 250u * 1024u);
  BOOST_TEST_MESSAGE("sample report: " << a.size() << " bytes");
}

BOOST_AUTO_TEST_CASE(long_words_wrap_and_nothing_runs_off_the_page) {
  SampleJournal sample;
  ReportOptions o;
  o.agenda = {std::string(300, 'w'),
              "A long line of my own that goes on and on about the week, "
              "with many words in it so it has to wrap over several lines."};
  o.questions = {"Ωραία" + std::string(200, 'x') + "Привет"};
  const ReportContent c = BuildReport(sample.data(), SampleWeek(), SampleClock(), o);
  PdfFile file(Render(c).bytes);
  const std::string text = file.Text();
  // Every character is there, over several lines.
  std::string joined;
  for (char ch : text) {
    if (ch != '\n') joined += ch;
  }
  BOOST_TEST(joined.find(std::string(300, 'w')) != std::string::npos);
  BOOST_TEST(joined.find("Ωραία" + std::string(200, 'x') + "Привет") != std::string::npos);
  // Every word's box lies inside the page's margins.
  const std::string boxes = CommandOutput("pdftotext -bbox '" + file.path + "' -");
  const std::regex box(R"rx(xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)")rx");
  size_t n = 0;
  for (auto it = std::sregex_iterator(boxes.begin(), boxes.end(), box);
       it != std::sregex_iterator(); ++it, ++n) {
    BOOST_TEST(std::stod((*it)[1]) >= 50.0);
    BOOST_TEST(std::stod((*it)[2]) <= 595.276 - 50.0);
  }
  BOOST_TEST(n > 100u);
}

BOOST_AUTO_TEST_CASE(characters_no_font_has_are_a_visible_placeholder_and_a_warning) {
  SampleJournal sample;
  ReportOptions o;
  // A private-use character of plane 16: no font has it. (An emoji such as
  // U+1F600 is drawn: DejaVu Sans has it.)
  o.agenda = {"Sunday nights \U0010FFFD again"};
  const ReportContent c = BuildReport(sample.data(), SampleWeek(), SampleClock(), o);
  const RenderedPdf pdf = Render(c);
  BOOST_REQUIRE_EQUAL(pdf.warnings.size(), 1u);
  BOOST_TEST(pdf.warnings[0].find("U+10FFFD") != std::string::npos);
  BOOST_TEST(PdfFile(pdf.bytes).Text().find("Sunday nights \u25a1 again") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_fallback_font_shows_what_dejavu_lacks) {
  // Uses any TrueType font with kana that is installed; skipped otherwise.
  const char* candidates[] = {"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"};
  std::string kana_font;
  for (const char* c : candidates) {
    if (std::filesystem::exists(c) && IsTrueTypeFile(c)) kana_font = c;
  }
  if (kana_font.empty()) {
    BOOST_TEST_MESSAGE("no TrueType font with kana installed: fallback test skipped");
    return;
  }
  FontSet fonts = Fonts();
  fonts.fallbacks = {kana_font};
  SampleJournal sample;
  ReportOptions o;
  o.agenda = {"ひらがな and Ελληνικά"};
  const RenderedPdf pdf =
      Render(BuildReport(sample.data(), SampleWeek(), SampleClock(), o), Paper::kA4, fonts);
  BOOST_TEST(pdf.warnings.empty());
  PdfFile file(pdf.bytes);
  BOOST_TEST(file.Fonts().find("DroidSansFallback") != std::string::npos);
  BOOST_TEST(file.Text().find("ひらがな and Ελληνικά") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(no_font_is_a_clear_error) {
  fieldnotes::testing::TempDir empty;
  auto fonts = FindReportFonts({empty.path().string()});
  BOOST_REQUIRE(!fonts.ok());
  BOOST_TEST(fonts.status().IsNotFound());
  BOOST_TEST(fonts.status().message().find("fonts-dejavu-core") != std::string::npos);
  BOOST_TEST(fonts.status().message().find(kFontDirEnv) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(empty_and_huge_periods) {
  SampleJournal sample;
  const ReportContent empty = BuildReport(
      sample.data(), Period::Between(D("2026-12-01"), D("2026-12-07")).value(), SampleClock());
  const RenderedPdf e = Render(empty);
  BOOST_TEST(e.pages == 1);
  BOOST_TEST(PdfFile(e.bytes).Text().find("and that's fine") != std::string::npos);

  GeneratorOptions g;
  g.seed = 11;
  g.weeks = 52;
  g.entries_per_week = 20;
  g.plant_recurring = true;
  g.plant_trigger = true;
  g.plant_time = true;
  const GeneratedJournal j = GenerateJournal(g);
  const core::FakeClock clock(j.now);
  ReportOptions o;
  o.agenda = {"One thing", "Another thing that matters a lot to me this week"};
  for (int i = 0; i < 5; ++i)
    o.questions.push_back("A question that I could not answer alone, number " +
                          std::to_string(i + 1) +
                          ", which is quite long so it wraps over the line.");
  const ReportContent huge = BuildReport(JournalData{j.entries, j.sessions, j.threads},
                                         Period::WholeHistory(j.entries, clock), clock, o);
  BOOST_TEST(huge.entries > 500);
  const RenderedPdf h = Render(huge);
  BOOST_TEST(h.pages >= 1);
  BOOST_TEST(h.pages <= 3);
  BOOST_TEST(h.bytes.size() <= 250u * 1024u);
  const std::string text = PdfFile(h.bytes).Text();
  BOOST_TEST(text.find("Page 1 of " + std::to_string(h.pages)) != std::string::npos);
  BOOST_TEST(text.find("Page " + std::to_string(h.pages) + " of " + std::to_string(h.pages)) !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_rendered_page_is_not_blank) {
  SampleJournal sample;
  PdfFile file(Render(BuildReport(sample.data(), SampleWeek(), SampleClock())).bytes);
  const std::string prefix = file.dir.File("page");
  CommandOutput("pdftoppm -r 40 -gray -f 1 -l 1 '" + file.path + "' '" + prefix + "'");
  std::string pgm;
  for (const auto& f : std::filesystem::directory_iterator(file.dir.path())) {
    if (f.path().extension() == ".pgm") pgm = fieldnotes::testing::ReadFile(f.path());
  }
  BOOST_REQUIRE(pgm.starts_with("P5"));
  // Header: P5, width, height, maxval, one whitespace; then the pixels.
  std::istringstream header(pgm);
  std::string magic;
  int w = 0, h = 0, max = 0;
  header >> magic >> w >> h >> max;
  const size_t offset = static_cast<size_t>(header.tellg()) + 1;
  BOOST_REQUIRE_EQUAL(pgm.size() - offset, static_cast<size_t>(w * h));
  size_t dark = 0;
  size_t coloured_rows = 0;
  for (int y = 0; y < h; ++y) {
    bool any = false;
    for (int x = 0; x < w; ++x) {
      if (static_cast<unsigned char>(pgm[offset + static_cast<size_t>(y * w + x)]) < 160) {
        ++dark;
        any = true;
      }
    }
    coloured_rows += any ? 1 : 0;
  }
  BOOST_TEST(dark > static_cast<size_t>(w * h) / 100);     // more than 1 % ink
  BOOST_TEST(coloured_rows > static_cast<size_t>(h) / 4);  // spread down the page
}

BOOST_AUTO_TEST_CASE(the_pdfs_text_keeps_the_six_word_rule) {
  {
    SampleJournal sample;
    const ReportContent c =
        BuildReport(sample.data(), SampleWeek(), SampleClock(), SampleChoices());
    const auto leaks =
        LeaksInText(PdfFile(Render(c).bytes).Text(), c, EntryRuns(sample.journal().entries()));
    BOOST_TEST(leaks.empty(), "sample: " << (leaks.empty() ? "" : leaks[0]));
  }
  for (uint64_t seed = 21; seed <= 26; ++seed) {
    GeneratorOptions g;
    g.seed = seed;
    g.plant_recurring = true;
    g.plant_trigger = true;
    const GeneratedJournal j = GenerateJournal(g);
    const core::FakeClock clock(j.now);
    const ReportContent c = BuildReport(JournalData{j.entries, j.sessions, j.threads},
                                        Period::SinceLastSession(j.sessions, clock), clock);
    const auto leaks = LeaksInText(PdfFile(Render(c).bytes).Text(), c, EntryRuns(j.entries));
    BOOST_TEST(leaks.empty(), "seed " << seed << ": " << (leaks.empty() ? "" : leaks[0]));
  }
}

BOOST_AUTO_TEST_SUITE_END()
