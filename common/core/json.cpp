// The parser is a single recursive-descent pass over the input. Speed comes
// from three things: strings without escapes are copied in one piece (the
// scan validates UTF-8 on the way), numbers go through std::from_chars, and
// array elements and object members are collected on scratch stacks shared by
// the whole parse, so each container allocates its final storage once, at its
// exact size. Recursion is bounded by kMaxDepth.
//
// Error messages carry an offset and a reason, never bytes of the input: the
// input is often a decrypted journal entry.
#include "core/json.h"

#include <array>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstring>
#include <iterator>
#include <memory>
#include <unordered_set>

namespace fieldnotes::core::json {

namespace {

static_assert(static_cast<int>(Value::Type::kObject) == 6,
              "Value::Type must follow the order of the variant's alternatives");

// Bytes that stand for themselves inside a JSON string, in and out: printable
// ASCII except the quote and the backslash.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[c] = true;
  t['"'] = false;
  t['\\'] = false;
  return t;
}();

constexpr bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Length of the well-formed UTF-8 sequence at p (p[0] >= 0x80), or 0 when
// it is not one. Stricter than the bit patterns alone: no overlong forms
// (C0, C1, E0 80..9F, F0 80..8F), no surrogates (ED A0..BF), nothing above
// U+10FFFF (F4 90.., F5..FF). On failure *bad_len is the length of the
// maximal ill-formed subpart, so a caller replacing it emits one U+FFFD.
size_t Utf8SequenceLength(const unsigned char* p, const unsigned char* end, size_t* bad_len) {
  const unsigned char b0 = p[0];
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    *bad_len = 1;
    return 0;
  }
  for (size_t k = 1; k <= need; ++k) {
    if (p + k >= end || p[k] < lo || p[k] > hi) {
      *bad_len = k;
      return 0;
    }
    lo = 0x80;
    hi = 0xBF;
  }
  return need + 1;
}

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    const char b[] = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(b, 2);
  } else if (cp < 0x10000) {
    const char b[] = {static_cast<char>(0xE0 | (cp >> 12)),
                      static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                      static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(b, 3);
  } else {
    const char b[] = {
        static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
        static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(b, 4);
  }
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// For a number that std::from_chars found out of range: true when it is too
// large (an error), false when it is too small (it reads as zero). Decided
// from the decimal exponent of the first significant digit.
bool TooLarge(const char* p, const char* end) {
  if (*p == '-') ++p;
  int64_t int_digits = 0, frac_zeros = 0;
  bool significant = false;
  for (; p < end && IsDigit(*p); ++p) {
    if (*p != '0') significant = true;
    if (significant) ++int_digits;
  }
  if (p < end && *p == '.') {
    for (++p; p < end && IsDigit(*p); ++p) {
      if (!significant && *p == '0') ++frac_zeros;
      if (*p != '0') significant = true;
    }
  }
  int64_t exp = 0;
  if (p < end && (*p == 'e' || *p == 'E')) {
    ++p;
    const bool negative = p < end && *p == '-';
    if (p < end && (*p == '-' || *p == '+')) ++p;
    for (; p < end && IsDigit(*p); ++p) {
      if (exp < 1'000'000'000) exp = exp * 10 + (*p - '0');
    }
    if (negative) exp = -exp;
  }
  const int64_t magnitude = int_digits > 0 ? int_digits - 1 + exp : exp - frac_zeros - 1;
  return magnitude >= 0;
}

}  // namespace

// ---------------------------------------------------------------- Value

Value::Value(Array a) : v_(std::make_shared<Array>(std::move(a))) {}
Value::Value(Object o) : v_(std::make_shared<Object>(std::move(o))) {}

Value::Type Value::type() const { return static_cast<Type>(v_.index()); }

bool Value::as_bool() const {
  assert(is_bool());
  return std::get<bool>(v_);
}

int64_t Value::as_int() const {
  assert(is_int());
  return std::get<int64_t>(v_);
}

double Value::as_double() const {
  assert(is_number());
  if (const int64_t* i = std::get_if<int64_t>(&v_)) return static_cast<double>(*i);
  return std::get<double>(v_);
}

const std::string& Value::as_string() const {
  assert(is_string());
  return std::get<std::string>(v_);
}

const Array& Value::as_array() const {
  assert(is_array());
  return *std::get<std::shared_ptr<Array>>(v_);
}

// Copy on write. use_count() is exact enough here: another Value sharing the
// array keeps it above 1, and a race with a copy of *this* Value would be a
// data race on *this anyway.
Array& Value::as_array() {
  assert(is_array());
  auto& p = std::get<std::shared_ptr<Array>>(v_);
  if (p.use_count() > 1) p = std::make_shared<Array>(*p);
  return *p;
}

const Object& Value::as_object() const {
  assert(is_object());
  return *std::get<std::shared_ptr<Object>>(v_);
}

Object& Value::as_object() {
  assert(is_object());
  auto& p = std::get<std::shared_ptr<Object>>(v_);
  if (p.use_count() > 1) p = std::make_shared<Object>(*p);
  return *p;
}

bool Value::operator==(const Value& o) const {
  if (v_.index() != o.v_.index()) return false;
  switch (type()) {
    case Type::kNull:
      return true;
    case Type::kBool:
      return std::get<bool>(v_) == std::get<bool>(o.v_);
    case Type::kInt:
      return std::get<int64_t>(v_) == std::get<int64_t>(o.v_);
    case Type::kDouble:
      return std::get<double>(v_) == std::get<double>(o.v_);
    case Type::kString:
      return std::get<std::string>(v_) == std::get<std::string>(o.v_);
    case Type::kArray: {
      const auto& a = std::get<std::shared_ptr<Array>>(v_);
      const auto& b = std::get<std::shared_ptr<Array>>(o.v_);
      return a == b || *a == *b;
    }
    case Type::kObject: {
      const auto& a = std::get<std::shared_ptr<Object>>(v_);
      const auto& b = std::get<std::shared_ptr<Object>>(o.v_);
      return a == b || *a == *b;
    }
  }
  return false;
}

// ---------------------------------------------------------------- Object

void Object::Set(std::string key, Value value) {
  for (auto& item : items_) {
    if (item.first == key) {
      item.second = std::move(value);
      return;
    }
  }
  items_.emplace_back(std::move(key), std::move(value));
}

const Value* Object::Find(std::string_view key) const {
  for (const auto& item : items_) {
    if (item.first == key) return &item.second;
  }
  return nullptr;
}

Value* Object::Find(std::string_view key) {
  for (auto& item : items_) {
    if (item.first == key) return &item.second;
  }
  return nullptr;
}

// ---------------------------------------------------------------- Parser

class Parser {
 public:
  explicit Parser(std::string_view text)
      : begin_(text.data()), end_(text.data() + text.size()), p_(begin_) {
    // Enough for a journal record, so the stacks rarely grow.
    elements_.reserve(16);
    members_.reserve(32);
  }

  Result<Value> Run() {
    Value v;
    if (ParseValue(&v, 0)) {
      SkipWhitespace();
      if (p_ == end_) return v;
      Fail(p_, "trailing characters after the value");
    }
    std::string msg = "at byte ";
    msg += std::to_string(error_at_ - begin_);
    msg += ": ";
    msg += error_;
    return Status::InvalidArgument(msg);
  }

 private:
  // Objects with more members than this check duplicates with a hash set;
  // smaller ones compare against the members so far.
  static constexpr size_t kLinearKeyCheck = 16;

  bool Fail(const char* at, const char* reason) {
    error_at_ = at;
    error_ = reason;
    return false;
  }

  void SkipWhitespace() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  bool ParseValue(Value* out, int depth) {
    SkipWhitespace();
    if (p_ == end_) return Fail(p_, "unexpected end of input");
    switch (*p_) {
      case '{':
        if (depth >= kMaxDepth) return Fail(p_, "nesting deeper than the limit");
        return ParseObject(out, depth);
      case '[':
        if (depth >= kMaxDepth) return Fail(p_, "nesting deeper than the limit");
        return ParseArray(out, depth);
      case '"': {
        std::string s;
        if (!ParseString(&s)) return false;
        *out = Value(std::move(s));
        return true;
      }
      case 't':
        return ParseLiteral("true", Value(true), out);
      case 'f':
        return ParseLiteral("false", Value(false), out);
      case 'n':
        return ParseLiteral("null", Value(), out);
      default:
        if (*p_ == '-' || IsDigit(*p_)) return ParseNumber(out);
        return Fail(p_, "unexpected character");
    }
  }

  bool ParseLiteral(std::string_view word, Value v, Value* out) {
    if (static_cast<size_t>(end_ - p_) < word.size() ||
        std::memcmp(p_, word.data(), word.size()) != 0) {
      return Fail(p_, "invalid literal");
    }
    p_ += word.size();
    *out = std::move(v);
    return true;
  }

  bool ParseArray(Value* out, int depth) {
    ++p_;  // '['
    SkipWhitespace();
    if (p_ < end_ && *p_ == ']') {
      ++p_;
      *out = Value(Array{});
      return true;
    }
    const size_t base = elements_.size();
    while (true) {
      // Parse into a local: a nested array grows elements_, which would
      // invalidate a pointer into it.
      Value v;
      if (!ParseValue(&v, depth + 1)) return false;
      elements_.push_back(std::move(v));
      SkipWhitespace();
      if (p_ == end_) return Fail(p_, "unexpected end of input in array");
      if (*p_ == ']') break;
      if (*p_ != ',') return Fail(p_, "expected ',' or ']' in array");
      ++p_;
      SkipWhitespace();
      if (p_ < end_ && *p_ == ']') return Fail(p_, "trailing comma in array");
    }
    ++p_;  // ']'
    const auto first = elements_.begin() + static_cast<std::ptrdiff_t>(base);
    Array a(std::make_move_iterator(first), std::make_move_iterator(elements_.end()));
    elements_.erase(first, elements_.end());
    *out = Value(std::move(a));
    return true;
  }

  bool ParseObject(Value* out, int depth) {
    ++p_;  // '{'
    SkipWhitespace();
    if (p_ < end_ && *p_ == '}') {
      ++p_;
      *out = Value(Object{});
      return true;
    }
    const size_t base = members_.size();
    std::unique_ptr<std::unordered_set<std::string>> seen;  // only for large objects
    while (true) {
      if (p_ == end_) return Fail(p_, "unexpected end of input in object");
      if (*p_ != '"') return Fail(p_, "expected a string key in object");
      const char* key_at = p_;
      std::string key;
      if (!ParseString(&key)) return false;

      const size_t count = members_.size() - base;
      bool duplicate = false;
      if (count < kLinearKeyCheck) {
        for (size_t i = base; i < members_.size() && !duplicate; ++i) {
          duplicate = members_[i].first == key;
        }
      } else {
        if (!seen) {
          seen = std::make_unique<std::unordered_set<std::string>>();
          for (size_t i = base; i < members_.size(); ++i) seen->insert(members_[i].first);
        }
        duplicate = !seen->insert(key).second;
      }
      if (duplicate) return Fail(key_at, "duplicate key in object");

      SkipWhitespace();
      if (p_ == end_) return Fail(p_, "unexpected end of input in object");
      if (*p_ != ':') return Fail(p_, "expected ':' after object key");
      ++p_;
      Value v;
      if (!ParseValue(&v, depth + 1)) return false;
      members_.emplace_back(std::move(key), std::move(v));
      SkipWhitespace();
      if (p_ == end_) return Fail(p_, "unexpected end of input in object");
      if (*p_ == '}') break;
      if (*p_ != ',') return Fail(p_, "expected ',' or '}' in object");
      ++p_;
      SkipWhitespace();
      if (p_ < end_ && *p_ == '}') return Fail(p_, "trailing comma in object");
    }
    ++p_;  // '}'
    const auto first = members_.begin() + static_cast<std::ptrdiff_t>(base);
    Object o;
    o.items_.assign(std::make_move_iterator(first), std::make_move_iterator(members_.end()));
    members_.erase(first, members_.end());
    *out = Value(std::move(o));
    return true;
  }

  // Advances p over plain bytes and well-formed UTF-8; stops at a quote, a
  // backslash, a control character, invalid UTF-8 or the end.
  const char* ScanPlain(const char* p) const {
    const auto* u = reinterpret_cast<const unsigned char*>(p);
    const auto* end = reinterpret_cast<const unsigned char*>(end_);
    while (u < end) {
      if (kPlain[*u]) {
        ++u;
        continue;
      }
      if (*u < 0x80) break;
      size_t bad_len;
      const size_t n = Utf8SequenceLength(u, end, &bad_len);
      if (n == 0) break;
      u += n;
    }
    return reinterpret_cast<const char*>(u);
  }

  // Explains why ScanPlain stopped at p (anything but a quote or backslash).
  bool FailInString(const char* p) {
    if (p == end_) return Fail(p, "unexpected end of input in string");
    if (static_cast<unsigned char>(*p) < 0x20) return Fail(p, "control character in string");
    return Fail(p, "invalid UTF-8 in string");
  }

  bool ParseString(std::string* out) {
    const char* start = ++p_;  // after the opening quote
    const char* p = ScanPlain(start);
    if (p < end_ && *p == '"') {  // the common case: no escapes
      out->assign(start, p);
      p_ = p + 1;
      return true;
    }
    if (p == end_ || *p != '\\') return FailInString(p);

    std::string& s = *out;
    s.reserve(static_cast<size_t>(p - start) + 16);
    s.assign(start, p);
    while (true) {
      if (*p == '"') break;
      if (*p != '\\') return FailInString(p);
      const char* escape = p;
      if (end_ - p < 2) return Fail(p + 1, "unexpected end of input in string");
      switch (p[1]) {
        case '"':
          s += '"';
          break;
        case '\\':
          s += '\\';
          break;
        case '/':
          s += '/';
          break;
        case 'b':
          s += '\b';
          break;
        case 'f':
          s += '\f';
          break;
        case 'n':
          s += '\n';
          break;
        case 'r':
          s += '\r';
          break;
        case 't':
          s += '\t';
          break;
        case 'u': {
          uint32_t cp;
          if (!ParseHex4(p + 2, &cp)) return Fail(escape, "invalid \\u escape in string");
          p += 4;
          if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return Fail(escape, "unpaired surrogate in \\u escape");
          }
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t low;
            if (end_ - p < 4 || p[2] != '\\' || p[3] != 'u' || !ParseHex4(p + 4, &low) ||
                low < 0xDC00 || low > 0xDFFF) {
              return Fail(escape, "unpaired surrogate in \\u escape");
            }
            p += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          AppendUtf8(s, cp);
          break;
        }
        default:
          return Fail(escape, "invalid escape in string");
      }
      p += 2;
      const char* run = p;
      p = ScanPlain(p);
      s.append(run, p);
      if (p == end_) return FailInString(p);
    }
    p_ = p + 1;
    return true;
  }

  // Reads 4 hex digits at p, within the input.
  bool ParseHex4(const char* p, uint32_t* cp) const {
    if (end_ - p < 4) return false;
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      const int d = HexDigit(p[i]);
      if (d < 0) return false;
      v = (v << 4) | static_cast<uint32_t>(d);
    }
    *cp = v;
    return true;
  }

  bool ParseNumber(Value* out) {
    const char* start = p_;
    const char* p = p_;
    bool integer = true;
    if (*p == '-') ++p;
    if (p == end_) return Fail(p, "unexpected end of input in number");
    if (*p == '0') {
      ++p;
      if (p < end_ && IsDigit(*p)) return Fail(p - 1, "leading zero in number");
    } else if (IsDigit(*p)) {
      while (p < end_ && IsDigit(*p)) ++p;
    } else {
      return Fail(p, "expected a digit in number");
    }
    if (p < end_ && *p == '.') {
      integer = false;
      ++p;
      if (p == end_ || !IsDigit(*p)) return Fail(p, "expected a digit after '.' in number");
      while (p < end_ && IsDigit(*p)) ++p;
    }
    if (p < end_ && (*p == 'e' || *p == 'E')) {
      integer = false;
      ++p;
      if (p < end_ && (*p == '+' || *p == '-')) ++p;
      if (p == end_ || !IsDigit(*p)) return Fail(p, "expected a digit in exponent");
      while (p < end_ && IsDigit(*p)) ++p;
    }
    p_ = p;
    if (integer) {
      int64_t i;
      const auto r = std::from_chars(start, p, i);
      if (r.ec == std::errc() && r.ptr == p) {
        *out = Value(i);
        return true;
      }
      // Out of int64 range: kept as a double, as the header promises.
    }
    double d;
    const auto r = std::from_chars(start, p, d);
    if (r.ec == std::errc::result_out_of_range) {
      if (TooLarge(start, p)) return Fail(start, "number out of range");
      d = *start == '-' ? -0.0 : 0.0;
    } else if (r.ec != std::errc() || r.ptr != p) {
      return Fail(start, "invalid number");
    }
    *out = Value(d);
    return true;
  }

  const char* const begin_;
  const char* const end_;
  const char* p_;
  const char* error_at_ = nullptr;
  const char* error_ = "";
  std::vector<Value> elements_;                         // of the arrays being parsed
  std::vector<std::pair<std::string, Value>> members_;  // of the objects being parsed
};

Result<Value> Parse(std::string_view text) { return Parser(text).Run(); }

// ---------------------------------------------------------------- Writer

namespace {

void WriteString(const std::string& s, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  out += '"';
  const auto* run = p;
  while (p < end) {
    const unsigned char c = *p;
    if (kPlain[c]) {
      ++p;
      continue;
    }
    if (c >= 0x80) {
      size_t bad_len;
      const size_t n = Utf8SequenceLength(p, end, &bad_len);
      if (n != 0) {
        p += n;
        continue;
      }
      out.append(reinterpret_cast<const char*>(run), static_cast<size_t>(p - run));
      out += "\xEF\xBF\xBD";  // U+FFFD: the output must stay valid UTF-8
      p += bad_len;
      run = p;
      continue;
    }
    out.append(reinterpret_cast<const char*>(run), static_cast<size_t>(p - run));
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default: {
        const char esc[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out.append(esc, sizeof esc);
      }
    }
    ++p;
    run = p;
  }
  out.append(reinterpret_cast<const char*>(run), static_cast<size_t>(p - run));
  out += '"';
}

void WriteDouble(double d, std::string& out) {
  if (!std::isfinite(d)) {
    out += "null";
    return;
  }
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, d);
  out.append(buf, r.ptr);
  // "1" would read back as an int; keep it a double.
  if (std::memchr(buf, '.', static_cast<size_t>(r.ptr - buf)) == nullptr &&
      std::memchr(buf, 'e', static_cast<size_t>(r.ptr - buf)) == nullptr) {
    out += ".0";
  }
}

// indent < 0: compact.
void WriteValue(const Value& v, std::string& out, int indent, int level) {
  const auto newline = [&](int lvl) {
    out += '\n';
    out.append(static_cast<size_t>(indent) * static_cast<size_t>(lvl), ' ');
  };
  switch (v.type()) {
    case Value::Type::kNull:
      out += "null";
      break;
    case Value::Type::kBool:
      out += v.as_bool() ? "true" : "false";
      break;
    case Value::Type::kInt: {
      char buf[24];
      const auto r = std::to_chars(buf, buf + sizeof buf, v.as_int());
      out.append(buf, r.ptr);
      break;
    }
    case Value::Type::kDouble:
      WriteDouble(v.as_double(), out);
      break;
    case Value::Type::kString:
      WriteString(v.as_string(), out);
      break;
    case Value::Type::kArray: {
      const Array& a = v.as_array();
      out += '[';
      for (size_t i = 0; i < a.size(); ++i) {
        if (i > 0) out += ',';
        if (indent >= 0) newline(level + 1);
        WriteValue(a[i], out, indent, level + 1);
      }
      if (indent >= 0 && !a.empty()) newline(level);
      out += ']';
      break;
    }
    case Value::Type::kObject: {
      const auto& items = v.as_object().items();
      out += '{';
      for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += ',';
        if (indent >= 0) newline(level + 1);
        WriteString(items[i].first, out);
        out += indent >= 0 ? ": " : ":";
        WriteValue(items[i].second, out, indent, level + 1);
      }
      if (indent >= 0 && !items.empty()) newline(level);
      out += '}';
      break;
    }
  }
}

}  // namespace

std::string Write(const Value& v) {
  std::string out;
  out.reserve(256);
  WriteValue(v, out, -1, 0);
  return out;
}

std::string WritePretty(const Value& v) {
  std::string out;
  out.reserve(256);
  WriteValue(v, out, 2, 0);
  return out;
}

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    // Eight ASCII bytes at a time.
    while (end - p >= 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      if (w & 0x8080808080808080ULL) break;
      p += 8;
    }
    if (p == end) break;
    if (*p < 0x80) {
      ++p;
      continue;
    }
    size_t bad_len;
    const size_t n = Utf8SequenceLength(p, end, &bad_len);
    if (n == 0) return false;
    p += n;
  }
  return true;
}

}  // namespace fieldnotes::core::json
