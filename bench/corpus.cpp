#include "bench/corpus.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace fieldnotes::bench {
namespace {

using core::Entry;
using core::EntryKind;
using core::Timestamp;

constexpr int64_t kDay = 86400;
constexpr int64_t kTenYears = 3653 * kDay;

template <size_t N>
using Pool = std::array<std::string_view, N>;

constexpr Pool<24> kBefore = {
    "a message from my manager",
    "my mother called about the weekend",
    "scrolling on my phone in bed",
    "the team meeting ran over again",
    "Sunday evening, thinking about Monday",
    "an email with 'quick question' in the subject",
    "my partner was late and didn't text",
    "a friend cancelled our plans at the last minute",
    "walking past my old school",
    "the bank app showed the balance",
    "waiting for the test results",
    "a comment in the group chat",
    "my son's teacher called",
    "the bus was late and I missed the start",
    "someone raised their voice on the phone",
    "the reminder for my appointment",
    "Zoë asked if I was okay",
    "José forgot my birthday",
    "coffee with Anna at the café",
    "the performance review",
    "a photo from the holiday came up",
    "my sister's message about Dad",
    "I saw the unpaid invoice",
    "the neighbours were shouting",
};

constexpr Pool<16> kBody = {
    "tight chest",
    "knot in my stomach",
    "jaw clenched",
    "shoulders up to my ears",
    "hot face",
    "shaky hands",
    "heavy legs",
    "throat closing up",
    "headache behind the eyes",
    "heart racing",
    "numb all over",
    "cold hands",
    "a buzzing in my arms",
    "couldn't breathe properly",
    "nauseous",
    "restless, couldn't sit still",
};

constexpr Pool<20> kThoughts = {
    "I'm going to get fired",
    "they think I'm useless",
    "I always ruin it",
    "what if something happened to her",
    "I should have said no",
    "nobody would notice if I wasn't there",
    "I'm not good enough for this",
    "I'm too much for people",
    "it's all my fault",
    "I can't cope with one more thing",
    "they're laughing at me",
    "I'll never catch up",
    "if I stop, everything falls apart",
    "I'm a burden",
    "everyone else finds this easy",
    "I made a fool of myself",
    "what if I can't pay the rent",
    "I'm failing my kids",
    "I shouldn't feel like this",
    "they're going to leave",
};

constexpr Pool<12> kUnsaid = {
    "I need more time",
    "that hurt",
    "please stop",
    "I'm not okay",
    "can we talk about it later",
    "I'm angry with you",
    "no",
    "I miss you",
    "I did my best",
    "you never ask how I am",
    "I need help with this",
    "leave me alone for an hour",
};

constexpr Pool<44> kSentences = {
    "Work was a lot today and I noticed the tension building after lunch.",
    "I slept badly again, woke up at four and couldn't get back to sleep.",
    "The meeting ran over and I didn't say what I wanted to say.",
    "I went for a walk in the park and it helped more than I expected.",
    "My manager sent another message late in the evening.",
    "I caught myself thinking the same thought over and over.",
    "I called my mother and it went better than last time.",
    "Sunday nights are still the hardest part of the week.",
    "I tried the breathing exercise before the call; it took the edge off.",
    "I didn't want to get out of bed, but I did.",
    "We argued about money again and I went quiet.",
    "I felt proud that I said no to the extra project.",
    "The group chat was busy and I felt left out.",
    "I noticed my shoulders were up to my ears the whole afternoon.",
    "Had a good day for once: coffee with Anna, then a long walk.",
    "I kept checking my phone for a reply that didn't come.",
    "I wrote the worry down and set it aside, like we practised.",
    "The kids were loud and I snapped at them, then felt guilty.",
    "I cried in the car before going into the office.",
    "Therapy homework: noticing the first sign. Today it was my jaw.",
    "The test results are still not back and I can't stop imagining the worst.",
    "I was calmer than I expected at the dentist.",
    "My partner made dinner and we watched something silly.",
    "I spent the evening scrolling and felt worse afterwards.",
    "I almost cancelled on my friends again but went anyway.",
    "At the café I realised I hadn't eaten since breakfast.",
    "There was a moment of real joy when the sun came out.",
    "The email from HR was about something else entirely.",
    "I told my sister how I feel about Dad's illness.",
    "The bus was late and I arrived flustered and apologising.",
    "I noticed the old thought: if I stop, everything falls apart.",
    "It was a quiet day, nothing much happened, and that was fine.",
    "I did the five-minute walk after lunch three days in a row.",
    "I felt the panic start in the supermarket queue and left.",
    "My neighbour said hello and I realised how lonely I've been.",
    "I finished the report early and nobody said anything.",
    "I was exhausted by the time I got home.",
    "Zoë laughed at my joke and I didn't overthink it for once.",
    "Łukasz from the new team asked me for advice.",
    "I practised saying what I need, out loud, in the kitchen.",
    "The holiday photos made me miss how things used to be.",
    "My chest felt tight all through the performance review.",
    "I went to bed at a reasonable time, which is a small win.",
    "I let the phone ring and called back when I was ready.",
};

// Sentences in other languages and scripts, for the entries of a client who
// writes in more than one language.
constexpr Pool<20> kOtherLanguages = {
    "J'ai l'impression de décevoir tout le monde au travail.",
    "Encore une réunion à rallonge, ça m'épuise complètement.",
    "Ich bin so müde, dass ich kaum schlafen kann.",
    "Die Prüfung morgen macht mir große Angst.",
    "Mi mamá llamó otra vez y no supe qué decir.",
    "Hoy me sentí más tranquila después de la caminata.",
    "Não consegui dormir de novo, a cabeça não para.",
    "Znowu się pokłóciliśmy o pieniądze.",
    "Νιώθω ότι δεν τα καταφέρνω σε τίποτα.",
    "Σήμερα ήταν μια πιο ήσυχη μέρα.",
    "Опять не могу уснуть, мысли крутятся по кругу.",
    "Сегодня было немного легче, чем вчера.",
    "今日は少し落ち着いていた。散歩が良かった。",
    "会議の後、胸が苦しくなった。",
    "Jeg føler meg så sliten etter jobben.",
    "Söndagskvällar är fortfarande svårast.",
    "Bugün kendimi biraz daha iyi hissettim.",
    "Kávé Annával a kávézóban, jó volt beszélgetni.",
    "Un día difícil 😔 pero lo superé.",
    "Crème brûlée au café avec Chloé — enfin un bon moment.",
};

constexpr Pool<8> kOwnWords = {"dread", "hollow",  "wired",       "small",
                               "flat",  "prickly", "überwältigt", "on edge"};

constexpr Pool<12> kTags = {"work",    "family",  "sleep",   "money",
                            "health",  "partner", "friends", "school",
                            "commute", "weekend", "kids",    "therapy homework"};

constexpr Pool<12> kThreadTitles = {
    "notice the thought before reacting",
    "five-minute walk after lunch",
    "say no once a week",
    "box breathing before calls",
    "write the worry down and set it aside",
    "call Anna on Sundays",
    "phone out of the bedroom",
    "one kind sentence to myself",
    "ask for what I need, once",
    "name the feeling out loud",
    "leave work at six",
    "five things I can see",
};

constexpr Pool<8> kQuestions = {
    "What were you afraid would happen?",
    "What happened right before?",
    "What would you tell a friend who felt this?",
    "What did you need in that moment?",
    "When did you last feel this way?",
    "What would have helped?",
    "Is this thought a fact or a fear?",
    "What did you do next?",
};

constexpr Pool<10> kAnswers = {
    "That they'd see I don't know what I'm doing.",
    "That she would be disappointed in me.",
    "I'd tell them it's okay to be tired.",
    "A break, and someone to say it's fine.",
    "Last Sunday, before the week started.",
    "Saying something instead of going quiet.",
    "A fear. Probably.",
    "I went for a walk.",
    "I don't know yet.",
    "Être écouté, simplement.",
};

const std::vector<std::string> kQueries = {
    "manager",
    "Sunday",
    "sunday night",
    "chest",
    "tight chest",
    "mother",
    "sleep",
    "couldn't sleep",
    "not good enough",
    "what if",
    "fired",
    "money",
    "breathing",
    "walk",
    "said no",
    "too much",
    "email",
    "group chat",
    "jaw",
    "angry",
    "nobody",
    "MEETING",
    "meeting ran over",
    "cafe",
    "Café",
    "déçois",
    "decevoir",
    "müde",
    "prufung",
    "уснуть",
    "Νιώθω",
    "νιωθω",
    "落ち着",
    "Zoe",
    "jose",
    "lukasz",
    "heart racing",
    "I should have",
    "quick question",
    "test results",
    "panic",
    "proud",
    "good day",
    "homework",
    "partner",
    "holiday",
    "no",
    "zebra crossing",
    "xylophone",
    "burden",
};

template <size_t N>
std::string_view Pick(std::mt19937_64& rng, const Pool<N>& pool) {
  return pool[std::uniform_int_distribution<size_t>(0, N - 1)(rng)];
}

}  // namespace

size_t CorpusGenerator::Uniform(size_t n) {
  return std::uniform_int_distribution<size_t>(0, n - 1)(rng_);
}

bool CorpusGenerator::Chance(double p) { return std::bernoulli_distribution(p)(rng_); }

std::string CorpusGenerator::Sentence() {
  if (multilingual_ && Chance(0.5)) return std::string(Pick(rng_, kOtherLanguages));
  return std::string(Pick(rng_, kSentences));
}

std::string CorpusGenerator::Paragraph(size_t sentences) {
  std::string out;
  for (size_t i = 0; i < sentences; ++i) {
    if (i) out += (Chance(0.15) ? "\n\n" : " ");
    out += Sentence();
  }
  return out;
}

Entry CorpusGenerator::MakeEntry(const Timestamp& at) {
  return MakeEntry(at, std::string(Pick(rng_, kThreadTitles)));
}

Entry CorpusGenerator::MakeEntry(const Timestamp& at, const std::string& thread) {
  multilingual_ = Chance(0.12);
  Entry e;
  e.id = core::NewUuid();
  e.written_at = at;
  double k = std::uniform_real_distribution<double>(0, 1)(rng_);
  e.kind = k < 0.35   ? EntryKind::kSpike
           : k < 0.55 ? EntryKind::kLoop
           : k < 0.70 ? EntryKind::kThread
                      : EntryKind::kNote;

  auto add_emotions = [&](size_t max) {
    size_t n = 1 + Uniform(max);
    const auto vocab = core::EmotionVocabulary();
    for (size_t i = 0; i < n; ++i) {
      std::string emotion = Chance(0.15) ? std::string(Pick(rng_, kOwnWords))
                                         : std::string(vocab[Uniform(vocab.size())]);
      if (std::find(e.emotions.begin(), e.emotions.end(), emotion) == e.emotions.end())
        e.emotions.push_back(std::move(emotion));
    }
  };
  // Sentence counts follow a long tail: most entries are short, a few are
  // pages long.
  auto long_tail = [&](double median, size_t cap) {
    double x = std::lognormal_distribution<double>(std::log(median), 0.8)(rng_);
    return std::clamp<size_t>(static_cast<size_t>(x), 1, cap);
  };

  switch (e.kind) {
    case EntryKind::kSpike:
      add_emotions(3);
      e.intensity = static_cast<int>(3 + Uniform(8));
      e.before = Pick(rng_, kBefore);
      if (Chance(0.3)) e.before += ". " + Sentence();
      e.body = Pick(rng_, kBody);
      e.thought = Pick(rng_, kThoughts);
      if (Chance(0.7)) e.unsaid = Pick(rng_, kUnsaid);
      if (Chance(0.6)) e.text = Paragraph(long_tail(3, 16));
      break;
    case EntryKind::kLoop:
      add_emotions(2);
      if (Chance(0.6)) e.intensity = static_cast<int>(2 + Uniform(8));
      e.text = std::string(Pick(rng_, kThoughts)) + ". " + Paragraph(long_tail(3, 12));
      break;
    case EntryKind::kThread:
      e.thread = thread;
      if (Chance(0.6)) add_emotions(2);
      e.text = Paragraph(long_tail(5, 24));
      break;
    case EntryKind::kNote:
      if (Chance(0.5)) add_emotions(2);
      e.text = Paragraph(long_tail(9, 100));
      break;
  }
  size_t tags = Uniform(4);
  for (size_t i = 0; i < tags; ++i) {
    std::string tag(Pick(rng_, kTags));
    if (std::find(e.tags.begin(), e.tags.end(), tag) == e.tags.end()) e.tags.push_back(tag);
  }
  if (e.kind != EntryKind::kNote && Chance(0.4)) {
    size_t n = 1 + Uniform(2);
    for (size_t i = 0; i < n; ++i) {
      e.followups.push_back({std::string(Pick(rng_, kQuestions)),
                             Chance(0.8) ? std::string(Pick(rng_, kAnswers)) : std::string()});
    }
  }
  if (Chance(0.5)) {
    e.mood_before = static_cast<int>(Uniform(11));
    e.mood_after = std::clamp(*e.mood_before + static_cast<int>(Uniform(5)) - 1, 0, 10);
  }
  return e;
}

Corpus CorpusGenerator::Generate(size_t count, int64_t end_unix_seconds) {
  Corpus corpus;
  const int64_t start = end_unix_seconds - kTenYears;

  // Instants: a uniform day, then an hour weighted towards the evening.
  std::vector<int64_t> instants(count);
  constexpr std::array<double, 24> kHourWeight = {1, 1, 0.5, 0.5, 0.5, 0.5, 1, 2, 3, 2, 2, 2,
                                                  3, 2, 2,   2,   2,   3,   3, 3, 4, 6, 6, 3};
  std::discrete_distribution<int> hour(kHourWeight.begin(), kHourWeight.end());
  for (int64_t& t : instants) {
    int64_t day = static_cast<int64_t>(Uniform(static_cast<size_t>(kTenYears / kDay)));
    t = start + day * kDay + hour(rng_) * 3600 + static_cast<int64_t>(Uniform(3600));
  }
  std::sort(instants.begin(), instants.end());

  // A new thread from a session every three months or so.
  auto thread_at = [&](int64_t t) {
    size_t quarter = static_cast<size_t>((t - start) / (91 * kDay));
    return std::string(kThreadTitles[quarter % kThreadTitles.size()]);
  };
  for (int64_t t : instants) {
    // Mostly Central European time (summer time from April to October), some travel.
    int32_t offset = 60;
    core::Timestamp probe{t, 0};
    int month = probe.LocalDate().month;
    if (month >= 4 && month <= 10) offset = 120;
    if (Chance(0.05)) offset = Chance(0.5) ? 0 : -300;
    corpus.entries.push_back(MakeEntry(Timestamp{t, offset}, thread_at(t)));
    const Entry& e = corpus.entries.back();
    std::string text = e.SearchableText();
    corpus.text_bytes += text.size();
    if (std::any_of(text.begin(), text.end(), [](char c) { return c & 0x80; }))
      ++corpus.non_ascii_entries;
  }

  for (int64_t t = start + 3 * kDay; t < end_unix_seconds; t += 14 * kDay) {
    core::Session s;
    s.id = core::NewUuid();
    s.at = Timestamp{t + 17 * 3600 + static_cast<int64_t>(Uniform(4)) * 1800, 60};
    if (Chance(0.5)) s.note = Sentence();
    corpus.sessions.push_back(std::move(s));
  }
  return corpus;
}

const std::vector<std::string>& SearchQueries() { return kQueries; }

}  // namespace fieldnotes::bench
