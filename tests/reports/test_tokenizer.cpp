#include <boost/test/unit_test.hpp>

#include "reports/embedded_data.h"
#include "reports/tokenizer.h"

using namespace fieldnotes::reports;

BOOST_AUTO_TEST_SUITE(tokenizer)

BOOST_AUTO_TEST_CASE(inflections_share_a_term) {
  Tokenizer t;
  BOOST_TEST(t.TermOfFolded("worry") == t.TermOfFolded("worried"));
  BOOST_TEST(t.TermOfFolded("worry") == t.TermOfFolded("worrying"));
  BOOST_TEST(t.TermOfFolded("finds") == t.TermOfFolded("find"));
  BOOST_TEST(t.TermOfFolded("messaged") == t.TermOfFolded("message"));
  BOOST_TEST(t.TermOfFolded("manager") != t.TermOfFolded("message"));
}

BOOST_AUTO_TEST_CASE(words_offsets_sentences_and_stop_words) {
  Tokenizer t;
  std::vector<Token> tokens;
  const std::string text = "I’m  a FRAUD. Everyone—knows!\nSelf-harm";
  t.Tokenize(text, tokens);
  // "I’m" (curly apostrophe) is expanded to "i am": two tokens, one span.
  BOOST_REQUIRE(tokens.size() == 8u);
  BOOST_TEST(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin) == "I’m");
  BOOST_TEST(tokens[1].begin == tokens[0].begin);
  BOOST_TEST(t.StemOf(tokens[1].term) == "am");
  BOOST_TEST(tokens[0].stop);
  BOOST_TEST(tokens[2].stop);  // "a"
  BOOST_TEST(!tokens[3].stop);
  BOOST_TEST(text.substr(tokens[3].begin, tokens[3].end - tokens[3].begin) == "FRAUD");
  BOOST_TEST(tokens[3].sentence == 0u);
  BOOST_TEST(tokens[4].sentence == 1u);  // "Everyone"
  BOOST_TEST(tokens[5].sentence == 1u);  // the dash is not a sentence break
  BOOST_TEST(tokens[6].sentence == 2u);  // "Self" after the line break
  BOOST_TEST(tokens[7].sentence == 2u);  // "harm": hyphens split words
}

BOOST_AUTO_TEST_CASE(accents_fold_and_other_scripts_pass_through) {
  Tokenizer t;
  std::vector<Token> a, b;
  t.Tokenize("Café", a);
  t.Tokenize("cafe", b);
  BOOST_REQUIRE(a.size() == 1u);
  BOOST_REQUIRE(b.size() == 1u);
  BOOST_TEST(a[0].term == b[0].term);
  std::vector<Token> c;
  t.Tokenize("今日は少し落ち着いていた。散歩が良かった。 Νιώθω", c);
  // Issue 18: Japanese is split into words by ICU's dictionary (it used to
  // be one token per sentence, so a Japanese loop never had enough words to
  // be compared). Sentences are still counted the same way.
  BOOST_REQUIRE(c.size() > 3u);
  BOOST_TEST(c.front().sentence == 0u);
  BOOST_TEST(c[c.size() - 2].sentence == 1u);
  BOOST_TEST(c.back().sentence == 2u);
  std::vector<Token> greek;
  t.Tokenize("νιωθω", greek);
  BOOST_TEST(c.back().term == greek[0].term);
}

BOOST_AUTO_TEST_CASE(for_each_word_marks_clauses) {
  std::vector<std::pair<std::string, bool>> seen;
  ForEachWord("no, I want (this)",
              [&](const WordSpan& w) { seen.emplace_back(std::string(w.folded), w.new_clause); });
  BOOST_REQUIRE(seen.size() == 4u);
  BOOST_TEST(seen[1].first == "i");
  BOOST_TEST(seen[1].second);
  BOOST_TEST(!seen[2].second);
  BOOST_TEST(seen[3].second);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_a_separator) {
  Tokenizer t;
  std::vector<Token> tokens;
  t.Tokenize(std::string("abc\xff"
                         "def\xc3"),
             tokens);
  BOOST_TEST(tokens.size() == 2u);
}

BOOST_AUTO_TEST_CASE(data_files_are_embedded) {
  BOOST_TEST(FindEmbeddedFile("stopwords/en.txt").has_value());
  BOOST_TEST(FindEmbeddedFile("safety/en.txt").has_value());
  BOOST_TEST(FindEmbeddedFile("crisis_resources.json").has_value());
  BOOST_TEST(!FindEmbeddedFile("README.md").has_value());
  BOOST_TEST(EmbeddedFilesIn("safety").size() >= 1u);
}

BOOST_AUTO_TEST_SUITE_END()
