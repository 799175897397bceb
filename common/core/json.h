// A small JSON value, a strict parser and a deterministic writer.
//
// Core may not use Poco, and the journal's records, the import format and
// later the report content are JSON, so core carries its own. The parser is
// strict RFC 8259: it refuses invalid UTF-8 (including overlong forms and
// surrogates), lone surrogate escapes, control characters in strings, leading
// zeros, trailing commas, duplicate object keys, nesting deeper than
// kMaxDepth and anything after the value but whitespace. Numbers are kept as
// int64 when they are integers that fit, else as double.
#ifndef FIELDNOTES_CORE_JSON_H_
#define FIELDNOTES_CORE_JSON_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/status.h"

namespace fieldnotes::core::json {

inline constexpr int kMaxDepth = 64;

class Value;
using Array = std::vector<Value>;
// Keys keep insertion order for output; see Object below.
class Object;
class Parser;  // json.cpp; fills objects without a lookup per key.

class Value {
 public:
  enum class Type { kNull, kBool, kInt, kDouble, kString, kArray, kObject };

  Value() = default;  // null
  Value(std::nullptr_t) {}
  Value(bool b) : v_(b) {}
  Value(int i) : v_(int64_t{i}) {}
  Value(int64_t i) : v_(i) {}
  Value(double d) : v_(d) {}
  Value(const char* s) : v_(std::string(s)) {}
  Value(std::string s) : v_(std::move(s)) {}
  Value(std::string_view s) : v_(std::string(s)) {}
  Value(Array a);
  Value(Object o);

  Type type() const;
  bool is_null() const { return type() == Type::kNull; }
  bool is_bool() const { return type() == Type::kBool; }
  bool is_int() const { return type() == Type::kInt; }
  bool is_number() const { return type() == Type::kInt || type() == Type::kDouble; }
  bool is_string() const { return type() == Type::kString; }
  bool is_array() const { return type() == Type::kArray; }
  bool is_object() const { return type() == Type::kObject; }

  // Accessors require the matching type (checked with assert in debug builds).
  // Copies of a Value share arrays and objects; the non-const as_array() and
  // as_object() copy them first when shared, so changing a copy never changes
  // the original (a reference obtained before copying the Value does).
  bool as_bool() const;
  int64_t as_int() const;
  double as_double() const;  // also for ints
  const std::string& as_string() const;
  const Array& as_array() const;
  Array& as_array();
  const Object& as_object() const;
  Object& as_object();

  bool operator==(const Value& o) const;

 private:
  std::variant<std::nullptr_t, bool, int64_t, double, std::string, std::shared_ptr<Array>,
               std::shared_ptr<Object>>
      v_{nullptr};
};

// An object: unique keys in insertion order (so output is deterministic and
// follows the order the program built it in).
class Object {
 public:
  // Adds or replaces.
  void Set(std::string key, Value value);
  // nullptr when absent.
  const Value* Find(std::string_view key) const;
  Value* Find(std::string_view key);
  bool Contains(std::string_view key) const { return Find(key) != nullptr; }
  size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  const std::vector<std::pair<std::string, Value>>& items() const { return items_; }
  bool operator==(const Object& o) const { return items_ == o.items_; }

 private:
  friend class Parser;
  std::vector<std::pair<std::string, Value>> items_;
};

// Parses exactly one JSON value from `text`. On failure: InvalidArgument
// whose message names the byte offset and the reason ("at byte 17: invalid
// UTF-8 in string"). Never reads past `text`.
Result<Value> Parse(std::string_view text);

// Compact output: no spaces, keys in insertion order, strings escaped with
// \" \\ \b \f \n \r \t and \u00XX for other control characters; non-ASCII
// UTF-8 is written as is. Doubles use the shortest form that round-trips.
// The output always parses: a double that is integral keeps a ".0" (so it
// reads back as a double), NaN and infinities are written as null, and bytes
// of a string that are not valid UTF-8 are written as U+FFFD.
std::string Write(const Value& v);
// Indented output with two spaces, for people.
std::string WritePretty(const Value& v);

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool IsValidUtf8(std::string_view s);

}  // namespace fieldnotes::core::json

#endif  // FIELDNOTES_CORE_JSON_H_
