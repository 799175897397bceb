#include "reports/report_builder.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/display.h"
#include "core/i18n.h"
#include "core/json.h"
#include "reports/observation_types.h"
#include "reports/phrase_format.h"
#include "reports/report_lines.h"
#include "reports/six_word_rule.h"

namespace fieldnotes::reports {
namespace {

using core::Status;

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// What the client gave for the report, for the messages about it.
enum class ClientPart { kAgendaItem, kQuestion, kReword, kNote };

Status NotUtf8(ClientPart part) {
  switch (part) {
    case ClientPart::kAgendaItem:
      return Status::InvalidArgument(core::Tr("An agenda item is not valid UTF-8."));
    case ClientPart::kQuestion:
      return Status::InvalidArgument(core::Tr("A question is not valid UTF-8."));
    case ClientPart::kReword:
      return Status::InvalidArgument(core::Tr("A reworded line is not valid UTF-8."));
    case ClientPart::kNote:
      return Status::InvalidArgument(core::Tr("A note is not valid UTF-8."));
  }
  return Status::InvalidArgument("not valid UTF-8");
}

Status Empty(ClientPart part) {
  switch (part) {
    case ClientPart::kAgendaItem:
      return Status::InvalidArgument(core::Tr("An agenda item is empty."));
    case ClientPart::kQuestion:
      return Status::InvalidArgument(core::Tr("A question is empty."));
    case ClientPart::kReword:
      return Status::InvalidArgument(core::Tr("A reworded line is empty."));
    case ClientPart::kNote:
      return Status::InvalidArgument(core::Tr("A note is empty."));
  }
  return Status::InvalidArgument("empty");
}

Status TooLong(ClientPart part) {
  const char* pattern = nullptr;
  switch (part) {
    case ClientPart::kAgendaItem:
      // TRANSLATORS: %1 is a number of characters.
      pattern = core::Tr("An agenda item is too long: keep it to about %1 characters.");
      break;
    case ClientPart::kQuestion:
      // TRANSLATORS: %1 is a number of characters.
      pattern = core::Tr("A question is too long: keep it to about %1 characters.");
      break;
    case ClientPart::kReword:
      // TRANSLATORS: %1 is a number of characters.
      pattern = core::Tr("A reworded line is too long: keep it to about %1 characters.");
      break;
    case ClientPart::kNote:
      // TRANSLATORS: %1 is a number of characters.
      pattern = core::Tr("A note is too long: keep it to about %1 characters.");
      break;
  }
  return Status::InvalidArgument(core::Format(pattern, ReportBuilder::kMaxClientTextBytes));
}

// The client's text made fit for one line of the report: control
// characters become spaces, surrounding space goes. InvalidArgument when
// empty, too long or not UTF-8, with a message that names `part`.
core::Result<std::string> ClientText(const std::string& text, ClientPart part) {
  if (!core::json::IsValidUtf8(text)) return NotUtf8(part);
  std::string out;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    out += (u < 0x20 || u == 0x7F) ? ' ' : c;
  }
  const size_t first = out.find_first_not_of(' ');
  if (first == std::string::npos) return Empty(part);
  out = out.substr(first, out.find_last_not_of(' ') - first + 1);
  if (out.size() > ReportBuilder::kMaxClientTextBytes) return TooLong(part);
  return out;
}

// Where the type table places an observation when it is not picked.
bool In(const Observation& o, SectionKind section) { return InfoOf(o.type()).section == section; }

bool Repeats(const Observation& o) { return In(o, SectionKind::kRepeated); }

struct Draft {
  ReportContent content;
  std::map<std::string, std::string> plain;  // item id -> fallback text
  std::map<std::string, const Observation*> used;
};

class Builder {
 public:
  Builder(const ReportInput& input, const ReportOptions& options)
      : in_(input), opt_(options), period_(input.patterns->period) {}

  core::Result<ReportContent> Run();

 private:
  Status CheckOptions();
  void Header();
  void Mood();
  void SinceLastSession();
  void Agenda();
  void Repeated();
  void Questions();
  Status ApplyEdits();
  void AddItem(SectionKind kind, ReportItem item, const Observation* from,
               std::optional<std::string> plain = std::nullopt);
  Status Repair();
  void Observations();
  bool IsQuoted(const std::string& id) const { return Contains(opt_.quotes, id); }

  const ReportInput& in_;
  const ReportOptions& opt_;
  const Period& period_;
  std::map<std::string, const Observation*> by_id_;
  std::vector<std::string> agenda_;
  std::vector<std::string> questions_;
  Draft d_;
};

Status Builder::CheckOptions() {
  for (const Observation& o : in_.patterns->observations) by_id_[o.id] = &o;
  auto known = [&](const std::vector<std::string>& ids, const char* option) -> Status {
    for (const auto& id : ids) {
      if (!by_id_.count(id)) {
        return Status::InvalidArgument(core::Format(
            // TRANSLATORS: %1 is an id the person gave, in quotes; %2 the
            // option ("--pick"). --preview is an option of fieldnotes-cli report.
            core::Tr("there is no observation %1 for %2 in this period; see the ids with "
                     "--preview."),
            reports::Quoted(id), option));
      }
    }
    return Status::Ok();
  };
  FN_RETURN_IF_ERROR(known(opt_.picks, "--pick"));
  FN_RETURN_IF_ERROR(known(opt_.excludes, "--exclude"));
  FN_RETURN_IF_ERROR(known(opt_.quotes, "--quote"));
  for (const auto& id : opt_.picks) {
    if (Contains(opt_.excludes, id))
      return Status::InvalidArgument(
          core::Format(core::Tr("%1 is both picked and excluded."), reports::Quoted(id)));
  }
  if (opt_.picks.size() + opt_.agenda.size() > ReportBuilder::kMaxAgenda)
    return Status::InvalidArgument(core::Tr("pick one thing to bring, two at most."));
  if (opt_.questions.size() > ReportBuilder::kMaxQuestions) {
    return Status::InvalidArgument(core::Format(
        core::TrN("up to %1 question fits in a report.", "up to %1 questions fit in a report.",
                  ReportBuilder::kMaxQuestions),
        ReportBuilder::kMaxQuestions));
  }
  for (const auto& a : opt_.agenda) {
    auto text = ClientText(a, ClientPart::kAgendaItem);
    if (!text.ok()) return text.status();
    agenda_.push_back(*text);
  }
  for (const auto& q : opt_.questions) {
    auto text = ClientText(q, ClientPart::kQuestion);
    if (!text.ok()) return text.status();
    questions_.push_back(*text);
  }
  return Status::Ok();
}

void Builder::Header() {
  ReportContent& c = d_.content;
  c.from = period_.from();
  c.to = period_.to();
  if (period_.session()) c.last_session = period_.session()->at.LocalDate();
  std::optional<core::Timestamp> next;
  for (const core::Session& s : in_.data.sessions) {
    if (period_.session() && s.id == period_.session()->id) continue;
    if (s.at.LocalDate() < c.to) continue;
    if (period_.session() && s.at <= period_.session()->at) continue;
    if (!next || s.at < *next) next = s.at;
  }
  if (next) c.next_session = next->LocalDate();
  // TRANSLATORS: the report's title, in the client's voice.
  c.title = core::Tr("Notes for my next session");
  std::string sub;
  if (!opt_.display_name.empty()) sub = opt_.display_name + " \u00b7 ";
  // TRANSLATORS: the report's period under its title: %1 and %2 the first
  // and last day, written as every screen writes a day ("3 November 2026").
  sub += core::Format(core::TrC("report period", "%1 to %2"), core::DayMonthYear(c.from),
                      core::DayMonthYear(c.to));
  // TRANSLATORS: after the report's period under its title: %1 is the date
  // of the next session ("Tuesday 3 November 2026").
  if (next) sub += " \u00b7 " + core::Format(core::Tr("for the session on %1"), core::LongDate(*next));
  c.subtitle = sub;
  c.display_name = opt_.display_name;
  c.region = opt_.region;
  for (const core::Entry& e : in_.data.entries) c.entries += period_.Contains(e) ? 1 : 0;
  for (SectionKind kind : kSectionOrder) c.sections.push_back(ReportSection{kind, {}, {}, {}});
  c.footer = FooterLines(opt_.display_name, opt_.region);
  if (in_.previous)
    c.previous = PreviousReportRef{in_.previous_id, in_.previous->from, in_.previous->to};
}

void Builder::AddItem(SectionKind kind, ReportItem item, const Observation* from,
                      std::optional<std::string> plain) {
  if (from) {
    item.observation_id = from->id;
    d_.used[item.id] = from;
  }
  if (plain) d_.plain[item.id] = *plain;
  d_.content.Section(kind)->items.push_back(std::move(item));
}

void Builder::Mood() {
  ReportSection& s = *d_.content.Section(SectionKind::kMood);
  std::vector<const Observation*> mood;
  for (const Observation& o : in_.patterns->observations) {
    if (In(o, SectionKind::kMood) && !Contains(opt_.excludes, o.id)) mood.push_back(&o);
  }
  if (d_.content.entries == 0) {
    s.empty_text = core::Format(
        // TRANSLATORS: the report when the journal is empty for the period: %1
        // is "since your last session". Warm, never a reproach.
        core::Tr("Nothing was written %1, and that's fine: the journal is for when something "
                 "moves."),
        period_.Phrase());
    return;
  }
  // TRANSLATORS: %1 is the period ("since your last session").
  s.empty_text = core::Format(core::Tr("No mood or feeling was noted %1."), period_.Phrase());
  std::vector<const Observation*> emotions;
  for (const Observation* o : mood) {
    const auto& d = std::get<MoodDetail>(o->detail);
    if (d.emotion.empty()) {
      AddItem(SectionKind::kMood, ReportItem{o->id, o->summary, "", "", false, {}}, o);
      d_.content.mood_before = d.average;
      d_.content.mood_after = d.average_after;
    } else {
      emotions.push_back(o);
    }
  }
  const std::string feelings = FeelingsLine(emotions, period_);
  if (!feelings.empty()) {
    AddItem(SectionKind::kMood, ReportItem{"mood-feelings", feelings, "", "", false, {}}, nullptr);
  }
  d_.content.chart = ChartFor(mood, period_, ReportBuilder::kMaxChartEmotions);
}

void Builder::SinceLastSession() {
  ReportSection& s = *d_.content.Section(SectionKind::kSinceLastSession);
  s.empty_text = core::Format(
      // TRANSLATORS: %1 is the period ("since your last session").
      core::Tr("No suggestion from a session was followed up in the journal %1."),
      period_.Phrase());
  if (in_.previous) {
    // What the client chose to bring last time, in the words they chose then.
    const ReportSection* before = in_.previous->Section(SectionKind::kAgenda);
    std::vector<std::string> picked;
    for (const ReportItem& item : before ? before->items : std::vector<ReportItem>{}) {
      picked.push_back(item.text);
    }
    if (!picked.empty()) {
      std::string list;
      for (size_t i = 0; i < picked.size(); ++i)
        list += (i ? std::string(core::Tr("; ")) : std::string()) + reports::Quoted(picked[i]);
      // TRANSLATORS: in the client's voice: %1 lists what they chose to
      // bring to the last session, each in quotes.
      ReportItem item{"last-time", core::Format(core::Tr("Last time I chose to bring: %1."), list),
                      "", "", false, {}};
      for (const ReportItem& p : before->items) {
        if (p.client_written) item.excerpts.push_back(p.text);
        for (const auto& e : p.excerpts) item.excerpts.push_back(e);
      }
      AddItem(SectionKind::kSinceLastSession, std::move(item), nullptr);
    }
  }
  size_t shown = 0;
  size_t more = 0;
  for (const Observation& o : in_.patterns->observations) {
    if (!In(o, SectionKind::kSinceLastSession) || Contains(opt_.excludes, o.id)) continue;
    if (Contains(opt_.picks, o.id)) continue;
    if (shown == ReportBuilder::kMaxThreads) {
      ++more;
      continue;
    }
    ObservationLine line = LineFor(o, period_, IsQuoted(o.id));
    AddItem(SectionKind::kSinceLastSession,
            ReportItem{o.id, line.text, "", "", false, line.excerpts}, &o);
    ++shown;
  }
  if (more > 0) {
    s.notes.push_back(core::Format(
        core::TrN("%1 more suggestion was followed up; left out to keep this short.",
                  "%1 more suggestions were followed up; left out to keep this short.", more),
        more));
  }
}

void Builder::Agenda() {
  ReportSection& s = *d_.content.Section(SectionKind::kAgenda);
  s.empty_text = core::Tr("Nothing picked this time.");
  for (const std::string& id : opt_.picks) {
    const Observation* o = by_id_.at(id);
    ObservationLine line = LineFor(*o, period_, IsQuoted(id));
    AddItem(SectionKind::kAgenda, ReportItem{id, line.text, "", "", false, line.excerpts}, o,
            line.plain);
  }
  for (size_t i = 0; i < agenda_.size(); ++i) {
    AddItem(SectionKind::kAgenda,
            ReportItem{"agenda-" + std::to_string(i + 1), agenda_[i], "", "", true, {}}, nullptr);
  }
  // Suggestions for the client (not drawn): what repeated most.
  for (const Observation& o : in_.patterns->observations) {
    if (d_.content.suggestions.size() == ReportBuilder::kMaxSuggestions) break;
    if (Repeats(o) && !Contains(opt_.excludes, o.id) && !Contains(opt_.picks, o.id))
      d_.content.suggestions.push_back(o.id);
  }
}

void Builder::Repeated() {
  ReportSection& s = *d_.content.Section(SectionKind::kRepeated);
  const bool picked_one =
      std::any_of(opt_.picks.begin(), opt_.picks.end(),
                  [&](const std::string& id) { return Repeats(*by_id_.at(id)); });
  s.empty_text = core::Format(picked_one
                                  // TRANSLATORS: %1 is the period ("since your last session"); the
                                  // second form is for when the client picked something that repeated.
                                  ? core::Tr("Nothing else repeated often enough to count %1.")
                                  : core::Tr("Nothing repeated often enough to count %1."),
                              period_.Phrase());
  std::set<std::string> keys_before;
  if (in_.previous) {
    for (const ReportObservation& o : in_.previous->observations) {
      if (o.placement == SectionKey(SectionKind::kRepeated) ||
          o.placement == SectionKey(SectionKind::kAgenda))
        keys_before.insert(o.key);
    }
  }
  size_t shown = 0;
  size_t more = 0;
  std::set<std::string> keys_now;
  for (const Observation& o : in_.patterns->observations) {
    if (!Repeats(o) || Contains(opt_.excludes, o.id)) continue;
    keys_now.insert(ObservationKey(o));
    if (Contains(opt_.picks, o.id)) continue;
    if (shown == ReportBuilder::kMaxRepeated) {
      ++more;
      continue;
    }
    ObservationLine line = LineFor(o, period_, IsQuoted(o.id));
    if (keys_before.count(ObservationKey(o))) {
      // TRANSLATORS: after a line of the report that was in the last one too.
      const std::string also = std::string(" ") + core::Tr("Also in the last report.");
      line.text += also;
      if (line.plain) *line.plain += also;
    }
    AddItem(SectionKind::kRepeated, ReportItem{o.id, line.text, "", "", false, line.excerpts}, &o,
            line.plain);
    ++shown;
  }
  if (more > 0) {
    s.notes.push_back(
        core::Format(core::TrN("%1 more thing repeated; left out to keep this short.",
                               "%1 more things repeated; left out to keep this short.", more),
                     more));
  }
  size_t gone = 0;
  for (const auto& k : keys_before) gone += keys_now.count(k) ? 0 : 1;
  if (gone > 0) {
    s.notes.push_back(
        core::Format(core::TrN("%1 thing from the last report did not come up this time.",
                               "%1 things from the last report did not come up this time.", gone),
                     gone));
  }
}

// "a spike on Nov 3: “message from my manager”": what a follow-up
// question belongs to, with at most five of the entry's words.
std::string AskedAfter(const core::Entry& e, int reference_year) {
  const std::string day = ShortDate(e.written_at.LocalDate(), reference_year);
  std::string out;
  switch (e.kind) {
    // TRANSLATORS: which entry a question was asked after, inside "(asked
    // after %1)": %1 is a date ("Nov 3").
    case core::EntryKind::kSpike: out = core::Format(core::Tr("a spike on %1"), day); break;
    case core::EntryKind::kLoop: out = core::Format(core::Tr("a loop on %1"), day); break;
    case core::EntryKind::kThread: out = core::Format(core::Tr("a thread entry on %1"), day); break;
    case core::EntryKind::kNote: out = core::Format(core::Tr("a note on %1"), day); break;
  }
  const core::CompactString& words = e.kind == core::EntryKind::kSpike && !e.before.empty()
                                         ? e.before
                                     : !e.thought.empty() ? e.thought
                                                          : e.text;
  const std::string first = SixWordRule::FirstWords(words);
  // TRANSLATORS: an entry ("a spike on Nov 3") and its first words, in
  // quotes.
  if (!first.empty()) out = core::Format(core::TrC("an entry and its first words", "%1: %2"), out,
                                         Quoted(first));
  return out;
}

void Builder::Questions() {
  ReportSection& s = *d_.content.Section(SectionKind::kQuestions);
  s.empty_text = core::Tr("None this time.");
  const int year = period_.to().year;
  for (size_t i = 0; i < questions_.size(); ++i) {
    // A question the journal asked says which entry it was asked after: the
    // latest in the period that left it unanswered. The client's own
    // questions stand as written.
    std::string text = questions_[i];
    const core::Entry* after = nullptr;
    for (const core::Entry& e : in_.data.entries) {
      if (!period_.Contains(e)) continue;
      if (after != nullptr && e.written_at <= after->written_at) continue;
      for (const core::FollowUp& f : e.followups) {
        if (f.answer.empty() && f.question == text) {
          after = &e;
          break;
        }
      }
    }
    if (after != nullptr)
      // TRANSLATORS: after a question the journal asked: %1 is the entry
      // ("a spike on Nov 3: "message from my manager"").
      text += " " + core::Format(core::Tr("(asked after %1)"), AskedAfter(*after, year));
    AddItem(SectionKind::kQuestions,
            ReportItem{"question-" + std::to_string(i + 1), std::move(text), "", "", true, {}},
            nullptr);
  }
}

Status Builder::ApplyEdits() {
  auto find = [&](const std::string& id) -> std::pair<ReportSection*, size_t> {
    for (ReportSection& s : d_.content.sections) {
      for (size_t i = 0; i < s.items.size(); ++i) {
        if (s.items[i].id == id) return {&s, i};
      }
    }
    return {nullptr, 0};
  };
  auto missing = [](const std::string& id, const char* option) {
    return Status::InvalidArgument(core::Format(
        // TRANSLATORS: %1 is an id the person gave, in quotes; %2 the option
        // ("--reword"). --preview is an option of fieldnotes-cli report.
        core::Tr("there is no line %1 for %2 in this report; see the ids with --preview."),
        reports::Quoted(id), option));
  };
  for (const auto& [id, text] : opt_.rewords) {
    auto [section, i] = find(id);
    if (!section) return missing(id, "--reword");
    auto clean = ClientText(text, ClientPart::kReword);
    if (!clean.ok()) return clean.status();
    ReportItem& item = section->items[i];
    item.text = *clean;
    item.client_written = true;
    item.excerpts.clear();
    d_.plain.erase(id);
  }
  for (const auto& [id, text] : opt_.notes) {
    auto [section, i] = find(id);
    if (!section) return missing(id, "--note");
    auto clean = ClientText(text, ClientPart::kNote);
    if (!clean.ok()) return clean.status();
    section->items[i].note = *clean;
  }
  for (const auto& id : opt_.removes) {
    auto [section, i] = find(id);
    if (!section) return missing(id, "--remove");
    section->items.erase(section->items.begin() + static_cast<std::ptrdiff_t>(i));
    d_.used.erase(id);
  }
  return Status::Ok();
}

void Builder::Observations() {
  ReportContent& c = d_.content;
  c.observations.clear();
  for (const ReportSection& s : c.sections) {
    for (const ReportItem& item : s.items) {
      auto it = d_.used.find(item.id);
      if (it == d_.used.end()) continue;
      const Observation& o = *it->second;
      ReportObservation r;
      r.id = o.id;
      r.type = std::string(TypeName(o.type()));
      r.key = ObservationKey(o);
      r.summary = item.text;  // as the report says it, in the client's words if reworded
      r.count = o.count;
      r.evidence = o.evidence;  // shared, not copied
      r.placement = std::string(SectionKey(s.kind));
      c.observations.push_back(std::move(r));
    }
  }
}

// Lines that would break the six-word rule fall back to their plain form,
// and are dropped when they have none or it breaks it too.
Status Builder::Repair() {
  for (int round = 0; round < 3; ++round) {
    const auto violations =
        SixWordRule::Check(in_.data.entries, GuardedTexts(d_.content), in_.data.cache,
                           in_.data.revision);
    if (violations.empty()) return Status::Ok();
    std::set<std::string> where;
    for (const auto& v : violations) where.insert(v.where);
    for (ReportSection& s : d_.content.sections) {
      size_t dropped = 0;
      for (auto it = s.items.begin(); it != s.items.end();) {
        const bool bad = where.count("item " + it->id) || where.count("observation " + it->id);
        if (!bad) {
          ++it;
          continue;
        }
        auto plain = d_.plain.find(it->id);
        if (plain != d_.plain.end() && round == 0) {
          it->text = plain->second;
          it->excerpts.clear();
          ++it;
        } else {
          d_.used.erase(it->id);
          it = s.items.erase(it);
          ++dropped;
        }
      }
      if (dropped > 0) {
        s.notes.push_back(core::Format(
            // TRANSLATORS: in the client's voice: lines of the report left out
            // because they would have quoted six or more words of an entry.
            core::TrN("%1 line was left out because it would have quoted my journal.",
                      "%1 lines were left out because it would have quoted my journal.", dropped),
            dropped));
      }
    }
    for (ChartSeries& series : d_.content.chart.series) {
      if (where.count("chart label"))
        // TRANSLATORS: a line of the mood chart whose name would have
        // quoted the journal: the previous stretch's mood, or a feeling.
        series.label = series.previous ? core::Tr("Mood before writing, before")
                                       // TRANSLATORS: as "Mood before writing, before".
                                       : core::Tr("A feeling");
    }
    Observations();
  }
  return ReportBuilder::CheckSixWordRule(d_.content, in_.data.entries);
}

core::Result<ReportContent> Builder::Run() {
  FN_RETURN_IF_ERROR(CheckOptions());
  Header();
  Mood();
  SinceLastSession();
  Agenda();
  Repeated();
  Questions();
  FN_RETURN_IF_ERROR(ApplyEdits());
  Observations();
  FN_RETURN_IF_ERROR(Repair());
  return std::move(d_.content);
}

}  // namespace

core::Result<ReportContent> ReportBuilder::Build(const ReportInput& input,
                                                 const ReportOptions& options) {
  if (input.patterns == nullptr) return Status::Internal("ReportBuilder::Build without patterns");
  Builder builder(input, options);
  return builder.Run();
}

Status ReportBuilder::CheckSixWordRule(const ReportContent& content,
                                       std::span<const core::Entry> entries) {
  const auto violations = SixWordRule::Check(entries, GuardedTexts(content));
  if (violations.empty()) return Status::Ok();
  return Status::Internal("the report would quote six or more words in a row from an entry in " +
                          violations.front().where + " without the client choosing it");
}

}  // namespace fieldnotes::reports
