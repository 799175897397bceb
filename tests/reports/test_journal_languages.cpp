// Patterns and questions on journals written in German, French and Spanish
// (and mixed with English), each stored in a real journal file and read back
// before the analysis: loops written with other forms of the same verbs are
// one loop, stop words never make a pattern, triggers are found and counted,
// the follow-up questions read the client's language, and the six-word rule
// catches six copied words. The entries were written the way people journal,
// after the rules (reports/data/, reports/tokenizer.cpp), not to fit them.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/journal.h"
#include "reports/embedded_data.h"
#include "reports/entry_index.h"
#include "reports/question_engine.h"
#include "reports/recurring_detector.h"
#include "reports/rule_question_engine.h"
#include "reports/six_word_rule.h"
#include "reports/tokenizer.h"
#include "reports/trigger_detector.h"
#include "support/temp_dir.h"
#include "test_support.h"

using namespace fieldnotes;
using namespace fieldnotes::reports;
using namespace fieldnotes::reports::testing;

namespace {

constexpr char kPassphrase[] = "Tagebuch journal diario";

// A journal file on disk with its last session on Monday 2 November; "now"
// is Monday 16 November, 20:00.
struct JournalFile {
  fieldnotes::testing::TempDir dir;
  std::string path = dir.File("journal.db");
  core::JournalOptions options;
  std::unique_ptr<core::Journal> journal;
  core::FakeClock clock{T("2026-11-16T20:00:00+01:00")};

  JournalFile() {
    options.kdf_log2_n = 15;
    auto created = core::Journal::Create(path, kPassphrase, options);
    BOOST_REQUIRE_MESSAGE(created.ok(), created.status().ToString());
    journal = std::move(*created);
    for (const char* at : {"2026-10-19T17:00:00+01:00", "2026-11-02T17:00:00+01:00"}) {
      BOOST_REQUIRE(journal->AddSession(SessionAt(at)).ok());
    }
  }

  std::string Add(core::Entry e) {
    auto id = journal->AddEntry(std::move(e));
    BOOST_REQUIRE_MESSAGE(id.ok(), id.status().ToString());
    return *id;
  }
  // Closes the file and unlocks it again: the analysis reads what was stored.
  void Reopen() {
    journal.reset();
    auto opened = core::Journal::Open(path, kPassphrase, options);
    BOOST_REQUIRE_MESSAGE(opened.ok(), opened.status().ToString());
    journal = std::move(*opened);
  }

  std::vector<Observation> Recurring() {
    Reopen();
    const std::vector<core::Entry> entries = journal->entries().ToVector();
    const Period period = Period::SinceLastSession(journal->sessions(), clock);
    EntryIndex index(JournalData{entries, journal->sessions(), journal->threads()}, period);
    Tokenizer tokenizer;
    return RecurringDetector(tokenizer).Detect(index);
  }
  std::vector<Observation> Triggers() {
    Reopen();
    const std::vector<core::Entry> entries = journal->entries().ToVector();
    const Period period = Period::SinceLastSession(journal->sessions(), clock);
    EntryIndex index(JournalData{entries, journal->sessions(), journal->threads()}, period);
    Tokenizer tokenizer;
    return TriggerDetector(tokenizer).Detect(index);
  }
  // The follow-up questions of entry `id`, asked as the app asks them after
  // a save, stored with the entry, read back from the file.
  std::vector<std::string> Ask(const std::string& id) {
    Reopen();
    core::Entry e = journal->GetEntry(id).value();
    const std::vector<core::Entry> entries = journal->entries().ToVector();
    const core::FakeClock then(e.written_at);
    auto engine = MakeDefaultQuestionEngine();
    if (EnsureQuestions(e, *engine, JournalData{entries, journal->sessions(), journal->threads()},
                        then)) {
      BOOST_REQUIRE(journal->UpdateEntry(e).ok());
    }
    Reopen();
    const core::Entry stored = journal->GetEntry(id).value();
    std::vector<std::string> out;
    for (const core::FollowUp& f : stored.followups) out.push_back(f.question);
    return out;
  }
};

// Everyday notes that say nothing twice, in one language, before and after
// the last session, so the loops below are not the only thing written.
void AddEveryday(JournalFile& j, const std::vector<const char*>& notes) {
  int day = 20;
  for (const char* text : notes) {
    char at[40];
    const int month = day <= 31 ? 10 : 11;
    std::snprintf(at, sizeof at, "2026-%02d-%02dT19:30:00+01:00", month,
                  month == 10 ? day : day - 31);
    j.Add(Note(at, text));
    day += 2;
  }
}

const std::vector<const char*> kGermanDays = {
    "Heute war ein ruhiger Tag im Büro. Mittags mit Jonas beim Italiener gegessen.",
    "Lange Schlange beim Bäcker, danach noch Wäsche gewaschen und früh ins Bett.",
    "Mit der Nachbarin über den Garten geredet, die Tomaten sind endlich reif.",
    "Zug hatte Verspätung. Im Zug ein Hörbuch über Island angefangen.",
    "Yoga ausprobiert, ungewohnt, aber die Schultern fühlen sich lockerer an.",
    "Wohnung geputzt und die alten Zeitschriften zum Altpapier gebracht.",
    "Abends Spaghetti gekocht und eine Folge der neuen Serie geschaut.",
    "Regen den ganzen Tag, trotzdem eine Runde um den See gelaufen.",
    "Paket für meine Schwester zur Post gebracht, Briefmarken gekauft.",
    "Den Keller aufgeräumt und Fahrradreifen aufgepumpt.",
    "Meeting mit dem Team über das Budget für nächstes Jahr.",
    "Beim Flohmarkt eine alte Lampe gefunden, sie funktioniert sogar."};

const std::vector<const char*> kFrenchDays = {
    "Journée tranquille au bureau, déjeuner avec Claire au café du coin.",
    "Longue file à la boulangerie, puis lessive et coucher tôt.",
    "Discuté du jardin avec la voisine, les tomates sont enfin mûres.",
    "Le train avait du retard, j'ai commencé un livre audio sur l'Islande.",
    "Essayé le yoga, bizarre, mais les épaules sont plus détendues.",
    "Ménage dans l'appartement et vieux magazines au recyclage.",
    "Le soir, pâtes maison et un épisode de la nouvelle série.",
    "Pluie toute la journée, quand même fait le tour du lac.",
    "Colis pour ma sœur déposé à la poste, acheté des timbres.",
    "Rangé la cave et regonflé les pneus du vélo.",
    "Réunion d'équipe sur le budget de l'année prochaine.",
    "Trouvé une vieille lampe à la brocante, elle marche encore."};

const std::vector<const char*> kSpanishDays = {
    "Día tranquilo en la oficina, comí con Lucía en el bar de la esquina.",
    "Cola larga en la panadería, luego puse la lavadora y a dormir pronto.",
    "Hablé con la vecina del huerto, los tomates por fin están maduros.",
    "El tren llegó con retraso, empecé un audiolibro sobre Islandia.",
    "Probé yoga, raro, pero los hombros están más sueltos.",
    "Limpié el piso y llevé las revistas viejas al contenedor de papel.",
    "Por la noche, pasta casera y un capítulo de la serie nueva.",
    "Llovió todo el día, aun así di la vuelta al lago.",
    "Mandé un paquete a mi hermana por correos y compré sellos.",
    "Ordené el trastero e inflé las ruedas de la bici.",
    "Reunión de equipo sobre el presupuesto del año que viene.",
    "Encontré una lámpara antigua en el rastro, todavía funciona."};

const std::vector<const char*> kEnglishDays = {
    "Quiet day at the office, lunch with Priya at the corner cafe.",
    "Long queue at the bakery, then laundry and an early night.",
    "Talked to the neighbour about the garden, the tomatoes are finally ripe.",
    "Train was late, started an audiobook about Iceland.",
    "Tried yoga, strange, but my shoulders feel looser.",
    "Cleaned the flat and took old magazines to recycling."};

const Observation* WithEntry(const std::vector<Observation>& obs, const std::string& id) {
  for (const Observation& o : obs) {
    if (o.evidence.Contains(id)) return &o;
  }
  return nullptr;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}
bool Contains(const Evidence& v, const std::string& s) { return v.Contains(s); }

}  // namespace

BOOST_AUTO_TEST_SUITE(journal_languages)

// ---- loops: other forms of the same verbs are one loop ----

BOOST_AUTO_TEST_CASE(a_german_loop_with_inflected_and_separable_verbs_is_one_loop) {
  JournalFile j;
  AddEveryday(j, kGermanDays);
  std::vector<std::string> mama = {
      j.Add(Loop("2026-11-03T22:10:00+01:00", "Ich rufe Mama schon wieder nicht an.")),
      j.Add(Loop("2026-11-05T21:30:00+01:00", "Ich habe Mama wieder nicht angerufen.")),
      j.Add(Loop("2026-11-08T23:00:00+01:00", "Warum rufe ich Mama nicht einfach an?")),
      j.Add(Loop("2026-11-11T22:45:00+01:00", "Mama anzurufen schaffe ich einfach nicht."))};
  // The same verb about someone else is another loop.
  const std::string doctor = j.Add(Loop("2026-11-09T09:15:00+01:00", "Ich rufe morgen beim Arzt an."));
  // Umlauts and ß, as typed on any keyboard, in any case.
  std::vector<std::string> exam = {
      j.Add(Loop("2026-11-04T23:40:00+01:00", "Ich weiß nicht, ob ich die Prüfung schaffe.")),
      j.Add(Loop("2026-11-07T00:20:00+01:00", "ICH WEISS NICHT, OB ICH DIE PRÜFUNG SCHAFFE")),
      j.Add(Loop("2026-11-12T23:55:00+01:00", "ich weiss nicht ob ich die prufung schaffe"))};

  const auto obs = j.Recurring();
  BOOST_REQUIRE_EQUAL(obs.size(), 2u);
  const Observation* calls = WithEntry(obs, mama[0]);
  BOOST_REQUIRE(calls != nullptr);
  BOOST_TEST(calls->count == 4);
  for (const std::string& id : mama) BOOST_TEST(Contains(calls->evidence, id));
  BOOST_TEST(!Contains(calls->evidence, doctor));
  const Observation* worry = WithEntry(obs, exam[0]);
  BOOST_REQUIRE(worry != nullptr);
  BOOST_TEST(worry != calls);
  BOOST_TEST(worry->count == 3);
  BOOST_TEST(std::get<RecurringDetail>(worry->detail).verbatim);
}

BOOST_AUTO_TEST_CASE(a_french_loop_with_elision_and_accents_is_one_loop) {
  JournalFile j;
  AddEveryday(j, kFrenchDays);
  std::vector<std::string> mother = {
      j.Add(Loop("2026-11-03T22:10:00+01:00", "Je n’appelle toujours pas ma mère.")),
      j.Add(Loop("2026-11-05T21:30:00+01:00", "Je n'ai pas appelé ma mère, encore une fois.")),
      j.Add(Loop("2026-11-08T23:00:00+01:00", "Ma mère, je ne l’ai pas appelée de la semaine.")),
      j.Add(Loop("2026-11-11T22:45:00+01:00", "J'aurais dû appeler ma mère hier soir."))};
  const std::string plumber =
      j.Add(Loop("2026-11-09T09:15:00+01:00", "J'ai appelé le plombier pour la fuite."));

  const auto obs = j.Recurring();
  BOOST_REQUIRE_EQUAL(obs.size(), 1u);
  BOOST_TEST(obs[0].count == 4);
  for (const std::string& id : mother) BOOST_TEST(Contains(obs[0].evidence, id));
  BOOST_TEST(!Contains(obs[0].evidence, plumber));
}

BOOST_AUTO_TEST_CASE(a_spanish_loop_with_clitics_and_accents_is_one_loop) {
  JournalFile j;
  AddEveryday(j, kSpanishDays);
  std::vector<std::string> mother = {
      j.Add(Loop("2026-11-03T22:10:00+01:00", "Otra vez no he llamado a mi madre.")),
      j.Add(Loop("2026-11-05T21:30:00+01:00", "A mi madre no la llamé ayer tampoco.")),
      j.Add(Loop("2026-11-08T23:00:00+01:00", "No me atrevo a llamarla, a mi madre.")),
      j.Add(Loop("2026-11-11T22:45:00+01:00", "No llamo a mi madre desde hace semanas."))};
  const std::string plumber =
      j.Add(Loop("2026-11-09T09:15:00+01:00", "Llamé al fontanero por la gotera."));

  const auto obs = j.Recurring();
  BOOST_REQUIRE_EQUAL(obs.size(), 1u);
  BOOST_TEST(obs[0].count == 4);
  for (const std::string& id : mother) BOOST_TEST(Contains(obs[0].evidence, id));
  BOOST_TEST(!Contains(obs[0].evidence, plumber));
}

BOOST_AUTO_TEST_CASE(a_journal_in_english_and_german_groups_each_worry_once) {
  JournalFile j;
  AddEveryday(j, kEnglishDays);
  AddEveryday(j, kGermanDays);
  std::vector<std::string> fraud = {
      j.Add(Loop("2026-11-03T21:00:00+01:00", "Everyone at work will find out I'm a fraud.")),
      j.Add(Loop("2026-11-06T21:00:00+01:00", "Everyone at work is going to find out I'm a fraud.")),
      j.Add(Loop("2026-11-10T21:00:00+01:00", "everyone at work will find out im a fraud"))};
  std::vector<std::string> mama = {
      j.Add(Loop("2026-11-04T22:00:00+01:00", "Ich rufe Mama schon wieder nicht an.")),
      j.Add(Loop("2026-11-07T22:00:00+01:00", "Ich habe Mama wieder nicht angerufen.")),
      // One entry, two languages: the German sentence is read as German.
      j.Add(Loop("2026-11-12T22:00:00+01:00",
                 "I called Dad today. Mama habe ich wieder nicht angerufen."))};
  // English and German words that look alike but are not the same worry.
  j.Add(Note("2026-11-05T08:00:00+01:00", "Die Katze war die ganze Nacht draußen."));
  j.Add(Note("2026-11-09T08:00:00+01:00", "I was afraid the cat would die out there."));

  const auto obs = j.Recurring();
  BOOST_REQUIRE_EQUAL(obs.size(), 2u);
  const Observation* english = WithEntry(obs, fraud[0]);
  const Observation* german = WithEntry(obs, mama[0]);
  BOOST_REQUIRE(english != nullptr);
  BOOST_REQUIRE(german != nullptr);
  BOOST_TEST(english != german);
  BOOST_TEST(english->count == 3);
  BOOST_TEST(german->count == 3);
  for (const std::string& id : mama) BOOST_TEST(Contains(german->evidence, id));
}

// ---- stop words never make a pattern ----

BOOST_AUTO_TEST_CASE(sentences_sharing_only_function_words_never_recur) {
  struct Language {
    const char* name;
    std::vector<const char*> notes;  // the same function words around different things
  };
  const Language languages[] = {
      {"de",
       {"Ich habe das heute wieder nicht so gemacht, wie ich es mir vorgenommen hatte, mit dem Fahrrad.",
        "Ich habe das heute wieder nicht so gesagt, wie ich es mir vorgenommen hatte, zu meinem Bruder.",
        "Ich habe das heute wieder nicht so geschafft, wie ich es mir vorgenommen hatte, beim Laufen.",
        "Ich habe das heute wieder nicht so erledigt, wie ich es mir vorgenommen hatte, mit der Steuer.",
        "Ich habe das heute wieder nicht so gekocht, wie ich es mir vorgenommen hatte, für die Kinder."}},
      {"fr",
       {"Je ne l'ai pas fait comme je le voulais, encore une fois, avec le vélo.",
        "Je ne l'ai pas dit comme je le voulais, encore une fois, à mon frère.",
        "Je ne l'ai pas cuisiné comme je le voulais, encore une fois, pour les enfants.",
        "Je ne l'ai pas rangé comme je le voulais, encore une fois, dans le garage.",
        "Je ne l'ai pas écrit comme je le voulais, encore une fois, sur le carnet."}},
      {"es",
       {"No lo he hecho como yo quería, otra vez, con la bici.",
        "No se lo he dicho como yo quería, otra vez, a mi hermano.",
        "No lo he cocinado como yo quería, otra vez, para los niños.",
        "No lo he ordenado como yo quería, otra vez, en el garaje.",
        "No lo he escrito como yo quería, otra vez, en la libreta."}}};
  for (const Language& l : languages) {
    BOOST_TEST_CONTEXT("language " << l.name) {
      JournalFile j;
      int day = 3;
      for (const char* text : l.notes) {
        char at[40];
        std::snprintf(at, sizeof at, "2026-11-%02dT21:00:00+01:00", day);
        j.Add(Note(at, text));
        day += 2;
      }
      BOOST_TEST(j.Recurring().empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(stop_words_are_never_a_trigger_and_a_trigger_is_counted) {
  struct Language {
    const char* name;
    const char* fear;                  // the emotion, in the client's word
    std::vector<const char*> trigger;  // five spikes after the same thing
    const char* expect;                // a word of the trigger phrase
    // Fear after other things, all with the same function words; other
    // feelings after everyday things.
    std::vector<const char*> same_words;
    std::vector<const char*> everyday;
    const char* other_feeling;
  };
  const Language languages[] = {
      {"de",
       "Angst",
       {"Nachricht von meiner Chefin", "nach einer Nachricht von meiner Chefin",
        "Nachricht von meiner Chefin am Sonntagabend", "wieder Nachrichten von meiner Chefin",
        "eine Nachricht meiner Chefin, ganz kurz"},
       "Chefin",
       {"nach dem Telefonat mit meiner Schwester", "nach dem Streit mit meiner Mitbewohnerin",
        "nach dem Arzttermin mit meiner Tochter", "nach dem Essen mit meiner Tante"},
       {"beim Einkaufen im Supermarkt", "Stau auf der Autobahn", "Wäsche aufhängen",
        "Kuchen backen", "Spaziergang im Park", "Zahnarzttermin", "Kinobesuch",
        "Gartenarbeit", "Zugfahrt nach Köln", "Geburtstag von Oma", "Fußballtraining",
        "Bücherei"},
       "Traurigkeit"},
      {"fr",
       "peur",
       {"message de ma cheffe", "après un message de ma cheffe", "message de ma cheffe dimanche soir",
        "encore des messages de ma cheffe", "un message de ma cheffe, très court"},
       "cheffe",
       {"après le coup de fil avec ma sœur", "après la dispute avec ma colocataire",
        "après le rendez-vous avec ma fille", "après le repas avec ma tante"},
       {"courses au supermarché", "bouchons sur l'autoroute", "étendre le linge",
        "gâteau au four", "promenade au parc", "dentiste", "cinéma", "jardinage",
        "train pour Lyon", "anniversaire de mamie", "entraînement de foot", "bibliothèque"},
       "tristesse"},
      {"es",
       "miedo",
       {"mensaje de mi jefa", "después de un mensaje de mi jefa", "mensaje de mi jefa el domingo",
        "otra vez mensajes de mi jefa", "un mensaje de mi jefa, muy corto"},
       "jefa",
       {"después de la llamada con mi hermana", "después de la pelea con mi compañera",
        "después de la cita con mi hija", "después de la comida con mi tía"},
       {"compras en el supermercado", "atasco en la autopista", "tender la ropa",
        "bizcocho al horno", "paseo por el parque", "dentista", "cine", "jardinería",
        "tren a Sevilla", "cumpleaños de la abuela", "entrenamiento de fútbol", "biblioteca"},
       "tristeza"}};
  for (const Language& l : languages) {
    BOOST_TEST_CONTEXT("language " << l.name) {
      JournalFile j;
      int n = 0;
      auto at = [&n] {
        char buf[40];
        std::snprintf(buf, sizeof buf, "2026-%s-%02dT%02d:00:00+01:00", n < 25 ? "10" : "11",
                      n < 25 ? 3 + n : n - 22, 8 + n % 12);
        ++n;
        return std::string(buf);
      };
      std::vector<std::string> hits;
      for (const char* before : l.trigger) hits.push_back(j.Add(Spike(at(), {l.fear}, before)));
      for (const char* before : l.same_words) j.Add(Spike(at(), {l.fear}, before));
      for (const char* before : l.everyday) j.Add(Spike(at(), {l.other_feeling}, before));
      const auto obs = j.Triggers();
      BOOST_REQUIRE_EQUAL(obs.size(), 1u);
      const auto& d = std::get<TriggerDetail>(obs[0].detail);
      BOOST_TEST(d.trigger.find(l.expect) != std::string::npos, d.trigger);
      BOOST_TEST(obs[0].count == 5);
      for (const std::string& id : hits) BOOST_TEST(Contains(obs[0].evidence, id));
    }
  }
}

// ---- follow-up questions ----

BOOST_AUTO_TEST_CASE(questions_read_feelings_and_fears_in_each_language) {
  const std::string kFeared = RuleQuestionEngine::Text(RuleQuestionEngine::Rule::kFeared);
  const std::string kBody = RuleQuestionEngine::Text(RuleQuestionEngine::Rule::kBody);
  struct Case {
    const char* name;
    std::vector<std::string> emotions;
    const char* thought;
    bool asks_feared;
  };
  const Case cases[] = {
      // A fear named, nothing said of what was feared: ask.
      {"de: Angst", {"Angst"}, "Sie hat nur 'Wir müssen reden' geschrieben.", true},
      {"de: nervös", {"nervös", "müde"}, "Ich konnte mich danach auf nichts konzentrieren.", true},
      {"fr: inquiète", {"inquiète"}, "Elle a juste écrit « on doit parler ».", true},
      {"fr: angoissé", {"angoissé"}, "Je n'ai rien pu faire de l'après-midi.", true},
      {"es: miedo", {"miedo"}, "Solo escribió «tenemos que hablar».", true},
      {"es: agobiada", {"agobiada"}, "No pude concentrarme en toda la tarde.", true},
      // What was feared already said: no need to ask.
      {"de: dass", {"Angst"}, "Ich habe Angst, dass sie mich rauswirft.", false},
      {"de: was wenn", {"Panik"}, "Was, wenn ich den Job verliere?", false},
      {"fr: et si", {"peur"}, "Et si je perdais mon travail ?", false},
      {"fr: le pire", {"anxieuse"}, "J'imagine déjà le pire.", false},
      {"es: y si", {"ansiedad"}, "¿Y si me despiden?", false},
      {"es: lo peor", {"preocupada"}, "Ya me imagino lo peor.", false},
      // Not a fear at all: never asked what was feared.
      {"de: traurig", {"traurig"}, "Der Abend war still.", false},
      {"de: furchtbar müde", {"furchtbar müde"}, "Nichts geschafft.", false},
      {"fr: soulagée", {"soulagée"}, "Enfin le week-end.", false},
      {"es: alivio", {"alivio"}, "Por fin terminó la semana.", false},
  };
  JournalFile j;
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT(c.name) {
      core::Entry e = Spike("2026-11-10T18:30:00+01:00", c.emotions, "", c.thought);
      e.before = "—";  // something came before; only the fear question is in play
      const std::vector<std::string> questions = j.Ask(j.Add(std::move(e)));
      BOOST_TEST(Contains(questions, kFeared) == c.asks_feared);
      BOOST_TEST(Contains(questions, kBody));  // no body written: asked where it was felt
    }
  }
}

BOOST_AUTO_TEST_CASE(a_loop_written_again_in_other_words_asks_about_memory) {
  const std::string memory =
      RuleQuestionEngine::Text(RuleQuestionEngine::Rule::kMemory, 2, true);
  const std::string first_time = RuleQuestionEngine::Text(RuleQuestionEngine::Rule::kLoop);
  struct Case {
    const char* name;
    const char* first;
    const char* again;
    const char* other;  // the same verb, another worry: asked as a first time
  };
  const Case cases[] = {
      {"de", "Ich rufe Mama schon wieder nicht an.", "Ich habe Mama wieder nicht angerufen.",
       "Ich rufe morgen beim Arzt an."},
      {"fr", "Je n'appelle toujours pas ma mère.", "Je ne l'ai pas appelée, ma mère.",
       "J'ai appelé le plombier pour la fuite."},
      {"es", "Otra vez no he llamado a mi madre.", "A mi madre no la llamé ayer tampoco.",
       "Llamé al fontanero por la gotera."}};
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT("language " << c.name) {
      JournalFile j;
      AddEveryday(j, kGermanDays);
      j.Add(Loop("2026-11-04T22:00:00+01:00", c.first));
      const std::string again = j.Add(Loop("2026-11-09T22:00:00+01:00", c.again));
      const std::string other = j.Add(Loop("2026-11-10T09:00:00+01:00", c.other));
      const auto asked = j.Ask(again);
      BOOST_REQUIRE(!asked.empty());
      BOOST_TEST(asked[0] == memory);
      BOOST_TEST(asked[0].find("twice since your last session") != std::string::npos);
      const auto asked_other = j.Ask(other);
      BOOST_REQUIRE(!asked_other.empty());
      BOOST_TEST(asked_other[0] == first_time);
    }
  }
}

BOOST_AUTO_TEST_CASE(fear_lists_are_well_formed) {
  size_t lists = 0;
  for (const EmbeddedFile& f : EmbeddedFilesIn("fear")) {
    BOOST_TEST_CONTEXT(f.name) {
      ++lists;
      BOOST_TEST(LanguageFromCode(f.name.substr(f.name.rfind('/') + 1)).has_value());
      std::string_view text = f.content;
      std::string section;
      size_t feelings = 0, cues = 0;
      while (!text.empty()) {
        const size_t nl = text.find('\n');
        const std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
        if (line.empty() || line[0] == '#') continue;
        if (line == "[feelings]" || line == "[cues]") {
          section = line;
          continue;
        }
        BOOST_TEST(!section.empty(), "a word before any section: " << line);
        BOOST_TEST(line.find_first_of(",;\t") == std::string_view::npos, line);
        (section == "[cues]" ? cues : feelings)++;
      }
      BOOST_TEST(feelings >= 10u);
      BOOST_TEST(cues >= 10u);
    }
  }
  BOOST_TEST(lists == kLanguageCount);
}

// ---- the six-word rule ----

BOOST_AUTO_TEST_CASE(six_words_copied_from_german_french_or_spanish_are_caught) {
  struct Case {
    const char* name;
    const char* entry;
    const char* line;      // a report line with six of the entry's words in a row
    const char* five;      // a line with five of them only
  };
  const Case cases[] = {
      {"de", "Ich habe Angst, dass alle merken, dass ich überfordert bin.",
       "Sie schrieben: „DASS ALLE MERKEN, DASS ICH ÜBERFORDERT“ – dreimal.",
       "Sie schrieben über Angst, dass alle merken, dass."},
      {"de ß", "Ich weiß einfach nicht mehr, wie es weitergeht.",
       "Notiert: ich weiss einfach nicht mehr wie es.", "Notiert: ich weiss einfach nicht mehr."},
      {"fr", "J’ai l’impression que tout le monde me juge au travail.",
       "Vous avez écrit : j'ai l'impression que tout le monde vous juge.",
       "Vous avez écrit : j'ai l'impression que tout."},
      {"es", "¿Y si mi jefa piensa que no sirvo para nada?",
       "Escribiste: y si mi jefa piensa que… tres veces.", "Escribiste: y si mi jefa piensa."}};
  JournalFile j;
  std::vector<std::string> ids;
  for (const Case& c : cases) ids.push_back(j.Add(Note("2026-11-05T21:00:00+01:00", c.entry)));
  j.Reopen();
  const std::vector<core::Entry> entries = j.journal->entries().ToVector();
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT(c.name) {
      const std::vector<GuardedText> copied = {{"line", c.line, {}, false}};
      BOOST_TEST(!SixWordRule::Check(entries, copied).empty());
      const std::vector<GuardedText> chosen = {{"line", c.line, {c.entry}, false}};
      BOOST_TEST(SixWordRule::Check(entries, chosen).empty());
      const std::vector<GuardedText> five = {{"line", c.five, {}, false}};
      BOOST_TEST(SixWordRule::Check(entries, five).empty());
    }
  }
}

// ---- the language of a text ----

BOOST_AUTO_TEST_CASE(the_language_of_each_sentence_is_recognised) {
  // Written after the stop word lists, not from them.
  struct Case {
    Language language;
    const char* text;
  };
  const Case cases[] = {
      {Language::kGerman, "Heute Morgen bin ich mit Bauchschmerzen aufgewacht."},
      {Language::kGerman, "Er hat mir nicht geantwortet."},
      {Language::kGerman, "Warum sage ich immer ja, wenn ich nein meine?"},
      {Language::kGerman, "Die Kollegen lachen über mich."},
      {Language::kGerman, "Schon wieder zu spät zur Therapie gekommen."},
      {Language::kFrench, "Ce matin je me suis réveillée avec mal au ventre."},
      {Language::kFrench, "Il ne m'a pas répondu."},
      {Language::kFrench, "Pourquoi est-ce que je dis toujours oui quand je pense non ?"},
      {Language::kFrench, "Les collègues se moquent de moi."},
      {Language::kFrench, "Encore arrivée en retard chez la psy."},
      {Language::kSpanish, "Esta mañana me desperté con dolor de barriga."},
      {Language::kSpanish, "No me ha contestado."},
      {Language::kSpanish, "¿Por qué siempre digo que sí cuando pienso que no?"},
      {Language::kSpanish, "Los compañeros se ríen de mí."},
      {Language::kSpanish, "Otra vez llegué tarde a terapia."},
      {Language::kEnglish, "This morning I woke up with a stomach ache."},
      {Language::kEnglish, "He didn't answer me."},
      {Language::kEnglish, "Why do I always say yes when I mean no?"},
      {Language::kEnglish, "Mum."},  // no clue at all: English
  };
  Tokenizer t;
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT(c.text) { BOOST_TEST(LanguageCode(t.DetectLanguage(c.text)) == LanguageCode(c.language)); }
  }
}

BOOST_AUTO_TEST_CASE(german_separable_verbs_and_participles_are_one_term) {
  Tokenizer t;
  auto content = [&t](const char* text) {
    std::vector<Token> tokens;
    t.Tokenize(text, tokens);
    std::vector<std::string> out;
    for (const Token& k : tokens)
      if (!k.stop) out.emplace_back(t.StemOf(k.term));
    std::sort(out.begin(), out.end());
    return out;
  };
  // Written after the rules: other verbs than the loops above.
  BOOST_TEST(content("Ich höre einfach nicht auf.") == content("Ich habe nicht aufgehört."));
  BOOST_TEST(content("Ich fange an zu weinen.") == content("Dann habe ich angefangen zu weinen."));
  BOOST_TEST(content("Sie lädt mich nie ein.") == content("Sie hat mich nie eingeladen."));
  BOOST_TEST(content("Ich sage das Treffen ab.") == content("Ich habe das Treffen abgesagt."));
  BOOST_TEST(content("Ich traue mich nicht, ihn anzusprechen.")[0] ==
             content("Ich spreche ihn morgen an.")[0]);
  BOOST_TEST(content("Ich arbeite zu viel.") == content("Ich habe zu viel gearbeitet."));
  // "ab und zu" is "now and then", not a particle of "weine".
  BOOST_TEST(content("Ich weine ab und zu.") == content("Ich weine."));
  // Nouns keep their "Ge-": "Gesicht" is not "sich".
  BOOST_TEST(content("Mein Gesicht brennt.").size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
