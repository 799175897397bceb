#include "reports/report_pdf.h"

#include <cstdio>

#include "core/display.h"
#include "core/i18n.h"
#include "reports/mood_chart_pdf.h"
#include "reports/phrase_format.h"
#include "reports/text_wrap.h"

namespace fieldnotes::reports {
namespace {

constexpr double kMargin = 56;
constexpr double kTitleSize = 20;
constexpr double kSubtitleSize = 10.5;
constexpr double kHeadingSize = 13;
constexpr double kBodySize = 10.5;
constexpr double kBodyLeading = 14.5;
constexpr double kNoteSize = 9.5;
constexpr double kNoteLeading = 13;
constexpr double kSmallSize = 9;
constexpr double kFooterSize = 7.5;
constexpr double kFooterLeading = 9.5;
constexpr double kIndent = 13;
constexpr Rgb kInk{0.1, 0.1, 0.1};
constexpr Rgb kHeading{0.11, 0.24, 0.36};
constexpr Rgb kMuted{0.38, 0.38, 0.38};
constexpr Rgb kRule{0.75, 0.78, 0.82};

// Lays the report out from the top of the first page down, starting a new
// page whenever the next line would reach the footer.
class Layout {
 public:
  Layout(PdfDocument& pdf, const ReportContent& content) : pdf_(pdf), content_(content) {
    width_ = pdf.page_width() - 2 * kMargin;
    for (const std::string& line : content.footer) {
      for (auto& l : Wrap(line, width_ - 60, FontStyle::kRegular, kFooterSize))
        footer_.push_back(l);
    }
    bottom_ = kMargin + FooterLines() * kFooterLeading + 14;
  }

  void Run() {
    NewPage();
    Title();
    for (const ReportSection& s : content_.sections) Section(s);
    Footers();
  }

 private:
  std::vector<std::string> Wrap(const std::string& text, double width, FontStyle style,
                                double size) {
    return WrapText(text, width,
                    [&](std::string_view s) { return pdf_.TextWidth(s, style, size); });
  }

  void NewPage() {
    page_ = pdf_.AddPage();
    y_ = pdf_.page_height() - kMargin;
    if (page_ > 0) {
      // TRANSLATORS: at the top of the report's second and later pages: %1
      // is its title.
      pdf_.Text(page_, kMargin, y_ - 8, core::Format(core::Tr("%1 (continued)"), content_.title),
                FontStyle::kRegular, kSmallSize, kMuted);
      y_ -= 24;
    }
  }

  // Makes room for `height` points, on a new page if needed.
  void Ensure(double height) {
    if (y_ - height < bottom_) NewPage();
  }

  void Lines(const std::vector<std::string>& lines, double x, FontStyle style, double size,
             double leading, Rgb color, const std::string& bullet = "") {
    for (size_t i = 0; i < lines.size(); ++i) {
      Ensure(leading);
      y_ -= leading;
      if (i == 0 && !bullet.empty())
        pdf_.Text(page_, x - kIndent, y_, bullet, FontStyle::kRegular, size, color);
      pdf_.Text(page_, x, y_, lines[i], style, size, color);
    }
  }

  void Title() {
    const auto title = Wrap(content_.title, width_, FontStyle::kBold, kTitleSize);
    Lines(title, kMargin, FontStyle::kBold, kTitleSize, 24, kHeading);
    y_ -= 4;
    Lines(Wrap(content_.subtitle, width_, FontStyle::kRegular, kSubtitleSize), kMargin,
          FontStyle::kRegular, kSubtitleSize, 14, kMuted);
    y_ -= 4;
  }

  void Heading(SectionKind kind) {
    // A heading stays with at least two lines of its section.
    Ensure(18 + kHeadingSize + 2 * kBodyLeading);
    y_ -= 18 + kHeadingSize;
    pdf_.Text(page_, kMargin, y_, std::string(SectionTitle(kind)), FontStyle::kBold, kHeadingSize,
              kHeading);
    y_ -= 5;
    pdf_.Line(page_, {kMargin, y_}, {kMargin + width_, y_}, 0.6, kRule);
    y_ -= 2;
  }

  void Section(const ReportSection& s) {
    Heading(s.kind);
    const double text_x = kMargin + kIndent;
    const double text_width = width_ - kIndent;
    if (s.items.empty() && !s.empty_text.empty()) {
      Lines(Wrap(s.empty_text, width_, FontStyle::kRegular, kBodySize), kMargin,
            FontStyle::kRegular, kBodySize, kBodyLeading, kMuted);
    }
    for (const ReportItem& item : s.items) {
      y_ -= 3;
      Lines(Wrap(item.text, text_width, FontStyle::kRegular, kBodySize), text_x,
            FontStyle::kRegular, kBodySize, kBodyLeading, kInk, "\u2022");
      if (!item.note.empty()) {
        Lines(
            // TRANSLATORS: the client's own note under a line of the report.
            Wrap(core::Format(core::Tr("In my words: %1"), item.note), text_width - kIndent,
                 FontStyle::kRegular, kNoteSize),
            text_x + kIndent, FontStyle::kRegular, kNoteSize, kNoteLeading, kMuted);
      }
    }
    for (const std::string& note : s.notes) {
      y_ -= 2;
      Lines(Wrap(note, text_width, FontStyle::kRegular, kSmallSize), text_x, FontStyle::kRegular,
            kSmallSize, kNoteLeading, kMuted);
    }
    if (s.kind == SectionKind::kMood && !content_.chart.empty()) {
      const double height = MoodChartHeight(pdf_, content_.chart, width_);
      Ensure(height + 10);
      y_ -= 10;
      DrawMoodChart(pdf_, page_, content_.chart, kMargin, y_, width_);
      y_ -= height;
    }
  }

  void Footers() {
    const int pages = pdf_.page_count();
    for (int p = 0; p < pages; ++p) {
      double y = kMargin + (FooterLines() - 1) * kFooterLeading;
      pdf_.Line(p, {kMargin, y + 10}, {kMargin + width_, y + 10}, 0.5, kRule);
      // TRANSLATORS: the report's page numbers: "Page 1 of 2".
      const std::string number = core::Format(core::Tr("Page %1 of %2"), p + 1, pages);
      const double w = pdf_.TextWidth(number, FontStyle::kRegular, kFooterSize);
      for (const std::string& line : footer_) {
        pdf_.Text(p, kMargin, y, line, FontStyle::kRegular, kFooterSize, kMuted);
        y -= kFooterLeading;
      }
      pdf_.Text(p, kMargin + width_ - w, kMargin + (FooterLines() - 1) * kFooterLeading, number,
                FontStyle::kRegular, kFooterSize, kMuted);
    }
  }

  // The footer's lines, a handful, as a number of leadings (exact in a double).
  double FooterLines() const { return static_cast<double>(footer_.size()); }

  PdfDocument& pdf_;
  const ReportContent& content_;
  double width_ = 0;
  double bottom_ = 0;
  std::vector<std::string> footer_;
  int page_ = -1;
  double y_ = 0;
};

std::string CodePointList(const std::vector<uint32_t>& cps) {
  std::string out;
  for (size_t i = 0; i < cps.size() && i < 8; ++i) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cps[i]));
    out += (i ? ", " : "") + std::string(buf);
  }
  if (cps.size() > 8) {
    const size_t more = cps.size() - 8;
    out = core::Format(core::TrN("%1, and %2 more", "%1, and %2 more", more), out, more);
  }
  return out;
}

}  // namespace

core::Result<RenderedPdf> ReportPdf::Render(const ReportContent& content, Paper paper,
                                            const FontSet& fonts) {
  PdfInfo info;
  // TRANSLATORS: the PDF's title in its properties: %1 the report's title,
  // %2 its period ("3 November 2026 to 17 November 2026").
  info.title = core::Format(core::TrC("PDF title", "%1, %2"), content.title,
                            core::Format(core::TrC("report period", "%1 to %2"),
                                         core::DayMonthYear(content.from),
                                         core::DayMonthYear(content.to)));
  // TRANSLATORS: the PDF's subject in its properties; the dates are
  // written 2026-11-03.
  info.subject = core::Format(core::Tr("Fieldnotes report for %1 to %2"),
                              core::FormatDate(content.from), core::FormatDate(content.to));
  info.author = content.display_name;
  info.creator = "Fieldnotes";
  info.creation_date = content.to;
  auto pdf = PdfDocument::Create(fonts, paper, info);
  if (!pdf.ok()) return pdf.status();
  Layout(**pdf, content).Run();
  auto bytes = (*pdf)->Save();
  if (!bytes.ok()) return bytes.status();
  RenderedPdf out;
  out.bytes = std::move(bytes).value();
  out.pages = (*pdf)->page_count();
  const auto missing = (*pdf)->missing_characters();
  if (!missing.empty()) {
    out.warnings.push_back(core::Format(
        // TRANSLATORS: %1 is a number of characters, %2 their code points
        // ("U+0E01, U+0E02"); □ is the box they appear as.
        core::TrN("%1 character could not be shown with the fonts installed and appears as \u25a1 "
                  "in the PDF (%2). Installing more fonts (such as fonts-noto-core) may help for "
                  "some scripts.",
                  "%1 different characters could not be shown with the fonts installed and appear "
                  "as \u25a1 in the PDF (%2). Installing more fonts (such as fonts-noto-core) may "
                  "help for some scripts.",
                  missing.size()),
        missing.size(), CodePointList(missing)));
  }
  return out;
}

}  // namespace fieldnotes::reports
