#include "journal_generator.h"

#include <algorithm>
#include <array>
#include <random>
#include <set>
#include <string_view>

namespace fieldnotes::reports::testing {
namespace {

using core::Entry;
using core::EntryKind;
using Words = std::vector<std::string_view>;

constexpr int64_t kDay = 86400;

// ---- noise ----
//
// Sentences are put together from a subject, a verb, an object and an
// adjunct drawn from large pools, in several shapes, so two noise sentences
// rarely share more than one content word, while everyday words ("work",
// "today", "again", "felt") are everywhere. Frames around the slots carry
// at most one content word, so the frame alone never makes two sentences
// "say the same thing".

const Words kPeople = {
    "my sister",        "my boss",          "the neighbour", "my brother",     "my friend Sam",
    "the landlord",     "my colleague",     "the teacher",   "my aunt",        "my flatmate",
    "the doctor",       "my cousin",        "the new hire",  "my ex",          "the coach",
    "my team lead",     "the receptionist", "my uncle",      "my manager",     "the mechanic",
    "my old friend Jo", "the client",       "my mother",     "my best friend", "my dad",
    "the plumber",      "my niece",         "Priya",         "Tomasz",         "the vet"};
const Words kAdjectives = {"lazy",     "useless",      "boring",    "selfish",    "slow",
                           "awkward",  "clumsy",       "dramatic",  "needy",      "forgetful",
                           "rude",     "cold",         "distant",   "careless",   "stubborn",
                           "weak",     "loud",         "difficult", "unreliable", "naive",
                           "childish", "disorganised", "moody",     "impatient",  "petty",
                           "fake",     "pushy",        "sloppy",    "vague",      "bossy"};
const Words kVerbs = {
    "cancelled", "moved",  "forgot",     "mentioned",    "fixed",     "postponed", "checked",
    "cleaned",   "booked", "sold",       "painted",      "returned",  "printed",   "signed",
    "lost",      "found",  "repaired",   "packed",       "ordered",   "measured",  "borrowed",
    "emptied",   "sorted", "rearranged", "delivered",    "collected", "skipped",   "finished",
    "started",   "missed", "paid",       "changed",      "replaced",  "opened",    "tidied",
    "renewed",   "cooked", "watered",    "photographed", "recorded"};
const Words kDone = {
    "replied sooner",      "said something",     "finished the form",   "called back",
    "asked for help",      "left earlier",       "checked the budget",  "booked the appointment",
    "cleaned the kitchen", "sent the invoice",   "answered the email",  "gone for a run",
    "fixed the bike",      "paid the bill",      "read the letter",     "walked the dog",
    "spoken up",           "planned the trip",   "returned the parcel", "charged the phone",
    "watered the plants",  "written the report", "ordered the part",    "backed up the photos"};
const Words kThings = {"the tax forms",
                       "the car",
                       "the birthday party",
                       "the presentation",
                       "the wedding",
                       "the dentist",
                       "the broken boiler",
                       "the garden",
                       "the school run",
                       "the weekend plans",
                       "the holiday booking",
                       "the gym membership",
                       "the library books",
                       "the laundry pile",
                       "the project budget",
                       "the move",
                       "the homework",
                       "the insurance claim",
                       "the visa paperwork",
                       "the team offsite",
                       "the quarterly review",
                       "the leaking roof",
                       "the noisy neighbours",
                       "the old laptop",
                       "the phone contract",
                       "the vet bill",
                       "the exam",
                       "the job interview",
                       "the family dinner",
                       "the spare room",
                       "the bike lock",
                       "the recycling",
                       "the passport photos",
                       "the fridge",
                       "the council tax",
                       "the guitar lessons",
                       "the allotment",
                       "the bathroom tiles",
                       "the charity run",
                       "the book club",
                       "the printer",
                       "the media pack",
                       "the social evening",
                       "the wardrobe",
                       "the curtains",
                       "the driving test",
                       "the pension letter",
                       "the router",
                       "the spreadsheet",
                       "the sourdough starter"};
const Words kAdjuncts = {
    "yesterday",        "this morning",    "last week",      "on Monday",
    "before lunch",     "last night",      "at the weekend", "on Friday",
    "earlier",          "in the rain",     "on the bus",     "after work",
    "at the market",    "in the car park", "over breakfast", "by the river",
    "at noon",          "on the phone",    "in the queue",   "at the station",
    "after the gym",    "before dinner",   "in the lift",    "at the corner shop",
    "on the train",     "late at night",   "in the garden",  "at the pharmacy",
    "during the storm", "at half past six"};
const Words kFeelings = {"tired", "calm",    "flat",    "restless", "light",  "heavy",   "tense",
                         "okay",  "drained", "hopeful", "wired",    "numb",   "jittery", "content",
                         "foggy", "prickly", "steady",  "raw",      "sleepy", "lighter"};
const Words kDayWords = {"busy", "quiet", "long",  "chaotic", "fine",   "slow",  "strange", "loud",
                         "grey", "sunny", "short", "odd",     "patchy", "messy", "gentle"};
const Words kMessages = {"message", "call",   "text",     "voicemail",
                         "email",   "letter", "postcard", "note"};

template <typename T>
const T& Pick(std::mt19937_64& rng, const std::vector<T>& v) {
  return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng)];
}
std::string P(std::mt19937_64& rng, const Words& w) { return std::string(Pick(rng, w)); }
int Uniform(std::mt19937_64& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}
bool Chance(std::mt19937_64& rng, double p) { return std::bernoulli_distribution(p)(rng); }

std::string Subject(std::mt19937_64& rng) { return Chance(rng, 0.4) ? "I" : P(rng, kPeople); }
std::string Clause(std::mt19937_64& rng) {
  return Subject(rng) + " " + P(rng, kVerbs) + " " + P(rng, kThings);
}

std::string NoiseThought(std::mt19937_64& rng) {
  switch (Uniform(rng, 0, 11)) {
    case 0:
      return P(rng, kPeople) + " thinks I'm " + P(rng, kAdjectives);
    case 1:
      return "I should have " + P(rng, kDone) + " " + P(rng, kAdjuncts);
    case 2:
      return "what if " + P(rng, kPeople) + " " + P(rng, kVerbs) + " " + P(rng, kThings);
    case 3:
      return "I'm so " + P(rng, kAdjectives) + " about " + P(rng, kThings);
    case 4:
      return P(rng, kPeople) + " is annoyed about " + P(rng, kThings);
    case 5:
      return "I'm behind on " + P(rng, kThings) + " " + P(rng, kAdjuncts);
    case 6:
      return P(rng, kPeople) + " didn't answer about " + P(rng, kThings);
    case 7:
      return "I hate how " + P(rng, kAdjectives) + " I get around " + P(rng, kPeople);
    case 8:
      return "I wish I had " + P(rng, kDone) + " before " + P(rng, kThings);
    case 9:
      return "why is " + P(rng, kThings) + " so hard " + P(rng, kAdjuncts);
    case 10:
      return "I can't face " + P(rng, kThings) + " " + P(rng, kAdjuncts);
    default:
      return P(rng, kThings).substr(4) + " is my fault, " + P(rng, kPeople) + " said so";
  }
}

std::string NoiseSentence(std::mt19937_64& rng) {
  std::string s;
  switch (Uniform(rng, 0, 6)) {
    case 0:
    case 1:
      s = Clause(rng) + " " + P(rng, kAdjuncts);
      break;
    case 2:
      s = Clause(rng) + ", and " + Clause(rng);
      break;
    case 3:
      s = P(rng, kAdjuncts) + ", " + Clause(rng);
      break;
    case 4:
      s = "I felt " + P(rng, kFeelings) + " " + P(rng, kAdjuncts);
      break;
    case 5:
      s = "work was " + P(rng, kDayWords) + " today, " + Clause(rng);
      break;
    default:
      s = "a " + P(rng, kDayWords) + " day again, " + Clause(rng);
      break;
  }
  s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s + ".";
}

std::string NoiseBefore(std::mt19937_64& rng) {
  switch (Uniform(rng, 0, 8)) {
    case 0:
      return "a " + P(rng, kMessages) + " from " + P(rng, kPeople);
    case 1:
      return Clause(rng);
    case 2:
      return "waiting for " + P(rng, kThings);
    case 3:
      return P(rng, kAdjuncts) + ", " + Clause(rng);
    case 4:
      return "my manager " + P(rng, kVerbs) + " " + P(rng, kThings);
    case 5:
      return "scrolling on my phone " + P(rng, kAdjuncts);
    case 6:
      return "an argument about " + P(rng, kThings);
    case 7:
      return "a " + P(rng, kMessages) + " about " + P(rng, kThings);
    default:
      return P(rng, kThings) + " went wrong " + P(rng, kAdjuncts);
  }
}

std::string NoiseParagraph(std::mt19937_64& rng, int sentences) {
  std::string out;
  for (int i = 0; i < sentences; ++i) {
    if (i) out += " ";
    out += NoiseSentence(rng);
  }
  return out;
}

// ---- what can be planted ----

struct Worry {
  std::vector<std::string_view> wordings;
};
// Each worry in the wordings the issue asks the detector to see through:
// other function words ("I'm" / "I am", "will" / "is going to", "what if"),
// inflections ("finds", "losing"), word order, and one content word added
// or dropped ("a total fraud").
const std::vector<Worry> kWorries = {
    {{"everyone is going to find out I'm a fraud", "Everyone will find out that I am a fraud.",
      "everyone's going to find out I'm a total fraud",
      "they will all find out I'm a fraud, everyone will",
      "I'm a fraud and everyone is going to find out",
      "everyone finds out I'm a fraud eventually"}},
    {{"I'm going to lose my job", "I am going to lose my job over this.",
      "I'll lose my job, I just know it", "what if I lose my job", "my job, I'm going to lose it",
      "I'm losing my job"}},
    {{"my partner is going to leave me", "My partner will leave me one day.",
      "I keep thinking my partner is about to leave me", "my partner will leave me, I'm sure of it",
      "one day my partner will just leave me", "my partner is leaving me"}},
    {{"I'm a burden to my family", "I am such a burden on my family.",
      "I'm nothing but a burden to my family", "being a burden to my family again",
      "to my family I'm just a burden"}},
    {{"I'll never be good enough", "I will never be good enough for them.",
      "never good enough, whatever I do", "I'm never going to be good enough",
      "no matter what, I'll never be good enough"}},
    {{"something bad is going to happen to my kids", "Something bad will happen to the kids.",
      "what if something bad happens to my kids",
      "I keep thinking something bad will happen to my kids",
      "something really bad is going to happen to my kids"}},
    {{"I can't pay the rent this month", "What if I can't pay the rent?",
      "the rent is due and I can't pay it", "I won't be able to pay the rent",
      "paying the rent? I can't"}},
    {{"my friends don't really like me", "My friends don't actually like me.",
      "I don't think my friends like me", "none of my friends really like me",
      "my friends only pretend to like me"}},
    {{"I made a fool of myself at the meeting", "I made such a fool of myself in the meeting.",
      "at the meeting I made a fool of myself", "made a fool of myself at the meeting again",
      "I keep replaying how I made a fool of myself at the meeting"}},
    {{"my mother is disappointed in me", "My mother is so disappointed in me.",
      "my mother has always been disappointed in me",
      "I can tell my mother is disappointed in me again", "my mother will be disappointed in me"}},
};

struct TriggerFamily {
  std::string_view emotion;
  std::vector<std::string_view> befores;
  std::vector<std::string> words;  // folded words a fair label contains
};
const std::vector<TriggerFamily> kTriggers = {
    {"anxiety",
     {"a message from my manager", "another message from my manager", "my manager messaged me",
      "message from my manager about the deadline", "a late message from my manager"},
     {"manager", "message"}},
    {"anger",
     {"my brother borrowed money again", "my brother asked for money", "money talk with my brother",
      "my brother still owes me money", "my brother wanted money"},
     {"brother", "money"}},
    {"shame",
     {"looking at social media", "an hour on social media", "social media before bed",
      "scrolling social media", "social media photos of old friends"},
     {"social", "media"}},
    {"sadness",
     {"a call with my dad", "my dad called", "the weekly call with my dad", "call with dad",
      "my dad's call about the house"},
     {"dad", "call"}},
    {"guilt",
     {"I cancelled plans with friends", "cancelling plans again", "cancelled my plans with Sam",
      "had to cancel plans", "I cancelled the plans we made"},
     {"cancel", "plans"}},
};

const Words kEmotions = {"anxiety",     "sadness",    "anger",      "shame",     "guilt",
                         "frustration", "fear",       "loneliness", "overwhelm", "irritation",
                         "hurt",        "exhaustion", "dread",      "hope"};
const Words kBodies = {"tight chest", "knot in my stomach", "jaw clenched", "hot face",
                       "shaky hands", "heavy legs",         "headache",     "heart racing",
                       "cold hands",  "shoulders up"};
const Words kTags = {"work", "family", "sleep", "money", "health", "friends", "home", "commute"};
const Words kThreadTitles = {"notice the thought before reacting",
                             "five-minute walk after lunch",
                             "say no once a week",
                             "box breathing before calls",
                             "write the worry down and set it aside",
                             "phone out of the bedroom",
                             "one kind sentence to myself",
                             "ask for what I need, once"};
const Words kThreadUpdates = {
    "Tried it twice, it helped the first time.",   "Forgot about it until Thursday.",
    "Honestly I didn't do it at all this week.",   "It went better than I expected.",
    "Did it once, felt silly, kept going anyway.", "It worked at work but not at home."};

class Builder {
 public:
  Builder(const GeneratorOptions& o) : o_(o), rng_(o.seed) {}

  GeneratedJournal Build() {
    static const std::array<int32_t, 6> kOffsets = {60, 0, -300, 120, 330, -480};
    offset_ = kOffsets[Uniform(rng_, 0, kOffsets.size() - 1)];
    now_day_ = core::DaysFromCivil({2026, 1, 10}) + Uniform(rng_, 0, 300);
    first_day_ = now_day_ - o_.weeks * 7;
    g_.now = At(now_day_, 21, 30);
    last_session_day_ = now_day_ - Uniform(rng_, 8, 13);
    for (int64_t d = last_session_day_; d > first_day_; d -= 14) {
      core::Session s;
      s.id = core::NewUuid();
      s.at = At(d, 17, 0);
      sessions_days_.push_back(d);
      g_.sessions.push_back(s);
    }
    Noise();
    Threads();
    if (o_.plant_recurring) PlantRecurring();
    if (o_.plant_time) PlantTime();
    if (o_.plant_trigger) PlantTrigger();
    Moods();
    std::shuffle(g_.entries.begin(), g_.entries.end(), rng_);
    return std::move(g_);
  }

 private:
  core::Timestamp At(int64_t local_day, int hour, int minute) {
    return core::Timestamp{local_day * kDay + hour * 3600 + minute * 60 - offset_ * 60LL, offset_};
  }
  // A time on `day` after the last session when on the session's day.
  core::Timestamp RandomTime(int64_t day) {
    static const std::vector<double> kHourWeight = {1, 1, 0.5, 0.5, 0.5, 0.5, 1, 2, 3, 2, 2, 2,
                                                    3, 2, 2,   2,   2,   3,   3, 3, 4, 6, 6, 3};
    std::discrete_distribution<int> hour(kHourWeight.begin(), kHourWeight.end());
    int h = hour(rng_);
    if (day == last_session_day_ && h < 18) h = Uniform(rng_, 18, 23);
    if (day == now_day_) h = std::min(h, 21);
    return At(day, h, Uniform(rng_, 0, 59));
  }
  bool InPeriod(const core::Timestamp& t) const {
    return t >= g_.sessions.front().at && t <= g_.now;
  }

  Entry& NewEntry(EntryKind kind, core::Timestamp at) {
    Entry e;
    e.id = core::NewUuid();
    e.kind = kind;
    e.written_at = at;
    g_.entries.push_back(std::move(e));
    return g_.entries.back();
  }
  void AddEmotions(Entry& e, int max) {
    int n = Uniform(rng_, 1, max);
    for (int i = 0; i < n; ++i) {
      std::string em = P(rng_, kEmotions);
      if (std::find(e.emotions.begin(), e.emotions.end(), em) == e.emotions.end())
        e.emotions.push_back(em);
    }
  }
  void FillSpike(Entry& e) {
    AddEmotions(e, 2);
    e.intensity = Uniform(rng_, 2, 9);
    if (Chance(rng_, 0.85)) e.before = NoiseBefore(rng_);
    if (Chance(rng_, 0.6)) e.body = P(rng_, kBodies);
    if (Chance(rng_, 0.8)) e.thought = FreshNoiseThought();
    if (Chance(rng_, 0.4)) e.text = NoiseParagraph(rng_, Uniform(rng_, 1, 3));
    int tags = Uniform(rng_, 0, 2);
    for (int i = 0; i < tags; ++i) {
      std::string t = P(rng_, kTags);
      if (std::find(e.tags.begin(), e.tags.end(), t) == e.tags.end()) e.tags.push_back(t);
    }
  }

  void Noise() {
    std::poisson_distribution<int> per_day(o_.entries_per_week / 7.0);
    for (int64_t day = first_day_; day <= now_day_; ++day) {
      for (int n = per_day(rng_); n > 0; --n) {
        double k = std::uniform_real_distribution<double>(0, 1)(rng_);
        if (k < 0.45) {
          FillSpike(NewEntry(EntryKind::kSpike, RandomTime(day)));
        } else if (k < 0.57) {
          Entry& e = NewEntry(EntryKind::kLoop, RandomTime(day));
          e.text = FreshNoiseThought();
          if (Chance(rng_, 0.3)) e.text += ". " + NoiseSentence(rng_);
          if (Chance(rng_, 0.5)) AddEmotions(e, 1);
        } else {
          Entry& e = NewEntry(EntryKind::kNote, RandomTime(day));
          e.text = NoiseParagraph(rng_, Uniform(rng_, 1, 6));
          if (Chance(rng_, 0.3)) AddEmotions(e, 2);
          if (Chance(rng_, 0.3)) e.intensity = Uniform(rng_, 1, 8);
        }
      }
    }
  }

  void Threads() {
    std::vector<std::string_view> titles = kThreadTitles;
    std::shuffle(titles.begin(), titles.end(), rng_);
    size_t next = 0;
    for (int64_t d : sessions_days_) {
      if (!Chance(rng_, 0.6) || next >= titles.size()) continue;
      std::string title(titles[next++]);
      int follow = Uniform(rng_, 0, 3);
      core::Timestamp first{};
      bool any = false;
      for (int i = 0; i < follow; ++i) {
        int64_t day = std::min(now_day_, d + Uniform(rng_, 1, 12));
        Entry& e = NewEntry(EntryKind::kThread, RandomTime(day));
        e.thread = title;
        e.text = P(rng_, kThreadUpdates);
        if (!any || e.written_at < first) first = e.written_at;
        any = true;
      }
      if (any) g_.threads.push_back(core::Thread{core::NewUuid(), title, first});
    }
  }

  void PlantRecurring() {
    std::vector<size_t> order(kWorries.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), rng_);
    const int worries = Uniform(rng_, 1, 2);
    for (int w = 0; w < worries; ++w) {
      const Worry& worry = kWorries[order[w]];
      PlantedRecurring label;
      label.canonical = std::string(worry.wordings[0]);
      label.loop = Chance(rng_, 0.4);
      const int in_period = Uniform(rng_, 3, 5);
      const int before = Uniform(rng_, 0, 4);
      for (int i = 0; i < in_period + before; ++i) {
        const bool now = i < in_period;
        int64_t day =
            now ? Uniform(rng_, static_cast<int>(last_session_day_ + 1), static_cast<int>(now_day_))
                : Uniform(rng_, static_cast<int>(first_day_),
                          static_cast<int>(last_session_day_ - 1));
        std::string wording(Pick(rng_, worry.wordings));
        double vehicle = label.loop ? 0.0 : std::uniform_real_distribution<double>(0, 1)(rng_);
        Entry* e;
        if (vehicle < 0.3) {
          e = &NewEntry(EntryKind::kLoop, RandomTime(day));
          e->text = wording;
          if (Chance(rng_, 0.3)) e->text += ". " + NoiseSentence(rng_);
        } else if (vehicle < 0.7) {
          e = &NewEntry(EntryKind::kSpike, RandomTime(day));
          FillSpike(*e);
          e->thought = wording;
        } else {
          e = &NewEntry(EntryKind::kNote, RandomTime(day));
          std::string s = wording;
          if (s.back() != '.' && s.back() != '?') s += ".";
          e->text = NoiseParagraph(rng_, Uniform(rng_, 0, 2)) + " " + s + " " +
                    NoiseParagraph(rng_, Uniform(rng_, 0, 2));
        }
        label.all_ids.push_back(e->id);
        if (now) label.period_ids.push_back(e->id);
      }
      g_.labels.recurring.push_back(std::move(label));
    }
  }

  void PlantTime() {
    PlantedTime label;
    label.weekday = Uniform(rng_, 0, 6);
    label.part = static_cast<PartOfDay>(Uniform(rng_, 0, 3));
    // Over the last eight weeks, most weeks.
    std::vector<int64_t> days;
    for (int64_t d = now_day_ - 55; d <= now_day_ - 1; ++d) {
      int weekday = static_cast<int>(((d % 7) + 7 + 3) % 7);
      if (weekday == label.weekday) days.push_back(d);
    }
    std::vector<int64_t> chosen;
    while (chosen.size() < 5) {
      chosen.clear();
      for (int64_t d : days) {
        if (Chance(rng_, 0.8)) chosen.push_back(d);
      }
    }
    for (int64_t d : chosen) {
      const int spikes = Chance(rng_, 0.2) ? 2 : 1;
      for (int s = 0; s < spikes; ++s) {
        int hour = 0;
        int64_t day = d;
        switch (label.part) {
          case PartOfDay::kMorning:
            hour = Uniform(rng_, 6, 11);
            break;
          case PartOfDay::kAfternoon:
            hour = Uniform(rng_, 12, 16);
            break;
          case PartOfDay::kEvening:
            hour = Uniform(rng_, 17, 20);
            break;
          case PartOfDay::kNight:
            hour = Uniform(rng_, 21, 25);
            if (hour >= 24) {
              hour -= 24;
              ++day;
            }
            break;
        }
        if (day > now_day_) continue;
        Entry& e = NewEntry(EntryKind::kSpike, At(day, hour, Uniform(rng_, 0, 59)));
        FillSpike(e);
        if (Chance(rng_, 0.7)) e.emotions = {"dread"};
        label.ids.push_back(e.id);
      }
    }
    g_.labels.time = std::move(label);
  }

  void PlantTrigger() {
    const TriggerFamily& f = Pick(rng_, kTriggers);
    PlantedTrigger label;
    label.emotion = std::string(f.emotion);
    label.words = f.words;
    const int occurrences = Uniform(rng_, 6, 9);
    for (int i = 0; i < occurrences; ++i) {
      int64_t day = Uniform(rng_, static_cast<int>(now_day_ - 55), static_cast<int>(now_day_));
      Entry& e = NewEntry(EntryKind::kSpike, RandomTime(day));
      FillSpike(e);
      e.before = std::string(Pick(rng_, f.befores));
      std::erase(e.emotions, label.emotion);
      if (Chance(rng_, 0.85)) {
        e.emotions.insert(e.emotions.begin(), label.emotion);
        label.ids.push_back(e.id);
      }
    }
    g_.labels.trigger = std::move(label);
  }

  void Moods() {
    const int64_t recent = now_day_ - 27;
    for (Entry& e : g_.entries) {
      const int64_t day = core::DaysFromCivil(e.written_at.LocalDate());
      const bool planted = o_.plant_writing_effect && day >= recent;
      if (!Chance(rng_, planted ? 0.7 : 0.4)) continue;
      e.mood_before = Uniform(rng_, 2, 8);
      int delta = planted ? (Chance(rng_, 0.8) ? -Uniform(rng_, 1, 2) : Uniform(rng_, 0, 1))
                          : Uniform(rng_, -1, 2);
      e.mood_after = std::clamp(*e.mood_before + delta, 0, 10);
    }
    g_.labels.writing_worse = o_.plant_writing_effect;
  }

  // A background thought not used before in this journal: with the memory
  // across sessions, a random thought drawn three times over the months is
  // a real recurring worry, and background must not contain one.
  std::string FreshNoiseThought() {
    std::string t = NoiseThought(rng_);
    for (int tries = 0; tries < 50 && !noise_thoughts_.insert(t).second; ++tries)
      t = NoiseThought(rng_);
    return t;
  }

  GeneratorOptions o_;
  std::mt19937_64 rng_;
  std::set<std::string> noise_thoughts_;
  GeneratedJournal g_;
  int32_t offset_ = 0;
  int64_t now_day_ = 0, first_day_ = 0, last_session_day_ = 0;
  std::vector<int64_t> sessions_days_;
};

}  // namespace

GeneratedJournal GenerateJournal(const GeneratorOptions& options) {
  return Builder(options).Build();
}

std::vector<Entry> RandomSpikes(uint64_t seed, int weeks, int spikes, core::Timestamp now,
                                bool evening_weighted) {
  std::mt19937_64 rng(seed);
  static const std::vector<double> kHourWeight = {1, 1, 0.5, 0.5, 0.5, 0.5, 1, 2, 3, 2, 2, 2,
                                                  3, 2, 2,   2,   2,   3,   3, 3, 4, 6, 6, 3};
  std::discrete_distribution<int> weighted(kHourWeight.begin(), kHourWeight.end());
  std::vector<Entry> out;
  const int64_t span = static_cast<int64_t>(weeks) * 7 * kDay;
  for (int i = 0; i < spikes; ++i) {
    Entry e;
    e.id = core::NewUuid();
    e.kind = EntryKind::kSpike;
    e.emotions = {std::string(Pick(rng, kEmotions))};
    int64_t t;
    if (evening_weighted) {
      int64_t day = std::uniform_int_distribution<int64_t>(0, weeks * 7 - 1)(rng);
      t = now.unix_seconds - span + day * kDay + weighted(rng) * 3600 +
          std::uniform_int_distribution<int64_t>(0, 3599)(rng);
    } else {
      t = now.unix_seconds - std::uniform_int_distribution<int64_t>(0, span - 1)(rng);
    }
    e.written_at = core::Timestamp{std::min(t, now.unix_seconds), now.offset_minutes};
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace fieldnotes::reports::testing
