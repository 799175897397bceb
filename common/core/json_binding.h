// The one way a typed record is read from JSON: a Reader over one object,
// one call per field, and one error for every record when a field is
// missing or of the wrong type.
//
//   json::Reader r(value, "report choices");
//   r.Format("format", 1).Optional("picks", c.picks).Required("id", c.id);
//   if (!r.ok()) return r.status();
//
// The error is always Corruption (a stored record; or, with
// Reader::kInput, InvalidArgument for what came from outside) with the
// message "<record>: <field> is missing" or "<record>: <field> is not
// <kind>" ("<record> is not an object" for the whole), naming the field and never its value (a
// value may be journal text). The first problem is kept; later calls do nothing. Built on core/json
// (strict and fuzzed), header only.
//
// The status's message is for logs and developers (English). What reaches a
// person (an import) is built from error(), the same problem as a value
// (which field, what is wrong), by core::DescribeFieldError
// (core/json_error_words.h), the one place it becomes words.
#ifndef FIELDNOTES_CORE_JSON_BINDING_H_
#define FIELDNOTES_CORE_JSON_BINDING_H_

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/compact_string.h"
#include "core/json.h"
#include "core/status.h"
#include "core/timestamp.h"

namespace fieldnotes::core::json {

// What a field's value should have been, for the words said about it.
enum class Kind {
  kText,
  kBool,
  kInteger,
  kNumber,
  kList,
  kPair,
  kObject,
  kTimestamp,
  kDate,
  kClock,
  kScale,  // a whole number from 0 to 10
  kUuid,
};

// One problem with a record read from JSON, as a value. `field` is the
// field's name as the file writes it (empty for the record as a whole; a
// name that is not short printable ASCII is never kept).
struct FieldError {
  enum class Problem {
    kNone,
    kNotObject,  // the record is not a JSON object
    kMissing,
    kWrongKind,  // not of `kind`
    kEmpty,
    kUnknown,      // a field the record does not have
    kNotAccepted,  // a value a Check refused
    kNotOneOf,     // not one of `allowed`
    kFormat,       // a format number this version does not read
    kUnknownZone,  // a time zone that is unknown or cannot place the time
  };
  Problem problem = Problem::kNone;
  std::string field;
  Kind kind = Kind::kText;
  std::string allowed;  // kNotOneOf: the values the field may hold, as the file writes them
};

inline FieldError MakeFieldError(FieldError::Problem problem, std::string field = {},
                                 Kind kind = Kind::kText, std::string allowed = {}) {
  FieldError e;
  e.problem = problem;
  e.field = std::move(field);
  e.kind = kind;
  e.allowed = std::move(allowed);
  return e;
}

// How a C++ type is read from a JSON value: From() is false when the value
// is not of that kind (an int out of range counts as not of the kind).
template <typename T>
struct Field;

template <>
struct Field<std::string> {
  static constexpr std::string_view kKind = "text";
  static constexpr Kind kType = Kind::kText;
  static bool From(const Value& v, std::string& out) {
    if (!v.is_string()) return false;
    out = v.as_string();
    return true;
  }
};

template <>
struct Field<CompactString> {
  static constexpr std::string_view kKind = "text";
  static constexpr Kind kType = Kind::kText;
  static bool From(const Value& v, CompactString& out) {
    if (!v.is_string()) return false;
    out = v.as_string();
    return true;
  }
};

template <>
struct Field<bool> {
  static constexpr std::string_view kKind = "true or false";
  static constexpr Kind kType = Kind::kBool;
  static bool From(const Value& v, bool& out) {
    if (!v.is_bool()) return false;
    out = v.as_bool();
    return true;
  }
};

template <>
struct Field<int64_t> {
  static constexpr std::string_view kKind = "a whole number";
  static constexpr Kind kType = Kind::kInteger;
  static bool From(const Value& v, int64_t& out) {
    if (!v.is_int()) return false;
    out = v.as_int();
    return true;
  }
};

template <>
struct Field<int> {
  static constexpr std::string_view kKind = "a whole number";
  static constexpr Kind kType = Kind::kInteger;
  static bool From(const Value& v, int& out) {
    if (!v.is_int() || v.as_int() < std::numeric_limits<int>::min() ||
        v.as_int() > std::numeric_limits<int>::max())
      return false;
    out = static_cast<int>(v.as_int());
    return true;
  }
};

template <>
struct Field<double> {
  static constexpr std::string_view kKind = "a number";
  static constexpr Kind kType = Kind::kNumber;
  static bool From(const Value& v, double& out) {
    if (!v.is_number()) return false;
    out = v.as_double();
    return true;
  }
};

template <typename T>
struct Field<std::vector<T>> {
  static constexpr std::string_view kKind = "a list";
  static constexpr Kind kType = Kind::kList;
  static bool From(const Value& v, std::vector<T>& out) {
    if (!v.is_array()) return false;
    std::vector<T> items;
    items.reserve(v.as_array().size());
    for (const Value& item : v.as_array()) {
      T t{};
      if (!Field<T>::From(item, t)) return false;
      items.push_back(std::move(t));
    }
    out = std::move(items);
    return true;
  }
};

// A pair is a list of exactly two.
template <typename A, typename B>
struct Field<std::pair<A, B>> {
  static constexpr std::string_view kKind = "a pair";
  static constexpr Kind kType = Kind::kPair;
  static bool From(const Value& v, std::pair<A, B>& out) {
    if (!v.is_array() || v.as_array().size() != 2) return false;
    return Field<A>::From(v.as_array()[0], out.first) &&
           Field<B>::From(v.as_array()[1], out.second);
  }
};

template <>
struct Field<Array> {
  static constexpr std::string_view kKind = "a list";
  static constexpr Kind kType = Kind::kList;
  static bool From(const Value& v, Array& out) {
    if (!v.is_array()) return false;
    out = v.as_array();
    return true;
  }
};

template <>
struct Field<Object> {
  static constexpr std::string_view kKind = "an object";
  static constexpr Kind kType = Kind::kObject;
  static bool From(const Value& v, Object& out) {
    if (!v.is_object()) return false;
    out = v.as_object();
    return true;
  }
};

// "2026-11-03T21:40:00+01:00": a time with its offset from UTC.
template <>
struct Field<Timestamp> {
  static constexpr std::string_view kKind = "a time with its UTC offset";
  static constexpr Kind kType = Kind::kTimestamp;
  static bool From(const Value& v, Timestamp& out) {
    if (!v.is_string()) return false;
    auto t = ParseTimestamp(v.as_string());
    if (!t.ok()) return false;
    out = *t;
    return true;
  }
};

// Absent or null: nullopt.
template <typename T>
struct Field<std::optional<T>> {
  static constexpr std::string_view kKind = Field<T>::kKind;
  static constexpr Kind kType = Field<T>::kType;
  static bool From(const Value& v, std::optional<T>& out) {
    if (v.is_null()) {
      out.reset();
      return true;
    }
    T t{};
    if (!Field<T>::From(v, t)) return false;
    out = std::move(t);
    return true;
  }
};

class Reader {
 public:
  enum class Source { kStored, kInput };
  static constexpr Source kStored = Source::kStored;
  static constexpr Source kInput = Source::kInput;

  // `record` names the record in errors ("report choices"); it must outlive
  // the Reader. The Reader holds `value` (a copy shares its object), so a
  // temporary is fine. A value that is not an object is the first problem.
  Reader(Value value, std::string_view record, Source source = kStored)
      : value_(std::move(value)), record_(record), source_(source) {
    if (value_.is_object()) {
      object_ = &std::as_const(value_).as_object();
    } else {
      Fail("", "is not an object",
           MakeFieldError(FieldError::Problem::kNotObject, "", Kind::kObject));
    }
  }
  // Reads `object` in place, without a copy (the hot path: every journal
  // record on unlock); `object` must outlive the Reader.
  Reader(const Object& object, std::string_view record, Source source = kStored)
      : record_(record), source_(source), object_(&object) {}
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  // The first problem as a value (problem kNone while ok()).
  const FieldError& error() const { return error_; }
  // The object read (nullptr when it was not one).
  const Object* object() const { return object_; }

  // The field must be there, of T's kind.
  template <typename T>
  Reader& Required(std::string_view key, T& out) {
    const Value* v = Get(key);
    if (v == nullptr) {
      if (ok())
        Fail(key, "is missing",
             MakeFieldError(FieldError::Problem::kMissing, std::string(key), Field<T>::kType));
      return *this;
    }
    if (!Field<T>::From(*v, out)) WrongKind<T>(key);
    return *this;
  }

  // Absent leaves `out` as it is; present, it must be of T's kind.
  template <typename T>
  Reader& Optional(std::string_view key, T& out) {
    const Value* v = Get(key);
    if (v != nullptr && !Field<T>::From(*v, out)) WrongKind<T>(key);
    return *this;
  }

  // Every field must be one of `known`; another is "<record>: <field> is
  // unknown" (its name said only when it is short printable ASCII: a name
  // could be a piece of someone's writing).
  Reader& Known(std::initializer_list<std::string_view> known) {
    if (!ok() || object_ == nullptr) return *this;
    for (const auto& [key, value] : object_->items()) {
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        const bool shown = Printable(key);
        Fail(shown ? std::string_view(key) : std::string_view("a field"), "is unknown",
             MakeFieldError(FieldError::Problem::kUnknown, shown ? key : std::string(),
                            Kind::kText));
        break;
      }
    }
    return *this;
  }

  // A check of a value read: when `good` is false, "<record>: <field>
  // <what>" ("intensity", "is not from 0 to 10").
  Reader& Check(std::string_view key, bool good, std::string_view what) {
    if (ok() && !good)
      Fail(key, std::string(what),
           MakeFieldError(FieldError::Problem::kNotAccepted, std::string(key), Kind::kText));
    return *this;
  }

  // A value read that must be of `kind` after all (a number from 0 to 10, a
  // UUID): when `good` is false, "<record>: <field> <what>".
  Reader& Expect(std::string_view key, bool good, Kind kind, std::string_view what) {
    if (ok() && !good)
      Fail(key, std::string(what),
           MakeFieldError(FieldError::Problem::kWrongKind, std::string(key), kind));
    return *this;
  }

  // A value that must be one of `allowed` ("entry, session", as the file
  // writes them): when `good` is false, "<record>: <field> is not one of
  // <allowed>".
  Reader& OneOf(std::string_view key, bool good, std::string_view allowed) {
    if (ok() && !good)
      Fail(key, "is not one of " + std::string(allowed),
           MakeFieldError(FieldError::Problem::kNotOneOf, std::string(key), Kind::kText,
                          std::string(allowed)));
    return *this;
  }

  // Text that must not be empty: "<record>: <field> is empty".
  Reader& NotEmpty(std::string_view key, const std::string& value) {
    if (ok() && value.empty())
      Fail(key, "is empty",
           MakeFieldError(FieldError::Problem::kEmpty, std::string(key), Kind::kText));
    return *this;
  }

  // A problem found after reading, of a value read from `key` (a text that
  // does not parse as `kind`, a time zone that is unknown): fails with
  // that problem when nothing failed before.
  Reader& Refuse(std::string_view key, FieldError::Problem problem, Kind kind,
                 std::string_view what) {
    if (ok()) Fail(key, std::string(what), MakeFieldError(problem, std::string(key), kind));
    return *this;
  }

  // A format number: must be there and be exactly `expected`.
  Reader& Format(std::string_view key, int64_t expected) {
    int64_t format = 0;
    Required(key, format);
    if (ok() && format != expected)
      Fail(key, "is " + std::to_string(format) + ", a format this version does not read",
           MakeFieldError(FieldError::Problem::kFormat, std::string(key), Kind::kInteger));
    return *this;
  }

 private:
  const Value* Get(std::string_view key) const {
    return ok() && object_ != nullptr ? object_->Find(key) : nullptr;
  }
  static bool Printable(std::string_view key) {
    return !key.empty() && key.size() <= 32 && std::all_of(key.begin(), key.end(), [](char c) {
      return c > 0x20 && c < 0x7f && c != '"';
    });
  }
  template <typename T>
  void WrongKind(std::string_view key) {
    Fail(key, "is not " + std::string(Field<T>::kKind),
         MakeFieldError(FieldError::Problem::kWrongKind, std::string(key), Field<T>::kType));
  }
  void Fail(std::string_view key, const std::string& what, FieldError error) {
    if (!ok()) return;
    error_ = std::move(error);
    std::string message(record_);
    message += key.empty() ? " " : ": " + std::string(key) + " ";
    message += what;
    status_ = source_ == kStored ? Status::Corruption(message) : Status::InvalidArgument(message);
  }

  Value value_;
  std::string_view record_;
  Source source_;
  const Object* object_ = nullptr;
  Status status_;
  FieldError error_;
};

}  // namespace fieldnotes::core::json

#endif  // FIELDNOTES_CORE_JSON_BINDING_H_
