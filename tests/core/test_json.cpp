// The JSON parser and writer: values, round trips, and every class of input
// the strict parser must refuse, with the offset it names.
#include <boost/test/unit_test.hpp>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "core/json.h"

// The suite is named json, so the library's names come in by using-declarations.
using fieldnotes::core::json::Array;
using fieldnotes::core::json::IsValidUtf8;
using fieldnotes::core::json::kMaxDepth;
using fieldnotes::core::json::Object;
using fieldnotes::core::json::Parse;
using fieldnotes::core::json::Value;
using fieldnotes::core::json::Write;
using fieldnotes::core::json::WritePretty;

namespace {

using namespace std::string_literals;

Value MustParse(std::string_view text) {
  auto r = Parse(text);
  BOOST_REQUIRE_MESSAGE(r.ok(), "Parse failed: " << r.status().ToString());
  return std::move(r).value();
}

// The parse error for `text`, which must not parse.
std::string ParseError(std::string_view text) {
  auto r = Parse(text);
  BOOST_REQUIRE_MESSAGE(!r.ok(), "parsed but should not have");
  BOOST_TEST((r.status().code() == fieldnotes::core::Status::Code::kInvalidArgument));
  return r.status().message();
}

// True when `message` is "at byte <offset>: " followed by text containing `reason`.
bool ErrorIs(const std::string& message, size_t offset, std::string_view reason) {
  const std::string prefix = "at byte " + std::to_string(offset) + ": ";
  return message.rfind(prefix, 0) == 0 && message.find(reason, prefix.size()) != std::string::npos;
}

#define CHECK_ERROR(text, offset, reason)                                               \
  do {                                                                                  \
    const std::string msg_ = ParseError(text);                                          \
    BOOST_TEST(ErrorIs(msg_, offset, reason), "input #" << __LINE__ << " -> " << msg_); \
  } while (0)

Value RoundTrip(const Value& v) { return MustParse(Write(v)); }

// A document that uses every kind of value.
const std::string kDocument =
    R"({"id":"3f0c","kind":"spike","intensity":7,"ratio":0.25,"big":-9223372036854775808,)"
    R"("ok":true,"no":false,"none":null,"tags":["work","sunday night",[]],)"
    R"("text":"caf\u00e9 \"quoted\"\n\ttab \ud83d\ude00 \u65e5\u672c","empty":{},)"
    R"("nested":{"a":[1,2.5,-3e-5,{"b":"\\"}]}})";

}  // namespace

BOOST_AUTO_TEST_SUITE(json)

BOOST_AUTO_TEST_CASE(parses_scalars) {
  BOOST_TEST(MustParse("null").is_null());
  BOOST_TEST(MustParse("true").as_bool() == true);
  BOOST_TEST(MustParse("false").as_bool() == false);
  BOOST_TEST(MustParse("0").as_int() == 0);
  BOOST_TEST(MustParse("-0").is_int());
  BOOST_TEST(MustParse("123").as_int() == 123);
  BOOST_TEST(MustParse("-45").as_int() == -45);
  BOOST_TEST(MustParse("\"hi\"").as_string() == "hi");
  BOOST_TEST(MustParse("\"\"").as_string().empty());
  BOOST_TEST(MustParse(" \t\r\n 7 \n").as_int() == 7);
  BOOST_TEST(MustParse("[]").as_array().empty());
  BOOST_TEST(MustParse("{}").as_object().empty());
  BOOST_TEST(MustParse("[ 1 , [ ] , { } ]").as_array().size() == 3u);
}

BOOST_AUTO_TEST_CASE(integers_and_doubles) {
  // Integers that fit stay int64; everything with a fraction or exponent is a double.
  Value max = MustParse("9223372036854775807");
  BOOST_TEST(max.is_int());
  BOOST_TEST(max.as_int() == std::numeric_limits<int64_t>::max());
  Value min = MustParse("-9223372036854775808");
  BOOST_TEST(min.is_int());
  BOOST_TEST(min.as_int() == std::numeric_limits<int64_t>::min());

  Value over = MustParse("9223372036854775808");
  BOOST_TEST((over.type() == Value::Type::kDouble));
  BOOST_TEST(over.as_double() == 9223372036854775808.0);
  Value under = MustParse("-9223372036854775809");
  BOOST_TEST((under.type() == Value::Type::kDouble));
  BOOST_TEST(under.as_double() == -9223372036854775808.0);
  BOOST_TEST(MustParse("123456789012345678901234567890").as_double() == 1.2345678901234568e29);

  BOOST_TEST((MustParse("1.0").type() == Value::Type::kDouble));
  BOOST_TEST((MustParse("1e2").type() == Value::Type::kDouble));
  BOOST_TEST(MustParse("1e2").as_double() == 100.0);
  BOOST_TEST(MustParse("0.1").as_double() == 0.1);
  BOOST_TEST(MustParse("-2.5E-3").as_double() == -0.0025);
  BOOST_TEST(MustParse("1E+2").as_double() == 100.0);
  BOOST_TEST(MustParse("1e007").as_double() == 1e7);  // leading zeros in exponents are allowed
  BOOST_TEST(MustParse("1.7976931348623157e308").as_double() == DBL_MAX);
  BOOST_TEST(MustParse("5e-324").as_double() == std::numeric_limits<double>::denorm_min());
  BOOST_TEST(MustParse("42").as_double() == 42.0);  // as_double also for ints

  // Too small for a double reads as zero (keeping the sign); too large is an error.
  Value tiny = MustParse("-1e-400");
  BOOST_TEST(tiny.as_double() == 0.0);
  BOOST_TEST(std::signbit(tiny.as_double()));
  BOOST_TEST(MustParse("0.0000000000000000000001e-390").as_double() == 0.0);
  BOOST_TEST(MustParse("0e999999999999999999").as_double() == 0.0);
  CHECK_ERROR("1e400", 0, "number out of range");
  CHECK_ERROR("[-1.8e308]", 1, "number out of range");
  CHECK_ERROR("1000000000000000000000000000e300", 0, "number out of range");
}

BOOST_AUTO_TEST_CASE(doubles_round_trip_in_shortest_form) {
  BOOST_TEST(Write(Value(0.1)) == "0.1");
  BOOST_TEST(Write(Value(1.0)) == "1.0");
  BOOST_TEST(Write(Value(100.0)) == "100.0");
  BOOST_TEST(Write(Value(-0.0)) == "-0.0");
  BOOST_TEST(Write(Value(1e21)) == "1e+21");
  BOOST_TEST(Write(Value(1e-7)) == "1e-07");
  BOOST_TEST(Write(Value(std::nan(""))) == "null");
  BOOST_TEST(Write(Value(std::numeric_limits<double>::infinity())) == "null");

  for (double d : {0.1, 1.0 / 3.0, 2.0 / 3.0, 1e21, 1e-7, 123456.789, -0.0, 5e-324, DBL_MAX,
                   -DBL_MAX, DBL_MIN, 9007199254740993.0, 9223372036854775808.0, 3.14159265358979,
                   1e300, 4.35, 0.30000000000000004}) {
    Value back = RoundTrip(Value(d));
    BOOST_TEST((back.type() == Value::Type::kDouble), d);
    BOOST_TEST(back.as_double() == d);
    BOOST_TEST(std::signbit(back.as_double()) == std::signbit(d));
  }
  for (int64_t i : {int64_t{0}, int64_t{-1}, int64_t{1} << 53, std::numeric_limits<int64_t>::max(),
                    std::numeric_limits<int64_t>::min()}) {
    Value back = RoundTrip(Value(i));
    BOOST_TEST(back.is_int());
    BOOST_TEST(back.as_int() == i);
  }
  BOOST_TEST(Write(Value(std::numeric_limits<int64_t>::min())) == "-9223372036854775808");
}

BOOST_AUTO_TEST_CASE(string_escapes_decode) {
  BOOST_TEST(MustParse(R"("\"\\\/\b\f\n\r\t")").as_string() == "\"\\/\b\f\n\r\t");
  BOOST_TEST(MustParse(R"("\u0041\u00e9\u00E9\u20ac")").as_string() ==
             "A\xC3\xA9\xC3\xA9\xE2\x82\xAC");
  BOOST_TEST(MustParse(R"("\u0000")").as_string() == "\0"s);
  // A surrogate pair decodes to one four-byte sequence (U+1F600).
  BOOST_TEST(MustParse(R"("\ud83d\ude00")").as_string() == "\xF0\x9F\x98\x80");
  BOOST_TEST(MustParse(R"("\uD83D\uDE00")").as_string() == "\xF0\x9F\x98\x80");
  BOOST_TEST(MustParse(R"("\udbff\udfff")").as_string() == "\xF4\x8F\xBF\xBF");  // U+10FFFF
  BOOST_TEST(MustParse(R"("a\nb\u0020c")").as_string() == "a\nb c");
  // Raw UTF-8 passes through, up to the largest code point.
  BOOST_TEST(MustParse("\"\xC3\xA9\xE6\x97\xA5\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF\"").as_string() ==
             "\xC3\xA9\xE6\x97\xA5\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF");
  BOOST_TEST(MustParse("\"\x7F\"").as_string() == "\x7F");  // DEL is not a control character here
  // A long string with an escape near the end takes the slow path.
  const std::string long_text(1000, 'x');
  BOOST_TEST(MustParse("\"" + long_text + "\\n\"").as_string() == long_text + "\n");
}

BOOST_AUTO_TEST_CASE(rejects_invalid_utf8) {
  CHECK_ERROR("\"\xC0\xAF\"", 1, "invalid UTF-8");          // overlong '/'
  CHECK_ERROR("\"\xC1\xBF\"", 1, "invalid UTF-8");          // overlong
  CHECK_ERROR("\"\xE0\x80\xAF\"", 1, "invalid UTF-8");      // overlong, three bytes
  CHECK_ERROR("\"\xF0\x80\x80\xAF\"", 1, "invalid UTF-8");  // overlong, four bytes
  CHECK_ERROR("\"\xED\xA0\x80\"", 1, "invalid UTF-8");      // surrogate U+D800
  CHECK_ERROR("\"\xED\xBF\xBF\"", 1, "invalid UTF-8");      // surrogate U+DFFF
  CHECK_ERROR("\"\xF4\x90\x80\x80\"", 1, "invalid UTF-8");  // U+110000
  CHECK_ERROR("\"\xF5\x80\x80\x80\"", 1, "invalid UTF-8");
  CHECK_ERROR("\"\xFF\"", 1, "invalid UTF-8");
  CHECK_ERROR("\"ab\x80\"", 3, "invalid UTF-8");    // lone continuation byte
  CHECK_ERROR("\"\xE2\x82\"", 1, "invalid UTF-8");  // truncated by the quote
  CHECK_ERROR("\"\xF0\x9F\x98\"", 1, "invalid UTF-8");
  CHECK_ERROR("\"\xC3", 1, "invalid UTF-8");  // truncated by the end of input
  CHECK_ERROR("\"\xE2\x82", 1, "invalid UTF-8");
  CHECK_ERROR("\"a\\n\xC3(\"", 4, "invalid UTF-8");          // after an escape (slow path)
  CHECK_ERROR("{\"\xC0\xAF\":1}", 2, "invalid UTF-8");       // in a key
  CHECK_ERROR("\xC3\xA9", 0, "unexpected character");        // outside a string
  CHECK_ERROR("\xEF\xBB\xBF{}", 0, "unexpected character");  // a byte order mark is not JSON
}

BOOST_AUTO_TEST_CASE(rejects_bad_escapes_and_lone_surrogates) {
  CHECK_ERROR(R"("\ud800")", 1, "unpaired surrogate");
  CHECK_ERROR(R"("ab\ud800x")", 3, "unpaired surrogate");
  CHECK_ERROR(R"("\ud800\u0041")", 1, "unpaired surrogate");
  CHECK_ERROR(R"("\ud800\ud800")", 1, "unpaired surrogate");
  CHECK_ERROR(R"("\udc00")", 1, "unpaired surrogate");
  CHECK_ERROR(R"("\ude00\ud83d")", 1, "unpaired surrogate");
  CHECK_ERROR(R"("\ud800\)", 1, "unpaired surrogate");
  CHECK_ERROR(R"("\ud800\u)", 1, "unpaired surrogate");
  CHECK_ERROR(R"("\ud800\udc0)", 1, "unpaired surrogate");
  CHECK_ERROR(R"("\x41")", 1, "invalid escape");
  CHECK_ERROR(R"("\a")", 1, "invalid escape");
  CHECK_ERROR(R"("\U0041")", 1, "invalid escape");
  CHECK_ERROR(R"("\u12G4")", 1, "invalid \\u escape");
  CHECK_ERROR(R"("\u12")", 1, "invalid \\u escape");
  CHECK_ERROR(R"("\u)", 1, "invalid \\u escape");
  CHECK_ERROR(R"("\)", 2, "unexpected end of input");
}

BOOST_AUTO_TEST_CASE(rejects_control_characters_in_strings) {
  CHECK_ERROR("\"a\nb\"", 2, "control character");
  CHECK_ERROR("\"\t\"", 1, "control character");
  CHECK_ERROR("\"\x01\"", 1, "control character");
  CHECK_ERROR("\"\x1F\"", 1, "control character");
  CHECK_ERROR("\"\0\""s, 1, "control character");
  CHECK_ERROR("\"x\\n\r\"", 4, "control character");
  CHECK_ERROR("\"abc", 4, "unexpected end of input");
}

BOOST_AUTO_TEST_CASE(rejects_bad_numbers) {
  CHECK_ERROR("01", 0, "leading zero");
  CHECK_ERROR("-01", 1, "leading zero");
  CHECK_ERROR("00", 0, "leading zero");
  CHECK_ERROR("[1,007]", 3, "leading zero");
  CHECK_ERROR("-", 1, "unexpected end of input");
  CHECK_ERROR("-a", 1, "expected a digit");
  CHECK_ERROR("1.", 2, "expected a digit after '.'");
  CHECK_ERROR("1.e5", 2, "expected a digit after '.'");
  CHECK_ERROR(".5", 0, "unexpected character");
  CHECK_ERROR("1e", 2, "expected a digit in exponent");
  CHECK_ERROR("1e+", 3, "expected a digit in exponent");
  CHECK_ERROR("+1", 0, "unexpected character");
  CHECK_ERROR("0x10", 1, "trailing characters");
  CHECK_ERROR("NaN", 0, "unexpected character");
  CHECK_ERROR("Infinity", 0, "unexpected character");
  CHECK_ERROR("-Infinity", 1, "expected a digit");
  BOOST_TEST(MustParse("0.5").as_double() == 0.5);
  BOOST_TEST(MustParse("-0.0").as_double() == 0.0);
  BOOST_TEST(MustParse("0e0").as_double() == 0.0);
}

BOOST_AUTO_TEST_CASE(rejects_trailing_commas_and_bad_structure) {
  CHECK_ERROR("[1,]", 3, "trailing comma in array");
  CHECK_ERROR("[1, ]", 4, "trailing comma in array");
  CHECK_ERROR(R"({"a":1,})", 7, "trailing comma in object");
  CHECK_ERROR("[,1]", 1, "unexpected character");
  CHECK_ERROR("{,}", 1, "expected a string key");
  CHECK_ERROR("[1 2]", 3, "expected ',' or ']'");
  CHECK_ERROR(R"({"a":1 "b":2})", 7, "expected ',' or '}'");
  CHECK_ERROR(R"({"a" 1})", 5, "expected ':'");
  CHECK_ERROR("{a:1}", 1, "expected a string key");
  CHECK_ERROR("{'a':1}", 1, "expected a string key");
  CHECK_ERROR("['a']", 1, "unexpected character");
  CHECK_ERROR(R"({"a":})", 5, "unexpected character");
  CHECK_ERROR("[1]]", 3, "trailing characters");
  CHECK_ERROR("tru", 0, "invalid literal");
  CHECK_ERROR("True", 0, "unexpected character");
  CHECK_ERROR("nul", 0, "invalid literal");
  CHECK_ERROR("[1 // comment\n]", 3, "expected ',' or ']'");
  CHECK_ERROR("", 0, "unexpected end of input");
  CHECK_ERROR("  \n ", 4, "unexpected end of input");
  CHECK_ERROR("[", 1, "unexpected end of input");
  CHECK_ERROR("[1", 2, "unexpected end of input in array");
  CHECK_ERROR("{", 1, "unexpected end of input in object");
  CHECK_ERROR(R"({"a")", 4, "unexpected end of input in object");
  CHECK_ERROR(R"({"a":)", 5, "unexpected end of input");
  CHECK_ERROR(R"({"a":1)", 6, "unexpected end of input in object");
  CHECK_ERROR("[1,\v2]", 3, "unexpected character");  // vertical tab is not JSON whitespace
}

BOOST_AUTO_TEST_CASE(rejects_trailing_garbage) {
  CHECK_ERROR("1 2", 2, "trailing characters");
  CHECK_ERROR("{} x", 3, "trailing characters");
  CHECK_ERROR("null null", 5, "trailing characters");
  CHECK_ERROR(R"("a""b")", 3, "trailing characters");
  CHECK_ERROR("truex", 4, "trailing characters");
  CHECK_ERROR("{}\0"s, 2, "trailing characters");
  BOOST_TEST(MustParse("{} \n\t\r").is_object());  // whitespace is fine
}

BOOST_AUTO_TEST_CASE(rejects_duplicate_keys) {
  CHECK_ERROR(R"({"a":1,"a":2})", 7, "duplicate key");
  CHECK_ERROR(R"({"a":1,"b":2,"a":3})", 13, "duplicate key");
  // Keys compare after unescaping.
  CHECK_ERROR(R"({"a":1,"\u0061":2})", 7, "duplicate key");
  // Same key in different objects is fine.
  BOOST_TEST(MustParse(R"({"a":{"a":1},"b":{"a":2}})").as_object().size() == 2u);

  // Large objects use a hash set; check both a duplicate before and after the switch.
  for (int n : {10, 16, 17, 100, 1000}) {
    std::string text = "{";
    for (int i = 0; i < n; ++i) text += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
    Value ok = MustParse(text.substr(0, text.size() - 1) + "}");
    BOOST_TEST(ok.as_object().size() == static_cast<size_t>(n));
    BOOST_TEST(ok.as_object().items()[static_cast<size_t>(n - 1)].first ==
               "k" + std::to_string(n - 1));  // order kept
    for (int dup : {0, n / 2, n - 1}) {
      const std::string bad = text + "\"k" + std::to_string(dup) + "\":0}";
      CHECK_ERROR(bad, text.size(), "duplicate key");
    }
  }
}

BOOST_AUTO_TEST_CASE(nesting_depth_is_limited) {
  const auto nested = [](int depth) {
    return std::string(static_cast<size_t>(depth), '[') +
           std::string(static_cast<size_t>(depth), ']');
  };
  BOOST_TEST(MustParse(nested(kMaxDepth)).is_array());
  CHECK_ERROR(nested(kMaxDepth + 1), static_cast<size_t>(kMaxDepth), "nesting deeper");

  std::string objects;
  for (int i = 0; i < kMaxDepth; ++i) objects += "{\"a\":";
  BOOST_TEST(MustParse(objects + "1" + std::string(kMaxDepth, '}')).is_object());
  CHECK_ERROR(objects + "[1]" + std::string(kMaxDepth, '}'), objects.size(), "nesting deeper");

  // A million brackets fail fast at the limit, without exhausting the stack.
  CHECK_ERROR(std::string(1'000'000, '['), static_cast<size_t>(kMaxDepth), "nesting deeper");
  std::string deep_objects;
  for (int i = 0; i < 200'000; ++i) deep_objects += "{\"a\":";
  CHECK_ERROR(deep_objects, static_cast<size_t>(kMaxDepth) * 5, "nesting deeper");
  std::string mixed;
  for (int i = 0; i < 100'000; ++i) mixed += "[{\"\":";
  CHECK_ERROR(mixed, 160, "nesting deeper");  // 32 times "[{\"\":" opens 64 containers
}

BOOST_AUTO_TEST_CASE(errors_never_echo_the_input) {
  const std::string secret = "I told nobody about this";
  const std::vector<std::string> bad = {
      "\"" + secret + "\x01\"",
      "\"" + secret + "\xC0\xAF\"",
      "{\"" + secret + "\":1,}",
      "[\"" + secret + "\" x]",
      "{\"" + secret + "\":1,\"" + secret + "\":2}",
      secret,
      "\"" + secret,
      "[\"" + secret + "\\q\"]",
  };
  for (const std::string& text : bad) {
    auto r = Parse(text);
    BOOST_REQUIRE(!r.ok());
    const std::string& msg = r.status().message();
    BOOST_TEST(msg.rfind("at byte ", 0) == 0u, msg);
    BOOST_TEST(msg.find("told") == std::string::npos, msg);
    BOOST_TEST(msg.find("nobody") == std::string::npos, msg);
    BOOST_TEST(msg.size() < 80u, msg);
    BOOST_TEST(IsValidUtf8(msg));
  }
}

BOOST_AUTO_TEST_CASE(every_prefix_of_a_document_fails_cleanly) {
  const Value full = MustParse(kDocument);
  for (size_t n = 0; n < kDocument.size(); ++n) {
    auto r = Parse(std::string_view(kDocument).substr(0, n));
    if (r.ok()) {
      BOOST_TEST(!(*r == full), "prefix " << n);
    } else {
      BOOST_TEST(r.status().message().rfind("at byte ", 0) == 0u);
    }
  }
  // Prefixes that are valid but different: a number cut short.
  BOOST_TEST(MustParse(std::string_view("1234").substr(0, 2)).as_int() == 12);

  // Every prefix of a string with multi-byte characters and escapes, too.
  const std::string s = "\"\xC3\xA9\\u00e9\\ud83d\\ude00\xF0\x9F\x98\x80\"";
  BOOST_TEST(MustParse(s).as_string() == "\xC3\xA9\xC3\xA9\xF0\x9F\x98\x80\xF0\x9F\x98\x80");
  for (size_t n = 0; n < s.size(); ++n) BOOST_TEST(!Parse(s.substr(0, n)).ok(), n);
}

BOOST_AUTO_TEST_CASE(document_round_trips) {
  const Value v = MustParse(kDocument);
  const Object& o = v.as_object();
  BOOST_TEST(o.size() == 12u);
  BOOST_TEST(o.Find("kind")->as_string() == "spike");
  BOOST_TEST(o.Find("intensity")->as_int() == 7);
  BOOST_TEST(o.Find("ratio")->as_double() == 0.25);
  BOOST_TEST(o.Find("big")->as_int() == std::numeric_limits<int64_t>::min());
  BOOST_TEST(o.Find("none")->is_null());
  BOOST_TEST(o.Find("tags")->as_array()[1].as_string() == "sunday night");
  BOOST_TEST(o.Find("text")->as_string() ==
             "caf\xC3\xA9 \"quoted\"\n\ttab \xF0\x9F\x98\x80 \xE6\x97\xA5\xE6\x9C\xAC");
  BOOST_TEST(
      o.Find("nested")->as_object().Find("a")->as_array()[3].as_object().Find("b")->as_string() ==
      "\\");
  BOOST_TEST(!o.Contains("missing"));

  const std::string written = Write(v);
  BOOST_TEST((MustParse(written) == v));
  BOOST_TEST(Write(MustParse(written)) == written);  // deterministic
  BOOST_TEST((MustParse(WritePretty(v)) == v));
  // Keys come out in the order they were read.
  BOOST_TEST(written.rfind(R"({"id":"3f0c","kind":"spike","intensity":7,"ratio":0.25,)", 0) == 0u);
  BOOST_TEST(written.find(R"("text":"café \"quoted\"\n\ttab 😀 日本")") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(write_escapes) {
  BOOST_TEST(Write(Value("a\"b\\c/d")) == R"("a\"b\\c/d")");
  BOOST_TEST(Write(Value("\b\f\n\r\t")) == R"("\b\f\n\r\t")");
  BOOST_TEST(Write(Value("\x01\x1f"s)) == R"("\u0001\u001f")");
  BOOST_TEST(Write(Value("a\0b"s)) == R"("a\u0000b")");
  BOOST_TEST(Write(Value("\x7F")) == "\"\x7F\"");
  BOOST_TEST(Write(Value("caf\xC3\xA9 \xF0\x9F\x98\x80")) == "\"caf\xC3\xA9 \xF0\x9F\x98\x80\"");
  // Invalid UTF-8 in a value built by the program still gives valid JSON.
  BOOST_TEST(Write(Value("a\xFF"
                         "b")) ==
             "\"a\xEF\xBF\xBD"
             "b\"");
  BOOST_TEST(Write(Value("\xE2\x82")) == "\"\xEF\xBF\xBD\"");  // one U+FFFD per bad sequence
  BOOST_TEST(Write(Value("\xED\xA0\x80")) == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");

  // Every control character round-trips.
  std::string all;
  for (int c = 0; c < 0x80; ++c) all += static_cast<char>(c);
  BOOST_TEST(MustParse(Write(Value(all))).as_string() == all);
}

BOOST_AUTO_TEST_CASE(write_pretty) {
  Object inner;
  inner.Set("x", Value(1));
  inner.Set("list", Value(Array{Value(true), Value(nullptr), Value("s")}));
  inner.Set("none", Value(Array{}));
  inner.Set("empty", Value(Object{}));
  Object outer;
  outer.Set("inner", Value(std::move(inner)));
  outer.Set("d", Value(2.5));
  const std::string expected =
      "{\n"
      "  \"inner\": {\n"
      "    \"x\": 1,\n"
      "    \"list\": [\n"
      "      true,\n"
      "      null,\n"
      "      \"s\"\n"
      "    ],\n"
      "    \"none\": [],\n"
      "    \"empty\": {}\n"
      "  },\n"
      "  \"d\": 2.5\n"
      "}";
  BOOST_TEST(WritePretty(Value(outer)) == expected);
  BOOST_TEST(Write(Value(outer)) ==
             R"({"inner":{"x":1,"list":[true,null,"s"],"none":[],"empty":{}},"d":2.5})");
  BOOST_TEST(WritePretty(Value(7)) == "7");
  BOOST_TEST(WritePretty(Value(Array{})) == "[]");
}

BOOST_AUTO_TEST_CASE(object_set_find_and_order) {
  Object o;
  BOOST_TEST(o.empty());
  o.Set("b", Value(1));
  o.Set("a", Value("x"));
  o.Set("b", Value(2));  // replaces in place
  BOOST_TEST(o.size() == 2u);
  BOOST_TEST(o.items()[0].first == "b");
  BOOST_TEST(o.Find("b")->as_int() == 2);
  BOOST_TEST(o.Contains("a"));
  BOOST_TEST(!o.Contains("c"));
}

BOOST_AUTO_TEST_CASE(copies_are_independent) {
  Value a = MustParse(R"({"list":[1,2],"o":{"k":"v"}})");
  Value b = a;
  BOOST_TEST((a == b));
  b.as_object().Find("list")->as_array().emplace_back(3);
  b.as_object().Find("o")->as_object().Set("k", Value("changed"));
  BOOST_TEST(a.as_object().Find("list")->as_array().size() == 2u);
  BOOST_TEST(a.as_object().Find("o")->as_object().Find("k")->as_string() == "v");
  BOOST_TEST(b.as_object().Find("list")->as_array().size() == 3u);
  BOOST_TEST(!(a == b));
}

BOOST_AUTO_TEST_CASE(equality_is_by_type_and_value) {
  BOOST_TEST(!(Value(1) == Value(1.0)));
  BOOST_TEST((Value(1) == Value(int64_t{1})));
  BOOST_TEST(!(Value(nullptr) == Value(false)));
  BOOST_TEST((Value("a") == Value(std::string("a"))));
  BOOST_TEST((MustParse("[1,{\"a\":[]}]") == MustParse(" [ 1 , { \"a\" : [ ] } ] ")));
  BOOST_TEST(!(MustParse(R"({"a":1,"b":2})") == MustParse(R"({"b":2,"a":1})")));  // order matters
}

BOOST_AUTO_TEST_CASE(is_valid_utf8) {
  BOOST_TEST(IsValidUtf8(""));
  BOOST_TEST(IsValidUtf8("plain ascii, long enough for the 8-byte path"));
  BOOST_TEST(IsValidUtf8("\xC3\xA9\xE6\x97\xA5\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF\xEF\xBF\xBD"));
  BOOST_TEST(IsValidUtf8("\0"s));
  for (const std::string& bad :
       {"\xC0\xAF"s, "\xC1\xBF"s, "\xE0\x80\xAF"s, "\xED\xA0\x80"s, "\xED\xBF\xBF"s,
        "\xF4\x90\x80\x80"s, "\xF5\x80\x80\x80"s, "\xF8\x88\x80\x80\x80"s, "\xFF"s, "\x80"s,
        "\xE2\x82"s, "\xF0\x9F\x98"s, "abcdefgh\xC3"s, "\xC3\xA9\xC3"s}) {
    BOOST_TEST(!IsValidUtf8(bad));
    BOOST_TEST(!IsValidUtf8("12345678" + bad + "12345678"));
  }
}

BOOST_AUTO_TEST_SUITE_END()
